"""Every export a released version wrote imports like the workbook it came from.

`tests/fixtures/exports/<commit>/` keeps, for each released export format, the JSON and CSV
exports that version wrote and the workbook behind them as SQL text (see the README there). Each
export, imported into this version, must hold exactly what the same workbook holds when this
version opens it and upgrades it in place: every row of every table, the gate's reasons included.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import date
from pathlib import Path

import pytest

from workbook.core.records import Reflection
from workbook.store import Store, transfer
from workbook.store.paths import DB_NAME
from workbook.store.schema import latest_schema_version
from workbook.store.transfer_csv import CSV_VERSION
from workbook.store.transfer_format import VERSION

EXPORTS = Path(__file__).parent / "fixtures" / "exports"
RELEASES = sorted(p.name for p in EXPORTS.iterdir() if p.is_dir())
FORMS = ("export.json", "export.zip")
DAY_30 = date(2026, 1, 30)  # the day the frozen workbooks' reflections were saved


def upgraded_in_place(commit: str, tmp_path: Path) -> Path:
    """The frozen workbook, opened (and so upgraded) by this version."""
    folder = tmp_path / f"in-place-{commit}"
    folder.mkdir()
    conn = sqlite3.connect(folder / DB_NAME)
    conn.executescript((EXPORTS / commit / "workbook.sql").read_text(encoding="utf-8"))
    conn.close()
    Store(folder, auto_backup=False).close()
    return folder


def dump(folder: Path) -> dict:
    with Store(folder, auto_backup=False) as store:
        return store.dump()


def schema_of(commit: str) -> int:
    return json.loads((EXPORTS / commit / "export.json").read_text(encoding="utf-8"))[
        "schema_version"
    ]


def test_the_fixtures_hold_the_formats_released_so_far():
    assert {"6cf048b", "4ac1493"} <= set(RELEASES)  # the first with export (schema 2), then 3
    assert {schema_of(c) for c in RELEASES} >= {2, 3}
    for commit in RELEASES:
        assert {p.name for p in (EXPORTS / commit).iterdir()} == {*FORMS, "workbook.sql"}


def test_todays_export_format_has_a_frozen_fixture():
    """When the export format or the schema changes, freeze what the released version wrote
    (tests/fixtures/exports/freeze.py) before it changes again."""
    written = set()
    for commit in RELEASES:
        header = json.loads((EXPORTS / commit / "export.json").read_text(encoding="utf-8"))
        with zipfile.ZipFile(EXPORTS / commit / "export.zip") as archive:
            manifest = json.loads(archive.read("manifest.json"))
        assert manifest["schema_version"] == header["schema_version"]
        written.add((header["version"], manifest["version"], header["schema_version"]))
    assert (VERSION, CSV_VERSION, latest_schema_version()) in written


@pytest.mark.parametrize("commit", RELEASES)
def test_each_frozen_export_is_of_the_frozen_workbook_beside_it(commit, tmp_path):
    """The fixtures agree with each other: the export holds the workbook's rows as they were."""
    conn = sqlite3.connect(":memory:")
    conn.executescript((EXPORTS / commit / "workbook.sql").read_text(encoding="utf-8"))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema_of(commit)
    document = json.loads((EXPORTS / commit / "export.json").read_text(encoding="utf-8"))
    for table, content in document["tables"].items():
        rows = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
        assert [list(r) for r in rows] == content["rows"], table


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("commit", RELEASES)
def test_a_frozen_export_imports_as_the_workbook_upgraded_in_place(commit, form, tmp_path):
    expected = dump(upgraded_in_place(commit, tmp_path))
    target = tmp_path / "imported"
    with Store(target, auto_backup=False) as store:
        rows = transfer.import_into(store, EXPORTS / commit / form)
        assert store.schema_version == latest_schema_version()
        assert store.dump() == expected
    assert rows == sum(len(t["rows"]) for t in expected.values())


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("commit", RELEASES)
def test_the_import_command_gives_the_workbook_upgraded_in_place(commit, form, tmp_path, run_cli):
    expected = dump(upgraded_in_place(commit, tmp_path))
    target = tmp_path / "imported"
    result = run_cli("import", EXPORTS / commit / form, "--data-dir", target)
    assert result.code == 0, result.err
    assert dump(target) == expected


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("commit", RELEASES)
def test_the_gates_reasons_survive_the_import(commit, form, tmp_path):
    """Both reflections keep why the gate stayed closed, and the reunion page says so."""
    from workbook.core.messages import say
    from workbook.pages.reunion import ReunionController

    target = tmp_path / "imported"
    with Store(target, auto_backup=False) as store:
        transfer.import_into(store, EXPORTS / commit / form)
        reflections = [Reflection.from_record(r) for r in store.records("reflection")]
        assert [r.gate_reasons for r in reflections] == [
            ("gate_low_conviction", "gate_not_growing"),
            ("gate_low_conviction",),
        ]
        assert [(r.gate_open, r.show_help) for r in reflections] == [(False, False)] * 2
        page = ReunionController(store, DAY_30)
        assert not page.is_open
        closed = page.closed_html()
    assert say("gate_low_conviction", conviction=7).split(".")[0] in closed
    assert "7 out of 10" in closed


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("commit", RELEASES)
def test_the_words_a_spreadsheet_would_run_come_back_as_typed(commit, form, tmp_path):
    """The version-1 CSV wrote them plainly, version 2 with a mark: both read back as typed."""
    target = tmp_path / "imported"
    with Store(target, auto_backup=False) as store:
        transfer.import_into(store, EXPORTS / commit / form)
        day = store.checkin_on(date(2026, 1, 29))
    assert day.win == "'Quoted' and =1+1, kept as typed"
    assert day.note == "-5 kg of worry, @ the gym: +1"


@pytest.mark.parametrize("commit", RELEASES)
def test_an_imported_old_export_round_trips_in_todays_forms(commit, tmp_path):
    target = tmp_path / "imported"
    with Store(target, auto_backup=False) as store:
        transfer.import_into(store, EXPORTS / commit / "export.json")
        expected = store.dump()
        for fmt in ("json", "csv"):
            path = tmp_path / f"again.{fmt}"
            path.write_bytes(transfer.export(store, fmt))
            with Store(tmp_path / f"again-{fmt}", auto_backup=False) as again:
                transfer.import_into(again, path)
                assert again.dump() == expected
