"""Nothing lost: writers killed mid-save, two writers at once, damaged files, automatic backups."""

from __future__ import annotations

import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import TODAY, db_digest
from workbook.core.errors import DamagedWorkbookError
from workbook.core.model import Checkin, Goal, Plan
from workbook.store import Store
from workbook.store.backups import list_backups, newest_good_backup
from workbook.store.file_checks import database_problem
from workbook.store.paths import DB_NAME
from workbook.store.schema import latest_schema_version

START = date(2026, 1, 1)
KILLS = 200


def _integrity(data_dir: Path) -> str:
    conn = sqlite3.connect(data_dir / DB_NAME)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _read_lines(fd: int, until_first: bool) -> bytes:
    """Read the child's pipe: until its first line (or EOF), or everything left."""
    data = b""
    while True:
        if until_first and b"\n" in data:
            return data
        ready, _, _ = select.select([fd], [], [], 30)
        assert ready, "the writer went silent"
        chunk = os.read(fd, 65536)
        if not chunk:
            return data
        data += chunk


def _writer(data_dir: Path, round_: int, fd: int) -> None:
    """The child: save check-ins for ever, announcing each one only after save returned."""
    try:
        store = Store(data_dir, clock=lambda: TODAY)
        i = 0
        while True:
            day = START + timedelta(days=(round_ * 7 + i) % 400)
            checkin = Checkin(date=day, mood=1 + (i % 10), note=f"round {round_} save {i} ✓")
            revision, _ = store.save_checkin(checkin)
            os.write(fd, f"{revision} {day.isoformat()} {round_} {i}\n".encode())
            i += 1
    finally:
        os._exit(0)


def test_sigkill_at_random_moments_never_loses_a_returned_save(data_dir):
    with Store(data_dir) as s:
        s.save_plan(Plan(start_date=START))
    rng = random.Random(20261125)
    promised: dict[int, tuple[str, str]] = {}
    for round_ in range(KILLS):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child never returns into pytest
            os.close(read_fd)
            _writer(data_dir, round_, write_fd)
        os.close(write_fd)
        try:
            first = _read_lines(read_fd, until_first=True)
            time.sleep(rng.uniform(0, 0.05))
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            lines = (first + _read_lines(read_fd, until_first=False)).decode().splitlines()
        finally:
            os.close(read_fd)
        assert lines, "the writer announced nothing"
        for line in lines:
            revision, day, r, i = line.split()
            promised[int(revision)] = (day, f"round {r} save {i} ✓")
    assert _integrity(data_dir) == "ok"
    with Store(data_dir) as s:
        stored = {
            row["id"]: (row["day"], row["note"])
            for row in s.conn.execute("SELECT id, day, note FROM checkin_revisions")
        }
    missing = {rev: want for rev, want in promised.items() if stored.get(rev) != want}
    assert not missing, f"{len(missing)} returned saves are gone, e.g. {list(missing.items())[:3]}"
    assert len(promised) >= KILLS


CONCURRENT = textwrap.dedent(
    """
    import sys
    from datetime import date, timedelta
    from pathlib import Path
    from workbook.core.model import Checkin
    from workbook.store import Store

    data_dir, who, go = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    store = Store(data_dir)
    while not go.exists():
        pass
    for i in range(500):
        day = date(2026, 1, 1) + timedelta(days=i % 60)  # the same days: revisions of each other
        store.save_checkin(Checkin(date=day, mood=1 + (i + who) % 10, note=f"writer {who} #{i}"))
    store.close()
    """
)


def test_two_processes_saving_500_each_store_all_1000(data_dir, tmp_path):
    Store(data_dir).close()
    go = tmp_path / "go"
    writers = [
        subprocess.Popen([sys.executable, "-c", CONCURRENT, str(data_dir), str(who), str(go)])
        for who in (1, 2)
    ]
    time.sleep(0.5)  # both have opened the store
    go.touch()
    assert [w.wait(timeout=300) for w in writers] == [0, 0]
    assert _integrity(data_dir) == "ok"
    with Store(data_dir) as s:
        notes = [r[0] for r in s.conn.execute("SELECT note FROM checkin_revisions")]
        assert len(notes) == 1000
        assert set(notes) == {f"writer {w} #{i}" for w in (1, 2) for i in range(500)}
        assert len(s.checkins()) == 60


# --- damage ----------------------------------------------------------------------------------


def _damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "truncated":
        path.write_bytes(data[: len(data) // 3])
    elif how == "overwritten":
        middle = len(data) // 2
        path.write_bytes(data[:middle] + b"\xff" * 4096 + data[middle + 4096 :])
    elif how == "garbage":
        path.write_bytes(random.Random(1).randbytes(len(data)))


@pytest.mark.parametrize("how", ["truncated", "overwritten", "garbage"])
def test_a_damaged_workbook_is_detected_at_open_and_never_written(demo_dir, how):
    with Store(demo_dir) as s:
        good = s.backup()
    db = demo_dir / DB_NAME
    _damage(db, how)
    before = db.read_bytes()
    with pytest.raises(DamagedWorkbookError) as caught:
        Store(demo_dir)
    message = str(caught.value)
    assert "looks damaged" in message and "left it exactly as it is" in message
    assert str(good) in message and "workbook restore" in message
    assert "\n" not in message
    assert caught.value.backup == good
    assert db.read_bytes() == before


def test_damage_without_any_backup_says_so(demo_dir):
    _damage(demo_dir / DB_NAME, "truncated")
    with pytest.raises(DamagedWorkbookError, match="no backup to go back to"):
        Store(demo_dir)


def test_the_cli_turns_damage_into_exit_2_and_one_kind_line(run_cli, demo_dir):
    _damage(demo_dir / DB_NAME, "overwritten")
    before = db_digest(demo_dir)
    r = run_cli("checkin", "--data-dir", demo_dir, f"--today={TODAY}", "--mood", "5")
    assert r.code == 2 and r.out == ""
    assert r.err.count("\n") == 1 and "looks damaged" in r.err
    assert db_digest(demo_dir) == before


def test_the_newest_good_backup_skips_a_damaged_one(demo_dir):
    with Store(demo_dir) as s:
        older = s.backup()
        newer = s.backup()
    _damage(newer, "truncated")
    assert database_problem(newer) is not None
    assert newest_good_backup(demo_dir) == older


# --- automatic backups -----------------------------------------------------------------------


class Clock:
    def __init__(self, today: date):
        self.today = today

    def __call__(self) -> date:
        return self.today


def test_first_save_of_each_day_backs_up_and_14_are_kept(data_dir):
    clock = Clock(date(2026, 11, 1))
    with Store(data_dir, clock=clock) as s:
        s.save_plan(Plan(start_date=date(2026, 11, 1), goals=(Goal("Gym", 3),)))
        assert list_backups(data_dir) == []  # nothing to copy before the first save
        for n in range(20):
            clock.today = date(2026, 11, 2) + timedelta(days=n)
            s.save_checkin(Checkin(date=clock.today, mood=5))
            s.save_checkin(Checkin(date=clock.today, mood=6))  # second save: no second copy
    copies = list_backups(data_dir)
    assert len(copies) == 14
    assert copies[0].name.endswith(f"-daily-{date(2026, 11, 21)}.sqlite")
    assert copies[-1].name.endswith(f"-daily-{date(2026, 11, 8)}.sqlite")
    # The newest copy is yesterday's state plus today's first save not yet made.
    with Store(data_dir) as live:
        assert len(live.checkins()) == 20
    assert database_problem(copies[0]) is None
    conn = sqlite3.connect(copies[0])
    assert conn.execute("SELECT count(DISTINCT day) FROM checkin_revisions").fetchone()[0] == 19
    conn.close()


def test_a_new_store_the_same_day_does_not_copy_again(data_dir):
    clock = Clock(TODAY)
    with Store(data_dir, clock=clock) as s:
        s.save_plan(Plan(start_date=START))
        s.save_plan(Plan(start_date=START))
    with Store(data_dir, clock=clock) as s:
        s.save_plan(Plan(start_date=START))
    assert len(list_backups(data_dir)) == 1


def test_migrating_a_workbook_with_data_backs_it_up_first(tmp_path):
    path = tmp_path / "old"
    path.mkdir()
    conn = sqlite3.connect(path / DB_NAME)
    fixtures = Path(__file__).parent / "fixtures"
    conn.executescript((fixtures / "schema_v1.sql").read_text())
    conn.close()
    with Store(path) as s:
        assert s.schema_version == latest_schema_version()
    (copy,) = list_backups(path)
    assert f"-before-v{latest_schema_version()}" in copy.name  # named for the version reached
    old = sqlite3.connect(copy)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT count(*) FROM checkin_revisions").fetchone()[0] == 3
    old.close()


def test_a_new_empty_workbook_makes_no_backup_folder(data_dir):
    with Store(data_dir) as s:
        s.save_plan(Plan(start_date=START))
    assert not (data_dir / "backups").exists()


def test_a_killed_backup_leaves_no_listed_half_copy(demo_dir):
    folder = demo_dir / "backups"
    folder.mkdir(mode=0o700)
    half = folder / "workbook-20261125T000000000000Z-daily-2026-11-25.sqlite.123.partial"
    half.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    assert list_backups(demo_dir) == []
    assert newest_good_backup(demo_dir) is None


def test_a_notebook_page_on_a_damaged_workbook_shows_the_kind_sentence(demo_dir):
    """The stages open the store through never_a_traceback: the person sees words, not a stack."""
    _damage(demo_dir / DB_NAME, "truncated")
    before = db_digest(demo_dir)
    # In its own process: a display publisher, as in a kernel, without touching pytest's.
    code = textwrap.dedent(
        """
        import sys
        from IPython.core.interactiveshell import InteractiveShell
        from IPython.utils.capture import capture_output
        from workbook.pages import checkin

        InteractiveShell.instance()
        with capture_output() as captured:
            checkin.show(data_dir=sys.argv[1], today=sys.argv[2], mood=5)
        print("".join(o.data.get("text/html", "") for o in captured.outputs))
        print(captured.stdout, captured.stderr)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(demo_dir), TODAY.isoformat()],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "looks damaged" in done.stdout and "workbook-error" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    assert db_digest(demo_dir) == before
