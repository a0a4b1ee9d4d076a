"""Files the person asks for (reports, exports, backups, reminders): never written over an
existing file or through a symbolic link unless they say --force, and never half-written."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import InputError
from .messages import say


def target_path(path: str | os.PathLike, default_name: str, force: bool) -> Path:
    """Where to write: `path`, or `default_name` inside it when it is a folder.

    Refuses (InputError) a missing folder, a folder in the way, and, unless `force`, an existing
    file or a symbolic link (to a file or to a folder).
    """
    target = Path(path).expanduser()
    if target.is_dir():
        # A link to a folder is followed only when asked: with force the file goes inside the
        # folder it points to (replacing the link itself would lose the person's shortcut).
        if target.is_symlink() and not force:
            raise InputError(say("output_symlink", path=target), "output")
        target = target / default_name
    if not target.parent.is_dir():
        raise InputError(say("folder_missing", path=target.parent), "output")
    if target.is_dir() and not target.is_symlink():
        raise InputError(say("output_is_folder", path=target), "output")
    if not force:
        if target.is_symlink():
            raise InputError(say("output_symlink", path=target), "output")
        if target.exists():
            raise InputError(say("output_exists", path=target), "output")
    return target


def write_atomically(path: str | os.PathLike, data: bytes, force: bool) -> None:
    """Write `data` to a private (0600) temporary file beside `path`, then move it into place.

    Without `force` the move is a hard link, which fails if anything appeared at `path` in the
    meantime; with `force` a rename replaces a file or a symbolic link itself, never its target.
    """
    path = Path(path)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temporary, 0o600)
        if force:
            os.replace(temporary, path)
        else:
            _link_without_replacing(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _link_without_replacing(temporary: str, path: Path) -> None:
    try:
        os.link(temporary, path, follow_symlinks=False)
    except FileExistsError:
        kind = "output_symlink" if path.is_symlink() else "output_exists"
        raise InputError(say(kind, path=path), "output") from None
    except OSError:
        # A file system without hard links: check, then rename (a narrow race, no worse).
        if path.exists() or path.is_symlink():
            raise InputError(say("output_exists", path=path), "output") from None
        os.replace(temporary, path)
