"""One workbook open in several processes at once, as a person has it: a JupyterLab page's kernel
that has run its page more than once, and `workbook checkin` (or another page) beside it.

POSIX locks belong to a process, and closing any descriptor of a file drops all of that process's
locks on it, those SQLite holds for its connections included. A store that read the file's header
with a plain `open()` while an earlier store of the same kernel was still open left that kernel
holding no lock at all; the next program to close the workbook then took it for the last one,
folded the write-ahead log in and deleted it, and every later save of the kernel went into the
deleted log: "saved" on the page, and in no file anyone could read.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date

from workbook.core import clock
from workbook.store import Store
from workbook.store.demo import fill_demo

TODAY = date(2026, 11, 20)

READ_AND_CLOSE = """
import sys
from workbook.store import Store
with Store(sys.argv[1]) as store:
    print(len(store.plan().goals))
"""


def goals_seen_by_another_program(data_dir) -> int:
    done = subprocess.run(
        [sys.executable, "-c", READ_AND_CLOSE, str(data_dir)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return int(done.stdout)


def test_a_save_after_the_page_ran_again_reaches_the_file_others_read(tmp_path):
    with Store(tmp_path) as demo:
        fill_demo(demo, today=TODAY)
        goals_before = len(demo.plan().goals)

    first_run = Store(tmp_path)  # the page as it first ran in its kernel, still open
    try:
        with Store(tmp_path) as again:  # the page run again in the same kernel
            plan = again.plan()
            assert goals_seen_by_another_program(tmp_path) == goals_before  # opened and closed
            more = replace(plan, goals=(*plan.goals, replace(plan.goals[0], name="Choir")))
            again.save_plan(more)
            assert len(again.plan().goals) == goals_before + 1  # the page sees its own save
            # ...and so does everyone else, from the file.
            assert goals_seen_by_another_program(tmp_path) == goals_before + 1
        first_run.save_plan(plan)  # the older store still writes where everyone reads
        assert goals_seen_by_another_program(tmp_path) == goals_before
    finally:
        first_run.close()
    with Store(tmp_path) as store:
        assert [len(p.goals) for p in store.plan_history()][-2:] == [goals_before + 1, goals_before]


def test_a_kept_ready_page_saves_where_everyone_reads_after_its_page_opened_the_workbook(
    tmp_path, monkeypatch
):
    """The app's way to the same place: a kept-ready kernel builds its page ahead from a store it
    keeps for the page's form (workbook/app/rehearsal.py); asked for, the page opens the workbook
    again (`open_store`, in the same kernel), and another program opens and closes it meanwhile."""
    from workbook.app import preheat
    from workbook.app.rehearsal import Rehearsal
    from workbook.pages.context import open_store

    with Store(tmp_path) as demo:
        fill_demo(demo, today=clock.today())
        goals_before = len(demo.plan().goals)
    monkeypatch.setenv("WORKBOOK_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(preheat, "_warm_ups", [])

    rehearsal = Rehearsal(lambda store, today: store, keeps_store=True)
    rehearsal.rehearse()
    form_store = rehearsal.take(None, clock.today())
    assert form_store is not None  # nothing changed: the page built ahead is shown
    page_store = open_store()
    try:
        assert goals_seen_by_another_program(tmp_path) == goals_before
        plan = form_store.plan()
        form_store.save_plan(
            replace(plan, goals=(*plan.goals, replace(plan.goals[0], name="Choir")))
        )
        assert goals_seen_by_another_program(tmp_path) == goals_before + 1
    finally:
        page_store.close()
        form_store.close()
