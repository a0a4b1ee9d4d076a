"""`workbook remind`: the file in the data folder, bad input refused with nothing written, and the
file imported into a real calendar program (Debian's khal)."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date, time, timedelta

import pytest
from icalendar import Calendar

from tests.conftest import db_digest
from workbook.views.calendar_file import DEFAULT_NAME

START = date(2026, 10, 15)  # Berlin leaves summer time on day 11


@pytest.fixture
def planned(run_cli, data_dir, monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")
    r = run_cli("plan", "--data-dir", data_dir, "--start", START, "--partner", "Alexandrine")
    assert r.code == 0, r.err
    return data_dir


def test_remind_writes_a_private_file_in_the_data_folder(run_cli, planned):
    r = run_cli("remind", "--data-dir", planned)
    assert r.code == 0, r.err
    path = planned / DEFAULT_NAME
    assert str(path.resolve()) in r.out and "20:00" in r.out and "30 days" in r.out
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    calendar = Calendar.from_ical(path.read_bytes())
    starts = [e.decoded("dtstart") for e in calendar.walk("VEVENT")]
    assert len(starts) == 36 and {s.time() for s in starts} == {time(20, 0)}
    assert {str(e["dtstart"].params["TZID"]) for e in calendar.walk("VEVENT")} == {"Europe/Berlin"}


def test_remind_at_another_time_into_a_folder_and_forced_over_its_own_file(
    run_cli, planned, tmp_path
):
    out = tmp_path / "calendar"
    out.mkdir()
    assert run_cli("remind", "--data-dir", planned, "--time", "7:30", "--output", out).code == 0
    again = run_cli("remind", "--data-dir", planned, "--time", "21:15", "--output", out, "--force")
    assert again.code == 0, again.err
    calendar = Calendar.from_ical((out / DEFAULT_NAME).read_bytes())
    assert {e.decoded("dtstart").time() for e in calendar.walk("VEVENT")} == {time(21, 15)}
    assert sorted(p.name for p in out.iterdir()) == [DEFAULT_NAME]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--time", "25:00"], "24-hour clock"),
        (["--time", "8pm"], "“8pm” isn’t one"),
        (["--output", "{existing}"], "already exists"),
        (["--output", "{link}"], "is a link"),
        (["--output", "{missing}/x.ics"], "doesn’t exist"),
    ],
)
def test_bad_input_is_one_kind_line_exit_2_and_nothing_written(
    run_cli, planned, tmp_path, args, words
):
    existing = tmp_path / "existing.ics"
    existing.write_text("mine")
    (tmp_path / "precious").write_text("precious")
    (tmp_path / "link.ics").symlink_to(tmp_path / "precious")
    names = {"existing": existing, "link": tmp_path / "link.ics", "missing": tmp_path / "no"}
    before = sorted(os.listdir(tmp_path)), sorted(os.listdir(planned)), db_digest(planned)
    r = run_cli("remind", "--data-dir", planned, *[a.format(**names) for a in args])
    assert r.code == 2 and r.out == ""
    assert r.err.count("\n") == 1 and words in r.err and "Traceback" not in r.err
    assert (sorted(os.listdir(tmp_path)), sorted(os.listdir(planned)), db_digest(planned)) == before
    assert existing.read_text() == "mine" and (tmp_path / "precious").read_text() == "precious"


def test_no_plan_yet_is_refused_and_no_folder_is_made(run_cli, tmp_path):
    r = run_cli("remind", "--data-dir", tmp_path / "new")
    assert r.code == 2 and "no plan yet" in r.err and r.err.count("\n") == 1
    assert not (tmp_path / "new").exists()


def test_the_default_file_is_not_replaced_without_force(run_cli, planned):
    assert run_cli("remind", "--data-dir", planned).code == 0
    first = (planned / DEFAULT_NAME).read_bytes()
    r = run_cli("remind", "--data-dir", planned, "--time", "06:00")
    assert r.code == 2 and "--force" in r.err
    assert (planned / DEFAULT_NAME).read_bytes() == first


# --- a real calendar program ------------------------------------------------------------------

KHAL_CONFIG = """\
[calendars]
[[workbook]]
path = {calendar}
type = calendar
[sqlite]
path = {cache}
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = {zone}
default_timezone = {zone}
[default]
default_calendar = workbook
"""


def khal(home, *args) -> str:
    env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home), XDG_DATA_HOME=str(home))
    done = subprocess.run(
        ["khal", "-c", str(home / "config"), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.slow
def test_khal_imports_the_file_lists_day_14_and_updates_rather_than_doubles(
    run_cli, planned, tmp_path
):
    if shutil.which("khal") is None:
        pytest.fail("khal is missing: run `bash scripts/ensure-browser.sh` (make test does)")
    home = tmp_path / "khal"
    (home / "calendar").mkdir(parents=True)
    # The person reads their calendar in New York: Berlin's 20:00 is 14:00 there, except in the
    # week between Europe's and America's change of clocks (2026-10-25 to 11-01), when it is 15:00.
    (home / "config").write_text(
        KHAL_CONFIG.format(
            calendar=home / "calendar", cache=home / "khal.db", zone="America/New_York"
        )
    )
    assert run_cli("remind", "--data-dir", planned).code == 0
    khal(home, "import", "--batch", planned / DEFAULT_NAME)
    day14 = khal(home, "list", START + timedelta(days=13), "1d")
    assert "2026-10-28" in day14
    assert "15:00-15:10 Your daily check-in" in day14  # Berlin on winter time, New York not yet
    assert "Your weekly look back" in day14 and "Your wellbeing check (WHO-5)" in day14
    assert "Alexandrine" not in day14
    day10 = khal(home, "list", "--format", "{start-time} {title}", START + timedelta(days=9), "1d")
    assert "14:00 Your daily check-in" in day10  # 2026-10-24: both on summer time
    day20 = khal(home, "list", "--format", "{start-time} {title}", START + timedelta(days=19), "1d")
    assert "14:00 Your daily check-in" in day20  # 2026-11-03: both on winter time
    assert len(list((home / "calendar").iterdir())) == 36

    # The plan changes (a day later, a day longer); imported again, the events move, not double.
    assert run_cli("plan", "--data-dir", planned, "--start", "2026-10-16", "--days", "31").code == 0
    assert run_cli("remind", "--data-dir", planned, "--force").code == 0
    khal(home, "import", "--batch", planned / DEFAULT_NAME)
    assert len(list((home / "calendar").iterdir())) == 37
    assert "Your daily check-in" not in khal(home, "list", START, "1d")


def test_remind_loads_no_widget_or_heavy_library(tmp_path):
    from tests.test_import_path import HEAVY, loaded_after

    code = (
        "from workbook.cli import main\n"
        f"d = {str(tmp_path)!r}\n"
        "assert main(['plan', '--data-dir', d, '--start', '2026-11-01']) == 0\n"
        "assert main(['remind', '--data-dir', d]) == 0"
    )
    loaded = loaded_after(code)
    assert "icalendar" in loaded  # the probe did run the command
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_a_data_folder_that_is_a_link_still_gets_its_file(run_cli, planned, tmp_path):
    link = tmp_path / "workbook-link"
    link.symlink_to(planned)
    r = run_cli("remind", "--data-dir", link)
    assert r.code == 0, r.err
    assert (planned / DEFAULT_NAME).is_file() and link.is_symlink()
