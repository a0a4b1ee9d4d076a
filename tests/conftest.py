"""Shared fixtures: a private temporary data directory, a pinned today, the CLI in-process."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pytest

from workbook import cli
from workbook.core import clock
from workbook.store import Store
from workbook.store.demo import fill_demo
from workbook.store.paths import DB_NAME
from workbook.views.report.pdf import CHROMIUM, CHROMIUM_ARGS

TODAY = date(2026, 11, 25)

# One day for the whole run, in this process and in every one it starts (the app, JupyterLab and
# their kernels, papermill, the command line, pytest-xdist's workers, which inherit it): a run that
# passes midnight would otherwise build the demo month on day 30 and find day 31 in the next test.
os.environ.setdefault(clock.PINNED_DAY, date.today().isoformat())


@pytest.fixture(scope="session")
def browser():
    """One Chromium per test process, from one Playwright: a second sync Playwright started while
    the first runs fails ("Sync API inside the asyncio loop"), and pytest-xdist gives a worker the
    browser tests and the report tests alike. Fails, never skips, without Chromium."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash scripts/ensure-browser.sh` (make test does)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path):
    with Store(data_dir) as s:
        yield s


@pytest.fixture
def demo_dir(tmp_path: Path) -> Path:
    """A data directory holding the 30-day demo, ending on TODAY."""
    path = tmp_path / "demo"
    with Store(path) as s:
        fill_demo(s, today=TODAY)
    return path


class CliResult:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def run_cli(capsys):
    """Run `workbook ARGS…` in this process; returns exit code, stdout and stderr."""

    def run(*args: str) -> CliResult:
        try:
            code = cli.main([str(a) for a in args])
        except SystemExit as exit_:
            code = exit_.code
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


def db_digest(data_dir: Path) -> str | None:
    """A hash of the database and its WAL, to prove a rejected input wrote nothing."""
    parts = []
    for suffix in ("", "-wal"):
        path = Path(f"{data_dir / DB_NAME}{suffix}")
        parts.append(path.read_bytes() if path.exists() else b"<absent>")
    return hashlib.sha256(b"|".join(parts)).hexdigest()
