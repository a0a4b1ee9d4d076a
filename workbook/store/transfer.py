"""Export and import: every row of every table, every revision, as JSON or as a zip of CSVs.

Both carry a format marker, a format version, the schema version and SHA-256 checksums, so an
import refuses a file that is not ours, is damaged, or comes from a newer workbook, before it
writes anything. Import fills an empty workbook only.

The CSV form (and how it keeps spreadsheet formulas from running) is in `transfer_csv`.

An import trusts nothing in the file, checksums included (anyone can recompute one): every row
must pass `table_rows.check_tables` before anything is written.

An export keeps the rows at the schema of the workbook that wrote it. An import lays them into an
empty workbook at that schema and upgrades it with the very migrations that upgrade a workbook
opened in place (`dump.upgraded`), so an old export imports as the workbook it came from.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from ..core.errors import InputError
from ..core.messages import say
from . import output_files
from . import table_checks as table_rows
from .dump import upgraded
from .paths import ensure_private_dir
from .schema import latest_schema_version
from .transfer_csv import CSV_VERSION, export_csv, neutralise, read_zip, restore_text
from .transfer_format import (
    FORMAT,
    MAX_IMPORT_BYTES,
    VERSION,
    canonical,
    check_header,
    damaged,
    parse_json,
    sha256,
)

__all__ = [
    "CSV_VERSION",
    "FORMAT",
    "export",
    "import_into",
    "neutralise",
    "restore_text",
    "write_export",
]


# --- export ----------------------------------------------------------------------------------


def export_json(store) -> bytes:
    """The whole workbook as one JSON document with a checksum over its tables."""
    tables = store.dump()
    document = {
        "format": FORMAT,
        "version": VERSION,
        "schema_version": store.schema_version,
        "sha256": sha256(canonical(tables)),
        "tables": tables,
    }
    text = json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False)
    return (text + "\n").encode("utf-8")


def export(store, fmt: str) -> bytes:
    if fmt == "json":
        return export_json(store)
    if fmt == "csv":
        return export_csv(store)
    raise InputError(say("bad_choice", field="--format", choices="csv, json", value=fmt))


def write_export(store, fmt: str, today, output=None, force: bool = False) -> tuple[Path, int]:
    """Export into `output`, else into `exports/` under a name not yet taken; (where, rows)."""
    content = export(store, fmt)
    rows = sum(len(t["rows"]) for t in store.dump().values())
    suffix = "zip" if fmt == "csv" else "json"
    if output:
        path = output_files.target_path(output, f"workbook-export.{suffix}", force)
    else:
        exports = ensure_private_dir(store.data_dir / "exports")
        path = output_files.free_path(exports, f"workbook-{today}.{suffix}")
    return output_files.write_atomically(path, content, force), rows


# --- import ----------------------------------------------------------------------------------


def read_export(path: Path, latest_schema: int) -> dict[str, dict]:
    """The tables in an export file, checked, then upgraded to this version's schema as the
    workbook that wrote it would be; raises InputError saying what is wrong."""
    path = Path(path)
    if not path.is_file():
        raise InputError(say("file_missing", path=path))
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise InputError(say("import_too_big", path=path, limit=MAX_IMPORT_BYTES // 2**20))
        data = path.read_bytes()
    except OSError as error:
        raise InputError(say("file_unreadable", path=path, reason=error.strerror)) from None
    if data.startswith(b"PK"):
        tables, schema = read_zip(path, data)
    else:
        tables, schema = _read_json(path, data)
    if schema > latest_schema:
        raise InputError(say("import_newer", path=path))
    try:
        table_rows.check_tables(tables, schema)
    except InputError as error:
        raise InputError(
            say("import_refused", path=path, problem=error), field=error.field
        ) from None
    try:
        return upgraded(tables, schema)
    except sqlite3.Error as error:  # a row the schema refuses that the checks let through
        problem = " ".join(str(error).split())[:300]
        raise InputError(say("import_refused", path=path, problem=problem)) from None


def _read_json(path: Path, data: bytes) -> tuple[dict, int]:
    marker = f'"format": "{FORMAT}"'.encode()
    try:
        document = parse_json(data.decode("utf-8"))
    except ValueError:  # UnicodeDecodeError and JSONDecodeError are ValueErrors too
        if marker in data[:200]:
            raise damaged(path, "the file is cut short or changed") from None
        raise InputError(say("import_not_ours", path=path)) from None
    schema = check_header(path, document, VERSION)
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise damaged(path, "a table is malformed")
    _check_shape(path, tables)
    try:
        same = document.get("sha256") == sha256(canonical(tables))
    except (ValueError, TypeError, RecursionError):
        same = False
    if not same:
        raise damaged(path, "the checksum doesn’t match")
    return tables, schema


def _check_shape(path: Path, tables: dict) -> None:
    for content in tables.values():
        if not isinstance(content, dict):
            raise damaged(path, "a table is malformed")
        columns, rows = content.get("columns"), content.get("rows")
        if not isinstance(columns, list) or not isinstance(rows, list):
            raise damaged(path, "a table is malformed")
        if any(not isinstance(r, list) or len(r) != len(columns) for r in rows):
            raise damaged(path, "a row has the wrong number of cells")


def import_into(store, path: Path) -> int:
    """Fill an empty workbook from an export file; returns the number of rows imported."""
    tables = read_export(path, latest_schema_version())
    if not store.is_empty():
        raise InputError(say("import_not_empty", path=store.data_dir))
    return store.load(tables)
