"""The workbook's schema: its tables, the numbered migrations that make them, the one loop that
applies them, and what a file at each version must hold.

Migrations are the `NNNN_*.sql` files in `migrations/`, applied from the file's version
(`PRAGMA user_version`) upward, each in one transaction. `migrate` is the one code that upgrades
a workbook: opening one runs it (`Store.migrate`), and so does an import, on the export's rows laid
into an empty workbook at the export's own version first (`dump.upgraded`), so an old export
imports exactly as the same workbook upgraded in place.
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from importlib import resources


def table_names(conn: sqlite3.Connection) -> list[str]:
    """The workbook's tables in the order they were created (parents before children)."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY rowid"
        )
    ]


def version_of(conn: sqlite3.Connection) -> int:
    """The schema version a database is at (0 for a new, empty one)."""
    return conn.execute("PRAGMA user_version").fetchone()[0]


# --- the numbered migrations -----------------------------------------------------------------


def migrations() -> list[tuple[int, str, str]]:
    """(number, name, sql) for each numbered migration, in order."""
    found = []
    for entry in resources.files("workbook.store.migrations").iterdir():
        match = re.match(r"^(\d{4})_.*\.sql$", entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def latest_schema_version() -> int:
    return migrations()[-1][0]


def pending(conn: sqlite3.Connection) -> list[int]:
    """The numbers of the migrations a database has still to run."""
    version = version_of(conn)
    return [number for number, _, _ in migrations() if number > version]


def statements(script: str) -> list[str]:
    """Split a migration into statements, so they run inside our own transaction."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not current.strip():
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements


def migrate(conn: sqlite3.Connection, up_to: int | None = None) -> list[int]:
    """Apply every numbered migration above the file's version (up to `up_to`, else all), each in
    one transaction; returns the numbers applied."""
    applied = []
    for number, _name, sql in migrations():
        if up_to is not None and number > up_to:
            break
        if number <= version_of(conn):
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if number <= version_of(conn):  # another process got there first
                conn.execute("ROLLBACK")
                continue
            for statement in statements(sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(number)
    return applied


# --- what the migrations make ----------------------------------------------------------------


def _objects(conn: sqlite3.Connection) -> set[tuple]:
    """Every object in the file's schema: (type, name, table, SQL with spaces normalised)."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {(t, n, tb, " ".join(sql.split()) if sql else None) for t, n, tb, sql in rows}


def _made_by_migrations(version: int) -> sqlite3.Connection:
    """An empty database in memory, at schema `version`."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn, up_to=version)
    return conn


@cache
def expected_schema(version: int) -> frozenset[tuple]:
    """The objects the migrations up to `version` create, and nothing else."""
    conn = _made_by_migrations(version)
    try:
        return frozenset(_objects(conn))
    finally:
        conn.close()


@cache
def expected_columns(version: int) -> dict[str, tuple[tuple[str, str, bool], ...]]:
    """{table: ((column, declared type, may be NULL), ...)} at schema `version`, in order."""
    conn = _made_by_migrations(version)
    try:
        return {
            t: tuple(
                (r[1], (r[2] or "").upper(), not r[3] and not r[5])
                for r in conn.execute(f'PRAGMA table_info("{t}")')
            )
            for t in table_names(conn)
        }
    finally:
        conn.close()


def schema_problem(conn: sqlite3.Connection) -> str | None:
    """What in this database's schema is not exactly the workbook's, or None."""
    version = version_of(conn)
    if not 1 <= version <= latest_schema_version():
        return f"schema version {version} is not one of the workbook's"
    have, want = _objects(conn), expected_schema(version)
    extra = sorted(have - want, key=str)
    if extra:
        kind, name = extra[0][0], extra[0][1]
        return f"it holds a {kind} “{name}” the workbook doesn’t have"
    missing = sorted(want - have, key=str)
    if missing:
        return f"its {missing[0][0]} “{missing[0][1]}” is missing or different"
    return None
