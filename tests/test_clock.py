"""WORKBOOK_TODAY holds the command line, a page and its kernel on one day; unset, the real date."""

from __future__ import annotations

from datetime import date

import nbformat
import pytest

from tests.conftest import db_digest
from tests.test_notebooks import run_notebook, shown_text
from workbook.core import clock
from workbook.core.errors import InputError
from workbook.pages.context import resolve_today

PINNED = date(2026, 3, 10)  # long before the real date: a day no clock reading could give


def test_unset_the_real_date_counts(monkeypatch):
    monkeypatch.delenv(clock.PINNED_DAY, raising=False)
    assert clock.today() == date.today()
    monkeypatch.setenv(clock.PINNED_DAY, "  ")
    assert clock.today() == date.today()


def test_set_it_is_the_day_of_every_page_and_command(monkeypatch, run_cli, tmp_path):
    monkeypatch.setenv(clock.PINNED_DAY, PINNED.isoformat())
    assert clock.today() == PINNED
    assert resolve_today(None) == PINNED
    assert resolve_today("2026-03-01") == date(2026, 3, 1)  # a page's own `today` still wins
    folder = tmp_path / "demo"
    assert run_cli("demo", "--data-dir", folder).code == 0  # a month ending on the pinned day
    shown = run_cli("report", "--format", "json", "--data-dir", folder, "--output", tmp_path / "r")
    assert shown.code == 0, shown.err
    assert f'"today": "{PINNED.isoformat()}"' in (tmp_path / "r").read_text()


def test_a_kernel_started_with_it_counts_from_it(monkeypatch, run_cli, tmp_path):
    """papermill's kernel inherits it, as the app's and JupyterLab's kernels do from their server."""
    monkeypatch.setenv(clock.PINNED_DAY, PINNED.isoformat())
    folder = tmp_path / "demo"
    assert run_cli("demo", "--data-dir", folder).code == 0
    executed = run_notebook("02_daily_checkin", tmp_path, data_dir=str(folder))  # no `today`
    assert not any(text.startswith("ERROR") for text in shown_text(executed))
    words = nbformat.writes(executed)  # the page's words are in its widgets' saved state
    assert "Day 30 of 30" in words and "10 Mar 2026 already holds" in words


@pytest.mark.parametrize("value", ["tomorrow", "2026-02-30", "26-03-10"])
def test_a_bad_value_is_named_kindly_and_changes_nothing(monkeypatch, run_cli, tmp_path, value):
    folder = tmp_path / "demo"
    monkeypatch.delenv(clock.PINNED_DAY, raising=False)
    assert run_cli("demo", "--data-dir", folder).code == 0
    before = db_digest(folder)
    monkeypatch.setenv(clock.PINNED_DAY, value)
    with pytest.raises(InputError) as refused:
        clock.today()
    assert clock.PINNED_DAY in str(refused.value) and value in str(refused.value)
    shown = run_cli("checkin", "--mood", "6", "--data-dir", folder)
    assert shown.code == 2 and clock.PINNED_DAY in shown.err and "Traceback" not in shown.err
    assert db_digest(folder) == before
