"""The workbook's SQLite file as a file: is it one, is it sound, can this version open it.

Both the store and the backups ask these questions, so they live here, below both: neither has to
import the other. Nothing here writes to the file it checks.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from pathlib import Path

from ..core.errors import DiskFullError, InputError, NotAWorkbookError
from ..core.messages import say
from .schema import latest_schema_version, table_names, version_of

BUSY_TIMEOUT_MS = 10_000
SQLITE_MAGIC = b"SQLite format 3\x00"

# SQLite's primary result codes that say the place is the trouble, not the file.
_FULL = (sqlite3.SQLITE_FULL,)
_PLACE = (
    sqlite3.SQLITE_IOERR,
    sqlite3.SQLITE_CANTOPEN,
    sqlite3.SQLITE_READONLY,
    sqlite3.SQLITE_PERM,
    sqlite3.SQLITE_BUSY,
    sqlite3.SQLITE_LOCKED,
    sqlite3.SQLITE_NOMEM,
)


def place_error(error: sqlite3.Error, path: Path) -> InputError | None:
    """The kind error when SQLite failed because of the disk or the folder, not the file."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return None
    if code & 0xFF in _FULL or (code & 0xFF in _PLACE and disk_is_full(Path(path).parent)):
        return DiskFullError(say("disk_full", path=Path(path).parent))
    if code & 0xFF in _PLACE:
        return InputError(say("workbook_unreachable", path=path, reason=error))
    return None


def disk_is_full(folder: Path) -> bool:
    """Whether the disk holding `folder` has (next to) no room left: SQLite often says only
    "disk I/O error" when it cannot grow its shared-memory file there."""
    try:
        info = os.statvfs(folder)
    except OSError:
        return False
    return info.f_bavail * info.f_frsize < 256 * 1024


def drop_new_sidecars(path: Path, existed: list[bool]) -> None:
    """Leave the folder as it was: drop the empty log files a failed open has just created."""
    _drop_new([Path(f"{path}{suffix}") for suffix in ("-wal", "-shm")], existed)


def sidecars_present(path: Path) -> list[bool]:
    return [Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm")]


def database_problem(path: Path) -> str | None:
    """What is wrong with the SQLite file at `path`, or None when it is sound (or empty).

    Reads through a read-only connection, so a damaged file is never written to: no recovery,
    no checkpoint of its write-ahead log into it. A full disk, a locked file or a folder we may
    not write to is not damage: that raises the kind error for it instead.
    """
    path = Path(path)
    # Never a plain open() of the file: closing it would drop every lock SQLite holds on it for
    # this process's other connections (POSIX locks are per process), and another program would
    # then delete the write-ahead log under them (tests/test_store_shared.py). SQLite reads the
    # header itself, through descriptors it keeps while its locks stand.
    reason = _unreadable(path)
    if reason is not None:
        raise InputError(say("workbook_unreachable", path=path, reason=reason))
    if path.stat().st_size == 0:
        return None  # a new, empty file: SQLite will lay it out
    sidecars = [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm")]
    existed = [p.exists() for p in sidecars]
    problem = None
    try:
        problem = _integrity(f"{path.resolve().as_uri()}?mode=ro")
    except sqlite3.Error as error:
        if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB:
            problem = "not an SQLite database"
        elif place_error(error, path) is None:
            problem = str(error)
        elif not any(existed) or not sidecars[0].stat().st_size:
            # No log to read: the main file alone is the whole workbook; look at it in place.
            _drop_new(sidecars, existed)
            problem = _integrity(f"{path.resolve().as_uri()}?immutable=1")
        else:
            _drop_new(sidecars, existed)
            raise place_error(error, path) from None
    if problem is not None:
        _drop_new(sidecars, existed)
    return problem


def _unreadable(path: Path) -> str | None:
    """Why the file cannot be read (as the system says it), or None; without opening it."""
    try:
        info = path.stat()
    except OSError as error:
        return error.strerror
    if stat.S_ISDIR(info.st_mode):
        return os.strerror(errno.EISDIR)
    if not os.access(path, os.R_OK):
        return os.strerror(errno.EACCES)
    return None


def _drop_new(sidecars: list[Path], existed: list[bool]) -> None:
    """Leave the folder as it was: drop the empty log files a read-only look may have created."""
    wal_empty = not sidecars[0].exists() or sidecars[0].stat().st_size == 0
    for sidecar, was_there in zip(sidecars, existed, strict=True):
        if not was_there and wal_empty:
            sidecar.unlink(missing_ok=True)


def _integrity(uri: str) -> str | None:
    conn = sqlite3.connect(uri, uri=True)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        return None if rows == ["ok"] else "; ".join(rows[:5])
    finally:
        conn.close()


# --- a database held in memory (a backup being restored) --------------------------------------


def image_problem(image: bytes) -> str | None:
    """What is wrong with a database held in memory, or None when it is a sound workbook."""
    if not image.startswith(SQLITE_MAGIC):
        return "not an SQLite database"
    try:
        conn = open_image(image)
    except sqlite3.Error as error:
        return str(error)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            return "; ".join(rows[:5])
        names = set(table_names(conn))
        if "checkin_revisions" not in names or "plan_revisions" not in names:
            return "not a workbook"
    except sqlite3.Error as error:
        return str(error)
    finally:
        conn.close()
    return None


def image_schema_version(image: bytes) -> int:
    conn = open_image(image)
    try:
        return version_of(conn)
    finally:
        conn.close()


def open_image(image: bytes) -> sqlite3.Connection:
    """An in-memory connection holding a copy of `image` (a WAL-mode header is set to rollback)."""
    data = bytearray(image)
    if len(data) >= 20 and data[18:20] == b"\x02\x02":
        data[18:20] = b"\x01\x01"  # an in-memory database cannot use a write-ahead log
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.deserialize(bytes(data))
    return conn


def refuse_unsound_image(image: bytes) -> None:
    """Raise NotAWorkbookError for an image that is damaged or from a newer workbook."""
    problem = image_problem(image)
    if problem is not None:
        raise NotAWorkbookError(say("restore_damaged", problem=problem))
    if image_schema_version(image) > latest_schema_version():
        raise NotAWorkbookError(say("restore_newer"))
