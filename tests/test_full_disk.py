"""A full disk: saving says so and loses nothing; reading still works; a sound file is never
called damaged. A real, small tmpfs filled to the last block (root only; skipped otherwise)."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from tests.hostile import TODAY, assert_refused, folder_state, workbook
from workbook.store import Store
from workbook.store.demo import fill_demo
from workbook.store.paths import DB_NAME


@pytest.fixture
def full_disk(tmp_path):
    """A demo workbook on its own 2 MB file system, then a filler taking every free block."""
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a small tmpfs")
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount]).returncode:
        pytest.skip("mount is not allowed here")
    try:
        data = mount / "data"
        with Store(data) as store:
            fill_demo(store, today=date.fromisoformat(TODAY))
        filler = mount / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            while True:
                os.write(fd, b"\0" * 4096)
        except OSError:
            pass  # the disk is full
        finally:
            os.close(fd)
        yield data, filler
    finally:
        subprocess.run(["umount", "-l", mount], check=True)


def test_saving_on_a_full_disk_says_so_and_loses_nothing(full_disk):
    data, filler = full_disk
    before = folder_state(data)
    for command in (
        ["checkin", "--mood", "6", "--note", "kept", "--today", TODAY],
        ["who5", "3", "3", "3", "3", "3", "--today", TODAY],
        ["plan", "--start", "2026-10-27", "--partner", "Sam"],
    ):
        assert_refused(workbook(*command, "--data-dir", data), "disk", "full")
        assert folder_state(data) == before
    # Reading works on the full disk, and calls nothing damaged.
    summary = workbook("report", "--format", "json", "--data-dir", data, "--today", TODAY)
    assert summary.returncode == 0, summary.stderr
    assert "damaged" not in summary.stderr
    # Writing files there says the disk is full (never "damaged"), and leaves nothing behind.
    for command in (
        ["backup"],
        ["export", "--today", TODAY],
        ["report", "--format", "html", "--today", TODAY],
        ["backup", "--output", data.parent / "b.sqlite"],
    ):
        result = workbook(*command, "--data-dir", data)
        assert_refused(result, "full")
        assert "damaged" not in result.stderr
    assert not [p for p in data.rglob("*") if p.is_file() and p.name != DB_NAME]
    assert not (data.parent / "b.sqlite").exists()
    # With room again, the same check-in saves: nothing was lost.
    filler.unlink()
    saved = workbook(
        "checkin", "--mood", "6", "--note", "kept", "--data-dir", data, "--today", TODAY
    )
    assert saved.returncode == 0, saved.stderr
    with Store(data) as store:
        assert store.checkin_on(date.fromisoformat(TODAY)).note == "kept"
        assert len(store.checkin_history(date.fromisoformat(TODAY))) == 2


def test_a_save_while_the_workbook_is_open_elsewhere_is_rolled_back_whole(full_disk):
    """The page (another process) holds the workbook open, so its log files exist already:
    the check-in gets as far as writing, and the full disk stops it there."""
    data, _filler = full_disk
    with Store(data) as page:
        page.conn.execute("SELECT count(*) FROM checkin_revisions").fetchone()
        count = len(page.checkin_history(date.fromisoformat(TODAY)))
        big = "n" * 9_000  # more than the few bytes still free in the log
        result = workbook(
            "checkin", "--mood", "6", "--note", big, "--data-dir", data, "--today", TODAY
        )
        assert_refused(result, "full")
        assert len(page.checkin_history(date.fromisoformat(TODAY))) == count
    assert Path(data / DB_NAME).stat().st_size > 0
