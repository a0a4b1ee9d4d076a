"""The builder of numbers: from a Snapshot and `today`, every number a page, the report and the
JSON summary show, worked out once.

This is the only module that calls the rules giving a workbook-wide number (both streaks, goal
strength, the WHO-5 change, the low-mood prompt, the gate). Pages, charts and the report read a
`Numbers`; they never recompute. It is plain Python, so the command line stays quick: the per-day
frames for the charts (`frames`, plain lists too) and the bootstrap of what lifts the mood
(`mood_lift`, numpy) are built on first use, from these same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from ..core import goal_states, rules
from ..core.model import Checkin, Goal, Plan, Snapshot, Who5
from ..core.records import (
    BreakAgreement,
    Reflection,
    ReunionOutcome,
    SafetyAnswer,
    StepDone,
)
from ..core.urge import UrgeMoment, newest_moments

TREND_MIN_CHECKINS = 7
# Below this many points a week either way, the trend reads as "about level" (report and charts).
TREND_LEVEL_PER_WEEK = 0.1


@dataclass(frozen=True)
class MoodTrend:
    """The least-squares line of mood against the date, over the check-in days."""

    first_date: date
    intercept: float  # mood on first_date
    slope_per_day: float

    @property
    def per_week(self) -> float:
        return round(self.slope_per_day * 7, 2)

    @property
    def direction(self) -> str:
        """ "up", "down" or "level", by the rounded points a week the report shows."""
        if self.per_week >= TREND_LEVEL_PER_WEEK:
            return "up"
        return "down" if self.per_week <= -TREND_LEVEL_PER_WEEK else "level"

    def at(self, day: date) -> float:
        return self.intercept + self.slope_per_day * (day - self.first_date).days


@dataclass(frozen=True)
class GoalNumbers:
    goal: Goal
    since: date  # the day it began to count (the start, or the day it was added)
    done_dates: tuple[date, ...]
    minutes: int
    strength_series: tuple[float, ...]  # 0–1, one per day from `since` to today

    @property
    def name(self) -> str:
        return self.goal.name

    @property
    def target_per_week(self) -> int:
        """The target in force now (it may have changed since the goal was set up)."""
        return self.goal.current.target_per_week

    @property
    def state(self) -> str:
        """ "active", "paused" or "retired", now."""
        return self.goal.current.state

    @property
    def days_done(self) -> int:
        return len(self.done_dates)

    @property
    def strength(self) -> float:
        """Today's strength in %, to one decimal."""
        return round(self.strength_series[-1] * 100, 1) if self.strength_series else 0.0


@dataclass(frozen=True)
class Who5Row:
    who5: Who5
    day: int | None
    flags: rules.Who5Flags


@dataclass(frozen=True)
class Who5Change:
    """The newest WHO-5 against the baseline (the one taken on or before the first day)."""

    points: int
    real_change: bool
    first_day: int
    last_day: int
    before: Who5
    after: Who5


@dataclass(frozen=True)
class Numbers:
    plan: Plan | None
    today: date
    checkins: tuple[Checkin, ...] = ()  # the newest revision of each day up to today
    who5s: tuple[Who5, ...] = ()
    day: int = 0
    complete: bool = False
    checkin_streak: rules.Streak = rules.Streak(0, 0)
    no_contact_streak: rules.Streak = rules.Streak(0, 0)
    mood_trend: MoodTrend | None = None
    slips: tuple[Checkin, ...] = ()
    goals: tuple[GoalNumbers, ...] = ()
    who5: tuple[Who5Row, ...] = ()
    who5_change: Who5Change | None = None
    low_mood_prompt: bool = False
    low_mood_reason: str | None = None  # "who5" or "mood" (rules.low_mood_reason)
    break_agreement: BreakAgreement | None = None
    reflection: Reflection | None = None
    reunion: ReunionOutcome | None = None
    wins: tuple[Checkin, ...] = ()
    steps_done: int = 0  # days of the plan so far whose step is marked done
    safety: SafetyAnswer | None = None
    moments: tuple[UrgeMoment, ...] = ()  # the moments of the urge up to today
    slip_free: tuple[int, int] = (0, 0)  # (slip-free days, days so far): "27 of 30"
    other_contact: tuple[Checkin, ...] = ()  # allowed practical contact, looks at their profile

    @property
    def moods(self) -> list[int]:
        return [c.mood for c in self.checkins]

    @property
    def mood_mean(self) -> float | None:
        moods = self.moods
        return round(sum(moods) / len(moods), 2) if moods else None

    @property
    def mood_min(self) -> int | None:
        return min(self.moods, default=None)

    @property
    def mood_max(self) -> int | None:
        return max(self.moods, default=None)

    @property
    def covers_through(self) -> date | None:
        if self.plan is None or self.day < 1:
            return None
        return min(self.today, self.plan.start_date + timedelta(days=self.plan.days - 1))

    def day_of(self, when: date) -> int | None:
        return rules.day_number(self.plan.start_date, when) if self.plan else None

    def goal(self, name: str) -> GoalNumbers | None:
        return next((g for g in self.goals if g.name == name), None)

    @cached_property
    def frames(self):
        """The per-day frames the charts draw (numbers.day_frames), laid out on first use."""
        from .day_frames import build_frames

        return build_frames(self)

    @cached_property
    def mood_lift(self):
        """What lifts the mood, per goal, with its bootstrap interval (numpy, on first use)."""
        from .mood_lift import mood_lift

        return mood_lift(self)

    @cached_property
    def urge_patterns(self):
        """The moments of the urge by hour, weekday and trigger, and the waves that passed."""
        from .urges import urge_patterns

        return urge_patterns(self.moments)

    def summary(self) -> dict:
        """The report's numbers as plain data: what `workbook report --format json` prints."""
        from .summary import summary_json

        return summary_json(self)


def build(snapshot: Snapshot, today: date) -> Numbers:
    """Every number for `today`: only what had happened by then counts."""
    plan = snapshot.plan
    records = snapshot.records
    stage = {
        "break_agreement": BreakAgreement.from_record(records.get("break")),
        "reflection": Reflection.from_record(records.get("reflection")),
        "reunion": ReunionOutcome.from_record(records.get("reunion")),
        "safety": SafetyAnswer.from_record(records.get("safety")),
    }
    if plan is None:
        return Numbers(plan=None, today=today, **stage)
    checkins = tuple(c for c in snapshot.checkins if c.date <= today)
    who5s = tuple(w for w in snapshot.who5s if w.date <= today)
    slips = tuple(
        c for c in checkins if _is_slip(c, stage["break_agreement"]) and c.date >= plan.start_date
    )
    moments = tuple(m for m in newest_moments(snapshot.moments) if m.day <= today)
    # A moment that ended in reaching out is that day's contact, as a check-in's slip is.
    slip_dates = [c.date for c in slips] + [m.day for m in moments if m.reached_out]
    low_mood = rules.low_mood_reason(checkins, who5s[-1] if who5s else None, today)
    return Numbers(
        plan=plan,
        today=today,
        checkins=checkins,
        who5s=who5s,
        day=rules.day_number(plan.start_date, today),
        complete=rules.programme_complete(plan.start_date, plan.days, today),
        checkin_streak=rules.checkin_streak([c.date for c in checkins], today),
        no_contact_streak=rules.no_contact_streak(plan.start_date, slip_dates, today),
        slip_free=rules.slip_free_days(plan.start_date, slip_dates, today),
        moments=moments,
        other_contact=tuple(c for c in checkins if c.contact and c not in slips),
        mood_trend=_mood_trend(checkins),
        slips=slips,
        goals=tuple(_goal_numbers(plan, goal, checkins, today) for goal in plan.goals),
        who5=tuple(
            Who5Row(w, rules.day_number(plan.start_date, w.date), rules.who5_flags(w.answers))
            for w in who5s
        ),
        who5_change=_who5_change(plan, who5s),
        low_mood_prompt=low_mood is not None,
        low_mood_reason=low_mood,
        wins=tuple(c for c in checkins if c.win),
        steps_done=sum(
            1
            for r in snapshot.steps
            if StepDone.from_record(r).done
            and plan.start_date <= r.date <= min(today, plan.end_date)
        ),
        **stage,
    )


def _is_slip(checkin: Checkin, terms: BreakAgreement | None) -> bool:
    """A contact slip: not a look at their profile (counted apart), and not practical contact
    the break's terms allow (recorded, not a slip)."""
    if not checkin.contact or checkin.slip_by == "profile":
        return False
    return not (checkin.slip_by == "practical" and terms is not None and terms.practical_allowed)


def _goal_numbers(plan: Plan, goal: Goal, checkins, today: date) -> GoalNumbers:
    since = max(plan.start_date, goal.since or plan.start_date)
    done = [
        c
        for c in checkins
        if goal.name in c.goal_names
        and since <= c.date <= today
        and goal.state_on(c.date).state == "active"  # only active days count (core.goal_states)
    ]
    minutes = sum(m or 0 for c in done for name, m in c.goals if name == goal.name)
    dates = tuple(c.date for c in done)
    series = goal_states.strength_series(goal, dates, since, today)
    return GoalNumbers(goal, since, dates, minutes, tuple(series))


def _who5_change(plan: Plan, who5s: tuple[Who5, ...]) -> Who5Change | None:
    first, last = rules.who5_baseline(who5s, plan.start_date), (who5s[-1] if who5s else None)
    if first is None or last is None or last.date <= first.date:
        return None
    points, real = rules.who5_change(first, last)
    day = rules.day_number
    return Who5Change(
        points,
        real,
        day(plan.start_date, first.date),
        day(plan.start_date, last.date),
        first,
        last,
    )


def _mood_trend(checkins: tuple[Checkin, ...]) -> MoodTrend | None:
    """One least-squares fit, shared by the chart's line and the report's "per week"."""
    if len(checkins) < TREND_MIN_CHECKINS:
        return None
    first = checkins[0].date
    xs = [(c.date - first).days for c in checkins]
    ys = [c.mood for c in checkins]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mx) ** 2 for x in xs)
    if var == 0:
        return None
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var
    return MoodTrend(first, my - slope * mx, slope)
