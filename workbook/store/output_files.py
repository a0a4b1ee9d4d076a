"""Files the workbook writes where the person asks (report, export, backup, reminders).

One way for all of them: an existing file or a symbolic link is never replaced unless the person
said `--force` (and then the link itself is replaced, never the file it points to); a folder gets
the default name inside it; the content goes to a temporary file beside the target, is flushed to
disk, and is renamed into place, so a failed write (a full disk, a read-only folder) leaves
nothing behind and one kind sentence says why.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

from ..core.errors import DiskFullError, InputError
from ..core.messages import say
from .file_checks import place_error

PARTIAL = ".partial"


def os_error(error: OSError, path: Path) -> InputError:
    """The one kind sentence for a write that the disk or the folder refused."""
    code = error.errno
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DiskFullError(say("disk_full", path=path.parent))
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return InputError(say("folder_read_only", path=path.parent))
    if code in (errno.ENOENT, errno.ENOTDIR):
        return InputError(say("folder_missing", path=path.parent))
    return InputError(say("write_failed", path=path, reason=error.strerror or error))


def target_path(path: str | os.PathLike, default_name: str, force: bool = False) -> Path:
    """Where to write for an `--output PATH`: checked, with the default name inside a folder.

    Raises InputError (nothing written) for a missing folder, an existing file or link without
    `force`, and anything that is not an ordinary file (a folder, a device such as /dev/full).
    """
    path = Path(path).expanduser()
    if path.is_dir():  # a folder, or a link to one: the file goes inside it
        path = path / default_name
    if not path.parent.is_dir():
        raise InputError(say("folder_missing", path=path.parent))
    try:
        info = path.lstat()
    except FileNotFoundError:
        return path
    except OSError as error:
        raise os_error(error, path) from None
    if stat.S_ISLNK(info.st_mode):
        if not force:
            raise InputError(say("output_is_link", path=path))
        return path
    if not stat.S_ISREG(info.st_mode):
        raise InputError(say("output_not_a_file", path=path))
    if not force:
        raise InputError(say("output_exists", path=path))
    return path


def free_path(folder: Path, name: str) -> Path:
    """`folder/name`, or `name-2`, `name-3`… when taken: the workbook's own default places."""
    stem, dot, suffix = name.partition(".")
    candidate, n = folder / name, 1
    while os.path.lexists(candidate):
        n += 1
        candidate = folder / f"{stem}-{n}{dot}{suffix}"
    return candidate


def write_atomically(path: Path, data: bytes, force: bool = False) -> Path:
    """Write `data` to `path` (0600) through a temporary file and a rename; returns `path`."""
    return write_with(path, lambda partial: fill(partial, data), force)


def fill(path: Path, data: bytes) -> None:
    """Write `data` into a new file (0600), flushed to the disk; never through a link."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def write_with(path: Path, write: Callable[[Path], object], force: bool = False) -> Path:
    """Let `write` fill a temporary file beside `path`, then move it into place.

    Without `force` the move never replaces anything (a hard link, which fails when the name is
    taken, even by a file that appeared a moment ago); with it, a rename replaces the name only.
    """
    path = Path(path)
    partial = path.parent / f".{path.name}.{os.getpid()}{PARTIAL}"
    try:
        _discard(partial)
        write(partial)
        os.chmod(partial, 0o600)
        if force:
            os.replace(partial, path)
        else:
            _publish_new(partial, path)
        _fsync_dir(path.parent)
    except OSError as error:
        raise os_error(error, path) from None
    except sqlite3.Error as error:  # a copy through SQLite's backup API
        raise (place_error(error, path) or error) from None
    finally:
        _discard(partial)
    return path


def _discard(partial: Path) -> None:
    """Remove a temporary file if it is there (a read-only place refuses even to look)."""
    with contextlib.suppress(OSError):
        partial.unlink(missing_ok=True)


def _publish_new(partial: Path, path: Path) -> None:
    try:
        os.link(partial, path, follow_symlinks=False)
    except FileExistsError:
        raise InputError(say("output_exists", path=path)) from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        # A file system without hard links (FAT, some network shares): check, then rename.
        if os.path.lexists(path):
            raise InputError(say("output_exists", path=path)) from None
        os.replace(partial, path)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the file itself is synced
    finally:
        os.close(fd)


# --- Files the workbook wrote into its own folders, opened from a page ------------------------
# The app and JupyterLab serve these, behind their token (workbook/app/files.py), and nothing
# else of the data folder: a folder by its kind, a plain name, an ordinary file of this user's,
# readable by them only, never through a link.

CALENDAR_FILE = "workbook-reminders.ics"  # the reminders' default place: the data folder itself
SERVED_FOLDERS = {"reports": "reports", "exports": "exports", "backups": "backups", "calendar": ""}
_SERVED_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,200}")


def served_address(data_dir: Path, path: Path) -> tuple[str, str] | None:
    """(folder kind, name) under which `path` may be opened from a page; None for any other."""
    path = Path(path)
    for kind, folder in SERVED_FOLDERS.items():
        if kind == "calendar" and path.name != CALENDAR_FILE:
            continue
        if path.parent.resolve() == (Path(data_dir) / folder).resolve():
            return (kind, path.name) if served_file(data_dir, kind, path.name) else None
    return None


def served_file(data_dir: Path, kind: str, name: str) -> Path | None:
    """The file `name` of the folder `kind`, if it may be served; else None (not found)."""
    if kind not in SERVED_FOLDERS or not _SERVED_NAME.fullmatch(name) or name.endswith(PARTIAL):
        return None
    if kind == "calendar" and name != CALENDAR_FILE:
        return None
    folder = Path(data_dir) / SERVED_FOLDERS[kind]
    if SERVED_FOLDERS[kind] and folder.is_symlink():
        return None
    try:
        info = (folder / name).lstat()
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_mode & 0o077 or info.st_uid != os.getuid():
        return None
    return folder / name


def read_served(path: Path) -> bytes:
    """A served file's content, read without following a link put there since it was checked."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(fd, "rb") as f:
        return f.read()
