"""Rows ↔ model: how each noun is written to and read from the workbook's tables.

Each function takes an open connection (the store owns connections and transactions), so these
stay the only SQL about the nouns' own rows, next to the store that calls them.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date

from ..core.model import Checkin, Goal, GoalState, Plan, Record, Who5

CHUNK = 900  # below SQLite's limit on variables in one statement


def is_empty(conn: sqlite3.Connection) -> bool:
    """Whether no plan, check-in, WHO-5 or stage record has been saved yet."""
    row = conn.execute(
        "SELECT (SELECT count(*) FROM plan_revisions) + (SELECT count(*) FROM checkin_revisions)"
        " + (SELECT count(*) FROM who5_revisions) + (SELECT count(*) FROM stage_records)"
    ).fetchone()
    return row[0] == 0


# --- the plan --------------------------------------------------------------------------------


def insert_plan(conn: sqlite3.Connection, plan: Plan, now: str) -> int:
    cursor = conn.execute(
        "INSERT INTO plan_revisions (saved_at, start_date, days, name, partner, pronoun, why)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (now, plan.start_date.isoformat(), plan.days, plan.name, plan.partner, plan.pronoun,
         plan.why),
    )  # fmt: skip
    revision = cursor.lastrowid
    conn.executemany(
        "INSERT INTO plan_goals (plan_revision_id, position, name, target_per_week, since)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (revision, i, g.name, g.target_per_week, g.since.isoformat() if g.since else None)
            for i, g in enumerate(plan.goals)
        ],
    )
    return revision


def plans(conn: sqlite3.Connection, newest_only: bool = False) -> list[Plan]:
    """Every plan revision, oldest first (or only the newest)."""
    query = "SELECT * FROM plan_revisions ORDER BY id"
    if newest_only:
        query = "SELECT * FROM plan_revisions ORDER BY id DESC LIMIT 1"
    return [_plan_from_row(conn, row) for row in conn.execute(query).fetchall()]


def _plan_from_row(conn: sqlite3.Connection, row: sqlite3.Row) -> Plan:
    changes = goal_states(conn)
    goals = tuple(
        Goal(
            name=g["name"],
            target_per_week=g["target_per_week"],
            since=date.fromisoformat(g["since"]) if g["since"] else None,
            states=changes.get(g["name"].casefold(), ()),
        )
        for g in conn.execute(
            "SELECT * FROM plan_goals WHERE plan_revision_id = ? ORDER BY position", (row["id"],)
        )
    )
    return Plan(
        start_date=date.fromisoformat(row["start_date"]),
        days=row["days"],
        name=row["name"],
        partner=row["partner"],
        pronoun=row["pronoun"],
        why=row["why"],
        goals=goals,
        revision=row["id"],
    )


def insert_goal_state(conn: sqlite3.Connection, goal: str, change: GoalState, now: str) -> int:
    return conn.execute(
        "INSERT INTO goal_states (goal, day, saved_at, state, target_per_week)"
        " VALUES (?, ?, ?, ?, ?)",
        (goal, change.day.isoformat(), now, change.state, change.target_per_week),
    ).lastrowid


def goal_states(conn: sqlite3.Connection) -> dict[str, tuple[GoalState, ...]]:
    """Each goal's changes (by its name, any case), in the order they take effect."""
    out: dict[str, list[GoalState]] = {}
    for row in conn.execute("SELECT * FROM goal_states ORDER BY day, id"):
        change = GoalState(date.fromisoformat(row["day"]), row["state"], row["target_per_week"])
        out.setdefault(row["goal"].casefold(), []).append(change)
    return {name: tuple(found) for name, found in out.items()}


# --- check-ins -------------------------------------------------------------------------------


def insert_checkin(conn: sqlite3.Connection, checkin: Checkin, now: str) -> tuple[int, bool]:
    """A new revision of the day; returns (revision, whether it corrected a day)."""
    day = checkin.date.isoformat()
    corrected = (
        conn.execute("SELECT 1 FROM checkin_revisions WHERE day = ? LIMIT 1", (day,)).fetchone()
        is not None
    )
    cursor = conn.execute(
        "INSERT INTO checkin_revisions (day, saved_at, mood, energy, sleep_hours, emotions,"
        " slip, slip_by, urge, trigger_text, win, note, gratitude)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            day,
            now,
            checkin.mood,
            checkin.energy,
            checkin.sleep_hours,
            json.dumps(list(checkin.emotions), ensure_ascii=False),
            checkin.slip,
            checkin.slip_by,
            checkin.urge,
            checkin.trigger,
            checkin.win,
            checkin.note,
            checkin.gratitude,
        ),
    )
    revision = cursor.lastrowid
    conn.executemany(
        "INSERT INTO checkin_goals (checkin_revision_id, goal, minutes) VALUES (?, ?, ?)",
        [(revision, name, minutes) for name, minutes in checkin.goals],
    )
    return revision, corrected


def checkins(
    conn: sqlite3.Connection, day: date | None = None, newest_only: bool = False
) -> list[Checkin]:
    """The newest revision of each day (no `day`), or one day's revisions, oldest first."""
    if day is None:
        rows = conn.execute(
            "SELECT r.* FROM checkin_revisions r"
            " JOIN (SELECT max(id) AS id FROM checkin_revisions GROUP BY day) newest USING (id)"
            " ORDER BY r.day"
        ).fetchall()
    else:
        order = "DESC LIMIT 1" if newest_only else ""
        rows = conn.execute(
            f"SELECT * FROM checkin_revisions WHERE day = ? ORDER BY id {order}",
            (day.isoformat(),),
        ).fetchall()
    return _checkins_from_rows(conn, rows)


def _checkins_from_rows(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[Checkin]:
    goals: dict[int, list[tuple[str, int | None]]] = {}
    ids = [row["id"] for row in rows]
    # Goals for many revisions at once, in chunks.
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i : i + CHUNK]
        marks = ",".join("?" * len(chunk))
        for g in conn.execute(
            f"SELECT checkin_revision_id, goal, minutes FROM checkin_goals"
            f" WHERE checkin_revision_id IN ({marks}) ORDER BY rowid",
            chunk,
        ):
            goals.setdefault(g[0], []).append((g[1], g[2]))
    return [
        Checkin(
            date=date.fromisoformat(row["day"]),
            mood=row["mood"],
            energy=row["energy"],
            sleep_hours=row["sleep_hours"],
            emotions=tuple(json.loads(row["emotions"])),
            slip=row["slip"],
            slip_by=row["slip_by"],
            urge=row["urge"],
            trigger=row["trigger_text"],
            goals=tuple(goals.get(row["id"], ())),
            win=row["win"],
            note=row["note"],
            gratitude=row["gratitude"],
            revision=row["id"],
            saved_at=row["saved_at"],
        )
        for row in rows
    ]


# --- WHO-5 and the stages' records -----------------------------------------------------------


def insert_who5(conn: sqlite3.Connection, who5: Who5, now: str) -> int:
    cursor = conn.execute(
        "INSERT INTO who5_revisions (day, saved_at, a, b, c, d, e) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (who5.date.isoformat(), now, *who5.answers),
    )
    return cursor.lastrowid


def who5s(conn: sqlite3.Connection) -> list[Who5]:
    """The newest revision of each day's WHO-5, oldest day first."""
    rows = conn.execute(
        "SELECT r.* FROM who5_revisions r"
        " JOIN (SELECT max(id) AS id FROM who5_revisions GROUP BY day) newest USING (id)"
        " ORDER BY r.day"
    ).fetchall()
    return [
        Who5(
            date=date.fromisoformat(r["day"]),
            answers=(r["a"], r["b"], r["c"], r["d"], r["e"]),
            revision=r["id"],
        )
        for r in rows
    ]


def insert_record(conn: sqlite3.Connection, kind: str, day: date, data: dict, now: str) -> int:
    cursor = conn.execute(
        "INSERT INTO stage_records (kind, day, saved_at, data) VALUES (?, ?, ?, ?)",
        (kind, day.isoformat(), now, json.dumps(data, ensure_ascii=False, sort_keys=True)),
    )
    return cursor.lastrowid


def records(
    conn: sqlite3.Connection, kind: str, newest_first: bool = False, limit: int = -1
) -> list[Record]:
    order = "DESC" if newest_first else "ASC"
    rows = conn.execute(
        f"SELECT * FROM stage_records WHERE kind = ? ORDER BY id {order} LIMIT ?", (kind, limit)
    ).fetchall()
    return _records_from(rows)


def records_by_day(conn: sqlite3.Connection, kind: str) -> list[Record]:
    """The newest record of a kind for each day, oldest day first (index stage_records_kind_day)."""
    rows = conn.execute(
        "SELECT r.* FROM stage_records r"
        " JOIN (SELECT max(id) AS id FROM stage_records WHERE kind = ? GROUP BY day) newest"
        " USING (id) ORDER BY r.day",
        (kind,),
    ).fetchall()
    return _records_from(rows)


def _records_from(rows) -> list[Record]:
    return [
        Record(
            kind=r["kind"],
            date=date.fromisoformat(r["day"]),
            data=json.loads(r["data"]),
            revision=r["id"],
            saved_at=r["saved_at"],
        )
        for r in rows
    ]
