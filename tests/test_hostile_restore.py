"""Hostile backups: only a database whose schema is exactly the workbook's, with rows that pass.

Each case takes a real backup of a real workbook and changes it with SQLite itself, the way a
hostile file would be made; `workbook restore` runs as a real process, and the workbook being
restored over must be byte-for-byte what it was, with no safety copy made for nothing.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date

import pytest

from tests.hostile import TODAY, assert_refused, folder_state, workbook
from workbook.store import Store
from workbook.store.demo import fill_demo


@pytest.fixture(scope="module")
def sound_backup(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sound")
    with Store(folder / "data") as store:
        fill_demo(store, today=date.fromisoformat(TODAY))
        store.save_record("reunion", date.fromisoformat(TODAY), {"outcome": "no"})
        store.copy_to(folder / "backup.sqlite")
    return folder / "backup.sqlite"


@pytest.fixture
def workbook_dir(tmp_path):
    """The person's current workbook, which a refused restore must leave exactly as it was."""
    folder = tmp_path / "mine"
    with Store(folder, auto_backup=False) as store:
        fill_demo(store, today=date.fromisoformat(TODAY), days=5)
    return folder


def sql(*statements: str):
    def change(conn):
        for statement in statements:
            conn.execute(statement)

    return change


def unchecked(*statements: str):
    """Rows the CHECK constraints would stop: written with the checks off, as a forger would."""
    return sql("PRAGMA ignore_check_constraints = ON", *statements)


CASES = [
    # objects the workbook never makes
    (
        "trigger-blanks-notes",
        sql(
            "CREATE TRIGGER wipe AFTER INSERT ON checkin_revisions BEGIN"
            " UPDATE checkin_revisions SET note = '' WHERE id < NEW.id; END"
        ),
        ["trigger", "wipe"],
    ),
    ("view", sql("CREATE VIEW v AS SELECT * FROM checkin_revisions"), ["view"]),
    ("extra-index", sql("CREATE INDEX x ON checkin_revisions(note)"), ["index"]),
    ("extra-table", sql("CREATE TABLE extra (a)"), ["extra"]),
    ("extra-column", sql("ALTER TABLE who5_revisions ADD COLUMN f INTEGER"), ["who5_revisions"]),
    ("dropped-index", sql("DROP INDEX who5_revisions_day"), ["who5_revisions_day"]),
    ("stat-table", sql("ANALYZE"), ["sqlite_stat1"]),
    (
        "checks-removed",
        sql(
            "PRAGMA writable_schema = ON",
            "UPDATE sqlite_master SET sql = replace(sql, 'CHECK (mood BETWEEN 1 AND 10)', '')"
            " WHERE name = 'checkin_revisions'",
        ),
        ["checkin_revisions"],
    ),
    ("version-0", sql("PRAGMA user_version = 0"), ["version"]),
    ("version-newer", sql("PRAGMA user_version = 99"), ["newer"]),
    # rows no page would accept
    ("mood-11", unchecked("UPDATE checkin_revisions SET mood = 11 WHERE id = 1"), ["CHECK"]),
    ("mood-text", unchecked("UPDATE checkin_revisions SET mood = 'six'"), ["CHECK"]),
    ("day-feb-30", sql("UPDATE checkin_revisions SET day = '2026-02-30' WHERE id = 1"), ["day"]),
    ("day-9999", sql("UPDATE who5_revisions SET day = '9999-01-01' WHERE id = 1"), ["9999"]),
    ("day-integer", sql("UPDATE checkin_revisions SET day = 20261101 WHERE id = 1"), ["date"]),
    ("emotions-not-json", sql("UPDATE checkin_revisions SET emotions = 'happy'"), ["emotions"]),
    ("note-nul", sql("UPDATE checkin_revisions SET note = 'a' || char(0) || 'b'"), ["note"]),
    ("note-huge", sql("UPDATE checkin_revisions SET note = printf('%.20000c', 'x')"), ["note"]),
    (
        "sleep-real-nan",
        unchecked("UPDATE checkin_revisions SET sleep_hours = 1e999"),
        ["checkin_revisions"],
    ),
    (
        "dangling-goal",
        sql("UPDATE checkin_goals SET checkin_revision_id = 9999 WHERE rowid = 1"),
        ["isn’t"],
    ),
    ("record-kind", sql("UPDATE stage_records SET kind = 'keep_going'"), ["stage_records"]),
    (
        "record-shape",
        sql("""UPDATE stage_records SET data = '{"outcome": 7}'"""),
        ["stage_records", "data"],
    ),
    ("sequence-huge", sql("UPDATE sqlite_sequence SET seq = 9223372036854775807"), ["counter"]),
    ("win-blob", sql("UPDATE checkin_revisions SET win = x'00ff'"), ["win"]),
]


def forged(source, tmp_path, change):
    path = tmp_path / "forged.sqlite"
    shutil.copy(source, path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        change(conn)
    finally:
        conn.close()
    return path


@pytest.mark.parametrize("change, words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_hostile_backup_is_refused_and_changes_nothing(
    sound_backup, workbook_dir, tmp_path, change, words
):
    before = folder_state(workbook_dir)
    path = forged(sound_backup, tmp_path, change)
    result = workbook("restore", path, "--data-dir", workbook_dir)
    assert_refused(result, *words)
    assert folder_state(workbook_dir) == before


def test_the_sound_backup_restores_and_the_next_save_keeps_every_note(
    sound_backup, workbook_dir, tmp_path
):
    """The control: the same file unchanged is accepted, and the workbook works after it."""
    result = workbook("restore", sound_backup, "--data-dir", workbook_dir)
    assert result.returncode == 0, result.stderr
    with Store(workbook_dir) as store:
        notes = [c.note for c in store.checkins()]
    saved = workbook("checkin", "--mood", "6", "--data-dir", workbook_dir, "--today", TODAY)
    assert saved.returncode == 0, saved.stderr
    with Store(workbook_dir) as store:
        assert [c.note for c in store.checkins()][:-1] == notes[:-1]
    report = workbook("report", "--format", "json", "--data-dir", workbook_dir, "--today", TODAY)
    assert report.returncode == 0, report.stderr
