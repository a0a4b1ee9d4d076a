"""The only module that touches SQLite.

One file in the data directory; numbered migrations under `migrations/` tracked with
`PRAGMA user_version`; WAL with a busy timeout; each save is one transaction; nothing is ever
overwritten: a correction is a new revision and the newest revision is the one shown.

The file is checked (`PRAGMA integrity_check`, on a read-only connection) before anything else
touches it: a damaged workbook raises `DamagedWorkbookError` and is never written to. Copies go
through SQLite's online backup API: once a day on the first save and before every migration (see
`backup_copies.py` for where they live and how many are kept).
"""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

from . import backup_copies, output_files
from .dbfile import (  # noqa: F401 — the store's public names, kept where callers look
    BUSY_TIMEOUT_MS,
    SQLITE_MAGIC,
    database_problem,
    drop_new_sidecars,
    image_problem,
    image_schema_version,
    latest_schema_version,
    place_error,
    sidecars_present,
)
from .dbfile import migrations as _migrations
from .dbfile import open_image as _open_image
from .errors import DamagedWorkbookError, InputError, NotAWorkbookError  # noqa: F401
from .messages import say
from .model import Checkin, Goal, Plan, Record, Snapshot, Who5
from .paths import DB_NAME, ensure_private_dir, ensure_private_file, resolve_data_dir


def _has_rows(conn: sqlite3.Connection) -> bool:
    """Whether any of the workbook's tables holds a row (works at every schema version)."""
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return any(
        conn.execute(f'SELECT EXISTS (SELECT 1 FROM "{name}")').fetchone()[0] for name in tables
    )


def _private_copy(source: sqlite3.Connection, target: Path) -> None:
    """Copy a live database with the online backup API into a new single file, 0600, fsynced."""
    ensure_private_file(target)
    dest = sqlite3.connect(target, isolation_level=None)
    try:
        source.backup(dest)
        # A self-contained file: no -wal/-shm beside a backup.
        dest.execute("PRAGMA journal_mode = DELETE")
        check = dest.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise sqlite3.DatabaseError(f"the copy did not verify: {check}")
    finally:
        dest.close()
    with open(target, "rb+") as f:
        os.fsync(f.fileno())


def _statements(script: str) -> list[str]:
    """Split a migration into statements, so they run inside our own transaction."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not current.strip():
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


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
        self._backup_checked_on: date | None = None
        if self.path.exists():
            problem = database_problem(self.path)
            if problem is not None:
                raise damaged_error(self.path, problem)
        self.cannot_write: InputError | None = None  # why not, when only reading works
        existed = sidecars_present(self.path)
        try:
            ensure_private_file(self.path)  # created 0600 before SQLite opens it; WAL files follow
            self.conn = self._connect()
        except (OSError, sqlite3.Error) as error:
            drop_new_sidecars(self.path, existed)
            kind = _place_error(error, self.path)
            if not isinstance(kind, InputError) or not self.path.stat().st_size:
                raise kind from None
            self.cannot_write = kind
            self.conn = self._connect_for_reading()
        try:
            if self.cannot_write is not None and self._pending_migrations():
                raise self.cannot_write
            if self.auto_backup and self._pending_migrations() and _has_rows(self.conn):
                backup_copies.automatic_backup(self, f"before-v{latest_schema_version()}")
            self.migrate()
        except BaseException:
            self.conn.close()
            raise
        for suffix in ("-wal", "-shm"):
            sidecar = Path(f"{self.path}{suffix}")
            if sidecar.exists():
                os.chmod(sidecar, 0o600)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
        except BaseException:
            conn.close()
            raise
        return conn

    def _connect_for_reading(self) -> sqlite3.Connection:
        """The file as it stands, read in place, when the disk is too full to open it for writing.

        Only when no write-ahead log holds anything: then the main file is the whole workbook.
        """
        wal = Path(f"{self.path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise self.cannot_write
        conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?immutable=1", uri=True)
        conn.row_factory = sqlite3.Row
        return conn

    # --- housekeeping --------------------------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _pending_migrations(self) -> list[int]:
        return [n for n, _, _ in _migrations() if n > self.schema_version]

    def integrity(self) -> str:
        """`PRAGMA integrity_check` of the open file: "ok" when sound."""
        rows = [r[0] for r in self.conn.execute("PRAGMA integrity_check").fetchall()]
        return "; ".join(rows)

    # --- copies --------------------------------------------------------------------------------

    def copy_to(self, target: Path) -> Path:
        """A consistent copy of the whole workbook in a new file (SQLite's online backup API)."""
        _private_copy(self.conn, Path(target))
        return Path(target)

    def image(self) -> bytes:
        """A consistent copy of the whole workbook as bytes, never written to disk in the clear."""
        memory = sqlite3.connect(":memory:")
        try:
            self.conn.backup(memory)
            return memory.serialize()
        finally:
            memory.close()

    def replace_with(self, image: bytes) -> None:
        """Make this workbook a copy of `image` (a sound workbook, checked), then migrate it.

        The caller keeps a copy of the current content first (see `backup.restore`).
        """
        problem = image_problem(image)
        if problem is not None:
            raise NotAWorkbookError(say("restore_damaged", problem=problem))
        if image_schema_version(image) > latest_schema_version():
            raise NotAWorkbookError(say("restore_newer"))
        source = _open_image(image)
        try:
            source.backup(self.conn)
        finally:
            source.close()
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.migrate()

    def _daily_backup(self) -> None:
        """The first save of each day copies the workbook first; checked once a day per Store."""
        today = self.clock()
        if self._backup_checked_on == today or not self.auto_backup or self.cannot_write:
            return
        self._backup_checked_on = today
        if not backup_copies.has_backup_for(self.data_dir, today) and _has_rows(self.conn):
            backup_copies.automatic_backup(self, "daily", day=today)

    # --- every table, row by row (export and import) --------------------------------------------

    def tables(self) -> list[str]:
        """The workbook's tables in the order they were created (parents before children)."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " ORDER BY rowid"
            )
        ]

    def dump(self) -> dict[str, dict]:
        """Every row of every table, in storage order: {table: {"columns": [...], "rows": [...]}}."""
        out: dict[str, dict] = {}
        with _Transaction(self.conn, "BEGIN"):
            for table in self.tables():
                cursor = self.conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
                columns = [d[0] for d in cursor.description]
                out[table] = {"columns": columns, "rows": [list(row) for row in cursor]}
        return out

    def load(self, tables: dict[str, dict]) -> int:
        """Insert dumped rows, ids and all, into an empty workbook in one transaction; row count."""
        known = self.tables()
        unknown = [t for t in tables if t not in known]
        if unknown:
            raise NotAWorkbookError(say("import_unknown_table", table=unknown[0]))
        count = 0
        with self._transaction() as conn:
            if _has_rows(conn):
                raise InputError(say("import_not_empty", path=self.data_dir))
            for table in known:
                if table not in tables:
                    continue
                columns = tables[table]["columns"]
                have = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
                if not set(columns) <= have:
                    missing = sorted(set(columns) - have)[0]
                    raise NotAWorkbookError(
                        say("import_unknown_column", table=table, column=missing)
                    )
                names = ", ".join(f'"{c}"' for c in columns)
                marks = ", ".join("?" * len(columns))
                rows = tables[table]["rows"]
                conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
                count += len(rows)
        return count

    def migrate(self) -> list[int]:
        """Apply every numbered migration above the file's version, each in one transaction."""
        applied = []
        for number, _name, sql in _migrations():
            if number <= self.schema_version:
                continue
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                if number <= self.schema_version:  # another process got there first
                    self.conn.execute("ROLLBACK")
                    continue
                for statement in _statements(sql):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {number}")
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            applied.append(number)
        return applied

    def _transaction(self):
        if self.cannot_write is not None:
            raise self.cannot_write
        return _Transaction(self.conn, path=self.path)

    def is_empty(self) -> bool:
        row = self.conn.execute(
            "SELECT (SELECT count(*) FROM plan_revisions) + (SELECT count(*) FROM checkin_revisions)"
            " + (SELECT count(*) FROM who5_revisions) + (SELECT count(*) FROM stage_records)"
        ).fetchone()
        return row[0] == 0

    # --- the plan ------------------------------------------------------------------------------

    def save_plan(self, plan: Plan) -> int:
        self._daily_backup()
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO plan_revisions (saved_at, start_date, days, name, partner, pronoun, why)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    _now(),
                    plan.start_date.isoformat(),
                    plan.days,
                    plan.name,
                    plan.partner,
                    plan.pronoun,
                    plan.why,
                ),
            )
            revision = cursor.lastrowid
            conn.executemany(
                "INSERT INTO plan_goals (plan_revision_id, position, name, target_per_week, since)"
                " VALUES (?, ?, ?, ?, ?)",
                [
                    (
                        revision,
                        i,
                        g.name,
                        g.target_per_week,
                        g.since.isoformat() if g.since else None,
                    )
                    for i, g in enumerate(plan.goals)
                ],
            )
        return revision

    def plan(self) -> Plan | None:
        row = self.conn.execute("SELECT * FROM plan_revisions ORDER BY id DESC LIMIT 1").fetchone()
        return None if row is None else self._plan_from_row(row)

    def plan_history(self) -> list[Plan]:
        rows = self.conn.execute("SELECT * FROM plan_revisions ORDER BY id").fetchall()
        return [self._plan_from_row(row) for row in rows]

    def _plan_from_row(self, row: sqlite3.Row) -> Plan:
        goals = tuple(
            Goal(
                name=g["name"],
                target_per_week=g["target_per_week"],
                since=date.fromisoformat(g["since"]) if g["since"] else None,
            )
            for g in self.conn.execute(
                "SELECT * FROM plan_goals WHERE plan_revision_id = ? ORDER BY position",
                (row["id"],),
            )
        )
        return Plan(
            start_date=date.fromisoformat(row["start_date"]),
            days=row["days"],
            name=row["name"],
            partner=row["partner"],
            pronoun=row["pronoun"],
            why=row["why"],
            goals=goals,
            revision=row["id"],
        )

    # --- check-ins -----------------------------------------------------------------------------

    def save_checkin(self, checkin: Checkin) -> tuple[int, bool]:
        """Store a check-in as a new revision; returns (revision, whether it corrected a day)."""
        self._daily_backup()
        with self._transaction() as conn:
            return self._insert_checkin(conn, checkin)

    def save_checkins(self, checkins: list[Checkin]) -> list[int]:
        """Store many check-ins in one transaction (demo data, imports): all or none."""
        self._daily_backup()
        with self._transaction() as conn:
            return [self._insert_checkin(conn, c)[0] for c in checkins]

    def _insert_checkin(self, conn: sqlite3.Connection, checkin: Checkin) -> tuple[int, bool]:
        day = checkin.date.isoformat()
        corrected = (
            conn.execute("SELECT 1 FROM checkin_revisions WHERE day = ? LIMIT 1", (day,)).fetchone()
            is not None
        )
        cursor = conn.execute(
            "INSERT INTO checkin_revisions (day, saved_at, mood, energy, sleep_hours, emotions,"
            " slip, slip_by, urge, trigger_text, win, note, gratitude)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                day,
                _now(),
                checkin.mood,
                checkin.energy,
                checkin.sleep_hours,
                json.dumps(list(checkin.emotions), ensure_ascii=False),
                checkin.slip,
                checkin.slip_by,
                checkin.urge,
                checkin.trigger,
                checkin.win,
                checkin.note,
                checkin.gratitude,
            ),
        )
        revision = cursor.lastrowid
        conn.executemany(
            "INSERT INTO checkin_goals (checkin_revision_id, goal, minutes) VALUES (?, ?, ?)",
            [(revision, name, minutes) for name, minutes in checkin.goals],
        )
        return revision, corrected

    def checkins(self) -> list[Checkin]:
        """The newest revision of each day, oldest day first."""
        rows = self.conn.execute(
            "SELECT r.* FROM checkin_revisions r"
            " JOIN (SELECT max(id) AS id FROM checkin_revisions GROUP BY day) newest USING (id)"
            " ORDER BY r.day"
        ).fetchall()
        return self._checkins_from_rows(rows)

    def checkin_on(self, day: date) -> Checkin | None:
        rows = self.conn.execute(
            "SELECT * FROM checkin_revisions WHERE day = ? ORDER BY id DESC LIMIT 1",
            (day.isoformat(),),
        ).fetchall()
        found = self._checkins_from_rows(rows)
        return found[0] if found else None

    def checkin_history(self, day: date) -> list[Checkin]:
        """Every revision of one day, oldest first."""
        rows = self.conn.execute(
            "SELECT * FROM checkin_revisions WHERE day = ? ORDER BY id", (day.isoformat(),)
        ).fetchall()
        return self._checkins_from_rows(rows)

    def _checkins_from_rows(self, rows: list[sqlite3.Row]) -> list[Checkin]:
        goals: dict[int, list[tuple[str, int | None]]] = {}
        if rows:
            ids = [row["id"] for row in rows]
            # Goals for many revisions at once; chunks stay below SQLite's variable limit.
            for i in range(0, len(ids), 900):
                chunk = ids[i : i + 900]
                marks = ",".join("?" * len(chunk))
                for g in self.conn.execute(
                    f"SELECT checkin_revision_id, goal, minutes FROM checkin_goals"
                    f" WHERE checkin_revision_id IN ({marks}) ORDER BY rowid",
                    chunk,
                ):
                    goals.setdefault(g[0], []).append((g[1], g[2]))
        return [
            Checkin(
                date=date.fromisoformat(row["day"]),
                mood=row["mood"],
                energy=row["energy"],
                sleep_hours=row["sleep_hours"],
                emotions=tuple(json.loads(row["emotions"])),
                slip=row["slip"],
                slip_by=row["slip_by"],
                urge=row["urge"],
                trigger=row["trigger_text"],
                goals=tuple(goals.get(row["id"], ())),
                win=row["win"],
                note=row["note"],
                gratitude=row["gratitude"],
                revision=row["id"],
                saved_at=row["saved_at"],
            )
            for row in rows
        ]

    # --- WHO-5 ---------------------------------------------------------------------------------

    def save_who5(self, who5: Who5) -> int:
        self._daily_backup()
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO who5_revisions (day, saved_at, a, b, c, d, e) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (who5.date.isoformat(), _now(), *who5.answers),
            )
        return cursor.lastrowid

    def who5s(self) -> list[Who5]:
        rows = self.conn.execute(
            "SELECT r.* FROM who5_revisions r"
            " JOIN (SELECT max(id) AS id FROM who5_revisions GROUP BY day) newest USING (id)"
            " ORDER BY r.day"
        ).fetchall()
        return [
            Who5(
                date=date.fromisoformat(r["day"]),
                answers=(r["a"], r["b"], r["c"], r["d"], r["e"]),
                revision=r["id"],
            )
            for r in rows
        ]

    # --- the stages' records -------------------------------------------------------------------

    def save_record(self, kind: str, day: date, data: dict) -> int:
        self._daily_backup()
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO stage_records (kind, day, saved_at, data) VALUES (?, ?, ?, ?)",
                (
                    kind,
                    day.isoformat(),
                    _now(),
                    json.dumps(data, ensure_ascii=False, sort_keys=True),
                ),
            )
        return cursor.lastrowid

    def record(self, kind: str) -> Record | None:
        """The newest record of a kind."""
        rows = self.records(kind, newest_first=True, limit=1)
        return rows[0] if rows else None

    def records(self, kind: str, newest_first: bool = False, limit: int = -1) -> list[Record]:
        order = "DESC" if newest_first else "ASC"
        rows = self.conn.execute(
            f"SELECT * FROM stage_records WHERE kind = ? ORDER BY id {order} LIMIT ?", (kind, limit)
        ).fetchall()
        return [
            Record(
                kind=r["kind"],
                date=date.fromisoformat(r["day"]),
                data=json.loads(r["data"]),
                revision=r["id"],
                saved_at=r["saved_at"],
            )
            for r in rows
        ]

    def snapshot(self) -> Snapshot:
        """The plan, the newest check-ins and WHO-5s, and the newest record of each kind."""
        with _Transaction(self.conn, "BEGIN") as _:  # one consistent read
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


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error: a save happens whole or not at all."""

    def __init__(self, conn: sqlite3.Connection, begin: str = "BEGIN IMMEDIATE", path=None):
        self.conn = conn
        self.begin = begin
        self.path = path

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.conn.execute(self.begin)
        except sqlite3.Error as error:
            raise _place_error(error, self.path) from None
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            try:
                self.conn.execute("COMMIT")
                return
            except sqlite3.Error as error:
                exc = error
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error) and self.path is not None:
            kind = place_error(exc, self.path)
            if kind is not None:  # a full disk: the save is rolled back whole; say so kindly
                raise kind from None
        if exc_type is None:
            raise exc


def _place_error(error: Exception, path) -> Exception:
    """The kind error for a disk or folder that stops SQLite, else the error as it came."""
    if isinstance(error, sqlite3.Error) and path is not None:
        kind = place_error(error, path)
        if kind is not None:
            return kind
    if isinstance(error, OSError):
        return output_files.os_error(error, Path(path))
    return error
