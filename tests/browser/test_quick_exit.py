"""Safety in the app: the quick exit leaves at once and Back does not bring the workbook back;
today's step is marked done and answered on the daily page and read back from the workbook."""

from __future__ import annotations

import re

import pytest
from pages import click_button, field, fill, open_in_app, saved_message, tick, widgets_ready
from playwright.sync_api import expect

from workbook.core import clock
from workbook.store import Store

pytestmark = pytest.mark.browser

BEFORE = "data:text/html,<title>Before</title><p>The page the tab showed before.</p>"


def test_the_quick_exit_replaces_the_page_and_back_does_not_return_to_the_workbook(watched, app):
    page = watched.page
    page.goto(BEFORE)
    open_in_app(page, app, "01_the_break", ready="Save")
    # A second tab of the workbook, which must leave with the first.
    other = page.context.new_page()
    open_in_app(other, app, "03_progress")
    # The next stage opens in this tab (one tab), replacing the page: no workbook page behind it.
    page.locator("a.workbook-stage-link", has_text="Next").click()
    page.wait_for_url(re.compile("02_daily_checkin"))
    widgets_ready(page, "Keep my step")
    assert len(page.context.pages) == 2

    tick(page, "I did today’s step")
    fill(field(page, "My writing (kept in this day’s journal)"), "Ten minutes, then I stopped.")
    click_button(page, "Keep my step")
    saved_message(page, re.compile(r"the step for day \d+ is done"))
    with Store(app.data_dir) as store:
        step = [r for r in store.records_by_day("step") if r.date == clock.today()][-1]
    assert step.data == {"done": True, "writing": "Ten minutes, then I stopped."}

    exit_control = page.locator("a.workbook-quick-exit")
    expect(exit_control).to_have_count(1)
    expect(exit_control).to_be_in_viewport()
    # At the top of a page, at a laptop's size and at a phone's, the exit covers nothing a person
    # reads or taps (on the start page it once sat over the link for the moment of an urge).
    start = page.context.new_page()
    open_in_app(start, app, "00_start_here")
    for shown in (page, start):
        for size in ({"width": 1280, "height": 900}, {"width": 390, "height": 844}):
            shown.set_viewport_size(size)
            shown.wait_for_timeout(300)
            assert covered_by_quick_exit(shown) == [], (shown.url, size)
    exit_control.click()
    page.wait_for_url("about:blank")
    other.wait_for_url("about:blank")  # every tab of the workbook leaves with it
    start.wait_for_url("about:blank")
    assert page.title() == "" and other.title() == "" and start.title() == ""
    page.go_back()
    page.wait_for_load_state()
    assert page.url.startswith("data:text/html"), page.url  # not a page of the workbook


COVERED = """() => {
  const exit = document.querySelector("a.workbook-quick-exit").getBoundingClientRect();
  const meets = (r) => r.width > 0 && r.height > 0 && r.left < exit.right && r.right > exit.left
    && r.top < exit.bottom && r.bottom > exit.top;
  return [...document.querySelectorAll("a, button, input, select, textarea, h1, h2, h3, p, label")]
    .filter((e) => !e.classList.contains("workbook-quick-exit") && meets(e.getBoundingClientRect()))
    .map((e) => e.tagName + ": " + e.textContent.trim().slice(0, 60));
}"""


def covered_by_quick_exit(page) -> list[str]:
    """What the quick exit lies over, scrolled to the top: every scroller back at its start."""
    page.evaluate(
        "for (const e of [document.scrollingElement, ...document.querySelectorAll('*')])"
        "  if (e && e.scrollTop) e.scrollTop = 0;"
    )
    return page.evaluate(COVERED)
