"""The builder of numbers and the day frames behind the charts, worked out by hand on a small
workbook with gaps, a corrected day and slips; and property tests on random workbooks."""

from __future__ import annotations

import copy
import math
from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook.core import rules
from workbook.core.model import Checkin, Goal, Plan, Snapshot, Who5
from workbook.numbers import Numbers, build, day_frames, mood_lift
from workbook.store import Store

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
def numbers(hand) -> Numbers:
    return build(hand, TODAY)


@pytest.fixture
def progress(numbers) -> day_frames.Frames:
    return numbers.frames


def lift_rows(snapshot, today) -> dict:
    return {row.goal: row.as_dict() for row in build(snapshot, today).mood_lift}


def test_day_frame_has_every_calendar_day_with_gaps_left_empty(progress):
    days = progress.days
    assert [d.date for d in days] == progress.dates == [day(n) for n in range(1, 11)]
    assert [d.day for d in days] == list(range(1, 11))
    assert [d.checked_in for d in days] == [
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
    by_date = {d.date.isoformat(): d for d in days}
    assert by_date["2026-11-04"].mood is None
    assert by_date["2026-11-05"].mood == 6  # the correction, not the first save


def test_rolling_mean_uses_the_last_seven_calendar_days_and_runs_through_a_missed_day(progress):
    # Day 4 (missed) has 3 check-ins in its 7 days: a gap; day 7 (missed) has 5: the line goes on.
    expected = [4, 3.5, 10 / 3, None, 4.0, 4.2, 4.2, 4.8, 5.8, 6.4]
    got = [d.mood_avg7 for d in progress.days]
    for want, value in zip(expected, got, strict=True):
        if want is None:
            assert value is None
        else:
            assert value == pytest.approx(want)


def test_trend_is_one_least_squares_fit_shared_by_the_line_and_the_report(progress, numbers):
    trend = day_frames.mood_trend_line(progress)
    assert len(trend) == len(progress.days)
    slope_per_week = (trend[1] - trend[0]) * 7
    # Worked by hand: moods 4,3,3,6,5,7,8,6 on days 1,2,3,5,6,8,9,10 -> slope 0.4603 a day.
    xs, ys = [0, 1, 2, 4, 5, 7, 8, 9], [4, 3, 3, 6, 5, 7, 8, 6]
    slope = np.polyfit(xs, ys, 1)[0]
    assert slope_per_week == pytest.approx(slope * 7)
    assert numbers.mood_trend.per_week == round(slope * 7, 2)
    assert numbers.summary()["mood"]["trend_per_week"] == round(slope * 7, 2)
    six = build(numbers_snapshot_of(progress), day(8))  # 6 check-ins by day 8
    assert six.mood_trend is None
    assert day_frames.mood_trend_line(six.frames) == []


def numbers_snapshot_of(progress) -> Snapshot:
    n = progress.numbers
    return Snapshot(n.plan, n.checkins, n.who5s, {})


def test_goal_frames_done_minutes_and_strength(progress, numbers):
    done = progress.done
    assert done["Gym"] == [
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
    assert done["Walk"] == [True, True, False, False, True, True, False, False, True, True]
    gym, walk = numbers.goal("Gym"), numbers.goal("Walk")
    assert (gym.minutes, gym.days_done) == (135, 4)
    assert (walk.minutes, walk.days_done) == (20, 6)
    # Loop's formula worked step by step, for the daily goal.
    m = 0.5 ** (1 / 13)
    score = 0.0
    for flag in [1, 1, 0, 0, 1, 1, 0, 0, 1, 1]:
        score = score * m + flag * (1 - m)
    assert walk.strength == round(score * 100, 1) == 24.9
    assert progress.strength["Walk"][-1] == pytest.approx(score * 100)
    # Twice a week: c = min(1, days done in the last 14 ÷ 4), the multiplier for f = 2/7.
    m2 = 0.5 ** (math.sqrt(2 / 7) / 13)
    score, done_days = 0.0, {1, 5, 8, 9}
    for n in range(1, 11):
        c = min(1.0, len([d for d in done_days if n - 13 <= d <= n]) / 4)
        score = score * m2 + c * (1 - m2)
    assert gym.strength == round(score * 100, 1) == 13.6
    assert numbers.summary()["goals"][0]["strength"] == gym.strength


def test_weekly_targets_met_missed_and_so_far(progress):
    weeks = {(w.goal, w.week): w for w in day_frames.weekly_targets(progress)}
    assert weeks["Gym", 1].done == 2 and weeks["Gym", 1].status == "met"
    assert weeks["Gym", 2].done == 2 and weeks["Gym", 2].status == "met"
    assert weeks["Walk", 1].done == 4 and weeks["Walk", 1].status == "missed"
    assert weeks["Walk", 2].done == 2 and weeks["Walk", 2].status == "so far"
    assert (weeks["Walk", 2].week_start, weeks["Walk", 2].week_end) == (day(8), day(14))


def test_streaks(numbers):
    assert numbers.checkin_streak == rules.Streak(current=3, best=3)
    assert numbers.no_contact_streak == rules.Streak(current=1, best=5)
    assert numbers.summary()["streaks"] == {
        "checkin_current": 3,
        "checkin_best": 3,
        "no_contact_current": 1,
        "no_contact_best": 5,
    }


def test_triggers_count_the_same_words_together(progress):
    counts = day_frames.trigger_counts(progress.days)
    assert counts == [
        day_frames.TriggerCount("Old photos", 2),
        day_frames.TriggerCount("Sunday evening", 1),
    ]


def test_slips_and_wins_in_order(numbers):
    assert [(numbers.day_of(s.date), s.slip) for s in numbers.slips] == [
        (3, "They called; we argued"),
        (9, "<b>texted</b> back"),
    ]
    assert numbers.summary()["accomplishments"] == [
        {"date": day(8).isoformat(), "day": 8, "win": "Ran 5 km"}
    ]


def test_who5_frame_and_change(progress, numbers):
    assert [[p.day, p.percent] for p in progress.who5] == [[0, 40], [10, 60]]
    change = numbers.who5_change
    assert (change.points, change.real_change, change.first_day, change.last_day) == (
        20,
        True,
        0,
        10,
    )


def test_low_mood_follows_the_latest_corrected_days(tmp_path, hand):
    assert not build(hand, TODAY).low_mood_prompt
    with Store(tmp_path / "hand") as store:
        for n in (8, 9, 10):  # the three latest check-ins, corrected lower
            store.save_checkin(Checkin(day(n), 2))
        assert build(store.snapshot(), TODAY).low_mood_prompt
        store.save_checkin(Checkin(day(10), 6))  # the mood lifts: the prompt steps back
        lifted = store.snapshot()
    assert not build(lifted, TODAY).low_mood_prompt


def test_mood_lift_worked_by_hand(hand):
    rows = lift_rows(hand, TODAY)
    gym = rows["Gym"]
    # With Gym: 4, 6, 7, 8 (mean 6.25); without: 3, 3, 5, 6 (mean 4.25).
    assert (gym["days_done"], gym["days_not"], gym["enough_data"]) == (4, 4, True)
    assert gym["difference"] == 2.0
    assert gym["low"] < gym["difference"] < gym["high"]
    walk = rows["Walk"]
    assert (walk["days_done"], walk["days_not"], walk["enough_data"]) == (6, 2, False)
    assert walk["difference"] is None and walk["low"] is None and walk["high"] is None
    assert lift_rows(hand, TODAY) == lift_rows(hand, TODAY)


def _lift_snapshot(with_moods, without_moods) -> Snapshot:
    plan = Plan(start_date=START, goals=(Goal("Gym", 3),))
    checkins = [
        Checkin(day(i + 1), m, goals=(("Gym", None),)) for i, m in enumerate(with_moods)
    ] + [Checkin(day(len(with_moods) + i + 1), m) for i, m in enumerate(without_moods)]
    return Snapshot(plan, tuple(checkins), (), {})


@pytest.mark.parametrize(
    ("with_moods", "without_moods", "enough"),
    [
        ([7, 8, 9], [3, 4, 5], True),  # exactly three days on each side: shown
        ([7, 8], [3, 4, 5], False),  # two with: not enough data yet
        ([7, 8, 9], [3, 4], False),  # two without: not enough data yet
    ],
)
def test_mood_lift_needs_exactly_three_days_on_each_side(with_moods, without_moods, enough):
    snapshot = _lift_snapshot(with_moods, without_moods)
    row = build(snapshot, day(10)).mood_lift[0]
    assert row.enough_data is enough
    assert (row.difference is not None) is enough
    if enough:
        assert row.difference == 4.0


def test_mood_lift_interval_is_the_90_percent_bootstrap_interval():
    """Pinned: the 5th and 95th percentiles of the bootstrap differences, not 50 % or 99 %."""
    with_moods, without_moods = [5, 7, 8, 9, 6, 9], [3, 6, 4, 5, 2]
    row = build(_lift_snapshot(with_moods, without_moods), day(12)).mood_lift[0]
    rng = np.random.default_rng(mood_lift.BOOTSTRAP_SEED)
    diffs = mood_lift._bootstrap_means(np.array(with_moods, float), rng) - (
        mood_lift._bootstrap_means(np.array(without_moods, float), rng)
    )

    def interval(percent):
        tail = (100 - percent) / 2
        return tuple(round(float(v), 2) for v in np.percentile(diffs, [tail, 100 - tail]))

    assert (row.low, row.high) == interval(90)
    assert (row.low, row.high) != interval(50)
    assert (row.low, row.high) != interval(99)


def test_bootstrap_interval_matches_plain_resampling():
    """The multinomial shortcut gives the same interval as drawing days with replacement."""
    rng = np.random.default_rng(42)
    with_goal = rng.integers(3, 10, size=40).astype(float)
    without = rng.integers(1, 8, size=25).astype(float)
    fast = mood_lift._bootstrap_means(with_goal, np.random.default_rng(1)) - (
        mood_lift._bootstrap_means(without, np.random.default_rng(2))
    )
    plain_rng = np.random.default_rng(3)
    plain = with_goal[plain_rng.integers(0, 40, size=(20_000, 40))].mean(axis=1) - without[
        plain_rng.integers(0, 25, size=(20_000, 25))
    ].mean(axis=1)
    assert np.percentile(fast, [5, 95]) == pytest.approx(np.percentile(plain, [5, 95]), abs=0.15)


def test_frames_never_change_the_callers_frame(progress):
    before = copy.deepcopy((progress.days, progress.done, progress.minutes, progress.strength))
    day_frames.mood_trend_line(progress)
    day_frames.trigger_counts(progress.days)
    day_frames.weekly_targets(progress)
    assert (progress.days, progress.done, progress.minutes, progress.strength) == before


def test_the_builder_works_each_number_out_once(monkeypatch, hand):
    """Each rule giving a workbook-wide number runs once per build, however many readers."""
    from workbook import numbers as numbers_module
    from workbook.views import charts

    calls = {}
    for name in ("checkin_streak", "no_contact_streak", "goal_strength_series", "low_mood_reason"):
        real = getattr(rules, name)

        def counted(*args, _real=real, _name=name, **kwargs):
            calls[_name] = calls.get(_name, 0) + 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(numbers_module.rules, name, counted)
    n = build(hand, TODAY)
    charts.figures_for(n.frames)
    n.summary()
    assert len(n.mood_lift) == 2
    assert calls == {
        "checkin_streak": 1,
        "no_contact_streak": 1,
        "goal_strength_series": 2,  # one per goal
        "low_mood_reason": 1,
    }


def test_trigger_counts_and_weekly_targets_are_laid_out_once_for_chart_and_words(monkeypatch, hand):
    """The charts and their words read the frames' trigger counts and weekly targets."""
    from workbook.views import chart_words, charts

    calls = {}
    for name in ("trigger_counts", "weekly_targets"):
        real = getattr(day_frames, name)

        def counted(*args, _real=real, _name=name, **kwargs):
            calls[_name] = calls.get(_name, 0) + 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(day_frames, name, counted)
    n = build(hand, TODAY)
    figures = charts.figures_for(n.frames)
    said = chart_words.words_for(n)
    assert calls == {"trigger_counts": 1, "weekly_targets": 1}
    assert said["triggers"] is not None and said["weekly_targets"] is not None
    assert len(figures["triggers"]["data"]) == 1 and len(figures["weekly_targets"]["data"]) == 1


def test_nothing_yet_gives_empty_frames(tmp_path):
    with Store(tmp_path / "empty") as store:
        empty = store.snapshot()
    n = build(empty, TODAY)
    assert n.frames.days == () and not n.checkins
    assert n.mood_lift == ()
    assert n.checkin_streak.current == 0
    with Store(tmp_path / "later") as store:
        store.save_plan(Plan(start_date=TODAY + timedelta(days=3), goals=(Goal("Gym", 3),)))
        later = store.snapshot()
    frames = build(later, TODAY).frames
    assert frames.days == () and day_frames.weekly_targets(frames) == []


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
def test_random_workbooks_frames_agree_with_the_numbers_and_never_give_nan(case):
    snapshot, today = case
    n = build(snapshot, today)
    frames = n.frames
    if snapshot.plan is None:
        assert frames.days == () and n.mood_lift == ()
        return
    for row in n.mood_lift:
        for value in (row.difference, row.low, row.high):
            assert (value is None) != row.enough_data
            assert value is None or math.isfinite(value)
        if row.enough_data:
            assert row.low <= row.high
    if frames.days:
        checked = {c.date for c in n.checkins}
        shown = [
            d.checked_in
            or sum(d.date - timedelta(days=k) in checked for k in range(7))
            >= day_frames.ROLLING_THROUGH
            for d in frames.days
        ]
        averages = [d.mood_avg7 for d in frames.days]
        # every check-in day, and some between; never NaN
        assert [a is not None for a in averages] == shown
        assert all(math.isfinite(a) for a in averages if a is not None)
        for goal in n.goals:
            assert sum(1 for f in frames.done[goal.name] if f) == goal.days_done
            assert int(sum(frames.minutes[goal.name])) == goal.minutes
            last = [v for v in frames.strength[goal.name] if v is not None]
            assert (round(float(last[-1]), 1) if last else 0.0) == goal.strength
        assert n.day == frames.days[-1].day
