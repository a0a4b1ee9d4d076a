"""What every stage's view shares: kind message boxes, escaping, and never a traceback."""

from __future__ import annotations

import functools
import logging
import traceback

from IPython.display import HTML, display

from ..core.messages import say
from ..core.validation import InputError
from ..views.html_pieces import message_box
from .context import Ahead

log = logging.getLogger("workbook")


class _LazyWidgets:
    """ipywidgets, imported on first use: a page given its answers as parameters (papermill)
    builds no widget, so it does not pay for importing ipywidgets (see benchmarks/run.py)."""

    def __getattr__(self, name: str):
        import ipywidgets

        return getattr(ipywidgets, name)


widgets = _LazyWidgets()

SOMETHING_WENT_WRONG = say("something_went_wrong")


def message_html(text="", kind: str = "info", **parts) -> str:
    """A calm coloured box, all of it plain text (see html_pieces.message_box for `parts`)."""
    return message_box(text, kind, **parts)


def message(text="", kind: str = "info", **parts) -> widgets.HTML:
    return widgets.HTML(message_box(text, kind, **parts))


def show_message(text="", kind: str = "info", **parts) -> None:
    display(HTML(message_box(text, kind, **parts)))


def on_click(button, handler, *, report_to) -> None:
    """Call `handler()` when `button` is clicked; a failure is said kindly in `report_to`."""
    button.on_click(lambda _: _kindly(handler, report_to))


def on_change(widget, handler, *, report_to) -> None:
    """Call `handler()` when `widget`'s value changes; a failure is said kindly in `report_to`."""
    widget.observe(lambda _: _kindly(handler, report_to), names="value")


def _kindly(handler, report_to) -> None:
    # A widget's event runs outside any cell (in a JupyterLab sending comms to subshells, on a
    # subshell's thread), so an error raised here would reach only the log console while the page
    # looked fine: say it on the page instead, in the box beside the control.
    try:
        handler()
    except InputError as error:
        report_to.value = message_html(str(error), "error")
    except Exception:  # noqa: BLE001 — a person in pain should never meet a traceback
        log.error("workbook error in %s:\n%s", handler, traceback.format_exc())
        report_to.value = message_html(SOMETHING_WENT_WRONG, "error")


def never_a_traceback(func):
    """Run a notebook-facing call; show bad input kindly and unexpected errors calmly, never raw."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except InputError as error:
            show_message(str(error), "error")
        except Exception:  # noqa: BLE001 — a person in pain should never meet a traceback
            log.error("workbook error in %s:\n%s", func.__name__, traceback.format_exc())
            show_message(SOMETHING_WENT_WRONG, "error")
        return None

    return wrapper


def close_widgets(widget) -> None:
    """Close a widget and everything in it (its children, their layouts and styles): a view
    built but never shown leaves nothing behind in the kernel or the page."""
    for child in getattr(widget, "children", ()):
        close_widgets(child)
    for part in ("layout", "style"):
        inner = getattr(widget, part, None)
        if inner is not None and hasattr(inner, "close"):
            inner.close()
    widget.close()


def form_built_ahead(build) -> Ahead:
    """In the app, a page's form built before anyone asks (context.Ahead): it saves through the
    store it was built with, and a form thrown away is closed with everything in it."""
    return Ahead(build, lambda view: close_widgets(view.box), keeps_store=True)
