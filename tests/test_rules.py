"""Every rule in DESIGN.md's "Rules with numbers", against hand-worked examples."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from workbook.core import rules
from workbook.core.model import Checkin, Who5

D = date(2026, 11, 1)


def day(n: int) -> date:
    """Day n of a programme starting on D (day 1 = D)."""
    return D + timedelta(days=n - 1)


# --- Day N ---


@pytest.mark.parametrize(
    ("today", "expected"), [(day(1), 1), (day(30), 30), (day(31), 31), (D - timedelta(days=1), 0)]
)
def test_day_number(today, expected):
    assert rules.day_number(D, today) == expected


def test_programme_complete_only_past_the_last_day():
    assert not rules.programme_complete(D, 30, day(30))
    assert rules.programme_complete(D, 30, day(31))


# --- The programme's calendar: the last day opens the decision, the gate and the reunion ---


@pytest.mark.parametrize(
    ("n", "reached", "remaining", "counted"),
    [(0, False, 30, 0), (1, False, 29, 1), (21, False, 9, 21), (29, False, 1, 29)]
    + [(30, True, 0, 30), (31, True, 0, 30), (400, True, 0, 30)],
)
def test_programme_calendar_of_thirty_days(n, reached, remaining, counted):
    calendar = rules.programme_calendar(D, 30, day(n))
    assert calendar.day == n and calendar.last_day == day(30)
    assert calendar.last_day_reached is reached
    assert calendar.days_remaining == remaining
    assert calendar.days_counted == counted


@pytest.mark.parametrize(
    ("n", "reached", "remaining"), [(1, False, 13), (13, False, 1), (14, True, 0), (15, True, 0)]
)
def test_programme_calendar_of_another_length(n, reached, remaining):
    calendar = rules.programme_calendar(D, 14, day(n))
    assert calendar.last_day == day(14)
    assert (calendar.last_day_reached, calendar.days_remaining) == (reached, remaining)
    assert calendar.days_counted == min(n, 14)


def test_programme_calendar_well_before_the_start():
    calendar = rules.programme_calendar(D, 30, D - timedelta(days=5))
    assert calendar.day == -4 and not calendar.last_day_reached
    assert calendar.days_remaining == 34 and calendar.days_counted == 0


def test_a_one_day_programme_opens_on_its_first_day():
    assert rules.programme_calendar(D, 1, day(1)).last_day_reached
    assert not rules.programme_calendar(D, 1, D - timedelta(days=1)).last_day_reached


# --- Check-in streak ---


def test_checkin_streak_counts_back_from_today():
    dates = [day(n) for n in (1, 2, 3, 5, 6, 7, 8)]
    assert rules.checkin_streak(dates, day(8)) == rules.Streak(current=4, best=4)


def test_checkin_streak_counts_from_yesterday_when_today_is_empty():
    dates = [day(n) for n in (1, 2, 3, 4, 5)]
    assert rules.checkin_streak(dates, day(6)) == rules.Streak(current=5, best=5)


def test_checkin_streak_is_zero_after_a_missed_yesterday():
    dates = [day(n) for n in (1, 2, 3)]
    assert rules.checkin_streak(dates, day(5)) == rules.Streak(current=0, best=3)


def test_checkin_streak_ignores_days_after_today():
    dates = [day(n) for n in (1, 2, 3, 4)]
    assert rules.checkin_streak(dates, day(2)) == rules.Streak(current=2, best=2)


def test_checkin_streak_empty():
    assert rules.checkin_streak([], day(3)) == rules.Streak(0, 0)


# --- No-contact streak ---


def test_no_contact_on_day_30_with_no_slip_is_30():
    assert rules.no_contact_streak(D, [], day(30)) == rules.Streak(30, 30)


def test_no_contact_counts_days_after_the_last_slip():
    streak = rules.no_contact_streak(D, [day(6)], day(30))
    assert streak.current == 24  # days 7..30
    assert streak.best == 24  # days 1..5 is only 5


def test_no_contact_best_can_be_before_the_last_slip():
    streak = rules.no_contact_streak(D, [day(20)], day(25))
    assert streak == rules.Streak(current=5, best=19)


def test_no_contact_slip_today_is_zero():
    assert rules.no_contact_streak(D, [day(3)], day(3)) == rules.Streak(current=0, best=2)


def test_no_contact_before_start_is_zero():
    assert rules.no_contact_streak(D, [], D - timedelta(days=2)) == rules.Streak(0, 0)


def test_no_contact_missing_checkins_do_not_break_it():
    # The rule works from slip dates alone: a day with no check-in is simply not a slip.
    assert rules.no_contact_streak(D, [], day(10)).current == 10


def test_no_contact_ignores_slips_after_today():
    assert rules.no_contact_streak(D, [day(9)], day(5)) == rules.Streak(5, 5)


# --- Goal strength: Loop Habit Tracker's published values ---

# YesNoScoreListTest.test_getValue: checked on each of the last 20 days, values newest first.
LOOP_DAILY_20 = [
    0.655747, 0.636894, 0.617008, 0.596033, 0.573910, 0.550574, 0.525961, 0.500000, 0.472617,
    0.443734, 0.413270, 0.381137, 0.347244, 0.311495, 0.273788, 0.234017, 0.192067, 0.147820,
    0.101149, 0.051922, 0.000000, 0.000000, 0.000000,
]  # fmt: skip


def test_strength_matches_loop_daily_series():
    today = date(2026, 3, 1)
    start = today - timedelta(days=len(LOOP_DAILY_20) - 1)
    done = [today - timedelta(days=i) for i in range(20)]
    series = rules.goal_strength_series(done, 7, start, today)
    assert series[::-1] == pytest.approx(LOOP_DAILY_20, abs=1e-6)


@pytest.mark.parametrize(
    ("freq", "previous", "check", "expected"),
    [
        # ScoreTest.test_compute_withDailyHabit
        (1.0, 0.0, 1, 0.051922),
        (1.0, 0.5, 1, 0.525961),
        (1.0, 0.75, 1, 0.762981),
        (1.0, 0.0, 0, 0.0),
        (1.0, 0.5, 0, 0.474039),
        (1.0, 0.75, 0, 0.711058),
        # ScoreTest.test_compute_withNonDailyHabit (freq 1/3)
        (1 / 3, 0.0, 1, 0.030314),
        (1 / 3, 0.5, 1, 0.515157),
        (1 / 3, 0.75, 1, 0.757578),
        (1 / 3, 0.5, 0, 0.484842),
        (1 / 3, 0.75, 0, 0.727263),
    ],
)
def test_strength_step_matches_loop_compute(freq, previous, check, expected):
    assert rules.strength_step(freq, previous, check) == pytest.approx(expected, abs=1e-6)


def test_strength_two_days_daily_matches_loop_recompute():
    today = date(2026, 3, 1)
    done = [today, today - timedelta(days=1)]
    assert rules.goal_strength(done, 7, today - timedelta(days=5), today) == pytest.approx(
        0.101149, abs=1e-6
    )


def _pattern_dates(today: date, pattern: list[bool], weeks: int) -> tuple[list[date], date]:
    """Repeat a week pattern (newest day first, as Loop's tests write it) back from today."""
    values = pattern * weeks
    done = [today - timedelta(days=i) for i, v in enumerate(values) if v]
    return done, today - timedelta(days=len(values) - 1)


def test_strength_imperfect_non_daily_converges_like_loop():
    # test_imperfectNonDaily: 2 of 3 each week → 2/3; the same days against 4 a week → 1/2.
    today = date(2026, 3, 1)
    done, start = _pattern_dates(today, [True, True, False, False, False, False, False], 100)
    assert rules.goal_strength(done, 3, start, today) == pytest.approx(2 / 3, abs=1e-6)
    assert rules.goal_strength(done, 4, start, today) == pytest.approx(0.5, abs=1e-6)


def test_strength_irregular_weekly_converges_like_loop():
    # test_irregularNonDaily: once a week on different weekdays still converges to 100 %.
    today = date(2026, 3, 1)
    fortnight = [True] + [False] * 12 + [True]
    done, start = _pattern_dates(today, fortnight, 100)
    assert rules.goal_strength(done, 1, start, today) == pytest.approx(1.0, abs=1e-3)


def test_strength_weekly_reaches_99_percent_within_nine_months_like_loop():
    today = date(2026, 3, 1)
    done = [today - timedelta(days=7 * i) for i in range(39)]
    assert rules.goal_strength(done, 1, today - timedelta(days=7 * 39), today) > 0.99


def test_strength_window_for_weekly_targets_by_hand():
    # Target 2/week: f = 2/7, window 14 days, c = min(1, done in window / 4).
    start = date(2026, 3, 1)
    done = [start, start + timedelta(days=2)]
    f = 2 / 7
    m = 0.5 ** (f**0.5 / 13)
    s = 0.0
    for c in (1 / 4, 1 / 4, 2 / 4, 2 / 4):
        s = s * m + c * (1 - m)
    assert rules.goal_strength(done, 2, start, start + timedelta(days=3)) == pytest.approx(s)


def test_strength_window_drops_days_older_than_14():
    start = date(2026, 3, 1)
    series = rules.goal_strength_series([start], 1, start, start + timedelta(days=20))
    m = 0.5 ** ((1 / 7) ** 0.5 / 13)
    # Day 15 onwards the one done day has left the window: pure decay.
    assert series[14] == pytest.approx(series[13] * m)
    assert series[13] > series[12] * m  # still inside the window on day 14


def test_strength_before_start_is_zero_and_ignores_early_dates():
    start = date(2026, 3, 10)
    assert rules.goal_strength([start - timedelta(days=1)], 7, start, start) == 0.0
    assert rules.goal_strength([], 7, start, start - timedelta(days=1)) == 0.0


# --- WHO-5 ---


def test_who5_raw_and_percent():
    assert rules.who5_raw([3, 3, 3, 3, 3]) == 15
    assert rules.who5_percent([3, 3, 3, 3, 3]) == 60
    assert Who5(D, (5, 5, 5, 5, 5)).percent == 100


@pytest.mark.parametrize(
    ("answers", "professional", "strongly"),
    [
        ((3, 3, 3, 3, 3), False, False),  # 60 %
        ((3, 3, 3, 2, 2), False, False),  # 52 %
        ((3, 3, 2, 2, 2), True, False),  # 48 %: at most 50
        ((2, 3, 3, 3, 2), False, False),  # 52 %: just above 50
        ((3, 3, 3, 3, 1), True, False),  # 52 % but an item at 1
        ((5, 5, 5, 5, 1), True, False),  # 84 % but an item at 1
        ((5, 5, 5, 5, 0), True, False),  # an item at 0
        ((2, 2, 1, 1, 1), True, True),  # 28 %: at most 28
        ((2, 2, 2, 1, 1), True, False),  # 32 %
    ],
)
def test_who5_flags(answers, professional, strongly):
    flags = rules.who5_flags(answers)
    assert (flags.suggest_professional, flags.suggest_strongly) == (professional, strongly)


def test_who5_exactly_50_percent_is_flagged():
    # 50 % needs an odd total of 12.5: impossible, so 48 % is the highest flagged score.
    assert rules.who5_flags((2, 2, 2, 3, 3)).suggest_professional is True  # 48
    assert rules.who5_flags((2, 2, 3, 3, 3)).suggest_professional is False  # 52


def test_who5_real_change_is_ten_points():
    before, after = Who5(D, (2, 2, 2, 2, 2)), Who5(day(30), (3, 2, 2, 2, 3))  # 40 -> 48
    assert rules.who5_change(before, after) == (8, False)
    after = Who5(day(30), (3, 3, 2, 2, 3))  # 52
    assert rules.who5_change(before, after) == (12, True)
    assert rules.who5_change(after, before) == (-12, True)


# --- Low-mood prompt ---


def _moods(*moods: int) -> list[Checkin]:
    return [Checkin(date=day(i + 1), mood=m) for i, m in enumerate(moods)]


def test_low_mood_three_in_a_row_up_to_the_latest():
    assert rules.low_mood_prompt(_moods(6, 5, 3, 2, 3), None, day(6))
    assert rules.low_mood_prompt(_moods(1, 1, 1), None, day(6))
    assert not rules.low_mood_prompt(_moods(3, 2, 4, 3, 1), None, day(6))
    assert not rules.low_mood_prompt(_moods(3, 3), None, day(6))


def test_low_mood_steps_back_once_the_mood_lifts():
    assert not rules.low_mood_prompt(_moods(5, 3, 2, 3, 6), None, day(6))


def test_low_mood_from_who5_at_most_28_percent():
    assert rules.low_mood_prompt(_moods(7), Who5(D, (2, 2, 1, 1, 1)), D)  # 28 %
    assert not rules.low_mood_prompt(_moods(7), Who5(D, (2, 2, 2, 1, 1)), D)  # 32 %
    assert rules.low_mood_reason(_moods(7), Who5(D, (2, 2, 1, 1, 1)), D) == "who5"
    assert rules.low_mood_reason(_moods(2, 2, 2), None, D) == "mood"


def test_low_mood_reads_only_a_who5_taken_in_the_last_two_weeks():
    low = Who5(D, (2, 2, 1, 1, 1))  # 28 %
    assert rules.low_mood_prompt(_moods(7), low, D + timedelta(days=13))
    assert not rules.low_mood_prompt(_moods(7), low, D + timedelta(days=14))  # asks about then
    assert not rules.low_mood_prompt(_moods(7), low, D - timedelta(days=1))  # not yet taken


def test_the_who5_baseline_is_the_newest_on_or_before_the_first_day():
    early, start, later = (Who5(D + timedelta(days=n), (3,) * 5) for n in (-3, 0, 21))
    assert rules.who5_baseline([early, start, later], D) == start
    assert rules.who5_baseline([early, later], D) == early
    assert rules.who5_baseline([later], D) == later  # none before: the first one taken
    assert rules.who5_baseline([], D) is None


# --- The gate ---


@pytest.mark.parametrize(
    ("want", "conviction", "growing", "safe", "open_", "help_"),
    [
        (True, 9, True, True, True, False),
        (True, 10, True, True, True, False),
        (True, 8, True, True, False, False),
        (False, 10, True, True, False, False),
        (True, 10, False, True, False, False),
        (True, 10, True, False, False, True),
    ],
)
def test_gate(want, conviction, growing, safe, open_, help_):
    result = rules.reunion_gate(rules.GateAnswers(want, conviction, growing, safe))
    assert (result.open, result.show_help) == (open_, help_)
    assert bool(result.reasons) == (not open_)
