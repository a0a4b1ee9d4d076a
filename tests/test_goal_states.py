"""Goals that follow a life: own goals set on the start page, one paused and one retired on keep
going (through the pages' real code and a real store), and the numbers, charts' frames, JSON
summary and an export counting each goal only on its active days (core.goal_states's rule)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.conftest import db_digest
from workbook.core import goal_states, rules
from workbook.core.model import Checkin, Goal, GoalState
from workbook.numbers import build
from workbook.numbers.day_frames import weekly_targets
from workbook.numbers.summary import summary_json
from workbook.pages.keep_going import KeepGoingController, KeepGoingView
from workbook.pages.start import StartController, StartView
from workbook.store import Store, transfer

START = date(2026, 11, 1)
PAUSED = date(2026, 11, 10)  # Gym paused from this day
RETIRED = date(2026, 11, 15)  # Pottery retired from this day
TODAY = date(2026, 11, 25)


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


@pytest.fixture
def lived(store):
    """Two own goals from the start page, every day ticked, then Gym paused and Pottery retired
    by the keep-going page's buttons."""
    view = StartView(StartController(store, START))
    view.fields["start"].widget.value = START
    view.goal_rows["Exercise"][0].value = True
    view.custom_name.value, view.custom_times.value = "Gym", 3
    view.goals.more.click()  # another goal of my own
    name, times = view.goals.own[1]
    name.value, times.value = "Pottery", 2
    view.save.click()
    assert [g.name for g in store.plan().goals] == ["Exercise", "Gym", "Pottery"], view.result.value
    store.save_checkins(
        [Checkin(d, 6, goals=(("Gym", 30), ("Pottery", None))) for d in _days(START, TODAY)]
    )
    for day, goal, verb in ((PAUSED, "Gym", "pause"), (RETIRED, "Pottery", "retire")):
        page = KeepGoingView(KeepGoingController(store, day))
        page.which.value = goal
        page.buttons[verb].click()
        assert "workbook-success" in page.result.value, page.result.value
        assert f"{goal} ({'paused' if verb == 'pause' else 'retired'})" in page.summary.value
    return store


def test_paused_and_retired_goals_count_only_their_active_days(lived):
    numbers = build(lived.snapshot(), TODAY)
    gym, pottery, exercise = (numbers.goal(n) for n in ("Gym", "Pottery", "Exercise"))
    assert (gym.state, pottery.state, exercise.state) == ("paused", "retired", "active")
    gym_days, pottery_days = (
        _days(START, PAUSED - timedelta(1)),
        _days(START, RETIRED - timedelta(1)),
    )
    assert (gym.days_done, pottery.days_done) == (len(gym_days), len(pottery_days))
    assert gym.minutes == 30 * len(gym_days)
    # Strength is DESIGN.md's rule up to the last active day, then held, not decayed.
    held = rules.goal_strength(gym_days, 3, START, PAUSED - timedelta(1))
    assert gym.strength == round(held * 100, 1) and gym.strength_series[-1] == held
    assert pottery.strength == round(
        rules.goal_strength(pottery_days, 2, START, pottery_days[-1]) * 100, 1
    )
    assert exercise.strength_series == tuple(rules.goal_strength_series([], 3, START, TODAY))

    summary = {g["name"]: g for g in summary_json(numbers)["goals"]}
    assert summary["Gym"]["days_done"] == 9 and summary["Gym"]["state"] == "paused"
    assert summary["Gym"]["strength"] == gym.strength
    assert summary["Pottery"]["changes"] == [
        {"date": "2026-11-15", "state": "retired", "target_per_week": 2}
    ]

    frames = numbers.frames
    gym_done = dict(zip(frames.dates, frames.done["Gym"], strict=True))
    assert gym_done[PAUSED] is None
    assert gym_done[PAUSED - timedelta(1)] is True
    weeks = {(w.goal, w.week): w for w in weekly_targets(frames)}
    assert weeks["Gym", 2].target == 1  # active 2 of its 7 days: 3 × 2/7, rounded up
    assert weeks["Gym", 2].status == "met"
    assert weeks["Gym", 3].status == "" and weeks["Pottery", 3].status == ""
    assert weeks["Pottery", 2].status == "met"


def test_a_goal_comes_back_with_a_new_target_and_its_history_travels_in_an_export(lived, tmp_path):
    page = KeepGoingController(lived, date(2026, 11, 20))
    assert page.on_change_goal("gym", "resume").ok
    assert page.on_change_goal("Gym", "target", 5).ok
    gym = lived.plan().goal_named("Gym")
    assert [(s.state, s.target_per_week) for s in gym.states] == [
        ("paused", 3),
        ("active", 3),
        ("active", 5),
    ]
    numbers = build(lived.snapshot(), TODAY)
    assert numbers.goal("Gym").days_done == 9 + 6  # Nov 1–9 and Nov 20–25
    assert numbers.goal("Gym").target_per_week == 5
    (tmp_path / "x.json").write_bytes(transfer.export_json(lived))
    with Store(tmp_path / "copy") as copy:
        transfer.import_into(copy, tmp_path / "x.json")
        again = build(copy.snapshot(), TODAY)
        assert summary_json(again)["goals"] == summary_json(numbers)["goals"]


BAD_CHANGES = [
    ("Pottery", "retire", None, "already retired"),
    ("Gym", "pause", None, "already paused"),
    ("Running", "pause", None, "isn’t one of your goals"),
    ("Exercise", "target", 9, "from 1 to 7"),
    ("Exercise", "target", "lots", "from 1 to 7"),
    ("Pottery", "target", 4, "Bring it back first"),
    ("", "retire", None, "Choose a goal"),
]


def test_bad_changes_are_said_kindly_and_change_nothing(lived, data_dir):
    before = db_digest(data_dir)
    for name, verb, target, words in BAD_CHANGES:
        outcome = KeepGoingController(lived, TODAY).on_change_goal(name, verb, target)
        assert not outcome.ok and words in outcome.message, (name, verb, outcome.message)
    assert db_digest(data_dir) == before


def test_a_change_cannot_go_back_before_the_last_one():
    goal = Goal("Gym", 3, states=(GoalState(PAUSED, "paused", 3),))
    with pytest.raises(Exception, match="last changed on"):
        goal_states.change(goal, "resume", PAUSED - timedelta(days=1))


def test_a_goal_never_changed_is_designs_rule_exactly():
    done = [START + timedelta(days=i) for i in range(0, 40, 3)]
    for target in (1, 3, 7):
        goal = Goal("Reading", target)
        assert goal_states.strength_series(goal, done, START, TODAY) == (
            rules.goal_strength_series(done, target, START, TODAY)
        )
        # The same through the walk used once a goal has changes (a change that changes nothing).
        walked = Goal("Reading", target, states=(GoalState(START, "active", target),))
        assert goal_states.strength_series(walked, done, START, TODAY) == pytest.approx(
            rules.goal_strength_series(done, target, START, TODAY)
        )


def test_the_start_page_changes_a_changed_goals_target_from_today(lived):
    view = StartView(StartController(lived, TODAY))
    name, times = view.goal_rows["Gym"]
    assert name.value and times.value == 3
    times.value = 4
    view.save.click()
    assert "plan is saved" in view.result.value
    gym = lived.plan().goal_named("Gym")
    assert gym.target_per_week == 3 and gym.states[-1] == GoalState(TODAY, "paused", 4)
    view = StartView(StartController(lived, TODAY))
    view.goal_rows["Pottery"][1].value = 1  # retired: bring it back first
    view.save.click()
    assert "Bring it back first" in view.result.value


def test_a_goal_added_on_the_start_page_after_the_start_counts_from_that_day(lived):
    view = StartView(StartController(lived, TODAY))
    view.goals.more.click()
    name, times = view.goals.own[-1]
    name.value, times.value = "Choir", 7
    view.save.click()
    assert "plan is saved" in view.result.value, view.result.value
    plan = lived.plan()
    assert plan.goal_named("Choir").since == TODAY
    assert plan.goal_named("Gym").since is None  # kept goals keep the day they began to count
    choir = build(lived.snapshot(), TODAY).goal("Choir")
    assert choir.days_done == 0 and choir.strength == 0
