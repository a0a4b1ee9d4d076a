"""Plain copies of the workbook: automatic ones in `backups/`, and the ones a person asks for.

This module decides where copies go, what they are called and how many are kept. The store hands
the copy down: a function that writes a consistent copy to a path (SQLite's online backup API,
`connection.private_copy`), or the workbook's bytes for a copy sealed with a passphrase (`sealed`).
It never imports or calls the store.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import time
from datetime import UTC, date, datetime
from pathlib import Path

from ..core.errors import DamagedWorkbookError, InputError
from ..core.messages import say
from . import output_files
from .file_checks import database_problem
from .paths import ensure_private_dir
from .sealed import check_new_passphrase, encrypt

log = logging.getLogger("workbook")

BACKUP_DIR = "backups"
KEEP = 14  # automatic copies kept; copies you ask for, and safety copies, are never pruned
AUTOMATIC = ("daily", "before-v")
PARTIAL = output_files.PARTIAL

NAME = re.compile(
    r"^workbook-(\d{8}T\d{12}Z)-([a-z0-9-]+?)(?:-(\d{4}-\d{2}-\d{2}))?\.(sqlite|wbk)$"
)


def backups_dir(data_dir: Path) -> Path:
    return Path(data_dir) / BACKUP_DIR


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def backup_name(reason: str, day: date | None, suffix: str) -> str:
    dated = f"-{day.isoformat()}" if day else ""
    return f"workbook-{_stamp()}-{reason}{dated}.{suffix}"


def list_backups(data_dir: Path) -> list[Path]:
    """Finished backups, newest first (half-written ones are never listed)."""
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if NAME.match(p.name)]
    return sorted(found, key=lambda p: NAME.match(p.name).group(1), reverse=True)


def has_backup_for(data_dir: Path, day: date) -> bool:
    """Whether today's automatic copy exists already."""
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return False
    tag = f"-daily-{day.isoformat()}.sqlite"
    return any(name.endswith(tag) for name in os.listdir(folder))


def newest_good_backup(data_dir: Path) -> Path | None:
    """The newest plain backup that passes SQLite's integrity check."""
    for path in list_backups(data_dir):
        try:
            if path.suffix == ".sqlite" and database_problem(path) is None:
                return path
        except InputError:
            continue  # cannot be read just now (a full disk): not the one to offer
    return None


def damaged_error(path: Path, problem: str) -> DamagedWorkbookError:
    """The kind error for a damaged workbook file, naming the newest good backup if there is one."""
    newest = newest_good_backup(path.parent)
    if newest is None:
        message = say("damaged_no_backup", path=path)
    else:
        message = say("damaged_with_backup", path=path, backup=newest)
    error = DamagedWorkbookError(message, path, newest)
    error.problem = problem
    return error


def publish(folder: Path, name: str, write) -> Path:
    """Write through a temporary name and rename, so a crash never leaves a half backup listed."""
    ensure_private_dir(folder)
    return output_files.write_with(folder / name, write)


def automatic_backup(data_dir: Path, copy, reason: str, day: date | None = None) -> Path | None:
    """A plain copy into `backups/`, written by `copy(path)`, then prune. A daily copy that fails
    must not stop the save."""
    try:
        path = publish(backups_dir(data_dir), backup_name(reason, day, "sqlite"), copy)
    except (OSError, sqlite3.Error, InputError) as error:
        if reason != "daily":
            raise
        # One line, no traceback: the save itself goes on (or says why it cannot).
        log.warning("the daily backup could not be written: %s", error)
        return None
    prune(data_dir)
    return path


def prune(data_dir: Path, keep: int = KEEP) -> list[Path]:
    """Keep the newest `keep` automatic copies; clear half-written files older than an hour."""
    removed = []
    automatic = [
        p for p in list_backups(data_dir) if NAME.match(p.name).group(2).startswith(AUTOMATIC)
    ]
    for path in automatic[keep:]:
        path.unlink(missing_ok=True)
        removed.append(path)
    folder = backups_dir(data_dir)
    for path in folder.glob(f"*{PARTIAL}"):
        try:
            if time.time() - path.stat().st_mtime > 3600:
                path.unlink()
        except FileNotFoundError:
            pass
    return removed


def make_backup(data_dir: Path, copy, output: Path | None = None, force: bool = False) -> Path:
    """A plain backup you asked for, written by `copy(path)`; into `backups/` by default.

    An `output` that exists is replaced only with `force`; a folder gets the default name.
    """
    return _write(data_dir, backup_name("manual", None, "sqlite"), copy, output, force)


def make_sealed_backup(
    data_dir: Path, image: bytes, passphrase: str, output: Path | None = None, force: bool = False
) -> Path:
    """A backup you asked for, of the workbook's `image`, sealed with `passphrase`."""
    check_new_passphrase(passphrase)
    blob = encrypt(image, passphrase)

    def write(path: Path) -> None:
        output_files.fill(path, blob)

    return _write(data_dir, backup_name("manual", None, "wbk"), write, output, force)


def _write(data_dir: Path, name: str, write, output: Path | None, force: bool) -> Path:
    if output is None:
        return publish(backups_dir(data_dir), name, write)
    target = output_files.target_path(output, name, force)
    return output_files.write_with(target, write, force)
