"""Every widget handler that touches the workbook, pressed from another thread as JupyterLab does
(it sends widget events to a kernel subshell, which ipykernel runs on a thread of its own): each
saves what it says, and none meets the store's thread error ("Something went wrong")."""

from __future__ import annotations

import threading
from datetime import time, timedelta

import pytest

from tests.conftest import TODAY
from workbook.core.model import Checkin, Goal, Plan
from workbook.pages.checkin import CheckinController, CheckinView
from workbook.pages.common import SOMETHING_WENT_WRONG
from workbook.pages.keep_going import KeepGoingController, KeepGoingView
from workbook.pages.reflection import ReflectionController, ReflectionView
from workbook.pages.reminders import ReminderController, ReminderView
from workbook.pages.report import ReportController, ReportView
from workbook.pages.reunion import ReunionController, ReunionView
from workbook.pages.start import StartController, StartView
from workbook.pages.the_break import BreakController, BreakView
from workbook.store import Store

START = TODAY - timedelta(days=29)  # today is the last day: every page is open


def in_another_thread(action) -> None:
    errors = []

    def run():
        try:
            action()
        except BaseException as error:  # noqa: BLE001 — reported by the assertion below
            errors.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    assert errors == []


@pytest.fixture
def planned(data_dir):
    # Opened on this (the main) thread, as a page's first cell opens its store.
    with Store(data_dir) as store:
        store.save_plan(Plan(start_date=START, partner="Jordan", goals=(Goal("Gym", 3),)))
        store.save_checkin(Checkin(START + timedelta(days=3), 6, win="Ran 5 km"))
        yield store


def start_plan(store):
    view = StartView(StartController(store, TODAY))
    view.fields["why"].widget.value = "To find myself again"
    return view, view.save, view.result, lambda: store.plan().why == "To find myself again"


def start_who5(store):
    view = StartView(StartController(store, TODAY))
    for widget in view.who5.answers:
        widget.value = 3
    return (
        view,
        view.who5.save,
        view.who5.result,
        lambda: [w.date for w in store.who5s()] == [TODAY],
    )


def the_break(store):
    view = BreakView(BreakController(store, TODAY))
    view.fields["answer"].widget.value = "Agreed"
    return view, view.save, view.result, lambda: store.record("break").data["answer"] == "agreed"


def checkin_save(store):
    view = CheckinView(CheckinController(store, TODAY))
    view.fields["win"].widget.value = "Called my sister"
    return view, view.save, view.result, lambda: store.checkin_on(TODAY).win == "Called my sister"


def reflection_who5(store):
    view = ReflectionView(ReflectionController(store, TODAY))
    for widget in view.who5.answers:
        widget.value = 4
    return view, view.who5.save, view.who5.result, lambda: len(store.who5s()) == 1


def reflection_save(store):
    view = ReflectionView(ReflectionController(store, TODAY))
    for key, value in dict(
        want_restart=True, conviction=9, keep_growing=True, felt_safe=True
    ).items():
        view.fields[key].widget.value = value
    return view, view.save, view.result, lambda: store.record("reflection").data["gate_open"]


def reunion_save(store):
    ReflectionController(store, TODAY).on_save(
        want_restart="yes", conviction=10, keep_growing="yes", felt_safe="yes"
    )
    view = ReunionView(ReunionController(store, TODAY))
    view.fields["outcome"].widget.value = "Not yet"
    return view, view.save, view.result, lambda: store.record("reunion") is not None


def keep_going_add(store):
    view = KeepGoingView(KeepGoingController(store, TODAY))
    view.name.value, view.times.value = "Choir", 1
    return view, view.add, view.result, lambda: "Choir" in [g.name for g in store.plan().goals]


def report_json(store):
    view = ReportView(ReportController(store.data_dir, TODAY))
    reports = store.data_dir / "reports"
    return view, view.buttons["json"], view.result, lambda: any(reports.glob("*.json"))


def reminders_save(store):
    view = ReminderView(ReminderController(store))
    view.time.value = time(7, 45)
    return view, view.save, view.result, lambda: any(store.data_dir.glob("*.ics"))


HANDLERS = [
    start_plan,
    start_who5,
    the_break,
    checkin_save,
    reflection_who5,
    reflection_save,
    reunion_save,
    keep_going_add,
    report_json,
    reminders_save,
]


@pytest.mark.parametrize("handler", HANDLERS, ids=[h.__name__ for h in HANDLERS])
def test_each_handler_saves_from_a_subshells_thread(planned, handler):
    view, button, result, saved = handler(planned)
    in_another_thread(button.click)
    assert SOMETHING_WENT_WRONG not in result.value
    assert "workbook-error" not in result.value, result.value
    assert saved()


def test_the_daily_pages_date_box_reads_the_workbook_from_another_thread(planned):
    view = CheckinView(CheckinController(planned, TODAY))
    in_another_thread(lambda: setattr(view.fields["date"].widget, "value", START + timedelta(3)))
    assert view.fields["win"].widget.value == "Ran 5 km"
    assert SOMETHING_WENT_WRONG not in view.day_note.value
