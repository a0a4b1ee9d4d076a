"""Safety in the app: the quick exit leaves at once and Back does not bring the workbook back;
today's step is marked done and answered on the daily page and read back from the workbook."""

from __future__ import annotations

import re
from datetime import date

import pytest
from pages import click_button, field, fill, open_in_app, saved_message, tick, widgets_ready
from playwright.sync_api import expect

from workbook.store import Store

pytestmark = pytest.mark.browser

BEFORE = "data:text/html,<title>Before</title><p>The page the tab showed before.</p>"


def test_the_quick_exit_replaces_the_page_and_back_does_not_return_to_the_workbook(watched, app):
    first = watched.page
    first.goto(BEFORE)
    open_in_app(first, app, "01_the_break", ready="Save")
    # The app opens the next stage in a tab of its own, as JupyterLab does.
    with first.context.expect_page() as opened:
        first.locator("a.workbook-stage-link", has_text="Next").click()
    page = opened.value
    widgets_ready(page, "Keep my step")
    assert "02_daily_checkin" in page.url

    tick(page, "I did today’s step")
    fill(field(page, "My writing (kept in this day’s journal)"), "Ten minutes, then I stopped.")
    click_button(page, "Keep my step")
    saved_message(page, re.compile(r"the step for day \d+ is done"))
    with Store(app.data_dir) as store:
        step = [r for r in store.records_by_day("step") if r.date == date.today()][-1]
    assert step.data == {"done": True, "writing": "Ten minutes, then I stopped."}

    exit_control = page.locator("a.workbook-quick-exit")
    expect(exit_control).to_have_count(1)
    expect(exit_control).to_be_in_viewport()
    exit_control.click()
    page.wait_for_url("about:blank")
    first.wait_for_url("about:blank")  # every tab of the workbook leaves with it
    assert page.title() == "" and first.title() == ""
    assert page.go_back() is None and page.url == "about:blank"  # nothing to go back to
    first.go_back()
    first.wait_for_load_state()
    assert first.url.startswith("data:text/html"), first.url  # not a page of the workbook
