"""Copies of the workbook: automatic ones in `backups/`, on request ones, encrypted ones, restore.

The SQLite side (the online backup API, checking a copy) lives in `store.py`; this module decides
where copies go, what they are called, how many are kept, and how a passphrase protects them.

An encrypted backup is one file: a header (magic, format version, scrypt parameters, salt, nonce)
followed by the AES-GCM ciphertext of the database; the header is authenticated too, so any change
to the file, or a wrong passphrase, is refused before anything is touched.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
import sqlite3
import struct
import time
from datetime import UTC, date, datetime
from pathlib import Path

from .errors import InputError, WrongPassphraseError  # noqa: F401
from .messages import say
from .paths import DB_NAME, ensure_private_dir, ensure_private_file

log = logging.getLogger("workbook")

BACKUP_DIR = "backups"
KEEP = 14  # automatic copies kept; copies you ask for, and safety copies, are never pruned
AUTOMATIC = ("daily", "before-v")
PARTIAL = ".partial"

MAGIC = b"WBKCRYPT"
FORMAT_VERSION = 1
KDF_SCRYPT = 1
# magic, version, kdf, log2(n), r, p, salt, nonce, passphrase check
HEADER = struct.Struct(">8sBBBBB16s12s16s")
SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P = 15, 8, 1
MIN_PASSPHRASE = 8

NAME = re.compile(
    r"^workbook-(\d{8}T\d{12}Z)-([a-z0-9-]+?)(?:-(\d{4}-\d{2}-\d{2}))?\.(sqlite|wbk)$"
)


def backups_dir(data_dir: Path) -> Path:
    return Path(data_dir) / BACKUP_DIR


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _name(reason: str, day: date | None, suffix: str) -> str:
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
    from .store import database_problem

    for path in list_backups(data_dir):
        if path.suffix == ".sqlite" and database_problem(path) is None:
            return path
    return None


def _publish(folder: Path, name: str, write) -> Path:
    """Write through a temporary name and rename, so a crash never leaves a half backup listed."""
    ensure_private_dir(folder)
    final = folder / name
    partial = folder / f"{name}.{os.getpid()}{PARTIAL}"
    try:
        write(partial)
        os.replace(partial, final)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _fsync_dir(folder)
    return final


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def automatic_backup(store, reason: str, day: date | None = None) -> Path | None:
    """A plain copy into `backups/`, then prune. A daily copy that fails must not stop the save."""
    folder = backups_dir(store.data_dir)
    try:
        path = _publish(folder, _name(reason, day, "sqlite"), store.copy_to)
    except (OSError, sqlite3.Error):
        if reason != "daily":
            raise
        log.warning("the daily backup could not be written", exc_info=True)
        return None
    prune(store.data_dir)
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


# --- on request ------------------------------------------------------------------------------


def make_backup(store, passphrase: str | None = None, output: Path | None = None) -> Path:
    """A backup you asked for: plain, or encrypted with `passphrase`; into `backups/` by default."""
    if passphrase is not None:
        check_new_passphrase(passphrase)
        blob = encrypt(store.image(), passphrase)

        def write(path: Path) -> None:
            _write_private(path, blob)

        suffix = "wbk"
    else:
        write = store.copy_to
        suffix = "sqlite"
    if output is None:
        return _publish(backups_dir(store.data_dir), _name("manual", None, suffix), write)
    output = Path(output)
    if output.is_dir():
        output = output / _name("manual", None, suffix)
    if not output.parent.is_dir():
        raise InputError(say("folder_missing", path=output.parent))
    if output.exists():
        raise InputError(say("file_exists", path=output))
    write(output)
    return output


def _write_private(path: Path, content: bytes) -> None:
    ensure_private_file(path)
    with open(path, "wb") as f:
        f.write(content)
        f.flush()
        os.fsync(f.fileno())


def check_new_passphrase(passphrase: str) -> None:
    if "\x00" in passphrase:
        raise InputError(say("text_nul", field="The passphrase"))
    if len(passphrase) < MIN_PASSPHRASE:
        raise InputError(say("passphrase_short", minimum=MIN_PASSPHRASE))


# --- encryption ------------------------------------------------------------------------------


def _keys(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> tuple[bytes, bytes]:
    """(the AES key, a check value) from one scrypt derivation.

    The check value tells a wrong passphrase apart from a damaged file; it reveals nothing the
    ciphertext itself would not let someone test.
    """
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    derived = Scrypt(salt=salt, length=64, n=2**log2_n, r=r, p=p).derive(passphrase.encode("utf-8"))
    return derived[:32], hashlib.sha256(derived[32:]).digest()[:16]


def encrypt(image: bytes, passphrase: str, log2_n: int = SCRYPT_LOG2_N) -> bytes:
    """The encrypted backup file's bytes: header, then AES-256-GCM over the database."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    key, check = _keys(passphrase, salt, log2_n, SCRYPT_R, SCRYPT_P)
    header = HEADER.pack(
        MAGIC, FORMAT_VERSION, KDF_SCRYPT, log2_n, SCRYPT_R, SCRYPT_P, salt, nonce, check
    )
    return header + AESGCM(key).encrypt(nonce, image, header)


def is_encrypted(blob: bytes) -> bool:
    return blob.startswith(MAGIC)


def decrypt(blob: bytes, passphrase: str) -> bytes:
    """The database inside an encrypted backup; a wrong passphrase or a changed file is refused."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from .store import NotAWorkbookError

    if len(blob) < HEADER.size + 16:
        raise NotAWorkbookError(say("backup_damaged"))
    magic, version, kdf, log2_n, r, p, salt, nonce, check = HEADER.unpack_from(blob)
    if version > FORMAT_VERSION:
        raise NotAWorkbookError(say("backup_newer"))
    # Bounds keep a damaged header from asking for gigabytes of memory.
    if magic != MAGIC or kdf != KDF_SCRYPT or not (14 <= log2_n <= 20 and 1 <= r <= 16 and p == 1):
        raise NotAWorkbookError(say("backup_damaged"))
    key, expected = _keys(passphrase, salt, log2_n, r, p)
    if not hmac.compare_digest(check, expected):
        raise WrongPassphraseError(say("wrong_passphrase"))
    try:
        return AESGCM(key).decrypt(nonce, blob[HEADER.size :], blob[: HEADER.size])
    except InvalidTag:
        raise NotAWorkbookError(say("backup_damaged")) from None


# --- restore ---------------------------------------------------------------------------------


def read_backup(path: Path, passphrase=None) -> bytes:
    """The database image in a backup file; `passphrase` is a string or a function asking for one."""
    from .store import SQLITE_MAGIC, NotAWorkbookError

    path = Path(path)
    if not path.is_file():
        raise InputError(say("file_missing", path=path))
    blob = path.read_bytes()
    if is_encrypted(blob):
        secret = passphrase() if callable(passphrase) else passphrase
        if not secret:
            raise InputError(say("passphrase_needed"))
        return decrypt(blob, secret)
    if not blob.startswith(SQLITE_MAGIC):
        raise NotAWorkbookError(say("not_a_backup", path=path))
    return blob


def restore(data_dir: Path, path: Path, passphrase=None) -> tuple[Path, Path | None]:
    """Make the workbook a copy of the backup at `path`; returns (workbook, safety copy).

    The current workbook is never destroyed: a sound one is copied into `backups/` first, a
    damaged one is moved there whole (with its write-ahead log).
    """
    from .store import (
        NotAWorkbookError,
        Store,
        database_problem,
        image_problem,
        image_schema_version,
        latest_schema_version,
    )

    image = read_backup(path, passphrase)
    problem = image_problem(image)
    if problem is not None:
        raise NotAWorkbookError(say("restore_damaged", problem=problem))
    if image_schema_version(image) > latest_schema_version():
        raise NotAWorkbookError(say("restore_newer"))
    data_dir = ensure_private_dir(Path(data_dir))
    db = data_dir / DB_NAME
    safety = None
    if db.exists() and db.stat().st_size > 0 and database_problem(db) is not None:
        folder = ensure_private_dir(backups_dir(data_dir))
        safety = folder / _name("damaged", None, "sqlite")
        for suffix in ("-wal", "-shm"):
            sidecar = Path(f"{db}{suffix}")
            if sidecar.exists():
                os.replace(sidecar, f"{safety}{suffix}")
        os.replace(db, safety)
        _fsync_dir(folder)
    with Store(data_dir) as store:
        if safety is None and not store.is_empty():
            safety = _publish(
                backups_dir(data_dir), _name("before-restore", None, "sqlite"), store.copy_to
            )
        store.replace_with(image)
        if store.integrity() != "ok":  # pragma: no cover — replace_with checked the copy
            raise NotAWorkbookError(say("restore_damaged", problem=store.integrity()))
    return db, safety
