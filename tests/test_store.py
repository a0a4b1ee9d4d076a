"""The SQLite store: revisions, migrations, privacy, one transaction per save."""

from __future__ import annotations

import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

from workbook.core.model import Checkin, Goal, Plan, Who5
from workbook.store import Store
from workbook.store.paths import DB_NAME
from workbook.store.schema import latest_schema_version, migrations

FIXTURES = Path(__file__).parent / "fixtures"
PLAN = Plan(start_date=date(2026, 11, 1), goals=(Goal("Gym", 3), Goal("Pottery", 2)))


def test_new_store_is_at_latest_schema_with_wal(store):
    assert store.schema_version == latest_schema_version() == 4
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000


def test_migrations_are_numbered_without_gaps():
    numbers = [n for n, _, _ in migrations()]
    assert numbers == list(range(1, len(numbers) + 1))


def test_data_dir_is_0700_and_files_0600(store, data_dir):
    store.save_plan(PLAN)
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    files = list(data_dir.iterdir())
    assert files, "the store should have written files"
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_existing_loose_permissions_are_tightened(tmp_path):
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    (loose / DB_NAME).touch(mode=0o644)
    with Store(loose):
        pass
    assert stat.S_IMODE(loose.stat().st_mode) == 0o700
    assert stat.S_IMODE((loose / DB_NAME).stat().st_mode) == 0o600


def test_plan_round_trip_and_history(store):
    assert store.plan() is None
    store.save_plan(PLAN)
    changed = Plan(start_date=PLAN.start_date, partner="Alex", goals=(Goal("Gym", 4),))
    store.save_plan(changed)
    current = store.plan()
    assert current.partner == "Alex"
    assert current.goals == (Goal("Gym", 4),)
    history = store.plan_history()
    assert [p.goals for p in history] == [PLAN.goals, (Goal("Gym", 4),)]


def test_checkin_round_trip(store):
    checkin = Checkin(
        date=date(2026, 11, 2),
        mood=6,
        energy=5,
        sleep_hours=7.5,
        emotions=("calm", "hopeful"),
        slip="They called; I answered.",
        slip_by="them",
        urge=4,
        trigger="our song",
        goals=(("Gym", 45), ("Pottery", None)),
        win="Lifted heavier",
        note="A note with 'quotes' and; semicolons -- and emoji 🌱 and עברית",
        gratitude="Sunshine",
    )
    revision, corrected = store.save_checkin(checkin)
    assert not corrected
    [back] = store.checkins()
    assert back.revision == revision and back.saved_at
    assert back == Checkin(**{**checkin.__dict__, "revision": revision, "saved_at": back.saved_at})


def test_a_correction_is_a_new_revision_and_the_newest_is_shown(store):
    day = date(2026, 11, 3)
    store.save_checkin(Checkin(date=day, mood=3, win="first"))
    _, corrected = store.save_checkin(Checkin(date=day, mood=7, win="second", goals=(("Gym", 30),)))
    assert corrected
    [shown] = store.checkins()
    assert (shown.mood, shown.win, shown.goals) == (7, "second", (("Gym", 30),))
    history = store.checkin_history(day)
    assert [c.mood for c in history] == [3, 7]
    assert history[0].goals == ()
    # Nothing overwritten: both rows are still in the table.
    assert store.conn.execute("SELECT count(*) FROM checkin_revisions").fetchone()[0] == 2


def test_checkins_are_ordered_by_day_with_their_own_goals(store):
    store.save_checkin(Checkin(date=date(2026, 11, 5), mood=5, goals=(("Gym", 10),)))
    store.save_checkin(Checkin(date=date(2026, 11, 4), mood=4, goals=(("Pottery", 20),)))
    days = store.checkins()
    assert [c.date.day for c in days] == [4, 5]
    assert [c.goals for c in days] == [(("Pottery", 20),), (("Gym", 10),)]


def test_who5_revisions(store):
    store.save_who5(Who5(date(2026, 11, 1), (1, 1, 1, 1, 1)))
    store.save_who5(Who5(date(2026, 11, 1), (2, 2, 2, 2, 2)))
    store.save_who5(Who5(date(2026, 11, 14), (3, 3, 3, 3, 3)))
    assert [w.raw for w in store.who5s()] == [10, 15]


def test_records_newest_wins(store):
    store.save_record("reflection", date(2026, 11, 30), {"want_restart": False})
    store.save_record("reflection", date(2026, 11, 30), {"want_restart": True, "conviction": 9})
    assert store.record("reflection").data == {"want_restart": True, "conviction": 9}
    assert len(store.records("reflection")) == 2
    assert store.record("reunion") is None


def test_a_failed_save_writes_nothing(store):
    store.save_checkin(Checkin(date=date(2026, 11, 3), mood=5))
    # The database's own CHECK rejects a mood of 11 halfway through the transaction.
    with pytest.raises(sqlite3.IntegrityError):
        store.save_checkins(
            [Checkin(date=date(2026, 11, 4), mood=6), Checkin(date(2026, 11, 5), 11)]
        )
    assert [c.date.day for c in store.checkins()] == [3]


def test_migrates_an_empty_file(tmp_path):
    path = tmp_path / "empty"
    path.mkdir()
    (path / DB_NAME).touch()
    with Store(path) as s:
        assert s.schema_version == latest_schema_version()
        assert s.is_empty()


def _frozen_v1(tmp_path: Path) -> Path:
    path = tmp_path / "old"
    path.mkdir()
    conn = sqlite3.connect(path / DB_NAME)
    conn.executescript((FIXTURES / "schema_v1.sql").read_text())
    conn.close()
    return path


def test_frozen_v1_schema_matches_migration_0001(tmp_path):
    frozen = sqlite3.connect(_frozen_v1(tmp_path) / DB_NAME)
    fresh = sqlite3.connect(":memory:")
    fresh.executescript(migrations()[0][2])
    query = "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"

    def norm(rows):
        return [(t, n, " ".join(sql.split())) for t, n, sql in rows]

    assert norm(frozen.execute(query).fetchall()) == norm(fresh.execute(query).fetchall())


def test_migrates_a_frozen_v1_workbook_keeping_everything(tmp_path):
    path = _frozen_v1(tmp_path)
    with Store(path) as s:
        assert s.schema_version == latest_schema_version()
        plan = s.plan()
        assert (plan.name, plan.partner, plan.pronoun) == ("Jo", "Riley", "she")
        assert plan.goals == (Goal("Gym", 3), Goal("Choir", 1))
        checkins = s.checkins()
        assert [(c.date.day, c.mood) for c in checkins] == [(2, 3), (3, 5)]
        assert checkins[1].win == "Went to choir, sang a solo"
        assert dict(checkins[1].goals) == {"Choir": 90, "Gym": None}
        assert len(s.checkin_history(date(2026, 1, 3))) == 2
        assert [w.raw for w in s.who5s()] == [10]
        # And the new migration's table works on the old file.
        s.save_record("break", date(2026, 1, 1), {"answer": "agreed"})
        assert s.record("break").data == {"answer": "agreed"}


def test_migrates_a_frozen_v2_workbook_giving_its_reflections_gate_codes(tmp_path):
    """Migration 0003: reflections saved with finished sentences gain the codes for them."""
    from workbook.core.records import Reflection
    from workbook.numbers import build

    path = tmp_path / "v2"
    path.mkdir()
    conn = sqlite3.connect(path / DB_NAME)
    conn.executescript((FIXTURES / "schema_v2_reflections.sql").read_text())
    conn.close()
    with Store(path) as s:
        assert s.schema_version == latest_schema_version() == 4
        records = [Reflection.from_record(r) for r in s.records("reflection")]
        assert [r.gate_reasons for r in records] == [
            ("gate_low_conviction",),
            ("gate_not_safe", "gate_not_growing"),
            (),
        ]
        assert [(r.gate_open, r.show_help) for r in records] == [
            (False, False),
            (False, True),
            (True, False),
        ]
        # The old sentences are kept as they were: nothing is overwritten.
        assert s.records("reflection")[0].data["reasons"][0].startswith("Your conviction is 7")
        assert records[0].texts["accomplished"] == "Choir solo"
        decision = build(s.snapshot(), date(2026, 2, 2)).summary()["decision"]
        assert decision["gate"] == {"open": True, "show_help": False, "reasons": []}


def test_reopening_does_not_migrate_again(data_dir):
    with Store(data_dir) as s:
        s.save_plan(PLAN)
    with Store(data_dir) as s:
        assert s.migrate() == []
        assert s.plan().goals == PLAN.goals


def test_one_store_serves_many_threads_one_save_at_a_time(store):
    """JupyterLab runs widget handlers on a subshell's thread while cells run on the main one."""
    import threading
    from datetime import timedelta

    store.save_plan(Plan(start_date=date(2026, 1, 1)))
    errors = []

    def correct(n):
        try:
            for mood in range(1, 11):
                store.save_checkin(Checkin(date(2026, 1, 1) + timedelta(days=n), mood))
                assert store.checkin_on(date(2026, 1, 1) + timedelta(days=n)) is not None
                store.snapshot()
        except BaseException as error:  # noqa: BLE001 — reported below
            errors.append(error)

    workers = [threading.Thread(target=correct, args=(n,)) for n in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    assert [c.mood for c in store.checkins()] == [10] * 6
    assert all(len(store.checkin_history(c.date)) == 10 for c in store.checkins())
    assert store.integrity() == "ok"
