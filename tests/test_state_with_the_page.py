"""The widget state the app's server asks a page kernel for, to send with the page
(workbook/app/state_with_the_page.py, workbook/app/widget_state.py), against a real page kernel
driven by the app's own client: the widgets the page shows and every model they name, in
ipywidgets' embedding format with every attribute, the person's words as they are, and nothing
when there is nothing to send or the kernel does not answer."""

from __future__ import annotations

import ast

import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output
from test_page_kernel_client import _run, _with_a_page_kernel, app_config  # noqa: F401 — fixture

from workbook.app import state_with_the_page
from workbook.app.state_with_the_page import WIDGET_VIEW, widget_state

WORDS = '</script><script>window.__xss=1</script> "mine" & yours 你好 😊'

PAGE = (
    "import ipywidgets as w\n"
    f"words = w.Textarea(value={WORDS!r})\n"
    "inner = w.Output()\n"
    # As Voilà's executor (nbclient) fills an output widget the page writes to.
    "inner.append_display_data(w.Button(description='Save'))\n"
    "box = w.VBox([words, inner])\n"
    "never_shown = w.IntSlider(value=3)\n"
)


async def _ask_after(manager, cell: str, shown: str):
    """Run `cell`, then ask for the state of the widgets the expression `shown` names."""
    client = manager.client()
    client.start_channels()
    try:
        await client.wait_for_ready(timeout=60)
        reply = await client.execute_interactive(
            cell, user_expressions={"shown": shown}, output_hook=lambda msg: None, timeout=60
        )
        ids = ast.literal_eval(reply["content"]["user_expressions"]["shown"]["data"]["text/plain"])
        # An answer left unread, as Voilà leaves its own first request's.
        client.execute("1", store_history=False)
        return ids, await widget_state(client, ids)
    finally:
        client.stop_channels()


def _by_name(state: dict) -> dict:
    by_name: dict = {}
    for model_id, model in state["state"].items():
        by_name.setdefault(model["model_name"], []).append((model_id, model))
    return by_name


def test_the_widgets_shown_and_every_model_they_name(app_config):  # noqa: F811 — the fixture
    ids, state = _run(
        _with_a_page_kernel(app_config, lambda kernel: _ask_after(kernel, PAGE, "[box.model_id]"))
    )
    by_name = _by_name(state)
    ((words_id, words),) = by_name["TextareaModel"]
    assert words["state"]["value"] == WORDS  # the person's words, as they are
    assert words["model_module"] == "@jupyter-widgets/controls"
    ((box_id, box),) = by_name["VBoxModel"]
    assert ids == [box_id] and f"IPY_MODEL_{words_id}" in box["state"]["children"]
    # A widget shown inside an output widget is named by it, and comes too.
    ((_, button),) = by_name["ButtonModel"]
    assert button["state"]["description"] == "Save"
    # Every attribute, defaults too: the browser's defaults are not all the kernel's.
    assert button["state"]["disabled"] is False and button["state"]["tooltip"] is None
    # Each one's layout and style; and not the slider the page never showed.
    assert "LayoutModel" in by_name and "ButtonStyleModel" in by_name
    assert "IntSliderModel" not in by_name


def test_a_page_showing_no_widget_sends_none(app_config):  # noqa: F811 — the fixture
    for page, shown in ((PAGE, "[]"), ("print('words only')", "[]")):
        _, state = _run(
            _with_a_page_kernel(
                app_config, lambda kernel, page=page, shown=shown: _ask_after(kernel, page, shown)
            )
        )
        assert state is None


def test_a_kernel_that_does_not_answer_in_time_sends_none(app_config, monkeypatch):  # noqa: F811
    monkeypatch.setattr(state_with_the_page, "ANSWER_WAIT_S", 0.5)

    async def ask(manager):
        client = manager.client()
        client.start_channels()
        try:
            await client.wait_for_ready(timeout=60)
            client.execute(PAGE + "import time\ntime.sleep(5)", store_history=False)
            return await widget_state(client, ["0" * 32])
        finally:
            client.stop_channels()

    assert _run(_with_a_page_kernel(app_config, ask)) is None


@pytest.mark.parametrize("cells", [1, 3])
def test_the_state_is_asked_for_once_the_last_cell_has_run(cells, monkeypatch):
    from types import SimpleNamespace

    asked = []

    async def cells_run(self, nb, kernel_id):
        for cell in nb.cells:
            assert state_with_the_page.METADATA_KEY not in nb.metadata
            yield cell

    async def the_state(client, shown):
        asked.append((client, shown))
        return {"state": {"id": {}}}

    monkeypatch.setattr(state_with_the_page, "_run_the_cells", cells_run)
    monkeypatch.setattr(state_with_the_page, "widget_state", the_state)
    renderer = SimpleNamespace(executor=SimpleNamespace(kc="the page's client"))
    nb = new_notebook(cells=[new_code_cell(str(n)) for n in range(cells)])
    for n, cell in enumerate(nb.cells):
        view = {WIDGET_VIEW: {"model_id": f"shown-{n}", "version_major": 2}}
        cell.outputs = [new_output("display_data", data=view), new_output("stream", text="words")]
    nb.metadata[state_with_the_page.METADATA_KEY] = "left from before"

    async def render():
        return [
            c async for c in state_with_the_page._cells_then_their_widget_state(renderer, nb, "")
        ]

    assert len(_run(render())) == cells
    assert asked == [("the page's client", [f"shown-{n}" for n in range(cells)])]
    assert nb.metadata[state_with_the_page.METADATA_KEY] == {"state": {"id": {}}}
