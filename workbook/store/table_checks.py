"""Checking whole tables of rows (an import, a backup being restored) before any is written.

Anyone can write an export file or a database by hand, and recompute a checksum; what keeps a
workbook sound is that every row passes the same rules a person meets on the command line and the
pages (`validation`), plus what only whole tables can show: every column there and no other, one
row per id, references that resolve. The first problem found is raised as one InputError naming
the table, the row (counted from 1) and the column.
"""

from __future__ import annotations

import json
import math

from ..core import validation as v
from ..core.errors import InputError
from ..core.messages import say
from ..core.model import Goal, Plan
from ..core.records import validate_record
from .schema import expected_columns

MAX_ID = 2**53  # ids a JSON reader anywhere can hold exactly
_ANY_DAY = Plan(start_date=v.EARLIEST_DATE)  # a check-in on any day of the calendar we accept


class _Row(dict):
    """One row as {column: value}, knowing where it is, so a problem can say so."""

    def __init__(self, table: str, number: int, columns, values):
        super().__init__(zip(columns, values, strict=True))
        self.table, self.number = table, number

    def fail(self, column: str | None, problem) -> InputError:
        text = " ".join(str(problem).split())[:300].rstrip(".")  # one line, whatever it held
        key = "row_problem" if column is None else "cell_problem"
        return InputError(
            say(key, table=self.table, row=self.number, column=column, problem=text), field=column
        )


def check_tables(tables: dict, schema_version: int) -> None:
    """Raise InputError at the first table, row or cell that is not what the workbook writes."""
    expected = expected_columns(schema_version)
    if not isinstance(tables, dict):
        raise InputError(say("table_missing", table=next(iter(expected))))
    for table in tables:
        if table not in expected:
            raise InputError(say("import_unknown_table", table=str(table)[:60]))
    rows = {}
    for table, columns in expected.items():
        if table not in tables:
            raise InputError(say("table_missing", table=table))
        rows[table] = _typed_rows(table, columns, tables[table])
    ids = {
        table: _unique_ids(found)
        for table, found in rows.items()
        if "id" in (c[0] for c in expected[table])
    }
    for check in (_plans, _checkins, _who5s, _records, _goal_states):
        check(rows, ids)


def _typed_rows(table: str, columns, content) -> list[_Row]:
    """The rows of one table, each cell of its column's type (NULL only where allowed)."""
    names = [c[0] for c in columns]
    have = content.get("columns") if isinstance(content, dict) else None
    values = content.get("rows") if isinstance(content, dict) else None
    if not isinstance(have, list) or not isinstance(values, list):
        raise InputError(say("table_malformed", table=table))
    for name in names:
        if name not in have:
            raise InputError(say("column_missing", table=table, column=name))
    for name in have:
        if name not in names or have.count(name) > 1:
            raise InputError(say("import_unknown_column", table=table, column=str(name)[:60]))
    out = []
    for number, cells in enumerate(values, start=1):
        if not isinstance(cells, list) or len(cells) != len(have):
            raise InputError(say("row_malformed", table=table, row=number))
        row = _Row(table, number, have, cells)
        for name, declared, nullable in columns:
            _check_type(row, name, declared, nullable)
        out.append(row)
    return out


def _check_type(row: _Row, name: str, declared: str, nullable: bool) -> None:
    value = row[name]
    if value is None:
        if not nullable:
            raise row.fail(name, say("cell_empty"))
        return
    if "INT" in declared:
        ok = type(value) is int and -MAX_ID <= value <= MAX_ID
    elif "REAL" in declared:
        ok = type(value) in (int, float) and math.isfinite(value) and abs(value) <= MAX_ID
    else:
        ok = type(value) is str and "\x00" not in value and len(value) <= 4 * v.TEXT_LIMIT
    if not ok:
        raise row.fail(name, say("cell_wrong_type", kind=_KINDS.get(declared, "text")))


_KINDS = {"INTEGER": "a whole number", "REAL": "a number"}


def _unique_ids(rows: list[_Row]) -> set[int]:
    seen = set()
    for row in rows:
        if not 1 <= row["id"] <= MAX_ID:
            raise row.fail("id", say("id_range", high=MAX_ID))
        if row["id"] in seen:
            raise row.fail("id", say("id_twice", id=row["id"]))
        seen.add(row["id"])
        _saved_at(row)
    return seen


def _saved_at(row: _Row) -> None:
    try:
        v.parse_timestamp(row["saved_at"], "saved_at")
    except InputError as error:
        raise row.fail("saved_at", error) from None


def _apply(row: _Row, column: str | None, check, *args):
    try:
        return check(*args)
    except InputError as error:
        raise row.fail(column, error) from None


def _plans(rows, ids) -> None:
    goals: dict[int, list[Goal]] = {}
    positions = set()
    for row in rows["plan_goals"]:
        if row["plan_revision_id"] not in ids["plan_revisions"]:
            raise row.fail("plan_revision_id", say("dangling", table="plan_revisions"))
        key = (row["plan_revision_id"], row["position"])
        if key in positions or not 0 <= row["position"] < 1000:
            raise row.fail("position", say("position_bad"))
        positions.add(key)
        goal = _apply(row, "name", v.parse_goal_spec, f"{row['name']}:{row['target_per_week']}")
        since = row.get("since")
        if since is not None:
            since = _apply(row, "since", v.parse_date, since, "Since")
        goals.setdefault(row["plan_revision_id"], []).append(Goal(goal.name, goal.target_per_week))
    for row in rows["plan_revisions"]:
        _apply(
            row,
            None,
            lambda r=row: v.validate_plan(
                start=r["start_date"],
                days=r["days"],
                name=r["name"],
                partner=r["partner"],
                pronoun=r["pronoun"],
                why=r["why"],
                goals=goals.get(r["id"], ()),
            ),
        )


def _checkins(rows, ids) -> None:
    names: dict[int, list[str]] = {}
    for row in rows["checkin_goals"]:
        if row["checkin_revision_id"] not in ids["checkin_revisions"]:
            raise row.fail("checkin_revision_id", say("dangling", table="checkin_revisions"))
        name = _apply(row, "goal", v.parse_text, row["goal"], "Goal", v.SHORT_TEXT_LIMIT, True)
        if name.casefold() in names.setdefault(row["checkin_revision_id"], []):
            raise row.fail("goal", say("duplicate_goal", value=name))
        names[row["checkin_revision_id"]].append(name.casefold())
        plan = Plan(start_date=v.EARLIEST_DATE, goals=(Goal(name, 7),))
        _apply(row, "minutes", v.parse_goal_done, (name, row["minutes"]), plan)
    for row in rows["checkin_revisions"]:
        emotions = _apply(row, "emotions", _emotion_list, row["emotions"])
        fields = {
            "date": row["day"],
            "mood": row["mood"],
            "energy": row["energy"],
            "sleep_hours": row["sleep_hours"],
            "emotions": emotions,
            "slip": row["slip"],
            "slip_by": row["slip_by"],
            "urge": row["urge"],
            "trigger": row["trigger_text"],
            "win": row["win"],
            "note": row["note"],
            "gratitude": row["gratitude"],
        }
        _apply(row, None, v.validate_checkin, fields, _ANY_DAY, v.LATEST_DATE)


def _emotion_list(text: str) -> list[str]:
    try:
        emotions = json.loads(text)
    except (ValueError, RecursionError):
        emotions = None
    if not isinstance(emotions, list) or not all(isinstance(e, str) for e in emotions):
        raise InputError(say("emotions_bad"))
    if len(emotions) > 100:
        raise InputError(say("emotions_bad"))
    return emotions


def _who5s(rows, ids) -> None:
    for row in rows["who5_revisions"]:
        answers = [row[k] for k in "abcde"]
        _apply(row, None, v.validate_who5, answers, row["day"], v.LATEST_DATE)


def _records(rows, ids) -> None:
    for row in rows.get("stage_records", ()):
        _apply(row, "day", v.parse_date, row["day"], "The day", None)
        try:
            data = json.loads(row["data"], parse_constant=_no_constant)
        except (ValueError, RecursionError):
            raise row.fail("data", say("record_not_json")) from None
        _apply(row, "data", validate_record, row["kind"], data)


def _goal_states(rows, ids) -> None:
    for row in rows.get("goal_states", ()):
        _apply(row, "goal", v.parse_goal_spec, f"{row['goal']}:{row['target_per_week']}")
        _apply(row, "day", v.parse_date, row["day"], "The day", None)
        if row["state"] not in ("active", "paused", "retired"):
            raise row.fail("state", say("goal_state_bad", value=str(row["state"])[:40]))


def _no_constant(name: str):
    raise ValueError(name)  # NaN and Infinity are not JSON


def check_sequence(sequence, tables: dict) -> None:
    """SQLite's AUTOINCREMENT counters name our tables and stay in range, so a save can add a row."""
    for name, seq in sequence:
        if name not in tables or type(seq) is not int or not 0 <= seq <= MAX_ID:
            raise InputError(say("sequence_bad", table=str(name)[:60]))
