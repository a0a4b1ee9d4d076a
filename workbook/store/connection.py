"""The store's plumbing on the SQLite file: opening it, whole transactions, private copies, and
the kind error for a place that stops SQLite (a full disk, a read-only folder). The schema and
its migrations are `schema`'s; every row of every table in and out is `dump`'s.
"""

from __future__ import annotations

import functools
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from ..core.errors import InputError
from . import output_files
from .file_checks import (
    BUSY_TIMEOUT_MS,
    drop_new_sidecars,
    open_image,
    place_error,
    refuse_unsound_image,
    sidecars_present,
)
from .paths import ensure_private_file


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


def open_workbook(path: Path) -> tuple[sqlite3.Connection, Exception | None]:
    """The workbook's connection, and None; or, when the disk or folder stops SQLite writing
    (a full disk), the file read in place and the kind error saying why it cannot be written."""
    existed = sidecars_present(path)
    try:
        ensure_private_file(path)  # created 0600 before SQLite opens it; WAL files follow
        return connect(path), None
    except (OSError, sqlite3.Error) as error:
        drop_new_sidecars(path, existed)
        kind = kind_error(error, path)
        if not isinstance(kind, InputError) or not path.stat().st_size:
            raise kind from None
        return connect_for_reading(path, kind), kind


def make_sidecars_private(path: Path) -> None:
    """The write-ahead log files SQLite made beside the workbook: 0600 like the file."""
    for suffix in ("-wal", "-shm"):
        sidecar = Path(f"{path}{suffix}")
        if sidecar.exists():
            os.chmod(sidecar, 0o600)


def image_of(conn: sqlite3.Connection) -> bytes:
    """A consistent copy of a whole database as bytes (SQLite's online backup API, in memory)."""
    memory = sqlite3.connect(":memory:")
    try:
        conn.backup(memory)
        return memory.serialize()
    finally:
        memory.close()


def copy_image_into(conn: sqlite3.Connection, image: bytes) -> None:
    """Make the database behind `conn` a copy of `image`, a sound workbook (checked here)."""
    refuse_unsound_image(image)
    source = open_image(image)
    try:
        source.backup(conn)
    finally:
        source.close()
    conn.execute("PRAGMA journal_mode = WAL")


def one_call_at_a_time(method):
    """Hold the store's lock for the whole call: a save's BEGIN … COMMIT is never interleaved with
    another thread's statements on the same connection (a cell running on the kernel's main thread
    while a widget handler runs on a subshell's)."""

    @functools.wraps(method)
    def locked(self, *args, **kwargs):
        with self._lock:
            return method(self, *args, **kwargs)

    return locked


def integrity_of(conn: sqlite3.Connection) -> str:
    """`PRAGMA integrity_check` of an open database: "ok" when sound."""
    return "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check").fetchall())


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
