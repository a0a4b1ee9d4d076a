"""Backups, restore, export and import."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..core.errors import InputError
from ..core.messages import say
from ..store.paths import resolve_data_dir
from .common import existing_store, today_of


def _passphrase(args, confirm: bool = False) -> str | None:
    """From --passphrase-file, else $WORKBOOK_PASSPHRASE, else asked for in a terminal."""
    if getattr(args, "passphrase_file", None):
        path = Path(args.passphrase_file)
        if not path.is_file():
            raise InputError(say("file_missing", path=path))
        try:
            return path.read_text(encoding="utf-8").rstrip("\r\n")
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(say("file_unreadable", path=path, reason=error)) from None
    if os.environ.get("WORKBOOK_PASSPHRASE"):
        return os.environ["WORKBOOK_PASSPHRASE"]
    if not sys.stdin.isatty():
        raise InputError(say("passphrase_needed"))
    import getpass

    secret = getpass.getpass(say("passphrase_prompt"))
    if confirm and getpass.getpass(say("passphrase_again")) != secret:
        raise InputError(say("passphrase_mismatch"))
    return secret


def cmd_backup(args) -> int:
    from ..store.sealed import check_new_passphrase

    output = Path(args.output) if args.output else None
    passphrase = _passphrase(args, confirm=True) if args.encrypt else None
    if passphrase is not None:
        check_new_passphrase(passphrase)
    store = existing_store(args)
    if store is None:
        raise InputError(say("backup_nothing", path=resolve_data_dir(args.data_dir)))
    with store:
        path = store.backup(passphrase=passphrase, output=output, force=args.force)
    print(say("backup_encrypted_done" if args.encrypt else "backup_done", path=path))
    return 0


def cmd_restore(args) -> int:
    from ..store.restore import restore

    db, safety = restore(
        resolve_data_dir(args.data_dir), Path(args.path), passphrase=lambda: _passphrase(args)
    )
    print(say("restore_done", path=args.path))
    if safety is not None:
        print(say("restore_safety", path=safety))
    return 0


def cmd_export(args) -> int:
    from ..store import transfer

    today = today_of(args)  # checked before anything is written
    store = existing_store(args)
    if store is None:
        raise InputError(say("export_empty", path=resolve_data_dir(args.data_dir)))
    with store:
        output, rows = transfer.write_export(store, args.format, today, args.output, args.force)
    print(say("export_done", path=output, rows=rows))
    return 0


def cmd_import(args) -> int:
    from ..store import Store, transfer
    from ..store.schema import latest_schema_version

    path = Path(args.path)
    tables = transfer.read_export(path, latest_schema_version())  # checked before any folder exists
    with Store(args.data_dir) as store:
        if not store.is_empty():
            raise InputError(say("import_not_empty", path=store.data_dir))
        rows = store.load(tables)
        folder = store.data_dir
    print(say("import_done", rows=rows, path=folder))
    return 0
