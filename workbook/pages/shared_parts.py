"""One layout and one style for all the words on a page, not one of each per piece of words.

ipywidgets gives every widget a Layout and (most kinds) a style of its own: each a widget model
that the kernel sends and the browser builds before it draws the page. On the start page 293
models came to the browser for 107 things shown: 69 of them empty Layouts and 32 default HTML
styles, the layout and style of the pieces of words (`widgets.HTML`, 32 there). The pieces of words
here share one of each, which ipywidgets draws like any other (a model may be the layout of many
widgets): 231 models on the start page, 223 KB of widget state sent to the browser instead of
274 KB, and its widgets built in 120 ms of Python instead of 145 (medians of seven, measured
outside a kernel, where no message is sent).

A shared part must not change: a change would reach every piece of words at once (hiding one box
would hide them all). So the shared parts refuse a change, and a widget that needs to change its
layout (a box shown or hidden) is given a layout of its own, as every other kind of widget is.
"""

from __future__ import annotations

import functools


class SharedPartChanged(AttributeError):
    pass


def _frozen(kind):
    class Frozen(kind):
        _frozen = False

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self._frozen = True

        def __setattr__(self, name, value):
            if self._frozen and self.has_trait(name) and name in self.keys:
                raise SharedPartChanged(
                    f"{name} of a layout or style shared by many widgets: "
                    "give the widget one of its own"
                )
            super().__setattr__(name, value)

    Frozen.__name__ = Frozen.__qualname__ = f"Shared{kind.__name__}"
    return Frozen


@functools.cache
def shared_layout():
    import ipywidgets

    return _frozen(ipywidgets.Layout)()


@functools.cache
def shared_html_style():
    from ipywidgets.widgets.widget_string import HTMLStyle

    return _frozen(HTMLStyle)()


def is_shared(part) -> bool:
    return hasattr(part, "_frozen")


@functools.cache
def words_class():
    """ipywidgets' HTML, its layout and style shared unless given."""
    import ipywidgets

    class HTML(ipywidgets.HTML):
        def __init__(self, value=None, **kwargs):
            kwargs.setdefault("layout", shared_layout())
            kwargs.setdefault("style", shared_html_style())
            super().__init__(value, **kwargs)

    return HTML
