"""The reminders panel in a real browser: pick a time, press the button, find the file."""

from __future__ import annotations

from datetime import time

import pytest
from icalendar import Calendar
from pages import (
    SCREENSHOTS,
    assert_file_link_opens,
    click_button,
    open_in_app,
    open_in_lab,
    saved_message,
)
from playwright.sync_api import expect

from workbook.views.calendar_file import DEFAULT_NAME

pytestmark = pytest.mark.browser


def pick_time(page, value: str) -> None:
    """Type a time into the labelled time picker, as a person with a keyboard does."""
    picker = page.locator(".widget-timepicker", has_text="Remind me at")
    expect(picker).to_be_visible()
    control = picker.locator("input[type=time]")
    control.fill(value)
    control.press("Tab")


def check_in_times(path) -> set[time]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {e.decoded("dtstart").time() for e in calendar.walk("VEVENT")}


def test_reminders_from_the_daily_page_in_the_app(watched, app):
    page = watched.page
    open_in_app(page, app, "02_daily_checkin", ready="Save my reminders")
    pick_time(page, "07:45")
    click_button(page, "Save my reminders")
    path = (app.data_dir / DEFAULT_NAME).resolve()
    saved_message(page, str(path))
    assert check_in_times(path) == {time(7, 45)}
    assert_file_link_opens(page, app, path)
    panel = page.locator(".widget-vbox", has=page.locator(".widget-timepicker")).last
    panel.scroll_into_view_if_needed()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    panel.screenshot(path=str(SCREENSHOTS / "reminders.png"))


def test_reminders_from_the_start_page_in_lab(watched, lab):
    page = watched.page
    open_in_lab(page, lab, "00_start_here", ready="Save my reminders")
    pick_time(page, "21:30")
    click_button(page, "Save my reminders")
    saved_message(page, "Your reminders are saved").first.scroll_into_view_if_needed()
    assert check_in_times(lab.data_dir / DEFAULT_NAME) == {time(21, 30)}
    assert_file_link_opens(page, lab, lab.data_dir / DEFAULT_NAME)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "reminders-start-lab.png"))
