"""Where the user's data lives, and keeping it private."""

from __future__ import annotations

import os
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]
DB_NAME = "workbook.sqlite"


def in_checkout() -> bool:
    """Running from a clone (editable install or not installed), not from an installed wheel."""
    # All three: a stray pyproject.toml in site-packages must not make an install a "checkout".
    return all(
        (CHECKOUT / name).exists() for name in ("pyproject.toml", "notebooks", "jupyter_config")
    )


def default_data_dir() -> Path:
    """`WORKBOOK_DATA_DIR`, else `data/` of the checkout, else the user's data folder."""
    env = os.environ.get("WORKBOOK_DATA_DIR")
    if env:
        return Path(env).expanduser()
    if in_checkout():
        return CHECKOUT / "data"
    # Installed without a checkout: the platform's per-user data folder.
    from platformdirs import user_data_dir

    return Path(user_data_dir("thirty-day-break-workbook", appauthor=False))


def resolve_data_dir(data_dir: str | os.PathLike | None) -> Path:
    """The data directory asked for, or the default."""
    if data_dir is None or str(data_dir) == "":
        return default_data_dir()
    return Path(data_dir).expanduser()


def ensure_private_dir(path: Path) -> Path:
    """Create the folder if needed and make it readable by its owner only (0700)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    return path


def ensure_private_file(path: Path) -> Path:
    """Create an empty file readable by its owner only (0600), or tighten an existing one.

    An existing file is never opened here: closing it would drop the locks SQLite holds on it
    for this process's open connections (see workbook/store/file_checks.py)."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600)
    except FileExistsError:
        pass
    else:
        os.close(fd)
    os.chmod(path, 0o600)
    return path
