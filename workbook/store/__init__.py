"""The Store: the one door to the workbook's SQLite file (SQLite is used only in this folder).

One file in the data directory; migrations tracked by `PRAGMA user_version`; WAL; one
transaction a save; a correction is a new revision, never an overwrite, and the newest is shown.

Any thread may call a Store, one call at a time: JupyterLab can run widget events on a kernel
subshell's own thread (the workbook's Lab does not), not the one that opened it (`connection`).

A damaged file (`PRAGMA integrity_check`, read-only, first) raises `DamagedWorkbookError` and is
never written to. Copies (SQLite's backup API: daily on the first save, before every migration)
are handed to `backups.py`, which keeps them.
"""

from __future__ import annotations

import functools
import os
import threading
from datetime import date
from pathlib import Path

from ..core.clock import today as today_of_the_workbook
from ..core.errors import InputError
from ..core.messages import say
from ..core.model import Checkin, GoalState, Plan, Record, Snapshot, Who5
from . import backups, rows
from .connection import (
    Transaction,
    copy_image_into,
    image_of,
    integrity_of,
    make_sidecars_private,
    now,
    one_call_at_a_time,
    open_workbook,
    private_copy,
)
from .dump import dump_tables, has_rows, insert_tables
from .file_checks import database_problem
from .paths import DB_NAME, ensure_private_dir, resolve_data_dir
from .schema import latest_schema_version, migrate, pending, table_names, version_of


class Store:
    """The workbook's SQLite file.

    `clock` gives the day a daily backup is due (default: `core.clock`'s); `auto_backup=False`: none.
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
        self.clock = clock or today_of_the_workbook
        self.auto_backup = auto_backup
        self._lock = threading.RLock()
        self._backup_checked_on: date | None = None
        if self.path.exists():
            problem = database_problem(self.path)
            if problem is not None:
                raise backups.damaged_error(self.path, problem)
        # `cannot_write` says why not, when only reading works (a full disk)
        self.conn, self.cannot_write = open_workbook(self.path)
        try:
            if self.cannot_write is not None and pending(self.conn):
                raise self.cannot_write
            if self.auto_backup and pending(self.conn) and has_rows(self.conn):
                backups.automatic_backup(
                    self.data_dir, self._copy, f"before-v{latest_schema_version()}"
                )
            self.migrate()
        except BaseException:
            self.conn.close()
            raise
        make_sidecars_private(self.path)

    # --- housekeeping --------------------------------------------------------------------------

    @one_call_at_a_time
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @one_call_at_a_time
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

    @one_call_at_a_time
    def integrity(self) -> str:
        """`PRAGMA integrity_check` of the open file: "ok" when sound."""
        return integrity_of(self.conn)

    # --- copies --------------------------------------------------------------------------------

    @one_call_at_a_time
    def copy_to(self, target: Path) -> Path:
        """A consistent copy of the whole workbook in a new file (SQLite's online backup API)."""
        private_copy(self.conn, Path(target))
        return Path(target)

    @property
    def _copy(self):
        """What the store hands down to `backups`: a function writing a copy to a path."""
        return functools.partial(private_copy, self.conn)  # every caller holds the lock

    @one_call_at_a_time
    def backup(
        self, passphrase: str | None = None, output: Path | None = None, force: bool = False
    ) -> Path:
        """A backup you asked for: plain, or sealed with `passphrase`; into `backups/` by default.

        An `output` that exists is replaced only with `force`; a folder gets the default name.
        """
        if passphrase is None:
            return backups.make_backup(self.data_dir, self._copy, output, force)
        image = self.image()
        return backups.make_sealed_backup(self.data_dir, image, passphrase, output, force)

    @one_call_at_a_time
    def image(self) -> bytes:
        """A consistent copy of the whole workbook as bytes, never written to disk in the clear."""
        return image_of(self.conn)

    @one_call_at_a_time
    def replace_with(self, image: bytes) -> None:
        """Make this workbook a copy of `image` (a sound workbook, checked), then migrate it.

        The caller keeps a copy of the current content first (see `restore.restore`).
        """
        copy_image_into(self.conn, image)
        self.migrate()

    @one_call_at_a_time
    def _daily_backup(self) -> None:
        """The first save of each day copies the workbook first; checked once a day per Store."""
        today = self.clock()
        if self._backup_checked_on == today or not self.auto_backup or self.cannot_write:
            return
        self._backup_checked_on = today
        if not backups.has_backup_for(self.data_dir, today) and has_rows(self.conn):
            backups.automatic_backup(self.data_dir, self._copy, "daily", day=today)

    # --- every table, row by row (export and import) --------------------------------------------

    @one_call_at_a_time
    def tables(self) -> list[str]:
        """The workbook's tables in the order they were created (parents before children)."""
        return table_names(self.conn)

    @one_call_at_a_time
    def dump(self) -> dict[str, dict]:
        """Every row of every table, in storage order: {table: {"columns": [...], "rows": [...]}}."""
        with Transaction(self.conn, "BEGIN"):  # one consistent read
            return dump_tables(self.conn)

    @one_call_at_a_time
    def load(self, tables: dict[str, dict]) -> int:
        """Insert dumped rows, ids and all, into an empty workbook in one transaction; row count.

        The rows are at this workbook's schema: an import upgrades an older export's rows first,
        with the same migrations (`transfer.read_export`, `dump.upgraded`)."""
        with self._transaction() as conn:
            if has_rows(conn):
                raise InputError(say("import_not_empty", path=self.data_dir))
            return insert_tables(conn, tables)

    @one_call_at_a_time
    def migrate(self) -> list[int]:
        """Apply every numbered migration above the file's version, each in one transaction (the
        same `schema.migrate` an import runs on an older export's rows)."""
        return migrate(self.conn)

    def _transaction(self):
        if self.cannot_write is not None:
            raise self.cannot_write
        return Transaction(self.conn, path=self.path)

    @one_call_at_a_time
    def is_empty(self) -> bool:
        """Whether nothing has been saved yet."""
        return rows.is_empty(self.conn)

    # --- saving: each a new revision, in one transaction (rows ↔ model in rows.py) ------------

    @one_call_at_a_time
    def save_plan(self, plan: Plan) -> int:
        self._daily_backup()
        with self._transaction() as conn:
            return rows.insert_plan(conn, plan, now())

    @one_call_at_a_time
    def save_checkin(self, checkin: Checkin) -> tuple[int, bool]:
        """Store a check-in as a new revision; returns (revision, whether it corrected a day)."""
        self._daily_backup()
        with self._transaction() as conn:
            return rows.insert_checkin(conn, checkin, now())

    @one_call_at_a_time
    def save_checkins(self, checkins: list[Checkin]) -> list[int]:
        """Store many check-ins in one transaction (demo data, imports): all or none."""
        self._daily_backup()
        with self._transaction() as conn:
            return [rows.insert_checkin(conn, c, now())[0] for c in checkins]

    @one_call_at_a_time
    def save_who5(self, who5: Who5) -> int:
        self._daily_backup()
        with self._transaction() as conn:
            return rows.insert_who5(conn, who5, now())

    @one_call_at_a_time
    def save_record(self, kind: str, day: date, data: dict) -> int:
        self._daily_backup()
        with self._transaction() as conn:
            return rows.insert_record(conn, kind, day, data, now())

    @one_call_at_a_time
    def save_goal_state(self, goal: str, change: GoalState) -> int:
        """A goal's change (core.goal_states): a new dated row, the earlier ones kept."""
        with self._transaction() as conn:
            return rows.insert_goal_state(conn, goal, change, now())

    # --- reading: the newest revision is the one shown --------------------------------------------

    @one_call_at_a_time
    def plan(self) -> Plan | None:
        found = rows.plans(self.conn, newest_only=True)
        return found[0] if found else None

    @one_call_at_a_time
    def plan_history(self) -> list[Plan]:
        return rows.plans(self.conn)

    @one_call_at_a_time
    def checkins(self) -> list[Checkin]:
        """The newest revision of each day, oldest day first."""
        return rows.checkins(self.conn)

    @one_call_at_a_time
    def checkin_on(self, day: date) -> Checkin | None:
        found = rows.checkins(self.conn, day=day, newest_only=True)
        return found[0] if found else None

    @one_call_at_a_time
    def checkin_history(self, day: date) -> list[Checkin]:
        """Every revision of one day, oldest first."""
        return rows.checkins(self.conn, day=day)

    @one_call_at_a_time
    def who5s(self) -> list[Who5]:
        return rows.who5s(self.conn)

    @one_call_at_a_time
    def record(self, kind: str) -> Record | None:
        """The newest record of a kind."""
        found = rows.records(self.conn, kind, newest_first=True, limit=1)
        return found[0] if found else None

    @one_call_at_a_time
    def records(self, kind: str, newest_first: bool = False, limit: int = -1) -> list[Record]:
        return rows.records(self.conn, kind, newest_first, limit)

    @one_call_at_a_time
    def records_by_day(self, kind: str) -> list[Record]:
        """The newest record of a kind for each day (today's step), oldest day first."""
        return rows.records_by_day(self.conn, kind)

    @one_call_at_a_time
    def snapshot(self) -> Snapshot:
        """The plan, the newest check-ins and WHO-5s, and the newest record of each kind."""
        with Transaction(self.conn, "BEGIN") as _:  # one consistent read
            kinds = [r[0] for r in self.conn.execute("SELECT DISTINCT kind FROM stage_records")]
            return Snapshot(
                plan=self.plan(),
                checkins=tuple(self.checkins()),
                who5s=tuple(self.who5s()),
                records={kind: self.record(kind) for kind in kinds},
                steps=tuple(rows.records_by_day(self.conn, "step")),
                moments=tuple(self.records("urge_moment")),
            )
