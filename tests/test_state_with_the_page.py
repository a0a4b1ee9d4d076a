"""The widget state the app's server asks a page kernel for, to send with the page
(workbook/app/state_with_the_page.py, workbook/app/widget_state.py), against a real page kernel
driven by the app's own client: every widget's state in ipywidgets' embedding format, the person's
words as they are, and nothing when there is nothing to send or the kernel does not answer."""

from __future__ import annotations

import pytest
from test_page_kernel_client import _run, _with_a_page_kernel, app_config  # noqa: F401 — fixture

from workbook.app import state_with_the_page
from workbook.app.state_with_the_page import widget_state

WORDS = '</script><script>window.__xss=1</script> "mine" & yours 你好 😊'


async def _ask_after(manager, *cells: str):
    client = manager.client()
    client.start_channels()
    try:
        await client.wait_for_ready(timeout=60)
        for cell in cells:
            # Run, and leave the answer unread, as Voilà leaves its own first request's.
            client.execute(cell, store_history=False)
        return await widget_state(client)
    finally:
        client.stop_channels()


def test_every_widget_s_state_as_ipywidgets_embeds_it(app_config):  # noqa: F811 — the fixture
    cell = (
        "import ipywidgets as w\n"
        f"words = w.Textarea(value={WORDS!r})\n"
        "box = w.VBox([words, w.Button(description='Save')])\n"
        "box"
    )
    state = _run(_with_a_page_kernel(app_config, lambda manager: _ask_after(manager, cell)))

    models = state["state"]
    by_name = {}
    for model_id, model in models.items():
        by_name.setdefault(model["model_name"], []).append((model_id, model))
    ((words_id, words),) = by_name["TextareaModel"]
    assert words["state"]["value"] == WORDS  # the person's words, as they are
    assert words["model_module"] == "@jupyter-widgets/controls"
    ((_, box),) = by_name["VBoxModel"]
    assert f"IPY_MODEL_{words_id}" in box["state"]["children"]
    ((_, button),) = by_name["ButtonModel"]
    assert button["state"]["description"] == "Save"
    assert "disabled" not in button["state"]  # defaults left out, as ipywidgets embeds


def test_a_page_without_widgets_sends_none(app_config):  # noqa: F811 — the fixture
    cell = "print('words only')"
    state = _run(_with_a_page_kernel(app_config, lambda manager: _ask_after(manager, cell)))
    assert state is None


def test_a_kernel_that_does_not_answer_in_time_sends_none(app_config, monkeypatch):  # noqa: F811
    monkeypatch.setattr(state_with_the_page, "ANSWER_WAIT_S", 0.5)
    cells = ("import ipywidgets as w\nbutton = w.Button()", "import time\ntime.sleep(5)")
    state = _run(_with_a_page_kernel(app_config, lambda manager: _ask_after(manager, *cells)))
    assert state is None


@pytest.mark.parametrize("cells", [1, 3])
def test_the_page_s_template_gets_the_state_only_once_its_last_cell_has_run(cells, monkeypatch):
    from types import SimpleNamespace

    from nbformat.v4 import new_code_cell, new_notebook

    asked = []

    async def cells_run(self, nb, kernel_id):
        for cell in nb.cells:
            assert state_with_the_page.METADATA_KEY not in nb.metadata
            yield cell

    async def the_state(client):
        asked.append(client)
        return {"state": {"id": {}}}

    monkeypatch.setattr(state_with_the_page, "_run_the_cells", cells_run)
    monkeypatch.setattr(state_with_the_page, "widget_state", the_state)
    renderer = SimpleNamespace(executor=SimpleNamespace(kc="the page's client"))
    nb = new_notebook(cells=[new_code_cell(str(n)) for n in range(cells)])
    nb.metadata[state_with_the_page.METADATA_KEY] = "left from before"

    async def render():
        return [
            c async for c in state_with_the_page._cells_then_their_widget_state(renderer, nb, "")
        ]

    assert len(_run(render())) == cells
    assert asked == ["the page's client"]
    assert nb.metadata[state_with_the_page.METADATA_KEY] == {"state": {"id": {}}}
