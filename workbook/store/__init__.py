"""The only module that touches SQLite.

One file in the data directory; numbered migrations under `migrations/` tracked with
`PRAGMA user_version`; WAL with a busy timeout; each save is one transaction; nothing is ever
overwritten: a correction is a new revision and the newest revision is the one shown.

One Store may be called from any thread, one call at a time: JupyterLab sends a widget's events
to a kernel subshell, which ipykernel runs on a thread of its own, so a page's handlers do not run
on the thread that opened its store (see `_one_call_at_a_time`).

The file is checked (`PRAGMA integrity_check`, on a read-only connection) before anything else
touches it: a damaged workbook raises `DamagedWorkbookError` and is never written to. Copies go
through SQLite's online backup API: once a day on the first save and before every migration; the
store hands each copy down to `backups.py` (where they live and how many are kept).
"""

from __future__ import annotations

import functools
import os
import sqlite3
import threading
from datetime import date
from pathlib import Path

from ..core.errors import DamagedWorkbookError, InputError
from ..core.messages import say
from ..core.model import Checkin, Plan, Record, Snapshot, Who5
from . import backups as backup_copies
from . import rows
from .connection import Transaction, connect, connect_for_reading, kind_error, now, private_copy
from .dump import dump_tables, has_rows, insert_tables
from .file_checks import (
    database_problem,
    drop_new_sidecars,
    open_image,
    refuse_unsound_image,
    sidecars_present,
)
from .paths import DB_NAME, ensure_private_dir, ensure_private_file, resolve_data_dir
from .schema import latest_schema_version, migrate, pending, table_names, version_of


def _one_call_at_a_time(method):
    """Hold the store's lock for the whole call: a save's BEGIN … COMMIT is never interleaved with
    another thread's statements on the same connection (a cell running on the kernel's main thread
    while a widget handler runs on a subshell's)."""

    @functools.wraps(method)
    def locked(self, *args, **kwargs):
        with self._lock:
            return method(self, *args, **kwargs)

    return locked


class Store:
    """The workbook's SQLite file.

    `clock` returns today's date (default: the real one); it decides when the daily backup is
    due, so tests can move through days. `auto_backup=False` turns the automatic copies off.
    """

    def __init__(
        self,
        data_dir: str | os.PathLike | None = None,
        *,
        clock=None,
        auto_backup: bool = True,
    ):
        self.data_dir = ensure_private_dir(resolve_data_dir(data_dir))
        self.path = self.data_dir / DB_NAME
        self.clock = clock or date.today
        self.auto_backup = auto_backup
        self._lock = threading.RLock()
        self._backup_checked_on: date | None = None
        if self.path.exists():
            problem = database_problem(self.path)
            if problem is not None:
                raise damaged_error(self.path, problem)
        self.cannot_write: InputError | None = None  # why not, when only reading works
        existed = sidecars_present(self.path)
        try:
            ensure_private_file(self.path)  # created 0600 before SQLite opens it; WAL files follow
            self.conn = connect(self.path)
        except (OSError, sqlite3.Error) as error:
            drop_new_sidecars(self.path, existed)
            kind = kind_error(error, self.path)
            if not isinstance(kind, InputError) or not self.path.stat().st_size:
                raise kind from None
            self.cannot_write = kind
            self.conn = connect_for_reading(self.path, self.cannot_write)
        try:
            if self.cannot_write is not None and self._pending_migrations():
                raise self.cannot_write
            if self.auto_backup and self._pending_migrations() and has_rows(self.conn):
                backup_copies.automatic_backup(
                    self.data_dir, self._copy, f"before-v{latest_schema_version()}"
                )
            self.migrate()
        except BaseException:
            self.conn.close()
            raise
        for suffix in ("-wal", "-shm"):
            sidecar = Path(f"{self.path}{suffix}")
            if sidecar.exists():
                os.chmod(sidecar, 0o600)

    # --- housekeeping --------------------------------------------------------------------------

    @_one_call_at_a_time
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @_one_call_at_a_time
    def version(self) -> tuple[int, ...]:
        """Changes whenever this workbook does, written by anyone, while this Store stays open:
        the file's identity (a restore may put a new file in its place), SQLite's data_version
        (other connections' commits) and this connection's own changes."""
        stat = os.stat(self.path)
        (data_version,) = self.conn.execute("PRAGMA data_version").fetchone()
        return (stat.st_dev, stat.st_ino, data_version, self.conn.total_changes)

    @property
    def schema_version(self) -> int:
        with self._lock:
            return version_of(self.conn)

    def _pending_migrations(self) -> list[int]:
        with self._lock:
            return pending(self.conn)

    @_one_call_at_a_time
    def integrity(self) -> str:
        """`PRAGMA integrity_check` of the open file: "ok" when sound."""
        rows = [r[0] for r in self.conn.execute("PRAGMA integrity_check").fetchall()]
        return "; ".join(rows)

    # --- copies --------------------------------------------------------------------------------

    @_one_call_at_a_time
    def copy_to(self, target: Path) -> Path:
        """A consistent copy of the whole workbook in a new file (SQLite's online backup API)."""
        private_copy(self.conn, Path(target))
        return Path(target)

    @property
    def _copy(self):
        """The copy the store hands down to `backups`: writes a consistent copy to a path, straight
        from this connection (every caller already holds the lock)."""
        return functools.partial(private_copy, self.conn)

    @_one_call_at_a_time
    def backup(
        self, passphrase: str | None = None, output: Path | None = None, force: bool = False
    ) -> Path:
        """A backup you asked for: plain, or sealed with `passphrase`; into `backups/` by default.

        An `output` that exists is replaced only with `force`; a folder gets the default name.
        """
        if passphrase is None:
            return backup_copies.make_backup(self.data_dir, self._copy, output, force)
        image = self.image()
        return backup_copies.make_sealed_backup(self.data_dir, image, passphrase, output, force)

    @_one_call_at_a_time
    def image(self) -> bytes:
        """A consistent copy of the whole workbook as bytes, never written to disk in the clear."""
        memory = sqlite3.connect(":memory:")
        try:
            self.conn.backup(memory)
            return memory.serialize()
        finally:
            memory.close()

    @_one_call_at_a_time
    def replace_with(self, image: bytes) -> None:
        """Make this workbook a copy of `image` (a sound workbook, checked), then migrate it.

        The caller keeps a copy of the current content first (see `restore.restore`).
        """
        refuse_unsound_image(image)
        source = open_image(image)
        try:
            source.backup(self.conn)
        finally:
            source.close()
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.migrate()

    @_one_call_at_a_time
    def _daily_backup(self) -> None:
        """The first save of each day copies the workbook first; checked once a day per Store."""
        today = self.clock()
        if self._backup_checked_on == today or not self.auto_backup or self.cannot_write:
            return
        self._backup_checked_on = today
        if not backup_copies.has_backup_for(self.data_dir, today) and has_rows(self.conn):
            backup_copies.automatic_backup(self.data_dir, self._copy, "daily", day=today)

    # --- every table, row by row (export and import) --------------------------------------------

    @_one_call_at_a_time
    def tables(self) -> list[str]:
        """The workbook's tables in the order they were created (parents before children)."""
        return table_names(self.conn)

    @_one_call_at_a_time
    def dump(self) -> dict[str, dict]:
        """Every row of every table, in storage order: {table: {"columns": [...], "rows": [...]}}."""
        with Transaction(self.conn, "BEGIN"):  # one consistent read
            return dump_tables(self.conn)

    @_one_call_at_a_time
    def load(self, tables: dict[str, dict]) -> int:
        """Insert dumped rows, ids and all, into an empty workbook in one transaction; row count.

        The rows are at this workbook's schema: an import upgrades an older export's rows first,
        with the same migrations (`transfer.read_export`, `dump.upgraded`)."""
        with self._transaction() as conn:
            if has_rows(conn):
                raise InputError(say("import_not_empty", path=self.data_dir))
            return insert_tables(conn, tables)

    @_one_call_at_a_time
    def migrate(self) -> list[int]:
        """Apply every numbered migration above the file's version, each in one transaction (the
        same `schema.migrate` an import runs on an older export's rows)."""
        return migrate(self.conn)

    def _transaction(self):
        if self.cannot_write is not None:
            raise self.cannot_write
        return Transaction(self.conn, path=self.path)

    @_one_call_at_a_time
    def is_empty(self) -> bool:
        row = self.conn.execute(
            "SELECT (SELECT count(*) FROM plan_revisions) + (SELECT count(*) FROM checkin_revisions)"
            " + (SELECT count(*) FROM who5_revisions) + (SELECT count(*) FROM stage_records)"
        ).fetchone()
        return row[0] == 0

    # --- saving: each a new revision, in one transaction (rows ↔ model in store_rows) ---------

    @_one_call_at_a_time
    def save_plan(self, plan: Plan) -> int:
        self._daily_backup()
        with self._transaction() as conn:
            return rows.insert_plan(conn, plan, now())

    @_one_call_at_a_time
    def save_checkin(self, checkin: Checkin) -> tuple[int, bool]:
        """Store a check-in as a new revision; returns (revision, whether it corrected a day)."""
        self._daily_backup()
        with self._transaction() as conn:
            return rows.insert_checkin(conn, checkin, now())

    @_one_call_at_a_time
    def save_checkins(self, checkins: list[Checkin]) -> list[int]:
        """Store many check-ins in one transaction (demo data, imports): all or none."""
        self._daily_backup()
        with self._transaction() as conn:
            return [rows.insert_checkin(conn, c, now())[0] for c in checkins]

    @_one_call_at_a_time
    def save_who5(self, who5: Who5) -> int:
        self._daily_backup()
        with self._transaction() as conn:
            return rows.insert_who5(conn, who5, now())

    @_one_call_at_a_time
    def save_record(self, kind: str, day: date, data: dict) -> int:
        self._daily_backup()
        with self._transaction() as conn:
            return rows.insert_record(conn, kind, day, data, now())

    # --- reading: the newest revision is the one shown --------------------------------------------

    @_one_call_at_a_time
    def plan(self) -> Plan | None:
        found = rows.plans(self.conn, newest_only=True)
        return found[0] if found else None

    @_one_call_at_a_time
    def plan_history(self) -> list[Plan]:
        return rows.plans(self.conn)

    @_one_call_at_a_time
    def checkins(self) -> list[Checkin]:
        """The newest revision of each day, oldest day first."""
        return rows.checkins(self.conn)

    @_one_call_at_a_time
    def checkin_on(self, day: date) -> Checkin | None:
        found = rows.checkins(self.conn, day=day, newest_only=True)
        return found[0] if found else None

    @_one_call_at_a_time
    def checkin_history(self, day: date) -> list[Checkin]:
        """Every revision of one day, oldest first."""
        return rows.checkins(self.conn, day=day)

    @_one_call_at_a_time
    def who5s(self) -> list[Who5]:
        return rows.who5s(self.conn)

    @_one_call_at_a_time
    def record(self, kind: str) -> Record | None:
        """The newest record of a kind."""
        found = rows.records(self.conn, kind, newest_first=True, limit=1)
        return found[0] if found else None

    @_one_call_at_a_time
    def records(self, kind: str, newest_first: bool = False, limit: int = -1) -> list[Record]:
        return rows.records(self.conn, kind, newest_first, limit)

    @_one_call_at_a_time
    def snapshot(self) -> Snapshot:
        """The plan, the newest check-ins and WHO-5s, and the newest record of each kind."""
        with Transaction(self.conn, "BEGIN") as _:  # one consistent read
            kinds = [r[0] for r in self.conn.execute("SELECT DISTINCT kind FROM stage_records")]
            return Snapshot(
                plan=self.plan(),
                checkins=tuple(self.checkins()),
                who5s=tuple(self.who5s()),
                records={kind: self.record(kind) for kind in kinds},
            )


def damaged_error(path: Path, problem: str) -> DamagedWorkbookError:
    """The kind error for a damaged workbook file, naming the newest good backup if there is one."""
    newest = backup_copies.newest_good_backup(path.parent)
    if newest is None:
        message = say("damaged_no_backup", path=path)
    else:
        message = say("damaged_with_backup", path=path, backup=newest)
    error = DamagedWorkbookError(message, path, newest)
    error.problem = problem
    return error
