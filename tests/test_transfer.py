"""Export and import: lossless round trips (revisions included), and files we refuse."""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import TODAY, db_digest
from workbook.core.model import Checkin, Goal, Plan, Who5
from workbook.core.validation import InputError
from workbook.store import Store, transfer

# Any text a person could type, emoji and right-to-left scripts included (no lone surrogates,
# which are not text; no NUL, which validation turns away before it reaches the store).
RAW_TEXT = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=38
)
# Text a spreadsheet would run as a formula, and text that already starts with the escape mark:
# the CSV neutralises both, and the import must undo exactly that.
FORMULA_TEXT = st.tuples(
    st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'", "''"]), RAW_TEXT
).map("".join) | st.sampled_from(
    ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "'=1+2", "-", "'"]
)
TEXT = RAW_TEXT | FORMULA_TEXT
DAYS = st.dates(date(2020, 1, 1), date(2030, 12, 31))
# Goal names as the pages keep them: unique whatever their case and the spaces around them.
GOAL_NAMES = st.lists(
    TEXT.filter(str.strip), min_size=0, max_size=4, unique_by=lambda n: n.strip().casefold()
)

plans = st.builds(
    Plan,
    start_date=DAYS,
    days=st.integers(1, 3660),
    name=TEXT,
    partner=TEXT,
    pronoun=TEXT,
    why=TEXT,
    goals=GOAL_NAMES.flatmap(
        lambda names: st.tuples(
            *[st.builds(Goal, st.just(n), st.integers(1, 7), st.none() | DAYS) for n in names]
        )
    ),
)
checkins = st.builds(
    Checkin,
    date=DAYS,
    mood=st.integers(1, 10),
    energy=st.none() | st.integers(1, 10),
    sleep_hours=st.none() | st.floats(0, 24, allow_nan=False),
    emotions=st.lists(TEXT, max_size=3).map(tuple),
    slip=st.none() | TEXT,
    slip_by=st.none() | st.sampled_from(["me", "them", "both"]),
    urge=st.none() | st.integers(0, 10),
    trigger=st.none() | TEXT,
    goals=GOAL_NAMES.flatmap(
        lambda names: st.tuples(
            *[st.tuples(st.just(n), st.none() | st.integers(0, 1440)) for n in names]
        )
    ),
    win=TEXT,
    note=TEXT,
    gratitude=TEXT,
)
who5s = st.builds(Who5, date=DAYS, answers=st.tuples(*[st.integers(0, 5)] * 5))
YES_NO = st.none() | st.booleans()
TEXTS = st.lists(TEXT, max_size=3)
RECORD_DATA = {
    "break": st.fixed_dictionaries(
        {"answer": st.sampled_from(["agreed", "declined", "did not ask"])},
        optional={
            "no_contact": YES_NO,
            "dating_allowed": YES_NO,
            "practical_allowed": YES_NO,
            "start_date": DAYS.map(date.isoformat),
        },
    ),
    "reflection": st.fixed_dictionaries(
        {},
        optional={
            **{k: YES_NO for k in ("want_restart", "keep_growing", "felt_safe", "gate_open")},
            "conviction": st.integers(0, 10),
            "reasons": TEXTS,
            "decision": TEXT,
            "better_version": TEXT,
            "accomplished": TEXT,
            "discovered": TEXT,
        },
    ),
    "reunion": st.fixed_dictionaries(
        {"outcome": st.sampled_from(["yes", "no", "not yet"])},
        optional={"script": TEXT, "talking_points": TEXTS},
    ),
    "urge_moment": st.fixed_dictionaries(
        {
            "at": st.builds(
                lambda d, h, m: f"{d.isoformat()}T{h:02d}:{m:02d}",
                DAYS,
                st.integers(0, 23),
                st.integers(0, 59),
            ),
            "before": st.integers(0, 10),
            "outcome": st.sampled_from(["did_not_reach_out", "wrote_here", "reached_out"]),
        },
        optional={"after": st.none() | st.integers(0, 10), "words": TEXT, "plan": TEXT},
    ),
    "if_then_plan": st.fixed_dictionaries(
        {"trigger": st.sampled_from(["our song", "Sunday night"]), "plan": TEXT}
    ),
}
# Only what the stages record passes an import (issue 13): the stages' own shapes, any text.
records = st.sampled_from(sorted(RECORD_DATA)).flatmap(
    lambda kind: st.tuples(st.just(kind), DAYS, RECORD_DATA[kind])
)
workbooks = st.fixed_dictionaries(
    {
        "plans": st.lists(plans, max_size=2),
        "checkins": st.lists(checkins, max_size=8),
        "who5s": st.lists(who5s, max_size=3),
        "records": st.lists(records, max_size=3),
    }
)


def fill(store: Store, content: dict) -> None:
    """Save generated content through the store's own API, so it is what the workbook writes."""
    for plan in content["plans"]:
        store.save_plan(plan)
    for checkin in content["checkins"]:
        store.save_checkin(checkin)
    for who5 in content["who5s"]:
        store.save_who5(who5)
    for kind, day, data in content["records"]:
        store.save_record(kind, day, data)


PROPERTY = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(content=workbooks, fmt=st.sampled_from(["json", "csv"]))
def test_export_import_export_is_identical(content, fmt):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        with Store(tmp / "a", auto_backup=False) as a:
            fill(a, content)
            first = transfer.export(a, fmt)
            original = a.dump()
            original_checkins = a.checkins()
        (tmp / "export").write_bytes(first)
        with Store(tmp / "b", auto_backup=False) as b:
            transfer.import_into(b, tmp / "export")
            assert b.dump() == original
            assert transfer.export(b, fmt) == first
            assert b.checkins() == original_checkins  # the same days, read through the model


def test_an_imported_workbook_reads_back_the_same(demo_dir, tmp_path):
    """Not only the rows: the plan, every day's history and the records, through the model."""
    with Store(demo_dir) as s:
        s.save_checkin(Checkin(date=TODAY, mood=9, note="שלום 👋🏽 مرحبا — correction"))
        (tmp_path / "x.zip").write_bytes(transfer.export(s, "csv"))
        want = (s.plan(), s.plan_history(), s.checkins(), s.checkin_history(TODAY), s.who5s())
    with Store(tmp_path / "copy") as c:
        assert transfer.import_into(c, tmp_path / "x.zip") > 60
        got = (c.plan(), c.plan_history(), c.checkins(), c.checkin_history(TODAY), c.who5s())
    assert got == want
    assert len(want[3]) == 2  # the day and its correction


def test_cli_export_and_import_both_formats(run_cli, demo_dir, tmp_path):
    for fmt, suffix in (("json", "json"), ("csv", "zip")):
        out = tmp_path / f"export.{suffix}"
        r = run_cli("export", "--data-dir", demo_dir, "--format", fmt, "--output", out)
        assert r.code == 0, r.err
        assert "every revision included" in r.out
        fresh = tmp_path / f"fresh-{fmt}"
        r = run_cli("import", "--data-dir", fresh, out)
        assert r.code == 0, r.err
        again = tmp_path / f"again.{suffix}"
        assert run_cli("export", "--data-dir", fresh, "--format", fmt, "--output", again).code == 0
        assert again.read_bytes() == out.read_bytes()


def test_the_default_export_goes_into_the_private_data_folder(run_cli, demo_dir):
    r = run_cli("export", "--data-dir", demo_dir, f"--today={TODAY}")
    assert r.code == 0, r.err
    path = demo_dir / "exports" / f"workbook-{TODAY}.json"
    assert path.exists() and str(path) in r.out
    assert (path.stat().st_mode & 0o777) == 0o600
    assert (path.parent.stat().st_mode & 0o777) == 0o700
    assert json.loads(path.read_text())["format"] == transfer.FORMAT


# --- files we refuse -------------------------------------------------------------------------


@pytest.fixture
def exports(demo_dir, tmp_path):
    with Store(demo_dir) as s:
        j, c = transfer.export(s, "json"), transfer.export(s, "csv")
    return j, c


def _zip_with(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buffer.getvalue()


def _rezip(data: bytes, change) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        files = {n: z.read(n) for n in z.namelist()}
    change(files)
    return _zip_with(files)


def _json_edit(data: bytes, change) -> bytes:
    document = json.loads(data)
    change(document)
    return json.dumps(document).encode()


def _edit_csv(files):
    files["checkin_revisions.csv"] = files["checkin_revisions.csv"].replace(b",4,", b",9,", 1)


def _edit_manifest_version(files):
    m = json.loads(files["manifest.json"])
    m["files"]["checkin_revisions.csv"]["rows"] += 1
    files["manifest.json"] = json.dumps(m).encode()


REFUSED = {
    "not json at all": (lambda j, c: b"hello, I am a shopping list\n", "isn’t a workbook export"),
    "someone else's json": (
        lambda j, c: b'{"format": "other", "rows": []}',
        "isn’t a workbook export",
    ),
    "json cut short": (lambda j, c: j[: len(j) // 2], "damaged or incomplete"),
    "json with a changed mood": (
        lambda j, c: _json_edit(
            j, lambda d: d["tables"]["checkin_revisions"]["rows"][0].__setitem__(3, 9)
        ),
        "checksum",
    ),
    "json from a newer format": (
        lambda j, c: _json_edit(j, lambda d: d.__setitem__("version", 2)),
        "newer version",
    ),
    "json from a newer schema": (
        lambda j, c: _json_edit(j, lambda d: d.__setitem__("schema_version", 99)),
        "newer version",
    ),
    "zip without our manifest": (
        lambda j, c: _zip_with({"data.csv": b"a,b\n1,2\n"}),
        "isn’t a workbook export",
    ),
    "zip cut short": (lambda j, c: c[: len(c) // 2], "damaged or incomplete"),
    "zip with an edited csv": (lambda j, c: _rezip(c, _edit_csv), "doesn’t match its checksum"),
    "zip with an edited manifest": (
        lambda j, c: _rezip(c, _edit_manifest_version),
        "checksum doesn’t match",
    ),
}


@pytest.mark.parametrize("case", REFUSED)
def test_import_refuses_with_a_clear_message_and_writes_nothing(run_cli, exports, tmp_path, case):
    make, message = REFUSED[case]
    bad = tmp_path / "bad-file"
    bad.write_bytes(make(*exports))
    target = tmp_path / "target"
    r = run_cli("import", "--data-dir", target, bad)
    assert r.code == 2 and r.out == ""
    assert message in r.err and r.err.count("\n") == 1
    assert not target.exists()  # refused before a folder or file was made


def test_import_fills_only_an_empty_workbook(run_cli, exports, demo_dir, tmp_path):
    path = tmp_path / "export.json"
    path.write_bytes(exports[0])
    before = db_digest(demo_dir)
    r = run_cli("import", "--data-dir", demo_dir, path)
    assert r.code == 2 and "already holds a workbook" in r.err
    assert db_digest(demo_dir) == before


def test_import_reports_a_missing_file(tmp_path):
    with Store(tmp_path / "d") as s, pytest.raises(InputError, match="There’s no file at"):
        transfer.import_into(s, tmp_path / "nope.json")
