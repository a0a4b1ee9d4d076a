"""The app sends a page's widget state with the page, so the browser draws the widgets at once.

Without it, Voilà's page loads, opens a websocket to its kernel and asks for every widget's state
(ipywidgets' `request_states`), and draws no widget until the answer comes: on the daily check-in
that wait was most of the 0.2 s between the page's last cell shown and its widgets drawn. Here,
once the page's last cell has run and while Voilà's client of the kernel is still connected, the
server asks the kernel for the state of the widgets the page's outputs show, and of every model
they name (workbook/app/widget_state.py), and the page's template puts it in the page
(jupyter_config/share/voila/templates/workbook, `body_footer`); the app's extension makes the
widgets' models from it (labextension/app/src/widgetStateWithThePage.ts).

Should the kernel not answer in time, or a cell fail before the last, the page goes without it and
its widgets are drawn from the kernel's answer, as before.
"""

from __future__ import annotations

import json
import logging
import time
from queue import Empty

from voila.notebook_renderer import NotebookRenderer

# Where the page's template finds the state: the notebook it renders, in its metadata.
METADATA_KEY = "workbook_widget_state"
EXPRESSION = (
    "__import__('workbook.app.widget_state', fromlist=['StateForThePage']).StateForThePage({})"
)
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# The kernel computes it in milliseconds; past this the page goes without it.
ANSWER_WAIT_S = 2.0

_run_the_cells = NotebookRenderer._jinja_cell_generator


async def widget_state(client, shown: list[str]) -> dict | None:
    """The state of the widgets `shown` (their model ids), and of every model they name, in the
    kernel `client` talks to (Voilà's own client of the page); None if there is none or the kernel
    does not answer in time."""
    expression = EXPRESSION.format(json.dumps([str(model_id) for model_id in shown]))
    msg_id = client.execute(
        "", silent=True, store_history=False, user_expressions={"state": expression}
    )
    deadline = time.monotonic() + ANSWER_WAIT_S
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        try:
            reply = await client.get_shell_msg(timeout=remaining)
        except (TimeoutError, Empty):
            return None
        # Voilà's own first request (the kernel's id) is never read: its answer comes first.
        if reply.get("parent_header", {}).get("msg_id") == msg_id:
            break
    answer = reply["content"].get("user_expressions", {}).get("state", {})
    if answer.get("status") != "ok":
        return None
    state = json.loads(answer["data"]["text/plain"])
    return state if isinstance(state, dict) and state.get("state") else None


async def _cells_then_their_widget_state(self, nb, kernel_id):
    """Voilà's cells as it runs them, then, once the last has run, the page's widget state."""
    nb.metadata.pop(METADATA_KEY, None)
    cells, ran, shown = len(nb.cells), 0, []
    async for cell in _run_the_cells(self, nb, kernel_id):
        ran += 1
        shown.extend(_widgets_shown(cell))
        yield cell  # the last cell goes to the browser first; the state follows it
        if ran == cells and shown:
            try:
                state = await widget_state(self.executor.kc, shown)
            except Exception as error:  # noqa: BLE001 — the page draws its widgets as before
                logging.getLogger("workbook").warning("no widget state with the page: %s", error)
                state = None
            if state is not None:
                nb.metadata[METADATA_KEY] = state


def _widgets_shown(cell) -> list[str]:
    """The model ids of the widgets a cell's outputs show."""
    return [
        output["data"][WIDGET_VIEW]["model_id"]
        for output in cell.get("outputs", ())
        if WIDGET_VIEW in output.get("data", {}) and output["data"][WIDGET_VIEW].get("model_id")
    ]


def send_widget_state_with_the_page() -> None:
    """From now on, every page Voilà renders in this process carries its widgets' state."""
    NotebookRenderer._jinja_cell_generator = _cells_then_their_widget_state
