"""Every word typed is saved, however fast a person types and saves, in the app and in JupyterLab.

ipywidgets sends a text box's first change and holds its later ones until the kernel has answered
the first; a click goes out at once. On a loaded machine a check-in typed "The sea" and saved at
once was saved as "T" (a clean-clone CI run). Here the kernel's answers are held back in the
browser's websocket while a person types and presses Save, so the click always overtakes the
words unless the page sends the held words first (labextension/src/wordsBeforeClicks.ts). In
JupyterLab the kernel must also handle them in the order sent: one shell, no comm subshells
(jupyter_config/lab-app-settings/overrides.json).
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from conftest import Server
from pages import open_in_lab, saved_message, widgets_ready
from playwright.sync_api import Page, WebSocketRoute

from workbook.core import clock
from workbook.core.model import Goal, Plan
from workbook.store import Store

GRATEFUL = "One thing you are grateful for"
WORDS = "The sea at dawn, and tea"
SUBSHELL = re.compile(rb'"subshell_id": ?"([^"]+)"')


class SlowKernel:
    """Holds every message from the kernel to the page until `answer()`: a kernel too busy to
    answer, as on a loaded machine, while the page's own messages still go out at once. Notes
    the kernel subshells the page's messages are addressed to."""

    def __init__(self, page: Page):
        self.holding = False
        self.held: list[tuple[WebSocketRoute, str | bytes]] = []
        self.subshells: set[str] = set()
        page.route_web_socket("**/api/kernels/**", self._route)

    def _route(self, ws: WebSocketRoute) -> None:
        server = ws.connect_to_server()
        server.on_message(lambda message: self._from_kernel(ws, message))
        ws.on_message(lambda message: self._from_page(server, message))

    def _from_page(self, server: WebSocketRoute, message: str | bytes) -> None:
        raw = message if isinstance(message, bytes) else message.encode()
        self.subshells.update(m.decode() for m in SUBSHELL.findall(raw))
        server.send(message)

    def _from_kernel(self, ws: WebSocketRoute, message: str | bytes) -> None:
        if self.holding:
            self.held.append((ws, message))
        else:
            ws.send(message)

    def answer(self) -> None:
        self.holding = False
        held, self.held = self.held, []
        for ws, message in held:
            ws.send(message)


@pytest.fixture
def planned_home(tmp_path):
    """A workbook on day 4 with nothing checked in today."""
    with Store(tmp_path / "data") as store:
        store.save_plan(Plan(start_date=clock.today() - timedelta(days=3), goals=(Goal("Gym", 3),)))
    return tmp_path


def type_fast_and_save(page: Page, slow: SlowKernel) -> None:
    box = page.get_by_role("textbox", name=GRATEFUL, exact=True)
    box.click()
    slow.holding = True
    page.keyboard.type(WORDS)  # one keystroke after another, no pause: faster than any kernel
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_timeout(500)  # the click (and anything sent before it) leaves the browser
    assert slow.held, "the kernel's answers were not held back: this test proves nothing"
    slow.answer()


def saved_gratitude(data_dir) -> str | None:
    with Store(data_dir) as store:
        checkin = store.checkin_on(clock.today())
    return checkin.gratitude if checkin else None


def open_checkin_in_the_app(page: Page, server: Server) -> None:
    page.goto(server.url("voila/render/02_daily_checkin.ipynb"))
    widgets_ready(page, "Save")


def open_checkin_in_lab(page: Page, server: Server) -> None:
    open_in_lab(page, server, "02_daily_checkin", ready="Save")


@pytest.mark.parametrize(
    "kind, open_checkin", [("app", open_checkin_in_the_app), ("lab", open_checkin_in_lab)]
)
def test_words_typed_and_saved_at_once_are_all_saved(watched, planned_home, kind, open_checkin):
    (planned_home / kind).mkdir()
    server = Server(kind, planned_home / "data", planned_home / kind)
    try:
        page = watched.page
        slow = SlowKernel(page)
        open_checkin(page, server)
        type_fast_and_save(page, slow)
        saved_message(page, "Saved your check-in")
        assert saved_gratitude(server.data_dir) == WORDS
        # One queue for the page's messages: in JupyterLab, ipykernel sends a widget's message to
        # the subshell it last spoke from, so a box's words (on a subshell) and the click (on the
        # main shell) were handled on two threads, the click sometimes first (the workbook's Lab
        # settings turn comms over subshells off). The app's kernels get none.
        assert not slow.subshells, f"the page's messages went to subshells: {slow.subshells}"
    finally:
        server.stop()
