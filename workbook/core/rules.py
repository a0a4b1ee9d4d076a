"""The programme's rules with numbers (DESIGN.md): pure functions, `today` always passed in."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .model import Checkin, Who5
from .records import GateAnswers

ONE_DAY = timedelta(days=1)


# --- Day N -----------------------------------------------------------------------------------


def day_number(start_date: date, today: date) -> int:
    """Day N of the programme: today - start + 1 (0 or less before it starts)."""
    return (today - start_date).days + 1


def programme_complete(start_date: date, days: int, today: date) -> bool:
    return day_number(start_date, today) > days


@dataclass(frozen=True)
class ProgrammeCalendar:
    """Where today falls in the programme: what the day-30 page and the reunion may offer.

    `day` is day N (0 or less before the start); the last day is day `days`, and it opens the
    reflection's decision, the gate and the reunion ("Day 30 opens on the last day").
    """

    day: int
    days: int
    last_day: date

    @property
    def last_day_reached(self) -> bool:
        return self.day >= self.days

    @property
    def days_remaining(self) -> int:
        """Days until the last day: 0 on it and after it."""
        return max(0, self.days - self.day)

    @property
    def days_counted(self) -> int:
        """The number a sentence counting "your N days" uses: day N so far, or the plan's length
        once it is reached (never below 0 before the start)."""
        return max(0, min(self.day, self.days))


def programme_calendar(start_date: date, days: int, today: date) -> ProgrammeCalendar:
    return ProgrammeCalendar(
        day=day_number(start_date, today),
        days=days,
        last_day=start_date + timedelta(days=days - 1),
    )


# --- Streaks ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Streak:
    current: int
    best: int


def _longest_run(days: Sequence[date]) -> int:
    best = run = 0
    previous = None
    for d in days:
        run = run + 1 if previous is not None and d - previous == ONE_DAY else 1
        best = max(best, run)
        previous = d
    return best


def checkin_streak(checkin_dates: Iterable[date], today: date) -> Streak:
    """Consecutive check-in days back from today, or from yesterday when today is still empty."""
    days = sorted({d for d in checkin_dates if d <= today})
    filled = set(days)
    anchor = today if today in filled else today - ONE_DAY
    current = 0
    while anchor in filled:
        current += 1
        anchor -= ONE_DAY
    return Streak(current=current, best=_longest_run(days))


def no_contact_streak(start_date: date, slip_dates: Iterable[date], today: date) -> Streak:
    """Slip-free days of the programme up to today; a day without a check-in does not break it."""
    if today < start_date:
        return Streak(0, 0)
    slips = sorted({d for d in slip_dates if start_date <= d <= today})
    last_clean_start = slips[-1] + ONE_DAY if slips else start_date
    current = (today - last_clean_start).days + 1
    # Runs between slips: from the start to the first slip, between slips, and after the last.
    best = 0
    run_start = start_date
    for slip in slips:
        best = max(best, (slip - run_start).days)
        run_start = slip + ONE_DAY
    best = max(best, (today - run_start).days + 1)
    return Streak(current=max(current, 0), best=best)


def slip_free_days(start_date: date, slip_dates: Iterable[date], today: date) -> tuple[int, int]:
    """(days without a contact slip, days of the programme so far): "27 of 30", which a slip
    never takes away (a slip removes its own day only)."""
    if today < start_date:
        return 0, 0
    counted = (today - start_date).days + 1
    slipped = {d for d in slip_dates if start_date <= d <= today}
    return counted - len(slipped), counted


# --- Goal strength (Loop Habit Tracker's habit score) ------------------------------------------


def strength_multiplier(frequency: float) -> float:
    return 0.5 ** (math.sqrt(frequency) / 13.0)


def strength_step(frequency: float, previous: float, checkmark: float) -> float:
    """One day of Loop's score: S = S·m + c·(1−m)."""
    m = strength_multiplier(frequency)
    return previous * m + checkmark * (1 - m)


def goal_strength_series(
    done_dates: Iterable[date], target_per_week: int, start_date: date, today: date
) -> list[float]:
    """The goal's strength (0–1) on each day from the start date to today, oldest first."""
    if today < start_date:
        return []
    frequency = target_per_week / 7
    done = {d for d in done_dates if start_date <= d <= today}
    n_days = (today - start_date).days + 1
    flags = [(start_date + timedelta(days=i)) in done for i in range(n_days)]
    series: list[float] = []
    score = 0.0
    if frequency >= 1:
        for flag in flags:
            score = strength_step(frequency, score, 1.0 if flag else 0.0)
            series.append(score)
        return series
    # Below daily, Loop doubles the window: 14 days, twice the weekly target.
    window, needed = 14, 2 * target_per_week
    rolling = 0
    for i, flag in enumerate(flags):
        rolling += flag
        if i >= window:
            rolling -= flags[i - window]
        score = strength_step(frequency, score, min(1.0, rolling / needed))
        series.append(score)
    return series


def goal_strength(
    done_dates: Iterable[date], target_per_week: int, start_date: date, today: date
) -> float:
    """Today's goal strength, 0–1."""
    series = goal_strength_series(done_dates, target_per_week, start_date, today)
    return series[-1] if series else 0.0


# --- WHO-5 -----------------------------------------------------------------------------------

WHO5_PROFESSIONAL = 50
WHO5_STRONGLY = 28
WHO5_REAL_CHANGE = 10


@dataclass(frozen=True)
class Who5Flags:
    suggest_professional: bool
    suggest_strongly: bool


def who5_raw(answers: Sequence[int]) -> int:
    return sum(answers)


def who5_percent(answers: Sequence[int]) -> int:
    return who5_raw(answers) * 4


def who5_flags(answers: Sequence[int]) -> Who5Flags:
    """At most 50 % or any item at 0 or 1: suggest a professional; at most 28 %: more strongly."""
    percent = who5_percent(answers)
    strongly = percent <= WHO5_STRONGLY
    return Who5Flags(
        suggest_professional=strongly or percent <= WHO5_PROFESSIONAL or min(answers) <= 1,
        suggest_strongly=strongly,
    )


def who5_change(before: Who5, after: Who5) -> tuple[int, bool]:
    """Points of change in the percentage score, and whether it is a real change (10 or more)."""
    change = after.percent - before.percent
    return change, abs(change) >= WHO5_REAL_CHANGE


# --- Low-mood prompt -------------------------------------------------------------------------


LOW_MOOD = 3
LOW_MOOD_RUN = 3
WHO5_RECENT_DAYS = 14  # a WHO-5 asks about the last two weeks; an older one says nothing of now


def who5_baseline(who5s: Sequence[Who5], start_date: date) -> Who5 | None:
    """The WHO-5 to compare with: the newest taken on or before the first day, else the first."""
    if not who5s:
        return None
    ordered = sorted(who5s, key=lambda w: w.date)
    before = [w for w in ordered if w.date <= start_date]
    return before[-1] if before else ordered[0]


def low_mood_reason(
    checkins: Sequence[Checkin], latest_who5: Who5 | None, today: date
) -> str | None:
    """Why the low-mood prompt shows: "mood" (mood at most 3 on the latest 3 check-ins in a row),
    "who5" (the newest WHO-5, taken within the last 14 days, at most 28 %), or None.

    Only the most recent run counts: once the mood lifts, the prompt steps back.
    """
    latest = sorted(checkins, key=lambda c: c.date)[-LOW_MOOD_RUN:]
    if len(latest) == LOW_MOOD_RUN and all(c.mood <= LOW_MOOD for c in latest):
        return "mood"
    if (
        latest_who5 is not None
        and 0 <= (today - latest_who5.date).days < WHO5_RECENT_DAYS
        and latest_who5.percent <= WHO5_STRONGLY
    ):
        return "who5"
    return None


def low_mood_prompt(checkins: Sequence[Checkin], latest_who5: Who5 | None, today: date) -> bool:
    return low_mood_reason(checkins, latest_who5, today) is not None


# --- The gate --------------------------------------------------------------------------------

GATE_CONVICTION = 9


@dataclass(frozen=True)
class GateResult:
    open: bool
    show_help: bool  # "felt safe" = no: help resources instead of coaching
    reasons: tuple[str, ...]  # message keys for why the gate stays closed


def reunion_gate(answers: GateAnswers) -> GateResult:
    """Go on to the reunion only on a resounding yes, and only if you felt safe and respected."""
    reasons = []
    if not answers.felt_safe:
        reasons.append("gate_not_safe")
    if not answers.want_restart:
        reasons.append("gate_not_wanted")
    elif answers.conviction < GATE_CONVICTION:
        reasons.append("gate_low_conviction")
    if not answers.keep_growing:
        reasons.append("gate_not_growing")
    return GateResult(open=not reasons, show_help=not answers.felt_safe, reasons=tuple(reasons))


# --- Safety from day 0 -----------------------------------------------------------------------

SAFETY_CONCERNS = ("yes", "not sure")  # answers to the private question that change the programme


def safety_concern(answer: str | None) -> bool:
    """Whether the safety answer (afraid of, controlled, threatened or hurt by the partner?) is
    yes or not sure: then nothing coaches a conversation with the partner."""
    return answer in SAFETY_CONCERNS


def reunion_open(last_day_reached: bool, gate_open: bool, safety_answer: str | None) -> bool:
    """The reunion is coached only from the last day, past the gate, and never when the safety
    answer is yes or not sure, whatever the gate says."""
    return last_day_reached and gate_open and not safety_concern(safety_answer)
