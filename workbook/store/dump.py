"""Every row of every table, out and in: the store's dump (an export, a backup being checked before
a restore) and its load (an import), ids and all, at any schema version.

The tables come from `schema.table_names`, the one list of them.
"""

from __future__ import annotations

import sqlite3

from ..core.errors import NotAWorkbookError
from ..core.messages import say
from .connection import Transaction
from .schema import migrate, table_names


def has_rows(conn: sqlite3.Connection) -> bool:
    """Whether any of the workbook's tables holds a row (works at every schema version)."""
    return any(
        conn.execute(f'SELECT EXISTS (SELECT 1 FROM "{name}")').fetchone()[0]
        for name in table_names(conn)
    )


def dump_tables(conn: sqlite3.Connection) -> dict[str, dict]:
    """Every row of every table, in storage order: {table: {"columns": [...], "rows": [...]}}."""
    out: dict[str, dict] = {}
    for table in table_names(conn):
        cursor = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
        columns = [d[0] for d in cursor.description]
        out[table] = {"columns": columns, "rows": [list(row) for row in cursor]}
    return out


def insert_tables(conn: sqlite3.Connection, tables: dict[str, dict]) -> int:
    """Insert dumped rows, ids and all, parents first, inside the caller's transaction; the count.

    Raises NotAWorkbookError for a table or a column the workbook does not have.
    """
    known = table_names(conn)
    unknown = [t for t in tables if t not in known]
    if unknown:
        raise NotAWorkbookError(say("import_unknown_table", table=unknown[0]))
    count = 0
    for table in known:
        if table not in tables:
            continue
        columns = tables[table]["columns"]
        have = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
        if not set(columns) <= have:
            missing = sorted(set(columns) - have)[0]
            raise NotAWorkbookError(say("import_unknown_column", table=table, column=missing))
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" * len(columns))
        rows = tables[table]["rows"]
        conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
        count += len(rows)
    return count


def upgraded(tables: dict[str, dict], schema_version: int) -> dict[str, dict]:
    """Rows dumped from a workbook at `schema_version`, as that workbook holds them once upgraded
    to the newest schema: laid into an empty workbook at their own version (in memory), then
    migrated by `schema.migrate`, as opening the workbook itself would have done.

    Raises sqlite3.Error for rows the schema refuses (a CHECK, a missing parent).
    """
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn, up_to=schema_version)
        with Transaction(conn):
            insert_tables(conn, tables)
        migrate(conn)
        return dump_tables(conn)
    finally:
        conn.close()
