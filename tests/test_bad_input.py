"""Bad input everywhere — the command line, papermill parameters, the widgets' controllers — gets
one clear, kind sentence and writes nothing: the database stays byte-for-byte the same.

(tests/test_cli.py already covers the check-in's basic ranges; this table adds the new commands
and the classes the issue lists: huge text, NUL bytes, SQL-looking text, impossible and future
dates, wrong types. Emoji and right-to-left text are not bad input: they are stored faithfully.)
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import TODAY, db_digest
from workbook.store import Store
from workbook.store.backups import list_backups
from workbook.store.sealed import MAGIC

T = f"--today={TODAY}"
HUGE = "x" * 1_000_001
SQL = "'); DROP TABLE checkin_revisions; --"
NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


@pytest.fixture
def planned(run_cli, tmp_path):
    d = tmp_path / "data"
    r = run_cli("plan", "--data-dir", d, "--start", "2026-11-20", "--goal", "Gym:3")
    assert r.code == 0, r.err
    r = run_cli("checkin", "--data-dir", d, T, "--date", "2026-11-21", "--mood", "6")
    assert r.code == 0, r.err
    return d


def _files(tmp_path: Path) -> dict[str, Path]:
    """Files to hand to restore and import, made fresh for each row."""
    files = {
        "text": tmp_path / "notes.txt",
        "fake_sqlite": tmp_path / "fake.sqlite",
        "fake_wbk": tmp_path / "fake.wbk",
        "empty_pass": tmp_path / "empty-pass",
        "short_pass": tmp_path / "short-pass",
        "nul_pass": tmp_path / "nul-pass",
        "not_ours_json": tmp_path / "other.json",
        "zip": tmp_path / "odd.zip",
    }
    files["text"].write_text("just some notes, not a workbook\n")
    files["fake_sqlite"].write_bytes(b"SQLite format 3\x00" + os.urandom(3000))
    files["fake_wbk"].write_bytes(MAGIC + b"\x01")
    files["empty_pass"].write_text("\n")
    files["short_pass"].write_text("abc\n")
    files["nul_pass"].write_text("abcdefgh\x00ijk\n")
    files["not_ours_json"].write_text(json.dumps({"format": "someone-else", "version": 1}))
    files["zip"].write_bytes(b"PK\x03\x04 broken")
    return files


# (args after the subcommand; {name} is replaced by a file from _files), expected words.
CLI_ROWS = [
    # check-in: huge text, NUL bytes, SQL-looking and wrong types in each text field.
    ("checkin", ["--mood", "5", "--gratitude", HUGE], "Gratitude is very long"),
    ("checkin", ["--mood", "5", "--note", "x" * 10_001], "Journal note is very long"),
    ("checkin", ["--mood", "5", "--trigger", "t" * 1_001], "Trigger is very long"),
    ("checkin", ["--mood", "5", "--emotion", "e" * 61], "Emotion word is very long"),
    ("checkin", ["--mood", "5", "--slip", "s" * 10_001], "What happened is very long"),
    ("checkin", ["--mood", "5", "--gratitude", "thanks\x00"], "NUL"),
    ("checkin", ["--mood", "5", "--emotion", "\x00"], "NUL"),
    ("checkin", ["--mood", "5", "--trigger", "a\x00"], "NUL"),
    ("checkin", ["--mood", "5", "--goal", "Gym\x00"], "NUL"),
    ("checkin", ["--mood", "5\x00"], "Mood should be a whole number"),
    ("checkin", ["--mood", "5; DROP TABLE checkin_revisions"], "Mood should be a whole number"),
    ("checkin", ["--mood", "5", "--date", "2026-11-21' OR '1'='1"], "should be a date like"),
    ("checkin", ["--mood", "5", "--goal", "Gym=45; DELETE FROM plan_goals"], "Minutes for “Gym”"),
    ("checkin", ["--mood", "5", "--slip", "x", "--slip-by", "' OR 1=1 --"], "Who reached out"),
    ("checkin", ["--mood", "99999999999999999999"], "Mood should be a whole number"),
    ("checkin", ["--mood", "1e1"], "Mood should be a whole number"),
    ("checkin", ["--mood", " "], "Mood can’t be empty"),
    ("checkin", ["--mood", "5", "--sleep", "inf"], "Hours slept should be a number"),
    ("checkin", ["--mood", "5", "--sleep", "-0.5"], "Hours slept goes from 0 to 24"),
    ("checkin", ["--mood", "5", "--urge", "3.5"], "Urge to make contact should be a whole number"),
    ("checkin", ["--mood", "5", "--energy", "ten"], "Energy should be a whole number"),
    ("checkin", ["--mood", "5", "--date", "0000-01-01"], "isn’t a day on the calendar"),
    ("checkin", ["--mood", "5", "--date", "2026-11-21T10:00"], "should be a date like"),
    ("checkin", ["--mood", "5", "--date", "2027-01-01"], "hasn’t happened yet"),
    ("checkin", ["--mood", "5", "--today", "2026-02-29"], "isn’t a day on the calendar"),
    # WHO-5 and the plan.
    ("who5", ["--date", "2026-12-01", "3", "3", "3", "3", "3"], "hasn’t happened yet"),
    ("who5", ["--", "3", "3", "😀", "3", "3"], "“😀”"),
    ("plan", ["--start", "2026-11-01", "--days", "3661"], "programme length"),
    ("plan", ["--start", "2026-11-01", "--why", HUGE], "Your why is very long"),
    ("plan", ["--start", "2026-11-01", "--partner", "Al\x00ex"], "NUL"),
    ("plan", ["--start", "2026-11-01", "--name", "n" * 201], "Your name is very long"),
    ("plan", ["--start", "2026-11-01", "--goal", ":3"], "NAME:TIMES_PER_WEEK"),
    ("plan", ["--start", "2026-11-01", "--goal", "Gym:0"], "goes from 1 to 7"),
    ("plan", ["--start", "2026-11-01'; DROP TABLE plan_revisions; --"], "should be a date like"),
    # The new commands: backup, restore, export, import.
    ("backup", ["--encrypt", "--passphrase-file", "{empty_pass}"], "at least 8 characters"),
    ("backup", ["--encrypt", "--passphrase-file", "{short_pass}"], "at least 8 characters"),
    ("backup", ["--encrypt", "--passphrase-file", "{nul_pass}"], "NUL"),
    ("backup", ["--encrypt", "--passphrase-file", "/no/such/file"], "There’s no file at"),
    ("backup", ["--encrypt"], "This backup is encrypted. Give its passphrase"),  # no terminal
    ("backup", ["--output", "/no/such/folder/b.sqlite"], "doesn’t exist"),
    ("restore", ["/no/such/backup.sqlite"], "There’s no file at"),
    ("restore", ["{text}"], "isn’t a workbook backup"),
    ("restore", ["{fake_sqlite}"], "damaged and can’t be restored"),
    ("restore", ["{fake_wbk}", "--passphrase-file", "{short_pass}"], "damaged or incomplete"),
    ("restore", ["{fake_wbk}"], "This backup is encrypted. Give its passphrase"),
    ("export", ["--format", "xml"], "invalid choice"),
    ("export", ["--output", "/no/such/folder/out.json"], "doesn’t exist"),
    ("export", ["--today", "2026-13-01"], "isn’t a day on the calendar"),
    ("import", ["{text}"], "isn’t a workbook export"),
    ("import", ["{not_ours_json}"], "isn’t a workbook export"),
    ("import", ["{zip}"], "damaged or incomplete"),
    ("import", ["/no/such/export.json"], "There’s no file at"),
]


@pytest.mark.parametrize(
    ("command", "args", "message"),
    CLI_ROWS,
    ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(CLI_ROWS)],
)
def test_cli_bad_input(run_cli, planned, tmp_path, monkeypatch, command, args, message):
    monkeypatch.delenv("WORKBOOK_PASSPHRASE", raising=False)
    files = _files(tmp_path)
    args = [a.format(**files) if "{" in a else a for a in args]
    dated = [T] if command in ("checkin", "who5") and "--today" not in args else []
    before, backups = db_digest(planned), list_backups(planned)
    r = run_cli(command, "--data-dir", planned, *dated, *args)
    assert r.code == 2, r.out
    assert message in r.err, r.err
    assert r.err.count("\n") == 1 and r.out == ""
    assert "Traceback" not in r.err
    assert db_digest(planned) == before
    assert list_backups(planned) == backups
    assert not (planned / "exports").exists()


# --- not bad input: stored faithfully ---------------------------------------------------------

FAITHFUL = [
    "Felt 😊 then 😭 then 👩‍👩‍👧 family dinner 🏳️‍🌈",
    "שלום, היום היה יום טוב",  # Hebrew, right to left
    "مرحبا، كان يومًا جيدًا",  # Arabic, right to left
    "mixed ‏RTL‎ marks and العربية in English",
    SQL,
    "Robert'); DROP TABLE plan_revisions;--",
    '<script>alert(1)</script> & "quotes"',
]


@pytest.mark.parametrize("text", FAITHFUL)
def test_emoji_rtl_and_sql_looking_text_are_stored_exactly(run_cli, planned, text):
    r = run_cli(
        "checkin", "--data-dir", planned, T, "--mood", "7",
        "--note", text, "--win", text, "--emotion", text[:60], "--trigger", text,
    )  # fmt: skip
    assert r.code == 0, r.err
    with Store(planned) as s:
        saved = s.checkin_on(TODAY)
        assert (saved.note, saved.win, saved.trigger) == (text, text, text)
        assert saved.emotions == (text[:60].strip(),)
        assert s.integrity() == "ok"
        tables = set(s.tables())
    assert {"checkin_revisions", "plan_revisions", "plan_goals"} <= tables


# --- the widgets' controllers -----------------------------------------------------------------


def _controller(data_dir):
    from workbook.pages.checkin import CheckinController

    store = Store(data_dir)
    return store, CheckinController(store, TODAY)


CONTROLLER_ROWS = [
    ({"mood": 11}, "Mood goes from 1 to 10"),
    ({"mood": "seven"}, "Mood should be a whole number"),
    ({"mood": True}, "Mood should be a whole number"),
    ({"mood": 5.5}, "Mood should be a whole number"),
    ({"mood": None}, "Mood can’t be empty"),
    ({"mood": 5, "date": date(2026, 12, 25)}, "hasn’t happened yet"),
    ({"mood": 5, "date": "2026-02-30"}, "isn’t a day on the calendar"),
    ({"mood": 5, "date": date(2026, 11, 1)}, "before your plan starts"),
    ({"mood": 5, "sleep_hours": float("nan")}, "Hours slept should be a number"),
    ({"mood": 5, "sleep_hours": 30.0}, "Hours slept goes from 0 to 24"),
    ({"mood": 5, "note": HUGE}, "Journal note is very long"),
    ({"mood": 5, "win": "a\x00b"}, "NUL"),
    ({"mood": 5, "goals": [("Knitting", None)]}, "isn’t one of your goals"),
    ({"mood": 5, "goals": [("Gym", 2000)]}, "Minutes for “Gym”"),
    ({"mood": 5, "urge": SQL}, "Urge to make contact should be a whole number"),
]


@pytest.mark.parametrize(("fields", "message"), CONTROLLER_ROWS)
def test_checkin_controller_bad_input(planned, fields, message):
    before = db_digest(planned)
    store, controller = _controller(planned)
    try:
        outcome = controller.on_save(fields)
    finally:
        store.close()
    assert not outcome.ok and message in outcome.message
    assert "\n" not in outcome.message
    assert db_digest(planned) == before


def test_start_controller_bad_plan_and_who5(planned):
    from workbook.pages.start import StartController

    before = db_digest(planned)
    with Store(planned) as store:
        controller = StartController(store, TODAY)
        for kwargs, message in (
            ({"start": "2026-02-30"}, "isn’t a day on the calendar"),
            ({"start": "2026-11-01", "why": HUGE}, "Your why is very long"),
            ({"start": "2026-11-01", "goals": ["Gym:9"]}, "goes from 1 to 7"),
        ):
            outcome = controller.on_save_plan(**kwargs)
            assert not outcome.ok and message in outcome.message
        outcome = controller.on_save_who5([3, 3, 3, 3, 7])
        assert not outcome.ok and "“7”" in outcome.message
    assert db_digest(planned) == before


WIDGET_ROWS = [
    ("note", "a\x00b", "NUL"),
    ("win", HUGE, "very long"),
    ("sleep_hours", 25.0, "Hours slept goes from 0 to 24"),
    ("date", date(2027, 3, 1), "hasn’t happened yet"),
]


@pytest.mark.parametrize(("field", "value", "message"), WIDGET_ROWS)
def test_checkin_widgets_bad_input(planned, field, value, message):
    """Real widgets: set a value, press Save; the field shows the error, nothing is written."""
    from workbook.pages.checkin import CheckinView

    before = db_digest(planned)
    store, controller = _controller(planned)
    try:
        view = CheckinView(controller)
        view.fields[field].widget.value = value
        outcome = view.on_save()
    finally:
        store.close()
    assert not outcome.ok and message in outcome.message
    assert message.split()[0] in view.result.value or "NUL" in view.result.value
    assert db_digest(planned) == before


# --- papermill parameters ---------------------------------------------------------------------

PAPERMILL_ROWS = [
    ({"mood": 11}, "Mood goes from 1 to 10"),
    ({"mood": "seven"}, "Mood should be a whole number"),
    ({"mood": 5, "date": "2026-02-30"}, "isn’t a day on the calendar"),
    ({"mood": 5, "date": "2026-12-24"}, "hasn’t happened yet"),
    ({"mood": 5, "note": "x" * 20_000}, "Journal note is very long"),
    ({"mood": 5, "gratitude": "so\x00rry"}, "NUL"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("parameters", "message"), PAPERMILL_ROWS)
def test_daily_checkin_notebook_bad_parameters(planned, tmp_path, parameters, message):
    import papermill

    notebook = NOTEBOOKS / "02_daily_checkin.ipynb"
    if not notebook.exists():
        pytest.skip("notebooks/02_daily_checkin.ipynb has not landed yet")
    before = db_digest(planned)
    out = tmp_path / "out.ipynb"
    papermill.execute_notebook(
        str(notebook),
        str(out),
        parameters={"data_dir": str(planned), "today": TODAY.isoformat(), **parameters},
        kernel_name="python3",
        progress_bar=False,
        cwd=str(tmp_path),
    )
    outputs = [o for cell in json.loads(out.read_text())["cells"] for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    shown = "".join(
        "".join(o.get("data", {}).get("text/html", "")) + "".join(o.get("text", ""))
        for o in outputs
    )
    assert "workbook-error" in shown and "Traceback" not in shown
    assert message in shown.replace("&#x27;", "'")
    assert db_digest(planned) == before
