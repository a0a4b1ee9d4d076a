"""A page built while its kernel heats is shown only if the workbook and the day are unchanged.

Real SQLite files throughout; "another program" is a second Store on the same file, as the
command line or another page would open it.
"""

from __future__ import annotations

import os
import shutil
from datetime import date, timedelta

import pytest

from workbook.app import preheat
from workbook.app.rehearsal import Rehearsal
from workbook.core import clock
from workbook.core.model import Checkin
from workbook.pages.common import close_widgets
from workbook.store import Store
from workbook.store.demo import fill_demo

TODAY = clock.today()  # a rehearsal is built for the workbook's day, as a heating kernel knows it


@pytest.fixture
def workbook_dir(tmp_path, monkeypatch):
    """The default workbook, as `workbook app` names it to its kernels."""
    folder = tmp_path / "workbook"
    with Store(folder) as store:
        fill_demo(store, today=TODAY)
    monkeypatch.setenv("WORKBOOK_DATA_DIR", str(folder))
    monkeypatch.setattr(preheat, "_warm_ups", [])
    return folder


class Built:
    """What a page builds: the plan's name as it was read, and whether it was thrown away."""

    def __init__(self, store: Store, today: date):
        self.name, self.today, self.store = store.plan().name, today, store
        self.discarded = False


def discard(built: Built) -> None:
    built.discarded = True


def _rehearsed(keeps_store: bool = False) -> Rehearsal[Built]:
    rehearsal = Rehearsal(Built, discard, keeps_store=keeps_store)
    rehearsal.rehearse()
    return rehearsal


def _save_elsewhere(folder, mood: int = 3) -> None:
    with Store(folder) as other:
        other.save_checkin(Checkin(date=TODAY, mood=mood, energy=5, sleep_hours=7.0))


def test_registered_to_run_before_the_wait_and_nowhere_else(workbook_dir):
    rehearsal = Rehearsal(Built, discard)
    assert rehearsal.rehearse in preheat._warm_ups
    assert rehearsal.take(None, TODAY) is None  # never rehearsed (JupyterLab, papermill): nothing


def test_unchanged_the_rehearsed_page_is_shown_once(workbook_dir):
    rehearsal = _rehearsed()
    built = rehearsal.take(None, TODAY)
    assert built is not None and built.name == "Sam" and not built.discarded
    assert rehearsal.take(None, TODAY) is None  # used once: the next page is built again


def test_a_save_by_anyone_else_throws_it_away(workbook_dir):
    rehearsal = _rehearsed()
    _save_elsewhere(workbook_dir)
    kept = rehearsal._prepared.built
    assert rehearsal.take(None, TODAY) is None
    assert kept.discarded


def test_a_save_through_its_own_store_throws_it_away(workbook_dir):
    rehearsal = _rehearsed(keeps_store=True)
    built = rehearsal._prepared.built
    built.store.save_checkin(Checkin(date=TODAY, mood=4, energy=5, sleep_hours=7.0))
    assert rehearsal.take(None, TODAY) is None
    assert built.discarded


def test_a_restored_file_in_its_place_throws_it_away(workbook_dir, tmp_path):
    copy = tmp_path / "copy.sqlite"
    db = next(workbook_dir.glob("*.sqlite*"))
    rehearsal = _rehearsed()
    shutil.copy2(db, copy)
    os.replace(copy, db)  # the same rows, a new file: as a restore puts one in place
    assert rehearsal.take(None, TODAY) is None


def test_another_day_or_another_workbook_throws_it_away(workbook_dir, tmp_path):
    rehearsal = _rehearsed()
    assert rehearsal.take(None, TODAY + timedelta(days=1)) is None  # past midnight
    rehearsal = _rehearsed()
    assert rehearsal.take(tmp_path / "someone-else", TODAY) is None


def test_the_store_stays_open_only_for_what_keeps_it(workbook_dir):
    built = _rehearsed(keeps_store=True).take(None, TODAY)
    assert built.store.plan().name == "Sam"  # a form saves through it after the page is shown
    built.store.close()
    built = _rehearsed(keeps_store=False).take(None, TODAY)
    with pytest.raises(Exception, match="closed"):
        built.store.plan()


def test_a_workbook_that_cannot_be_opened_leaves_no_rehearsal(workbook_dir):
    db = next(workbook_dir.glob("*.sqlite"))
    db.write_bytes(b"not a workbook at all")
    rehearsal = _rehearsed()
    assert rehearsal.take(None, TODAY) is None  # the page itself then says what is wrong


def test_a_rehearsed_view_never_shown_closes_all_its_widgets():
    import ipywidgets

    inner = ipywidgets.IntSlider()
    box = ipywidgets.VBox([ipywidgets.HBox([inner, ipywidgets.Text()])])
    close_widgets(box)
    assert inner.comm is None and inner.layout.comm is None and inner.style.comm is None
    assert box.comm is None


def test_a_backup_restored_over_it_throws_it_away(workbook_dir):
    from workbook.store.restore import restore

    with Store(workbook_dir) as store:
        copy = store.backup()
    _save_elsewhere(workbook_dir, mood=9)  # life goes on after the backup
    rehearsal = _rehearsed()
    restore(workbook_dir, copy)  # written into the same file, page by page
    assert rehearsal.take(None, TODAY) is None
