"""The pieces of words on a page share one layout and one style (workbook/pages/shared_parts.py),
which refuse to change, and closing a view leaves them for the rest of the page."""

from __future__ import annotations

import ipywidgets
import pytest
from ipywidgets.widgets.widget import _instances

from workbook.pages import nav, start
from workbook.pages.common import close_widgets, message, widgets
from workbook.pages.forms import Field, labels_itself
from workbook.pages.shared_parts import SharedPartChanged, shared_html_style, shared_layout


def test_pieces_of_words_share_one_layout_and_one_style():
    first, second = widgets.HTML("one"), message("two")
    assert isinstance(first, ipywidgets.HTML)
    assert first.layout is second.layout is shared_layout()
    assert first.style is second.style is shared_html_style()
    # Given its own, a piece of words keeps it.
    own = widgets.HTML("three", layout=ipywidgets.Layout(margin="1em"))
    assert own.layout is not shared_layout() and own.layout.margin == "1em"


@pytest.mark.parametrize("part", [shared_layout, shared_html_style])
def test_a_shared_part_refuses_to_change(part):
    shared = part()
    name = "display" if part is shared_layout else "font_size"
    with pytest.raises(SharedPartChanged):
        setattr(shared, name, "none")
    assert getattr(shared, name) is None


def test_closing_a_view_leaves_the_shared_parts_open_for_the_rest_of_the_page():
    box = widgets.VBox([widgets.HTML("gone"), widgets.Text()])
    close_widgets(box)
    assert shared_layout().comm is not None and shared_html_style().comm is not None
    assert widgets.HTML("still drawn").layout.comm is not None


def test_a_piece_of_words_in_a_field_is_still_not_a_labelled_control():
    assert not labels_itself(widgets.HTML("words"))
    assert not labels_itself(ipywidgets.HTML("words"))
    assert labels_itself(widgets.Text())
    Field("A label", widgets.HTML("words"))  # a heading above it, its style left alone


def test_the_start_page_sends_one_layout_for_all_its_words(tmp_path, capsys):
    before = set(_instances)
    nav.show_stage_map(data_dir=tmp_path / "data", today=None)
    start.show_programme(data_dir=tmp_path / "data")
    start.show(data_dir=tmp_path / "data", today=None)
    made = [w for key, w in _instances.items() if key not in before]
    words = [w for w in made if isinstance(w, ipywidgets.HTML)]
    assert len(words) > 10
    assert {id(w.layout) for w in words} == {id(shared_layout())}
    layouts = [w for w in made if isinstance(w, ipywidgets.Layout)]
    assert len(layouts) < len([w for w in made if isinstance(w, ipywidgets.DOMWidget)])
