"""The store's plumbing on the SQLite file: whole transactions, private copies, every row of
every table in and out, and the kind error for a place that stops SQLite (a full disk, a
read-only folder). The schema and its migrations are `schema`'s.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from ..core.errors import NotAWorkbookError
from ..core.messages import say
from . import output_files
from .file_checks import BUSY_TIMEOUT_MS, place_error
from .paths import ensure_private_file
from .schema import migrate


def has_rows(conn: sqlite3.Connection) -> bool:
    """Whether any of the workbook's tables holds a row (works at every schema version)."""
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return any(
        conn.execute(f'SELECT EXISTS (SELECT 1 FROM "{name}")').fetchone()[0] for name in tables
    )


def private_copy(source: sqlite3.Connection, target: Path) -> None:
    """Copy a live database with the online backup API into a new single file, 0600, fsynced."""
    ensure_private_file(target)
    dest = sqlite3.connect(target, isolation_level=None)
    try:
        source.backup(dest)
        # A self-contained file: no -wal/-shm beside a backup.
        dest.execute("PRAGMA journal_mode = DELETE")
        check = dest.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise sqlite3.DatabaseError(f"the copy did not verify: {check}")
    finally:
        dest.close()
    with open(target, "rb+") as f:
        os.fsync(f.fileno())


def table_names(conn: sqlite3.Connection) -> list[str]:
    """The workbook's tables in the order they were created (parents before children)."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY rowid"
        )
    ]


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


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class Transaction:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error: a save happens whole or not at all."""

    def __init__(self, conn: sqlite3.Connection, begin: str = "BEGIN IMMEDIATE", path=None):
        self.conn = conn
        self.begin = begin
        self.path = path

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.conn.execute(self.begin)
        except sqlite3.Error as error:
            raise kind_error(error, self.path) from None
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            try:
                self.conn.execute("COMMIT")
                return
            except sqlite3.Error as error:
                exc = error
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error) and self.path is not None:
            kind = place_error(exc, self.path)
            if kind is not None:  # a full disk: the save is rolled back whole; say so kindly
                raise kind from None
        if exc_type is None:
            raise exc


def kind_error(error: Exception, path) -> Exception:
    """The kind error for a disk or folder that stops SQLite, else the error as it came."""
    if isinstance(error, sqlite3.Error) and path is not None:
        kind = place_error(error, path)
        if kind is not None:
            return kind
    if isinstance(error, OSError):
        return output_files.os_error(error, Path(path))
    return error


def connect(path: Path) -> sqlite3.Connection:
    """The workbook's connection: WAL with a busy timeout, every save synced, keys enforced."""
    # Any thread may use it (the Store serialises calls); Python's sqlite3 is built thread-safe.
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    try:
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def connect_for_reading(path: Path, cannot_write: Exception) -> sqlite3.Connection:
    """The file as it stands, read in place, when the disk is too full to open it for writing.

    Only when no write-ahead log holds anything: then the main file is the whole workbook.
    """
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise cannot_write
    conn = sqlite3.connect(
        f"{path.resolve().as_uri()}?immutable=1", uri=True, check_same_thread=False
    )
    conn.row_factory = sqlite3.Row
    return conn
