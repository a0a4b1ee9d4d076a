"""The CSV form of an export: a zip of one CSV per table and a manifest with checksums.

CSV has no types, so each cell is written plainly and read back by its column's declared type;
the few cells that cannot be told apart that way (NULL versus an empty text, a number kept in a
text column) are listed in the manifest, which keeps the CSVs readable in a spreadsheet and the
round trip exact.

A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a
formula, so a note like `=HYPERLINK(…)` would act when the CSV is opened. As OWASP's CSV-injection
guidance says, such a text cell is written with a leading `'`, and so is a cell that already
starts with `'`; the import takes exactly one `'` off, so the round trip stays exact.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

from ..core.errors import InputError
from ..core.messages import say
from .transfer_format import (
    FORMAT,
    MAX_IMPORT_BYTES,
    canonical,
    check_header,
    damaged,
    parse_json,
    sha256,
)

CSV_VERSION = 2  # 2: text cells that a spreadsheet would run are escaped (see above)
MANIFEST = "manifest.json"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"


def neutralise(text: str) -> str:
    """A text cell as written to a CSV: never one a spreadsheet would run as a formula."""
    return ESCAPE + text if text.startswith((*FORMULA_START, ESCAPE)) else text


def restore_text(cell: str) -> str:
    """The text `neutralise` was given."""
    return cell[1:] if cell.startswith(ESCAPE) else cell


def _declared(store) -> dict[str, dict[str, str]]:
    """{table: {column: "int" | "float" | "str"}} from each column's declared SQLite type."""
    out = {}
    for table in store.tables():
        out[table] = {}
        for row in store.conn.execute(f'PRAGMA table_info("{table}")'):
            decl = (row[2] or "").upper()
            kind = "int" if "INT" in decl else "float" if "REAL" in decl else "str"
            out[table][row[1]] = kind
    return out


def _plain(value, kind: str) -> bool:
    """Whether a cell reads back exactly from its text by its column's type."""
    if kind == "int":
        return type(value) is int
    if kind == "float":
        return type(value) is float
    return type(value) is str and value != ""


def _cell(value, kind: str) -> str:
    return repr(value) if kind == "float" else neutralise(value) if kind == "str" else str(value)


def _parse(text: str, kind: str, escaped: bool):
    if kind == "int":
        return int(text)
    if kind == "float":
        return float(text)
    return restore_text(text) if escaped else text


def export_csv(store) -> bytes:
    """The whole workbook as a zip: one CSV per table and a manifest with checksums."""
    tables = store.dump()
    declared = _declared(store)
    buffer = io.BytesIO()
    files, special = {}, {}
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table, content in tables.items():
            kinds = [declared[table].get(c, "str") for c in content["columns"]]
            out = io.StringIO(newline="")
            writer = csv.writer(out, lineterminator="\r\n")  # both quoted inside a cell
            writer.writerow(content["columns"])
            for i, row in enumerate(content["rows"]):
                cells = []
                for column, kind, value in zip(content["columns"], kinds, row, strict=True):
                    if _plain(value, kind):
                        cells.append(_cell(value, kind))
                    else:
                        special.setdefault(table, []).append([i, column, value])
                        cells.append("")
                writer.writerow(cells)
            data = out.getvalue().encode("utf-8")
            name = f"{table}.csv"
            files[name] = {"table": table, "rows": len(content["rows"]), "sha256": sha256(data)}
            _write_member(archive, name, data)
        manifest = {
            "format": FORMAT,
            "version": CSV_VERSION,
            "schema_version": store.schema_version,
            "files": files,
            "types": declared,
            "special_cells": special,
        }
        manifest["sha256"] = sha256(canonical(manifest))
        _write_member(
            archive, MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
        )
    return buffer.getvalue()


def _write_member(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))  # same bytes every time
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    archive.writestr(info, data)


def read_zip(path: Path, data: bytes) -> tuple[dict, int]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
        if sum(i.file_size for i in archive.infolist()) > MAX_IMPORT_BYTES:
            raise InputError(say("import_too_big", path=path, limit=MAX_IMPORT_BYTES // 2**20))
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, RuntimeError):
        raise damaged(path, "the zip file is broken") from None
    if MANIFEST not in names:
        raise InputError(say("import_not_ours", path=path))
    try:
        manifest = parse_json(archive.read(MANIFEST).decode("utf-8"))
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, RuntimeError):
        raise damaged(path, "the manifest can’t be read") from None
    schema = check_header(path, manifest, CSV_VERSION)
    escaped = manifest.get("version") == CSV_VERSION
    claimed = manifest.pop("sha256", None)
    try:
        same = claimed == sha256(canonical(manifest))
    except (ValueError, TypeError, RecursionError):
        same = False
    if not same:
        raise damaged(path, "the manifest’s checksum doesn’t match")
    types, special = manifest.get("types", {}), manifest.get("special_cells", {})
    tables = {}
    try:
        for name, info in manifest["files"].items():
            content = archive.read(name)
            if sha256(content) != info["sha256"]:
                raise damaged(path, f"{name} doesn’t match its checksum")
            table = info["table"]
            reader = csv.reader(io.StringIO(content.decode("utf-8"), newline=""))
            columns = next(reader)
            kinds = [types[table][c] for c in columns]
            rows = [
                _parse_row(path, table, n, columns, r, kinds, escaped) for n, r in enumerate(reader)
            ]
            for i, column, value in special.get(table, []):
                if type(i) is not int or i < 0:
                    raise IndexError(i)
                rows[i][columns.index(column)] = value
            if len(rows) != info["rows"]:
                raise damaged(path, f"{name} has the wrong number of rows")
            tables[table] = {"columns": columns, "rows": rows}
    except InputError:
        raise
    except (
        KeyError,
        ValueError,
        IndexError,
        TypeError,
        AttributeError,
        StopIteration,
        csv.Error,
        zipfile.BadZipFile,
        OSError,
        NotImplementedError,
        RuntimeError,
    ) as error:
        raise damaged(path, f"{type(error).__name__}") from None
    return tables, schema


def _parse_row(path, table, number, columns, cells, kinds, escaped) -> list:
    """One CSV row read back by its columns' types; a cell that is not one says where it is."""
    if len(cells) != len(kinds):
        raise InputError(
            say(
                "import_refused",
                path=path,
                problem=say("row_malformed", table=table, row=number + 1),
            )
        )
    out = []
    for column, text, kind in zip(columns, cells, kinds, strict=True):
        try:
            out.append(_parse(text, kind, escaped) if text != "" else "")
        except ValueError:
            problem = say("cell_wrong_type", kind="a whole number" if kind == "int" else "a number")
            where = say("cell_problem", table=table, row=number + 1, column=column, problem=problem)
            raise InputError(
                say("import_refused", path=path, problem=where), field=column
            ) from None
    return out
