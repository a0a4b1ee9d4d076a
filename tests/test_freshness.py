"""A page knows whether the workbook changed elsewhere since it showed it (workbook.store.freshness):
JupyterLab's extension asks as a stage's tab is shown again, and runs the page again if so."""

from __future__ import annotations

import os
import shutil
import threading
from datetime import date, timedelta

import pytest

from workbook.core import clock
from workbook.core.model import Checkin
from workbook.pages import context
from workbook.pages.context import PageStore, open_store, resolve_today
from workbook.store import Store, freshness

DAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def _a_new_page(monkeypatch):
    """Each test is a page kernel of its own: nothing shown yet."""
    monkeypatch.setattr(freshness, "_watch", None)
    monkeypatch.setattr(freshness, "_real_day", None)
    yield
    if freshness._watch is not None:
        freshness._watch.close()


def checkin(mood: int, day: date = DAY) -> Checkin:
    return Checkin(date=day, mood=mood)


def test_nothing_shown_is_never_stale():
    assert freshness.stale() is False


def test_a_save_elsewhere_makes_the_page_stale_until_it_runs_again(data_dir):
    page = open_store(data_dir)
    assert freshness.stale() is False
    with Store(data_dir) as elsewhere:  # another page's kernel, or `workbook checkin`
        elsewhere.save_checkin(checkin(4))
    assert freshness.stale() is True
    assert freshness.stale() is True  # asking does not forget it
    page.close()
    again = open_store(data_dir)  # the page runs again
    assert freshness.stale() is False
    again.close()


def test_reading_elsewhere_is_no_change(data_dir):
    with Store(data_dir) as first:
        first.save_checkin(checkin(4))
    page = open_store(data_dir)
    with Store(data_dir) as elsewhere:
        assert elsewhere.checkin_on(DAY).mood == 4
        elsewhere.snapshot()
    assert freshness.stale() is False
    page.close()


def test_the_pages_own_save_is_not_stale(data_dir):
    page = open_store(data_dir)
    page.save_checkin(checkin(6))
    page.save_record("reflection", DAY, {"conviction": 9})
    assert freshness.stale() is False
    page.close()


def test_a_page_whose_store_is_closed_still_knows(data_dir):
    with open_store(data_dir):  # the progress page reads, then closes its store
        pass
    assert freshness.stale() is False
    with Store(data_dir) as elsewhere:
        elsewhere.save_checkin(checkin(3))
    assert freshness.stale() is True


def test_a_change_elsewhere_before_the_pages_own_save_still_counts(data_dir):
    page = open_store(data_dir)
    with Store(data_dir) as elsewhere:
        elsewhere.save_checkin(checkin(3, DAY - timedelta(days=1)))
    page.save_checkin(checkin(6))
    assert freshness.stale() is True
    page.close()


def test_a_save_from_another_thread_of_the_page_is_its_own(data_dir):
    # JupyterLab may run a widget's handler on another thread than the page's cells: the page's
    # save then comes from a connection of that thread.
    page = open_store(data_dir)
    errors = []

    def handler():
        try:
            with freshness.own_save(page), Store(data_dir) as in_thread:
                in_thread.save_checkin(checkin(8))
        except Exception as error:  # noqa: BLE001 — reported below
            errors.append(error)

    thread = threading.Thread(target=handler)
    thread.start()
    thread.join()
    assert not errors
    assert freshness.stale() is False
    page.close()


def test_a_new_file_in_the_workbooks_place_is_a_change(data_dir, tmp_path):
    with Store(data_dir) as first:
        first.save_checkin(checkin(4))
    other = tmp_path / "other"
    with Store(other) as second:
        second.save_checkin(checkin(9))
    page = open_store(data_dir)
    page.close()
    for name in os.listdir(data_dir):
        if name.endswith(("-wal", "-shm")):
            os.remove(data_dir / name)
    copy = data_dir / "copy"
    shutil.copyfile(other / page.path.name, copy)
    os.replace(copy, page.path)  # a new file, as a restore from elsewhere may leave
    assert freshness.stale() is True


class Tomorrow(date):
    """The real date, a day on: what `date.today()` says once midnight has passed."""

    @classmethod
    def today(cls):
        return date.today() + timedelta(days=1)


def test_a_page_that_follows_the_real_date_is_stale_the_next_day(data_dir, monkeypatch):
    monkeypatch.delenv(clock.PINNED_DAY, raising=False)
    page = open_store(data_dir)
    resolve_today(None)
    assert freshness.stale() is False

    monkeypatch.setattr(clock, "date", Tomorrow)
    assert freshness.stale() is True
    page.close()


def test_a_page_pinned_to_a_day_does_not_follow_the_real_date(data_dir, monkeypatch):
    page = open_store(data_dir)
    assert resolve_today("2026-11-20") == DAY

    monkeypatch.setattr(clock, "date", Tomorrow)
    assert freshness.stale() is False
    page.close()


def test_every_save_of_the_store_is_a_pages_own_when_the_page_makes_it():
    saves = {name for name in dir(Store) if name.startswith("save_")}
    assert saves == set(context.SAVES)
    for name in saves:
        assert getattr(PageStore, name) is not getattr(Store, name), name
