"""The whole programme, headless: 00 → 01 → thirty days of 02 → 03 → 04 → 05 → 06, then the numbers."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from tests.conftest import TODAY
from tests.test_notebooks import NOTEBOOK_DIR, run_notebook, shown_text
from workbook.store import Store

START = TODAY - timedelta(days=29)  # today is day 30
MISSED, SLIP, CORRECTED = 10, 15, 19
WINS = {4: "First pottery class", 12: "Told my sister everything", 21: "Ran 5 km", 30: "Day 30!"}


def day(n: int):
    return START + timedelta(days=n - 1)


def mood_on(n: int) -> int:
    return 3 if n == SLIP else 3 + n * 5 // 30


def goals_on(n: int) -> list[str]:
    return (["Exercise=30"] if n % 2 == 0 else []) + (["Pottery"] if n % 7 == 3 else [])


@pytest.mark.slow
def test_the_whole_programme_headless(tmp_path, run_cli):
    data = tmp_path / "data"
    runs = tmp_path / "runs"
    runs.mkdir()

    def run(notebook, today, **parameters):
        return run_notebook(
            notebook, runs, data_dir=str(data), today=today.isoformat(), **parameters
        )

    run(
        "00_start_here",
        START - timedelta(days=1),
        start_date=START.isoformat(),
        name="Sam",
        partner="Jordan",
        pronoun="she",
        why="To find myself",
        goals=["Exercise:3", "Pottery:1"],
        who5=[2, 2, 1, 2, 2],
    )
    run("01_the_break", START - timedelta(days=1), answer="agreed", dating_allowed=False)
    for n in range(1, 31):
        if n == MISSED:
            continue
        shown = run(
            "02_daily_checkin",
            day(n),
            mood=mood_on(n),
            energy=mood_on(n),
            sleep_hours=7.5,
            emotions="hopeful",
            urge=max(0, 8 - n // 4),
            goals=goals_on(n),
            win=WINS.get(n),
            slip="She texted; we talked for an hour" if n == SLIP else None,
            slip_by="them" if n == SLIP else None,
        )
        assert f"Day {n} of 30" in "\n".join(shown_text(shown))
        if n == CORRECTED + 1:  # the next evening, a correction of yesterday
            shown = run(
                "02_daily_checkin",
                day(n),
                date=day(CORRECTED).isoformat(),
                mood=9,
                energy=9,
                goals=goals_on(CORRECTED),
                emotions="proud",
            )
            assert "Corrected" in "\n".join(shown_text(shown))
    if (NOTEBOOK_DIR / "03_progress.ipynb").exists():
        run("03_progress", TODAY)
    run(
        "04_day30_reflection",
        TODAY,
        who5=[4, 4, 3, 4, 4],
        better_version="Calmer, stronger",
        accomplished="I kept at the gym and made my first mug",
        discovered="I like my own company",
        want_restart="yes",
        conviction=9,
        keep_growing="yes",
        felt_safe="yes",
        decision="I will ask Jordan, calmly",
    )
    reunion = "\n".join(shown_text(run("05_reunion", TODAY, outcome="no")))
    assert "Jordan" in reunion and "Ran 5 km" in reunion
    after = "\n".join(shown_text(run("06_keep_going", TODAY, new_goals=["Choir:1"])))
    assert after.index("What you keep") < after.index("better off for it")

    with Store(data) as store:
        plan = store.plan()
        assert (plan.partner, plan.pronoun, plan.start_date) == ("Jordan", "she", START)
        assert [g.name for g in plan.goals] == ["Exercise", "Pottery", "Choir"]
        assert plan.goals[-1].since == TODAY and len(store.plan_history()) == 2
        assert store.record("break").data["answer"] == "agreed"
        assert store.record("break").data["dating_allowed"] is False
        checkins = store.checkins()
        assert len(checkins) == 29 and day(MISSED) not in {c.date for c in checkins}
        assert [c.mood for c in store.checkin_history(day(CORRECTED))] == [mood_on(19), 9]
        assert [c.date for c in checkins if c.contact] == [day(SLIP)]
        assert store.checkin_on(day(SLIP)).slip_by == "them"
        assert store.record("reunion").data["outcome"] == "no"
        assert "Jordan" in store.record("reunion").data["script"]

    result = run_cli("report", "--format", "json", "--data-dir", data, "--today", TODAY)
    assert result.code == 0, result.err
    report = json.loads(result.out)
    moods = {n: mood_on(n) for n in range(1, 31) if n != MISSED} | {CORRECTED: 9}
    assert report["programme"]["start_date"] == START.isoformat()
    assert report["programme"]["day"] == 30 and report["programme"]["days"] == 30
    assert report["checkins"] == 29
    assert report["mood"]["mean"] == round(sum(moods.values()) / 29, 2)
    assert report["streaks"] == {
        "checkin_current": 20,  # days 11–30
        "checkin_best": 20,
        "no_contact_current": 15,  # days 16–30
        "no_contact_best": 15,
    }
    goals = {g["name"]: g for g in report["goals"]}
    assert (goals["Exercise"]["days_done"], goals["Exercise"]["minutes"]) == (14, 420)
    assert (goals["Pottery"]["days_done"], goals["Pottery"]["minutes"]) == (3, 0)
    assert goals["Choir"]["days_done"] == 0 and goals["Choir"]["target_per_week"] == 1
    assert 0 < goals["Pottery"]["strength"] < goals["Exercise"]["strength"] < 100
    assert [(w["date"], w["raw"], w["percent"]) for w in report["who5"]] == [
        ((START - timedelta(days=1)).isoformat(), 9, 36),
        (TODAY.isoformat(), 19, 76),
    ]
    decision = report["decision"]
    assert decision["want_restart"] is True and decision["conviction"] == 9
    assert decision["keep_growing"] is True and decision["felt_safe"] is True
    assert decision["gate_open"] is True and decision["decision"] == "I will ask Jordan, calmly"
    assert decision["accomplished"].startswith("I kept at the gym")
    assert report["reunion"]["outcome"] == "no"
    assert [a["win"] for a in report["accomplishments"]] == list(WINS.values())
