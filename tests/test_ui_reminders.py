"""The reminders panel through its real widgets: set the time, click, read the file back."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from icalendar import Calendar

from tests.conftest import TODAY
from workbook.core.model import Plan
from workbook.pages.checkin import CheckinController, CheckinView
from workbook.pages.reminders import ReminderController, ReminderView
from workbook.pages.start import StartController, StartView
from workbook.store import Store
from workbook.views.calendar_file import DEFAULT_NAME


@pytest.fixture
def odd_store(tmp_path, monkeypatch):
    """A workbook in a folder whose name looks like markup: the page must show it as text."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    with Store(tmp_path / "<b>me</b> & co") as store:
        yield store


def check_in_times(path) -> set[time]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {e.decoded("dtstart").time() for e in calendar.walk("VEVENT")}


def test_the_panel_saves_the_file_and_says_where_escaped(odd_store):
    odd_store.save_plan(Plan(start_date=TODAY - timedelta(days=3), partner="Jordan"))
    view = ReminderView(ReminderController(odd_store))
    assert view.time.description and view.save.description  # visible labels
    view.time.value = time(7, 45)
    view.save.click()
    path = odd_store.data_dir / DEFAULT_NAME
    assert check_in_times(path) == {time(7, 45)}
    assert "workbook-success" in view.result.value
    assert "&lt;b&gt;me&lt;/b&gt; &amp; co" in view.result.value
    assert "<b>me</b>" not in view.result.value
    # Pressed again at another time, it replaces its own file in the data folder.
    view.time.value = time(21, 0)
    view.save.click()
    assert check_in_times(path) == {time(21, 0)}
    assert "workbook-success" in view.result.value


def test_no_time_or_no_plan_says_so_and_writes_nothing(odd_store):
    view = ReminderView(ReminderController(odd_store))
    view.save.click()
    assert "no plan yet" in view.result.value and "workbook-error" in view.result.value
    odd_store.save_plan(Plan(start_date=TODAY))
    view.time.value = None
    outcome = view.on_save()
    assert not outcome.ok and outcome.field == "time"
    assert "choose a time" in view.result.value
    assert not (odd_store.data_dir / DEFAULT_NAME).exists()


def test_the_start_page_shows_the_panel_once_the_plan_is_saved(store):
    view = StartView(StartController(store, TODAY))
    assert view.reminders.box.layout.display == "none"
    assert view.reminders.box in view.box.children
    view.fields["start"].widget.value = TODAY
    view.save.click()
    assert view.reminders.box.layout.display is None
    view.reminders.save.click()
    assert (store.data_dir / DEFAULT_NAME).exists()


def test_the_daily_page_has_the_panel(store):
    store.save_plan(Plan(start_date=TODAY - timedelta(days=1)))
    view = CheckinView(CheckinController(store, TODAY))
    assert view.reminders.box in view.box.children
    assert view.reminders.box.layout.display is None
    view.reminders.time.value = time(19, 30)
    view.reminders.save.click()
    assert check_in_times(store.data_dir / DEFAULT_NAME) == {time(19, 30)}
