"""Hostile export files: every one refused whole, in one line, with nothing written (issue 13).

Each case takes a real export of a real workbook and changes one thing, the way someone editing
the file by hand would, recomputing the checksum as anyone can. The import runs as the real
`workbook` command; the target workbook's folder must be byte-for-byte what it was.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
import zipfile
from datetime import date, timedelta

import pytest

from tests.hostile import TODAY, assert_refused, folder_state, workbook
from workbook.core.model import Checkin, Goal, Plan
from workbook.store import Store, transfer, transfer_csv, transfer_format
from workbook.store.demo import fill_demo

MARKUP = "<script>window.__x=1</script><img src=x onerror=alert(1)>"
FORMULA = '=HYPERLINK("http://x","y")'


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> dict:
    """The tables of a real demo month with a reflection and a reunion: {table: {columns, rows}}."""
    folder = tmp_path_factory.mktemp("base")
    with Store(folder / "data") as store:
        fill_demo(store, today=date.fromisoformat(TODAY))
        store.save_record(
            "reflection",
            date.fromisoformat(TODAY),
            {"want_restart": True, "conviction": 9, "keep_growing": True, "felt_safe": True},
        )
        store.save_record("reunion", date.fromisoformat(TODAY), {"outcome": "not yet"})
        document = json.loads(transfer.export_json(store))
    return document


@pytest.fixture
def target(tmp_path):
    """An empty workbook to import into, and its state before any attempt."""
    folder = tmp_path / "target"
    Store(folder).close()
    return folder, folder_state(folder)


def json_file(document: dict, path, raw: str | None = None):
    """Write `document` with its checksum recomputed (a checksum is no defence)."""
    document["sha256"] = hashlib.sha256(transfer_format.canonical(document["tables"])).hexdigest()
    path.write_text(raw if raw is not None else json.dumps(document), encoding="utf-8")
    return path


def column(document, table: str, name: str) -> int:
    return document["tables"][table]["columns"].index(name)


def set_cell(table: str, name: str, value, row: int = 0):
    def change(doc):
        doc["tables"][table]["rows"][row][column(doc, table, name)] = value

    return change


def record_data(kind: str, data):
    def change(doc):
        rows = doc["tables"]["stage_records"]["rows"]
        i = next(i for i, r in enumerate(rows) if r[column(doc, "stage_records", "kind")] == kind)
        text = data if isinstance(data, str) else json.dumps(data)
        rows[i][column(doc, "stage_records", "data")] = text

    return change


def drop_column(table: str, name: str):
    def change(doc):
        i = column(doc, table, name)
        doc["tables"][table]["columns"].pop(i)
        for row in doc["tables"][table]["rows"]:
            row.pop(i)

    return change


def add_column(table: str, name: str):
    def change(doc):
        doc["tables"][table]["columns"].append(name)
        for row in doc["tables"][table]["rows"]:
            row.append("x")

    return change


def duplicate_row(table: str):
    def change(doc):
        doc["tables"][table]["rows"].append(list(doc["tables"][table]["rows"][0]))

    return change


DEEP = 100_000

# (case id, change to the document, words the refusal must name)
CASES = [
    # wrong types
    ("mood-word", set_cell("checkin_revisions", "mood", "six"), ["checkin_revisions", "mood"]),
    ("mood-fraction", set_cell("checkin_revisions", "mood", 5.5), ["mood"]),
    ("mood-bool", set_cell("checkin_revisions", "mood", True), ["mood"]),
    ("mood-list", set_cell("checkin_revisions", "mood", [5]), ["mood"]),
    ("mood-object", set_cell("checkin_revisions", "mood", {"a": 1}), ["mood"]),
    ("day-integer", set_cell("checkin_revisions", "day", 20261101), ["day"]),
    ("energy-text", set_cell("checkin_revisions", "energy", "7"), ["energy"]),
    ("sleep-text", set_cell("checkin_revisions", "sleep_hours", "eight"), ["sleep_hours"]),
    ("emotions-not-json", set_cell("checkin_revisions", "emotions", "happy"), ["emotions"]),
    ("emotions-object", set_cell("checkin_revisions", "emotions", '{"a": 1}'), ["emotions"]),
    ("emotions-numbers", set_cell("checkin_revisions", "emotions", "[1, 2]"), ["emotions"]),
    ("note-number", set_cell("checkin_revisions", "note", 5), ["note"]),
    ("win-null", set_cell("checkin_revisions", "win", None), ["win"]),
    ("slip-by-other", set_cell("checkin_revisions", "slip_by", "neighbour"), ["checkin_revisions"]),
    ("who5-text", set_cell("who5_revisions", "a", "3"), ["who5_revisions", "a"]),
    ("days-text", set_cell("plan_revisions", "days", "30"), ["plan_revisions", "days"]),
    # out of range
    ("mood-negative", set_cell("checkin_revisions", "mood", -1), ["checkin_revisions", "Mood"]),
    ("mood-zero", set_cell("checkin_revisions", "mood", 0), ["Mood"]),
    ("mood-eleven", set_cell("checkin_revisions", "mood", 11), ["Mood"]),
    ("energy-eleven", set_cell("checkin_revisions", "energy", 11), ["Energy"]),
    ("sleep-25", set_cell("checkin_revisions", "sleep_hours", 25.0), ["Hours slept"]),
    ("sleep-negative", set_cell("checkin_revisions", "sleep_hours", -1.0), ["Hours slept"]),
    ("urge-11", set_cell("checkin_revisions", "urge", 11), ["Urge"]),
    ("who5-6", set_cell("who5_revisions", "c", 6), ["who5_revisions"]),
    ("minutes-1441", set_cell("checkin_goals", "minutes", 1441), ["checkin_goals", "minutes"]),
    ("target-0", set_cell("plan_goals", "target_per_week", 0), ["plan_goals"]),
    ("target-8", set_cell("plan_goals", "target_per_week", 8), ["plan_goals"]),
    ("days-0", set_cell("plan_revisions", "days", 0), ["plan_revisions"]),
    ("days-3661", set_cell("plan_revisions", "days", 3661), ["plan_revisions"]),
    ("position-negative", set_cell("plan_goals", "position", -1), ["plan_goals", "position"]),
    # huge numbers
    ("id-2**70", set_cell("checkin_revisions", "id", 2**70), ["checkin_revisions", "id"]),
    ("id-2**63", set_cell("plan_revisions", "id", 2**63), ["plan_revisions", "id"]),
    ("id-zero", set_cell("who5_revisions", "id", 0), ["who5_revisions", "id"]),
    ("mood-2**70", set_cell("checkin_revisions", "mood", 2**70), ["mood"]),
    ("minutes-10**30", set_cell("checkin_goals", "minutes", 10**30), ["minutes"]),
    ("sleep-1e308", set_cell("checkin_revisions", "sleep_hours", 1e308), ["sleep_hours"]),
    # too much text, NUL bytes
    ("note-10MB", set_cell("checkin_revisions", "note", "x" * 10_000_000), ["note"]),
    ("note-10001", set_cell("checkin_revisions", "note", "x" * 10_001), ["Journal note"]),
    ("goal-name-10000", set_cell("plan_goals", "name", "g" * 10_000), ["plan_goals"]),
    ("partner-201", set_cell("plan_revisions", "partner", "p" * 201), ["Their name"]),
    ("pronoun-41", set_cell("plan_revisions", "pronoun", "p" * 41), ["pronoun"]),
    ("emotion-61", set_cell("checkin_revisions", "emotions", json.dumps(["e" * 61])), ["Emotion"]),
    ("note-nul", set_cell("checkin_revisions", "note", "a\x00b"), ["note"]),
    ("partner-nul", set_cell("plan_revisions", "partner", "Al\x00ex"), ["partner"]),
    ("goal-nul", set_cell("checkin_goals", "goal", "Gym\x00"), ["goal"]),
    ("emotion-nul", set_cell("checkin_revisions", "emotions", '["a\\u0000b"]'), ["NUL"]),
    ("trigger-1001", set_cell("checkin_revisions", "trigger_text", "t" * 1001), ["Trigger"]),
    # dates
    ("day-0000", set_cell("checkin_revisions", "day", "0000-01-01"), ["checkin_revisions"]),
    ("day-feb-30", set_cell("checkin_revisions", "day", "2026-02-30"), ["2026-02-30"]),
    ("day-9999", set_cell("checkin_revisions", "day", "9999-12-31"), ["9999-12-31"]),
    ("day-1899", set_cell("who5_revisions", "day", "1899-12-31"), ["who5_revisions"]),
    ("day-short", set_cell("checkin_revisions", "day", "2026-1-5"), ["checkin_revisions"]),
    ("day-word", set_cell("checkin_revisions", "day", "yesterday"), ["checkin_revisions"]),
    ("start-9999", set_cell("plan_revisions", "start_date", "9999-01-01"), ["plan_revisions"]),
    ("since-month-13", set_cell("plan_goals", "since", "2026-13-01"), ["plan_goals", "since"]),
    ("saved-at-word", set_cell("who5_revisions", "saved_at", "now"), ["saved_at"]),
    ("saved-at-9999", set_cell("who5_revisions", "saved_at", "9999-01-01T00:00:00"), ["saved_at"]),
    ("record-day-bad", set_cell("stage_records", "day", "2026-02-29"), ["stage_records", "day"]),
    # columns and tables
    ("missing-column", drop_column("checkin_revisions", "mood"), ["checkin_revisions.mood"]),
    ("missing-since", drop_column("plan_goals", "since"), ["plan_goals.since"]),
    ("unknown-column", add_column("who5_revisions", "f"), ["who5_revisions.f"]),
    (
        "missing-table",
        lambda d: d["tables"].pop("who5_revisions"),
        ["who5_revisions"],
    ),
    (
        "unknown-table",
        lambda d: d["tables"].__setitem__("x", {"columns": [], "rows": []}),
        ["x"],
    ),
    (
        "twice-named-column",
        lambda d: (
            d["tables"]["who5_revisions"]["columns"].__setitem__(2, "a"),
            [r.__setitem__(2, 3) for r in d["tables"]["who5_revisions"]["rows"]],
        ),
        ["who5_revisions"],
    ),
    ("short-row", lambda d: d["tables"]["who5_revisions"]["rows"][0].pop(), []),
    ("rows-not-list", lambda d: d["tables"]["who5_revisions"].__setitem__("rows", "x"), []),
    ("table-not-object", lambda d: d["tables"].__setitem__("who5_revisions", [1]), []),
    # ids and references
    ("duplicate-plan-id", duplicate_row("plan_revisions"), ["plan_revisions", "id"]),
    ("duplicate-checkin-id", duplicate_row("checkin_revisions"), ["checkin_revisions", "id"]),
    ("duplicate-who5-id", duplicate_row("who5_revisions"), ["who5_revisions", "id"]),
    ("duplicate-goal-position", duplicate_row("plan_goals"), ["plan_goals", "position"]),
    ("duplicate-checkin-goal", duplicate_row("checkin_goals"), ["checkin_goals"]),
    (
        "dangling-checkin-goal",
        set_cell("checkin_goals", "checkin_revision_id", 99_999),
        ["checkin_goals", "checkin_revision_id"],
    ),
    (
        "dangling-plan-goal",
        set_cell("plan_goals", "plan_revision_id", 99_999),
        ["plan_goals", "plan_revision_id"],
    ),
    # the stages' records
    ("record-kind", set_cell("stage_records", "kind", "keep_going"), ["stage_records"]),
    ("record-not-json", record_data("break", "{not json"), ["stage_records", "data"]),
    ("record-list", record_data("break", [1, 2]), ["stage_records"]),
    ("record-answer", record_data("break", {"answer": "maybe"}), ["Their answer"]),
    ("record-no-contact", record_data("break", {"no_contact": "yes"}), ["No contact"]),
    ("record-start", record_data("break", {"start_date": "2026-02-30"}), ["stage_records"]),
    ("record-conviction-11", record_data("reflection", {"conviction": 11}), ["Conviction"]),
    ("record-conviction-text", record_data("reflection", {"conviction": "9"}), ["Conviction"]),
    ("record-want-text", record_data("reflection", {"want_restart": "yes"}), ["want_restart"]),
    ("record-reasons", record_data("reflection", {"reasons": "x"}), ["stage_records"]),
    ("record-long-text", record_data("reflection", {"decision": "d" * 10_001}), ["decision"]),
    ("record-unknown-key", record_data("reunion", {"outcome": "no", "x": 1}), ["“x”"]),
    ("record-outcome", record_data("reunion", {"outcome": "perhaps"}), ["stage_records"]),
    ("record-points", record_data("reunion", {"talking_points": [1]}), ["Talking points"]),
    ("record-nan", record_data("reunion", '{"outcome": NaN}'), ["stage_records", "data"]),
    (
        "record-deep",
        record_data("reunion", '{"script": ' + "[" * DEEP + "]" * DEEP + "}"),
        ["stage_records", "data"],
    ),
    (
        "emotions-deep",
        set_cell("checkin_revisions", "emotions", "[" * DEEP + "]" * DEEP),
        ["emotions"],
    ),
]

# Whole-file cases: the raw JSON text, not a parsed document.
RAW_CASES = [
    ("nan", lambda text: text.replace('"sleep_hours_marker"', "NaN")),
    ("infinity", lambda text: text.replace('"sleep_hours_marker"', "Infinity")),
    ("minus-infinity", lambda text: text.replace('"sleep_hours_marker"', "-Infinity")),
    ("huge-digits", lambda text: text.replace('"sleep_hours_marker"', "9" * 5000)),
    ("deep-tables", lambda text: text.replace('"sleep_hours_marker"', "[" * DEEP + "]" * DEEP)),
    ("deep-document", lambda text: "[" * DEEP + "]" * DEEP),
    ("not-utf8", lambda text: text.replace('"sleep_hours_marker"', '"\udcff"')),
    ("cut-short", lambda text: text[: len(text) // 2]),
]


@pytest.mark.parametrize("change, words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_hostile_json_import_is_refused_whole(base, target, tmp_path, change, words):
    folder, before = target
    document = copy.deepcopy(base)
    change(document)
    path = json_file(document, tmp_path / "hostile.json")
    result = workbook("import", path, "--data-dir", folder)
    assert_refused(result, *words)
    assert folder_state(folder) == before


@pytest.mark.parametrize("change", [c[1] for c in RAW_CASES], ids=[c[0] for c in RAW_CASES])
def test_a_hostile_json_text_is_refused_whole(base, target, tmp_path, change):
    folder, before = target
    document = copy.deepcopy(base)
    set_cell("checkin_revisions", "sleep_hours", "sleep_hours_marker")(document)
    text = change(json.dumps(document))
    path = tmp_path / "hostile.json"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    result = workbook("import", path, "--data-dir", folder)
    assert_refused(result)
    assert folder_state(folder) == before


# --- CSV: the same rules, and formula cells -----------------------------------------------------


@pytest.fixture(scope="module")
def declared(tmp_path_factory) -> dict:
    """The workbook's column types, as its own CSV manifest lists them."""
    with Store(tmp_path_factory.mktemp("types") / "data") as store:
        return transfer_csv._declared(store)


def csv_zip(document: dict, path, declared: dict):
    """A CSV export written by hand (as the workbook writes one), checksums recomputed."""
    buffer = io.BytesIO()
    files, types, special = {}, {}, {}
    with zipfile.ZipFile(buffer, "w") as archive:
        for table, content in document["tables"].items():
            out = io.StringIO(newline="")
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow(content["columns"])
            for i, row in enumerate(content["rows"]):
                cells = []
                for name, value in zip(content["columns"], row, strict=True):
                    if value is None or value == "":
                        special.setdefault(table, []).append([i, name, value])
                        value = ""
                    cells.append(transfer.neutralise(value) if isinstance(value, str) else value)
                writer.writerow(cells)
            data = out.getvalue().encode("utf-8")
            files[f"{table}.csv"] = {
                "table": table,
                "rows": len(content["rows"]),
                "sha256": hashlib.sha256(data).hexdigest(),
            }
            types[table] = {c: declared.get(table, {}).get(c, "str") for c in content["columns"]}
            archive.writestr(f"{table}.csv", data)
        manifest = {
            "format": transfer.FORMAT,
            "version": transfer.CSV_VERSION,
            "schema_version": document["schema_version"],
            "files": files,
            "types": types,
            "special_cells": special,
        }
        manifest["sha256"] = hashlib.sha256(transfer_format.canonical(manifest)).hexdigest()
        archive.writestr("manifest.json", json.dumps(manifest))
    path.write_bytes(buffer.getvalue())
    return path


CSV_CASES = [
    ("mood-word", set_cell("checkin_revisions", "mood", "six"), ["checkin_revisions", "mood"]),
    ("mood-eleven", set_cell("checkin_revisions", "mood", 11), ["checkin_revisions", "Mood"]),
    ("day-feb-30", set_cell("checkin_revisions", "day", "2026-02-30"), ["2026-02-30"]),
    ("sleep-nan", set_cell("checkin_revisions", "sleep_hours", "nan"), ["sleep_hours"]),
    ("sleep-inf", set_cell("checkin_revisions", "sleep_hours", "inf"), ["sleep_hours"]),
    ("id-huge", set_cell("checkin_revisions", "id", 2**70), ["checkin_revisions", "id"]),
    ("note-nul", set_cell("checkin_revisions", "note", "a\x00b"), ["note"]),
    ("unknown-column", add_column("who5_revisions", "f"), ["who5_revisions.f"]),
    ("missing-column", drop_column("checkin_revisions", "note"), ["checkin_revisions.note"]),
    ("duplicate-id", duplicate_row("who5_revisions"), ["who5_revisions", "id"]),
    ("record-kind", set_cell("stage_records", "kind", "keep_going"), ["stage_records"]),
    ("dangling", set_cell("checkin_goals", "checkin_revision_id", 99_999), ["checkin_goals"]),
]


@pytest.mark.parametrize("change, words", [c[1:] for c in CSV_CASES], ids=[c[0] for c in CSV_CASES])
def test_a_hostile_csv_import_is_refused_whole(base, target, declared, tmp_path, change, words):
    folder, before = target
    document = copy.deepcopy(base)
    change(document)
    path = csv_zip(document, tmp_path / "hostile.zip", declared)
    result = workbook("import", path, "--data-dir", folder)
    assert_refused(result, *words)
    assert folder_state(folder) == before


def test_a_hand_written_csv_export_is_accepted(base, declared, tmp_path):
    """The CSV helper above writes what the workbook writes: unchanged, it imports."""
    path = csv_zip(copy.deepcopy(base), tmp_path / "fine.zip", declared)
    result = workbook("import", path, "--data-dir", tmp_path / "data")
    assert result.returncode == 0, result.stderr


def test_formula_cells_are_neutralised_in_the_csv_and_come_back_exactly(tmp_path):
    texts = [FORMULA, "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx", "'=1", "'", "''"]
    data = tmp_path / "data"
    plan = Plan(start_date=date(2026, 11, 1), goals=(Goal("Gym", 3),))
    with Store(data) as store:
        store.save_plan(plan)
        store.save_checkins(
            [
                Checkin(date=date(2026, 11, 1) + timedelta(days=i), mood=5, note=t, win=t)
                for i, t in enumerate(texts)
            ]
        )
        want = store.dump()
    result = workbook("export", "--format", "csv", "--output", tmp_path, "--data-dir", data)
    assert result.returncode == 0, result.stderr
    zipped = tmp_path / "workbook-export.zip"
    with zipfile.ZipFile(zipped) as archive:
        sheet = archive.read("checkin_revisions.csv").decode("utf-8")
    for row in list(csv.DictReader(io.StringIO(sheet, newline="")))[: len(texts)]:
        for cell in (row["note"], row["win"]):
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    result = workbook("import", zipped, "--data-dir", tmp_path / "back")
    assert result.returncode == 0, result.stderr
    with Store(tmp_path / "back") as store:
        assert store.dump() == want


# --- accepted imports: every page, the report and the JSON work afterwards ---------------------


def edge_cases(document):
    """Odd but allowed: markup and formulas in every text, days before the start, the limits."""
    t = document["tables"]
    for table in ("plan_revisions", "checkin_revisions"):
        cols = t[table]["columns"]
        for name in ("name", "partner", "why", "win", "note", "gratitude", "slip", "trigger_text"):
            if name in cols:
                for row in t[table]["rows"]:
                    row[cols.index(name)] = MARKUP if name != "note" else FORMULA + MARKUP
    set_cell("checkin_revisions", "day", "1900-01-01", row=1)(document)
    set_cell("checkin_revisions", "note", "n" * 10_000, row=2)(document)
    set_cell("checkin_revisions", "emotions", json.dumps([MARKUP, "e" * 60]), row=3)(document)
    record_data("reunion", {"outcome": "yes", "script": MARKUP, "talking_points": [MARKUP]})(
        document
    )


def test_an_odd_but_allowed_import_leaves_a_workbook_whose_report_works(base, tmp_path):
    document = copy.deepcopy(base)
    edge_cases(document)
    path = json_file(document, tmp_path / "odd.json")
    data = tmp_path / "data"
    result = workbook("import", path, "--data-dir", data)
    assert result.returncode == 0, result.stderr
    summary = workbook("report", "--format", "json", "--data-dir", data, "--today", TODAY)
    assert summary.returncode == 0, summary.stderr
    assert json.loads(summary.stdout)["programme"]["partner"] == MARKUP
    html = workbook("report", "--format", "html", "--data-dir", data, "--today", TODAY)
    assert html.returncode == 0, html.stderr
    written = next((data / "reports").glob("*.html")).read_text(encoding="utf-8")
    assert "<script>window.__x=1</script>" not in written
    assert "&lt;script&gt;window.__x=1&lt;/script&gt;" in written
