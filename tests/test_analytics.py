"""The numbers behind the progress charts, worked out by hand on a small workbook with gaps, a
corrected day and slips; and property tests on random workbooks."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook import analytics, rules, summary
from workbook.model import Checkin, Goal, Plan, Who5
from workbook.store import Snapshot, Store

START = date(2026, 11, 1)
TODAY = date(2026, 11, 10)  # day 10


def day(n: int) -> date:
    return START + timedelta(days=n - 1)


def save_hand_workbook(data_dir) -> Snapshot:
    """Ten days: gaps on days 4 and 7, day 5 corrected from mood 1 to 6, slips on days 3 and 9."""
    with Store(data_dir) as store:
        store.save_plan(Plan(start_date=START, goals=(Goal("Gym", 2), Goal("Walk", 7))))
        checkins = [
            Checkin(day(1), 4, urge=8, trigger="Old photos", goals=(("Gym", 30), ("Walk", 20))),
            Checkin(day(2), 3, urge=7, trigger="old photos ", goals=(("Walk", None),)),
            Checkin(day(3), 3, urge=9, trigger="Sunday evening", slip="They called; we argued"),
            Checkin(day(5), 1, goals=(("Walk", None),), note="saved in a rush"),
            Checkin(day(5), 6, goals=(("Gym", 45), ("Walk", None))),  # the correction
            Checkin(day(6), 5, urge=4, goals=(("Walk", None),)),
            Checkin(day(8), 7, urge=3, goals=(("Gym", 60),), win="Ran 5 km"),
            Checkin(day(9), 8, slip="<b>texted</b> back", goals=(("Gym", None), ("Walk", None))),
            Checkin(day(10), 6, urge=2, goals=(("Walk", None),)),
        ]
        for checkin in checkins:
            store.save_checkin(checkin)
        store.save_who5(Who5(day(0), (2, 2, 2, 2, 2)))
        store.save_who5(Who5(day(10), (3, 3, 3, 3, 3)))
        return store.snapshot()


@pytest.fixture
def hand(tmp_path) -> Snapshot:
    return save_hand_workbook(tmp_path / "hand")


@pytest.fixture
def progress(hand) -> analytics.Progress:
    return analytics.build_progress(hand, TODAY)


def test_day_frame_has_every_calendar_day_with_gaps_left_empty(progress):
    days = progress.days
    assert list(days.index.date) == [day(n) for n in range(1, 11)]
    assert list(days["day"]) == list(range(1, 11))
    assert list(days["checked_in"]) == [
        True,
        True,
        True,
        False,
        True,
        True,
        False,
        True,
        True,
        True,
    ]
    assert math.isnan(days.loc["2026-11-04", "mood"])
    assert days.loc["2026-11-05", "mood"] == 6  # the correction, not the first save


def test_rolling_mean_uses_the_last_seven_calendar_days_and_leaves_gaps(progress):
    expected = [4, 3.5, 10 / 3, None, 4.0, 4.2, None, 4.8, 5.8, 6.4]
    got = progress.days["mood_avg7"].tolist()
    for want, value in zip(expected, got, strict=True):
        if want is None:
            assert math.isnan(value)
        else:
            assert value == pytest.approx(want)


def test_trend_needs_seven_check_in_days_and_agrees_with_the_report(progress, hand):
    trend = analytics.mood_trend(progress.days)
    slope_per_week = (trend["trend"].iloc[1] - trend["trend"].iloc[0]) * 7
    assert slope_per_week == pytest.approx(
        summary.mood_trend_per_week(list(hand.checkins)), abs=0.01
    )
    six = analytics.build_progress(hand, day(8))  # 6 check-ins by day 8
    assert analytics.mood_trend(six.days).empty


def test_goal_frames_done_minutes_and_strength(progress, hand):
    done = progress.done
    assert done["Gym"].tolist() == [
        True,
        False,
        False,
        False,
        True,
        False,
        False,
        True,
        True,
        False,
    ]
    assert done["Walk"].tolist() == [True, True, False, False, True, True, False, False, True, True]
    totals = analytics.minutes_per_goal(progress).set_index("goal")
    assert totals.loc["Gym", "minutes"] == 135 and totals.loc["Gym", "days_done"] == 4
    assert totals.loc["Walk", "minutes"] == 20 and totals.loc["Walk", "days_done"] == 6
    # Strength agrees with the report, and with Loop's formula worked step by step.
    report = {g["name"]: g["strength"] for g in summary.build_summary(hand, TODAY)["goals"]}
    assert analytics.strength_today(progress) == report
    m = 0.5 ** (1 / 13)
    score = 0.0
    for flag in [1, 1, 0, 0, 1, 1, 0, 0, 1, 1]:
        score = score * m + flag * (1 - m)
    assert progress.strength["Walk"].iloc[-1] == pytest.approx(score * 100)


def test_weekly_targets_met_missed_and_so_far(progress):
    weeks = analytics.weekly_targets(progress).set_index(["goal", "week"])
    assert weeks.loc[("Gym", 1), "done"] == 2 and weeks.loc[("Gym", 1), "status"] == "met"
    assert weeks.loc[("Gym", 2), "done"] == 2 and weeks.loc[("Gym", 2), "status"] == "met"
    assert weeks.loc[("Walk", 1), "done"] == 4 and weeks.loc[("Walk", 1), "status"] == "missed"
    assert weeks.loc[("Walk", 2), "done"] == 2 and weeks.loc[("Walk", 2), "status"] == "so far"


def test_streaks_agree_with_the_report(progress, hand):
    s = analytics.streaks(progress)
    assert s == {
        "checkin_current": 3,
        "checkin_best": 3,
        "no_contact_current": 1,
        "no_contact_best": 5,
    }
    report = summary.build_summary(hand, TODAY)["streaks"]
    assert s == report


def test_triggers_count_the_same_words_together(progress):
    counts = analytics.trigger_counts(progress.days)
    assert counts.to_dict("records") == [
        {"trigger": "Old photos", "count": 2},
        {"trigger": "Sunday evening", "count": 1},
    ]


def test_slips_and_wins_in_order(progress):
    assert [(s["day"], s["what"]) for s in analytics.slip_rows(progress)] == [
        (3, "They called; we argued"),
        (9, "<b>texted</b> back"),
    ]
    assert analytics.accomplishments(progress) == [{"date": day(8), "day": 8, "win": "Ran 5 km"}]


def test_who5_frame_and_change(progress):
    assert progress.who5[["day", "percent"]].values.tolist() == [[0, 40], [10, 60]]
    assert analytics.who5_change(progress) == {
        "points": 20,
        "real_change": True,
        "first_day": 0,
        "last_day": 10,
    }


def test_low_mood_follows_the_latest_corrected_days(tmp_path, hand):
    assert not analytics.low_mood(analytics.build_progress(hand, TODAY))
    with Store(tmp_path / "hand") as store:
        for n in (8, 9, 10):  # the three latest check-ins, corrected lower
            store.save_checkin(Checkin(day(n), 2))
        lower = store.snapshot()
        assert analytics.low_mood(analytics.build_progress(lower, TODAY))
        store.save_checkin(Checkin(day(10), 6))  # the mood lifts: the prompt steps back
        lifted = store.snapshot()
    assert not analytics.low_mood(analytics.build_progress(lifted, TODAY))


def test_mood_lift_worked_by_hand(hand):
    rows = {r["goal"]: r for r in analytics.mood_lift_rows(hand, TODAY)}
    gym = rows["Gym"]
    # With Gym: 4, 6, 7, 8 (mean 6.25); without: 3, 3, 5, 6 (mean 4.25).
    assert (gym["days_done"], gym["days_not"], gym["enough_data"]) == (4, 4, True)
    assert gym["difference"] == 2.0
    assert gym["low"] < gym["difference"] < gym["high"]
    walk = rows["Walk"]
    assert (walk["days_done"], walk["days_not"], walk["enough_data"]) == (6, 2, False)
    assert walk["difference"] is None and walk["low"] is None and walk["high"] is None
    assert analytics.mood_lift_rows(hand, TODAY) == analytics.mood_lift_rows(hand, TODAY)


def test_bootstrap_interval_matches_plain_resampling():
    """The multinomial shortcut gives the same interval as drawing days with replacement."""
    rng = np.random.default_rng(42)
    with_goal = rng.integers(3, 10, size=40).astype(float)
    without = rng.integers(1, 8, size=25).astype(float)
    fast = analytics._bootstrap_means(with_goal, np.random.default_rng(1)) - (
        analytics._bootstrap_means(without, np.random.default_rng(2))
    )
    plain_rng = np.random.default_rng(3)
    plain = with_goal[plain_rng.integers(0, 40, size=(20_000, 40))].mean(axis=1) - without[
        plain_rng.integers(0, 25, size=(20_000, 25))
    ].mean(axis=1)
    assert np.percentile(fast, [5, 95]) == pytest.approx(np.percentile(plain, [5, 95]), abs=0.15)


def test_analytics_never_change_the_callers_frame(progress):
    before = progress.days.copy(deep=True)
    analytics.mood_trend(progress.days)
    analytics.trigger_counts(progress.days)
    analytics.weekly_targets(progress)
    analytics.mood_lift_frame(progress)
    pd.testing.assert_frame_equal(progress.days, before)


def test_nothing_yet_gives_empty_frames(tmp_path):
    with Store(tmp_path / "empty") as store:
        empty = store.snapshot()
    p = analytics.build_progress(empty, TODAY)
    assert p.days.empty and p.checkin_count == 0
    assert analytics.mood_lift_rows(empty, TODAY) == []
    assert analytics.streaks(p)["checkin_current"] == 0
    with Store(tmp_path / "later") as store:
        store.save_plan(Plan(start_date=TODAY + timedelta(days=3), goals=(Goal("Gym", 3),)))
        later = store.snapshot()
    p = analytics.build_progress(later, TODAY)
    assert p.days.empty and analytics.weekly_targets(p).empty


# --- Property tests on random workbooks ------------------------------------------------------


@st.composite
def workbooks(draw) -> tuple[Snapshot, date]:
    start = date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 300)))
    length = draw(st.integers(0, 70))
    goal_names = draw(
        st.lists(st.sampled_from(["Gym", "Read", "Call Mum", "Run"]), unique=True, max_size=3)
    )
    goals = tuple(
        Goal(
            name,
            draw(st.integers(1, 7)),
            since=draw(st.none() | st.just(start + timedelta(days=5))),
        )
        for name in goal_names
    )
    plan = Plan(start_date=start, goals=goals)
    checkins = []
    for offset in sorted(draw(st.sets(st.integers(0, max(length, 1)), max_size=length))):
        done = draw(st.lists(st.sampled_from(goal_names), unique=True)) if goal_names else []
        checkins.append(
            Checkin(
                date=start + timedelta(days=offset),
                mood=draw(st.integers(1, 10)),
                urge=draw(st.none() | st.integers(0, 10)),
                trigger=draw(st.none() | st.sampled_from(["photos", "Photos", " song", ""])),
                slip=draw(st.none() | st.just("we talked")),
                goals=tuple((g, draw(st.none() | st.integers(0, 120))) for g in done),
                win=draw(st.sampled_from(["", "a win"])),
            )
        )
    who5s = tuple(
        Who5(
            start + timedelta(days=d - 1),
            tuple(draw(st.lists(st.integers(0, 5), min_size=5, max_size=5))),
        )
        for d in sorted(draw(st.sets(st.sampled_from([0, 14, 30]))))
    )
    today = start + timedelta(days=draw(st.integers(-3, length + 3)))
    has_plan = draw(st.integers(0, 9)) > 0  # now and then, no plan at all
    return Snapshot(plan if has_plan else None, tuple(checkins), who5s, {}), today


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workbooks())
def test_random_workbooks_agree_with_the_report_and_never_give_nan(case):
    snapshot, today = case
    p = analytics.build_progress(snapshot, today)
    if snapshot.plan is None:
        assert p.days.empty and analytics.mood_lift_rows(snapshot, today) == []
        return
    report = summary.build_summary(snapshot, today)
    assert analytics.streaks(p) == report["streaks"]
    assert analytics.strength_today(p) == {g["name"]: g["strength"] for g in report["goals"]}
    assert analytics.low_mood(p) == report["low_mood_prompt"]
    for row in analytics.mood_lift_rows(snapshot, today):
        for key in ("difference", "low", "high"):
            value = row[key]
            assert (value is None) != row["enough_data"]
            assert value is None or math.isfinite(value)
        if row["enough_data"]:
            assert row["low"] <= row["high"]
    if len(p.days):
        assert p.days["mood_avg7"].notna().sum() == p.checkin_count
        minutes = analytics.minutes_per_goal(p)
        assert minutes["days_done"].tolist() == [g["days_done"] for g in report["goals"]]
        assert minutes["minutes"].tolist() == [g["minutes"] for g in report["goals"]]
        assert rules.day_number(snapshot.plan.start_date, today) == p.days["day"].iloc[-1]
