"""The `workbook` command line: the happy path, the summary's keys, and every bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TODAY, db_digest
from workbook.store import Store

T = f"--today={TODAY}"


@pytest.fixture
def planned(run_cli, data_dir):
    result = run_cli(
        "plan", "--data-dir", data_dir, "--start", "2026-11-20", "--partner", "Alex",
        "--pronoun", "she", "--why", "To grow", "--goal", "Gym:3", "--goal", "Pottery class:1",
    )  # fmt: skip
    assert result.code == 0, result.err
    return data_dir


def test_plan_checkin_who5_and_summary(run_cli, planned):
    d = planned
    assert run_cli("who5", "--data-dir", d, T, "--date", "2026-11-19", 2, 2, 2, 1, 1).code == 0
    r = run_cli(
        "checkin", "--data-dir", d, T, "--date", "2026-11-20", "--mood", "4", "--energy", "5",
        "--sleep", "6.5", "--emotion", "sad", "--emotion", "hopeful", "--urge", "8",
        "--trigger", "photos", "--goal", "gym=45", "--win", "First gym session",
    )  # fmt: skip
    assert r.code == 0, r.err
    assert "day 1 of 30" in r.out
    r = run_cli("checkin", "--data-dir", d, T, "--date", "2026-11-22", "--mood", "6",
                "--slip", "She texted; I replied", "--slip-by", "them", "--goal", "Pottery class")  # fmt: skip
    assert r.code == 0, r.err
    r = run_cli("checkin", "--data-dir", d, T, "--mood", "7", "--goal", "Gym=30")
    assert r.code == 0 and "day 6 of 30" in r.out
    r = run_cli("checkin", "--data-dir", d, T, "--mood", "8", "--goal", "Gym=40", "--win", "PB!")
    assert r.code == 0 and "Corrected" in r.out

    r = run_cli("report", "--format", "json", "--data-dir", d, T)
    assert r.code == 0, r.err
    summary = json.loads(r.out)
    assert summary["programme"]["start_date"] == "2026-11-20"
    assert summary["programme"]["days"] == 30
    assert summary["programme"]["day"] == 6
    assert summary["checkins"] == 3
    assert summary["mood"]["mean"] == pytest.approx((4 + 6 + 8) / 3, abs=0.01)
    assert summary["streaks"] == {
        "checkin_current": 1,
        "checkin_best": 1,
        "no_contact_current": 3,  # days 4, 5, 6 after the slip on day 3
        "no_contact_best": 3,
    }
    gym, pottery = summary["goals"]
    assert (gym["name"], gym["target_per_week"], gym["days_done"], gym["minutes"]) == (
        "Gym",
        3,
        2,
        85,
    )
    assert (pottery["days_done"], pottery["minutes"]) == (1, 0)
    assert 0 < gym["strength"] < 100
    assert summary["who5"] == [
        {
            "date": "2026-11-19", "day": 0, "answers": [2, 2, 2, 1, 1], "raw": 8, "percent": 32,
            "suggest_professional": True, "suggest_strongly": False,
        }
    ]  # fmt: skip
    assert summary["decision"] is None
    assert [a["win"] for a in summary["accomplishments"]] == ["First gym session", "PB!"]


def test_summary_has_every_promised_key(run_cli, demo_dir):
    summary = json.loads(run_cli("report", "--format", "json", "--data-dir", demo_dir, T).out)
    for dotted in [
        "programme.start_date", "programme.days", "programme.day", "checkins", "mood.mean",
        "streaks.checkin_current", "streaks.checkin_best", "streaks.no_contact_current",
        "streaks.no_contact_best", "decision", "accomplishments",
    ]:  # fmt: skip
        node = summary
        for part in dotted.split("."):
            assert part in node, dotted
            node = node[part]
    for goal in summary["goals"]:
        assert set(goal) >= {"name", "target_per_week", "days_done", "minutes", "strength"}
        assert 0 <= goal["strength"] <= 100
    for w in summary["who5"]:
        assert set(w) >= {"date", "raw", "percent"}


def test_demo_is_believable_and_deterministic(run_cli, demo_dir, tmp_path):
    summary = json.loads(run_cli("report", "--format", "json", "--data-dir", demo_dir, T).out)
    assert summary["programme"]["day"] == 30
    assert summary["checkins"] == 29  # one missed day
    assert len(summary["slips"]) == 1
    assert [w["day"] for w in summary["who5"]] == [0, 14, 30]
    assert summary["who5"][0]["percent"] < summary["who5"][-1]["percent"]
    assert summary["mood"]["trend_per_week"] > 0
    assert len(summary["accomplishments"]) >= 8
    with Store(demo_dir) as s:
        corrected = [c.date for c in s.checkins() if len(s.checkin_history(c.date)) > 1]
    assert len(corrected) == 1
    again = tmp_path / "again"
    assert run_cli("demo", "--data-dir", again, T).code == 0
    assert (
        run_cli("report", "--format", "json", "--data-dir", again, T).out
        == json.dumps(summary, indent=2, ensure_ascii=False) + "\n"
    )


def test_demo_refuses_a_workbook_that_has_data(run_cli, demo_dir):
    before = db_digest(demo_dir)
    r = run_cli("demo", "--data-dir", demo_dir, T)
    assert r.code == 2 and "already holds a workbook" in r.err
    assert db_digest(demo_dir) == before


BAD_CHECKINS = [
    (["--mood", "11"], "Mood goes from 1 to 10; 11 is outside that."),
    (["--mood", "0"], "Mood goes from 1 to 10"),
    (["--mood", "seven"], "Mood should be a whole number from 1 to 10; “seven”"),
    (["--mood", "6.5"], "Mood should be a whole number"),
    (["--mood", "5", "--date", "2026-02-30"], "2026-02-30 isn’t a day on the calendar"),
    (["--mood", "5", "--date", "25/11/2026"], "should be a date like"),
    (["--mood", "5", "--date", "2026-11-26"], "hasn’t happened yet"),
    (["--mood", "5", "--date", "2026-11-01"], "before your plan starts"),
    (
        ["--mood", "5", "--goal", "Knitting"],
        "“Knitting” isn’t one of your goals (Gym, Pottery class)",
    ),
    (["--mood", "5", "--goal", "Gym=lots"], "Minutes for “Gym”"),
    (["--mood", "5", "--energy", "12"], "Energy goes from 1 to 10"),
    (["--mood", "5", "--sleep", "25"], "Hours slept goes from 0 to 24"),
    (["--mood", "5", "--sleep", "nan"], "Hours slept should be a number"),
    (["--mood", "5", "--urge", "-1"], "Urge to make contact goes from 0 to 10"),
    (["--mood", "5", "--slip", "x", "--slip-by", "mum"], "Who reached out should be one of"),
    (["--mood", "5", "--note", "a\x00b"], "NUL"),
    (["--mood", "5", "--win", "x" * 10_001], "very long"),
    (["--mood", "5", "--bogus"], "unrecognized arguments"),
]


@pytest.mark.parametrize(("args", "message"), BAD_CHECKINS)
def test_bad_checkin_exits_2_with_one_kind_line_and_writes_nothing(run_cli, planned, args, message):
    before = db_digest(planned)
    r = run_cli("checkin", "--data-dir", planned, T, *args)
    assert r.code == 2
    assert message in r.err
    assert r.err.count("\n") == 1 and r.out == ""
    assert db_digest(planned) == before


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ([6, 1, 1, 1, 1], "Each WHO-5 answer is a whole number from 0 to 5; “6”"),
        ([1, 1, 1, -1, 1], "“-1”"),
        ([9, 9, 9, 9, 9], "“9”"),
        ([1, 1, 1, 1], "WHO-5 has five answers, each 0 to 5; you gave 4."),
        ([1, 1, 1, 1, 1, 1], "you gave 6"),
        (["a", 1, 1, 1, 1], "“a”"),
    ],
)
def test_bad_who5_exits_2_and_writes_nothing(run_cli, planned, answers, message):
    before = db_digest(planned)
    r = run_cli("who5", "--data-dir", planned, T, "--", *answers)
    assert r.code == 2 and message in r.err and r.err.count("\n") == 1
    assert db_digest(planned) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--start", "2026-13-01"], "isn’t a day on the calendar"),
        (["--start", "soon"], "should be a date like"),
        (["--start", "2026-11-01", "--days", "0"], "programme length"),
        (["--start", "2026-11-01", "--goal", "Gym"], "NAME:TIMES_PER_WEEK"),
        (["--start", "2026-11-01", "--goal", "Gym:8"], "goes from 1 to 7"),
        (["--start", "2026-11-01", "--goal", "Gym:2", "--goal", "gym:3"], "listed twice"),
    ],
)
def test_bad_plan_exits_2_and_writes_nothing(run_cli, planned, args, message):
    before = db_digest(planned)
    r = run_cli("plan", "--data-dir", planned, *args)
    assert r.code == 2 and message in r.err and r.err.count("\n") == 1
    assert db_digest(planned) == before


def test_checkin_before_any_plan_exits_2_and_creates_nothing(run_cli, tmp_path):
    fresh = tmp_path / "fresh"
    r = run_cli("checkin", "--data-dir", fresh, T, "--mood", "5")
    assert r.code == 2 and "There’s no plan yet" in r.err
    assert not fresh.exists()


def test_checkin_before_any_plan_in_an_existing_workbook(run_cli, tmp_path):
    d = tmp_path / "who5-only"
    assert run_cli("who5", "--data-dir", d, T, 3, 3, 3, 3, 3).code == 0
    before = db_digest(d)
    r = run_cli("checkin", "--data-dir", d, T, "--mood", "5")
    assert r.code == 2 and "There’s no plan yet" in r.err
    assert db_digest(d) == before


def test_console_script_uses_the_environment_data_dir(tmp_path):
    """The installed `workbook` command, as a whole process, with WORKBOOK_DATA_DIR."""
    exe = Path(sys.executable).with_name("workbook")
    env = {**os.environ, "WORKBOOK_DATA_DIR": str(tmp_path / "env-data")}
    done = subprocess.run(
        [exe, "plan", "--start", "2026-11-01", "--goal", "Gym:3"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "env-data" / "workbook.sqlite").exists()
    bad = subprocess.run([exe, "checkin", "--mood", "11"], env=env, capture_output=True, text=True)
    assert bad.returncode == 2
    assert bad.stderr.strip() == "workbook: Mood goes from 1 to 10; 11 is outside that."


def test_the_command_line_checkin_says_what_the_daily_page_says(run_cli, planned, tmp_path):
    """`workbook checkin` calls the page's own controller: the same save, the same sentence."""
    from workbook.pages.checkin_controller import CheckinController

    r = run_cli("checkin", "--data-dir", planned, T, "--mood", "7", "--goal", "Gym=30")
    assert r.code == 0, r.err
    twin = tmp_path / "twin"
    assert run_cli("plan", "--data-dir", twin, "--start", "2026-11-20", "--goal", "Gym:3").code == 0
    with Store(twin) as store:
        said = CheckinController(store, TODAY).on_save({"mood": "7", "goals": ["Gym=30"]})
    assert said.ok and r.out.strip() == said.message


def test_goal_add_target_pause_retire_and_resume(run_cli, planned):
    d = planned
    r = run_cli("goal", "pause", "gym", "--data-dir", d, T)
    assert r.code == 0 and "“Gym” is paused from" in r.out, r.err
    assert run_cli("goal", "resume", "Gym", "--data-dir", d, T).code == 0
    r = run_cli("goal", "target", "Gym", "5", "--data-dir", d, T)
    assert r.code == 0 and "5 times a week" in r.out
    assert run_cli("goal", "retire", "Pottery class", "--data-dir", d, T).code == 0
    assert run_cli("goal", "add", "Choir", "1", "--data-dir", d, T).code == 0
    goals = {g["name"]: g for g in json.loads(run_cli("report", "--format", "json",
                                                        "--data-dir", d, T).out)["goals"]}  # fmt: skip
    assert goals["Gym"]["target_per_week"] == 5 and goals["Gym"]["state"] == "active"
    assert goals["Pottery class"]["state"] == "retired" and goals["Choir"]["target_per_week"] == 1


@pytest.mark.parametrize(
    "args, words",
    [
        (["retire", "Gym"], None),  # the second retire is the bad one
        (["pause", "Running"], "isn’t one of your goals"),
        (["target", "Gym", "8"], "from 1 to 7"),
        (["target", "Gym"], "from 1 to 7"),
        (["add", "Gym", "3"], "listed twice"),
        (["sleep", "Gym"], "invalid choice"),
    ],
)
def test_goal_bad_input_exits_2_and_writes_nothing(run_cli, planned, args, words):
    d = planned
    if words is None:
        assert run_cli("goal", *args, "--data-dir", d, T).code == 0
        words = "already retired"
    before = db_digest(d)
    r = run_cli("goal", *args, "--data-dir", d, T)
    assert r.code == 2 and words in r.err and r.err.count("\n") == 1, r.err
    assert db_digest(d) == before
