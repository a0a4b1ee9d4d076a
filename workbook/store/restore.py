"""Going back to a backup: only a sound workbook, with exactly our schema and rows that pass.

A backup is a whole database, so it could carry anything SQLite can hold: a trigger that rewrites
rows on the next save, a view, an extra column, rows no page would ever accept. It is restored
only when its schema is exactly the one the migrations make (tables, columns, indexes; nothing
else) and every row passes the same checks as an import. The current workbook is never destroyed:
a sound one is copied into `backups/` first, a damaged one is moved there whole.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..core.errors import InputError, NotAWorkbookError
from ..core.messages import say
from . import Store
from . import table_checks as table_rows
from .backups import backup_name, backups_dir, publish
from .dump import dump_tables
from .file_checks import SQLITE_MAGIC, database_problem, open_image, refuse_unsound_image
from .paths import DB_NAME, ensure_private_dir
from .schema import schema_problem, version_of
from .sealed import decrypt, is_encrypted

MAX_BACKUP_BYTES = 2**31  # far above ten years of check-ins; keeps a stray huge file out of memory


def read_backup(path: Path, passphrase=None) -> bytes:
    """The database image in a backup file; `passphrase` is a string or a function asking for one."""
    path = Path(path)
    if not path.is_file():
        raise InputError(say("file_missing", path=path))
    try:
        if path.stat().st_size > MAX_BACKUP_BYTES:
            raise NotAWorkbookError(say("not_a_backup", path=path))
        blob = path.read_bytes()
    except OSError as error:
        raise InputError(say("file_unreadable", path=path, reason=error.strerror)) from None
    if is_encrypted(blob):
        secret = passphrase() if callable(passphrase) else passphrase
        if not secret:
            raise InputError(say("passphrase_needed"))
        return decrypt(blob, secret)
    if not blob.startswith(SQLITE_MAGIC):
        raise NotAWorkbookError(say("not_a_backup", path=path))
    return blob


def check_image(image: bytes) -> None:
    """Refuse a database that is damaged, newer, not exactly our schema, or holds bad rows."""
    refuse_unsound_image(image)
    conn = open_image(image)
    try:
        problem = schema_problem(conn)
        if problem is not None:
            raise NotAWorkbookError(say("restore_not_ours", problem=problem))
        version = version_of(conn)
        tables = dump_tables(conn)
        sequence = conn.execute("SELECT name, seq FROM sqlite_sequence").fetchall()
    except sqlite3.Error as error:
        raise NotAWorkbookError(say("restore_damaged", problem=error)) from None
    finally:
        conn.close()
    try:
        table_rows.check_tables(tables, version)
        table_rows.check_sequence(sequence, tables)
    except InputError as error:
        problem = str(error).rstrip(".")
        raise NotAWorkbookError(say("restore_bad_rows", problem=problem)) from None


def restore(data_dir: Path, path: Path, passphrase=None) -> tuple[Path, Path | None]:
    """Make the workbook a copy of the backup at `path`; returns (workbook, safety copy)."""
    image = read_backup(path, passphrase)
    check_image(image)
    data_dir = ensure_private_dir(Path(data_dir))
    db = data_dir / DB_NAME
    safety = None
    if db.exists() and db.stat().st_size > 0 and database_problem(db) is not None:
        folder = ensure_private_dir(backups_dir(data_dir))
        safety = folder / backup_name("damaged", None, "sqlite")
        for suffix in ("-wal", "-shm"):
            sidecar = Path(f"{db}{suffix}")
            if sidecar.exists():
                os.replace(sidecar, f"{safety}{suffix}")
        os.replace(db, safety)
    with Store(data_dir) as store:
        if safety is None and not store.is_empty():
            safety = publish(
                backups_dir(data_dir), backup_name("before-restore", None, "sqlite"), store.copy_to
            )
        store.replace_with(image)
        if store.integrity() != "ok":  # pragma: no cover — replace_with checked the copy
            raise NotAWorkbookError(say("restore_damaged", problem=store.integrity()))
    return db, safety
