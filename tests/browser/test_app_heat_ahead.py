"""The page a stage's "Next" link opens is heated as the stage is asked for, shows the workbook as
it is when it is opened, is not heated again once used, and is stopped if never opened
(workbook/app/heat_ahead.py), in the real `workbook app` of the `app` fixture."""

from __future__ import annotations

import re
import time
from dataclasses import replace

import pytest
from playwright.sync_api import expect

from workbook.store import Store

pytestmark = pytest.mark.browser

LAST_CELL = ".workbook-stages"


def _wait_for_log(server, text: str, count: int = 1, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while server.log_path.read_text(errors="replace").count(text) < count:
        assert time.monotonic() < deadline, f"not in the app's log: {text!r}\n{server.log()}"
        time.sleep(0.5)


def _count(server, text: str) -> int:
    return server.log_path.read_text(errors="replace").count(text)


def _used(server, notebook: str) -> int:
    log = server.log_path.read_text(errors="replace")
    return len(re.findall(rf"Using pre-heated kernel: \S+ for {re.escape(notebook)}", log))


def test_the_next_page_is_heated_and_shows_the_workbook_as_it_is_when_opened(browser, app):
    server = app
    filled = "Kernel pool of 01_the_break.ipynb is filled"
    page = browser.new_page()
    try:
        # A kernel an earlier test had heated for the break page is used up first: the one this
        # test sees heated is heated by the visit below.
        page.goto(server.url("voila/render/01_the_break.ipynb"))
        expect(page.locator(LAST_CELL)).to_be_visible()
        before = _count(server, filled), _used(server, "01_the_break.ipynb")
        page.goto(server.url("voila/render/00_start_here.ipynb"))
        expect(page.locator(LAST_CELL)).to_be_visible()
        _wait_for_log(server, filled, before[0] + 1)
        time.sleep(3)  # heated up to its wait: its page is built from the workbook as it was

        with Store(server.data_dir) as store:  # changed after the page was built ahead
            plan = store.plan()
            store.save_plan(replace(plan, partner="Robin Heated"))
        try:
            page.goto(server.url("voila/render/01_the_break.ipynb"))
            expect(page.locator(LAST_CELL)).to_be_visible()
            expect(page.get_by_text("Robin Heated").first).to_be_visible()
            assert _used(server, "01_the_break.ipynb") == before[1] + 1, "it started cold"
            heated = _count(server, filled)
            time.sleep(6)  # Voilà refills a used pool 4 s after its use: this one it must not
            assert _count(server, filled) == heated
        finally:
            with Store(server.data_dir) as store:
                store.save_plan(replace(store.plan(), partner=plan.partner))
    finally:
        page.close()


def test_a_heated_page_nobody_opens_is_stopped(browser, app):
    """The tests' app stops it after 30 s (UNUSED_FOR_S, set in conftest's QUICK_CULL)."""
    server = app
    stopped = "Stopped the kernel heated for 06_keep_going.ipynb"
    before, died = _count(server, stopped), _count(server, "Kernel died")
    page = browser.new_page()
    try:
        page.goto(server.url("voila/render/05_reunion.ipynb"))
        expect(page.locator(LAST_CELL)).to_be_visible()
        _wait_for_log(server, "Kernel pool of 06_keep_going.ipynb is filled")
        _wait_for_log(server, stopped, before + 1, timeout=120)
        # Its page ran to its end first: no cell was cut off by the kernel's stop.
        assert _count(server, "Kernel died") == died, server.log()
    finally:
        page.close()
