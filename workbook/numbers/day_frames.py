"""The per-day frames the charts draw, laid out from a `Numbers` (never recomputed), in plain
Python: one `Day` per calendar day, and per goal one list of values aligned on those days.

Every number here comes from `numbers.build`: the strength series, the goal days, the trend line.
This module only puts them on a calendar of days. Every function returns new values.
No pandas: the kernel that draws the charts would pay ~40 MiB and a quarter second to import it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from typing import TYPE_CHECKING

from ..core import goal_states
from ..core.model import Goal, Plan

if TYPE_CHECKING:
    from . import Numbers

ROLLING_DAYS = 7
# A day with no check-in of its own still has an average when this many of its 7 days hold one:
# the line runs on through a missed day, but not across a week that was mostly missed.
ROLLING_THROUGH = 4
WEEK = 7


@dataclass(frozen=True)
class Day:
    """One calendar day; None where nothing was noted (no check-in, or the field left empty)."""

    date: date
    day: int  # the programme day: 1 is the plan's start, 0 and below before it
    checked_in: bool
    mood: float | None
    mood_avg7: float | None  # see _mood_averages
    energy: float | None
    sleep_hours: float | None
    urge: float | None
    trigger: str | None  # stripped; None when empty
    contact: bool
    slip: str | None
    win: str | None
    note: str | None


@dataclass(frozen=True)
class Who5Point:
    """One WHO-5 taken by today, as the chart draws it."""

    date: date
    day: int
    raw: int
    percent: int
    suggest_professional: bool
    suggest_strongly: bool


@dataclass(frozen=True)
class WeekTarget:
    """One programme week of one goal: days done, the target, and whether it was met.

    status: "met", "missed", "so far" (this week, not met yet), or "" when the goal was not live
    (before it began, or paused or retired all week)."""

    week: int
    goal: str
    done: int
    target: int
    status: str
    week_start: date
    week_end: date


@dataclass(frozen=True)
class TriggerCount:
    trigger: str  # the first spelling noted
    count: int


@dataclass(frozen=True)
class Frames:
    """One `Day` per calendar day, oldest first, and per goal a list aligned on those days, with
    the numbers they were laid out from."""

    numbers: Numbers
    days: tuple[Day, ...]
    done: dict[str, list[bool | None]]  # per goal: True done, False not, None before it began
    minutes: dict[str, list[float]]  # per goal: minutes noted (0 when none)
    strength: dict[str, list[float | None]]  # per goal: strength in % (None before it began)
    who5: tuple[Who5Point, ...]  # one per WHO-5 taken by today

    @property
    def plan(self) -> Plan | None:
        return self.numbers.plan

    @property
    def today(self) -> date:
        return self.numbers.today

    @property
    def goals(self) -> tuple[Goal, ...]:
        return self.plan.goals if self.plan else ()

    @property
    def dates(self) -> list[date]:
        """The calendar days, the x of every day chart."""
        return [d.date for d in self.days]

    @cached_property
    def weekly_targets(self) -> list[WeekTarget]:
        """Per programme week and goal, laid out once for the chart and its words (see below)."""
        return weekly_targets(self)

    @cached_property
    def trigger_counts(self) -> list[TriggerCount]:
        """How often each trigger was noted, laid out once for the chart and its words."""
        return trigger_counts(self.days)


def build_frames(numbers: Numbers) -> Frames:
    """The days and the goal lists of `numbers`."""
    plan, today, checkins = numbers.plan, numbers.today, numbers.checkins
    who5 = who5_points(numbers)
    first = min([plan.start_date, *(c.date for c in checkins)]) if plan else None
    if plan is None or today < first:
        names = [g.name for g in plan.goals] if plan else []
        empty = {name: [] for name in names}
        return Frames(numbers, (), dict(empty), dict(empty), dict(empty), who5)
    dates = [first + timedelta(days=i) for i in range((today - first).days + 1)]
    days = _days(dates, plan.start_date, {c.date: c for c in checkins})
    done, minutes, strength = _goal_lists(numbers, dates)
    return Frames(numbers, days, done, minutes, strength, who5)


def _days(dates: list[date], start: date, by_date: dict) -> tuple[Day, ...]:
    """A `Day` for every date; `by_date` holds each day's check-in (at most one a day)."""
    moods = [float(by_date[d].mood) if d in by_date else None for d in dates]
    averages = _mood_averages(moods)
    days = []
    for when, average in zip(dates, averages, strict=True):
        c = by_date.get(when)
        days.append(
            Day(
                date=when,
                day=(when - start).days + 1,
                checked_in=c is not None,
                mood=float(c.mood) if c else None,
                mood_avg7=average,
                energy=_number(c.energy) if c else None,
                sleep_hours=_number(c.sleep_hours) if c else None,
                urge=_number(c.urge) if c else None,
                trigger=((c.trigger or "").strip() or None) if c else None,
                contact=bool(c.contact) if c else False,
                slip=c.slip if c else None,
                win=(c.win or None) if c else None,
                note=(c.note or None) if c else None,
            )
        )
    return tuple(days)


def _number(value) -> float | None:
    return None if value is None else float(value)


def _mood_averages(moods: list[float | None]) -> list[float | None]:
    """The average of the check-ins in the last 7 calendar days: on each day with a check-in, and
    on a missed day whose 7 days hold at least ROLLING_THROUGH of them, so one missed day does
    not break the line, while a week mostly missed stays a gap. (Moods are whole numbers, so the
    sum is exact and the mean is the one a rolling mean gives, to the last bit.)"""
    out = []
    for i, mood in enumerate(moods):
        window = [m for m in moods[max(0, i - ROLLING_DAYS + 1) : i + 1] if m is not None]
        enough = mood is not None or len(window) >= ROLLING_THROUGH
        out.append(sum(window) / len(window) if window and enough else None)
    return out


def _goal_lists(numbers: Numbers, dates: list[date]):
    """Per goal: done (None where not active), minutes, strength in % (None before it began)."""
    first = dates[0]
    done, minutes, strength = {}, {}, {}
    for goal in numbers.goals:
        flags, spent = [False] * len(dates), [0.0] * len(dates)
        for checkin in numbers.checkins:
            if checkin.date < goal.since:
                continue
            if goal.goal.state_on(checkin.date).state != "active":
                continue  # a paused or retired day counts neither way (core.goal_states)
            row = (checkin.date - first).days
            for name, noted in checkin.goals:
                if name == goal.name:
                    flags[row] = True
                    spent[row] += noted or 0
        active = [d >= goal.since and goal.goal.state_on(d).state == "active" for d in dates]
        done[goal.name] = [f if a else None for f, a in zip(flags, active, strict=True)]
        minutes[goal.name] = spent
        values: list[float | None] = [None] * len(dates)
        offset = (goal.since - first).days
        for i, value in enumerate(goal.strength_series):
            if 0 <= offset + i < len(dates):
                values[offset + i] = value * 100
        strength[goal.name] = values
    return done, minutes, strength


def who5_points(numbers: Numbers) -> tuple[Who5Point, ...]:
    return tuple(
        Who5Point(
            date=row.who5.date,
            day=row.day,
            raw=row.who5.raw,
            percent=row.who5.percent,
            suggest_professional=row.flags.suggest_professional,
            suggest_strongly=row.flags.suggest_strongly,
        )
        for row in numbers.who5
    )


def mood_trend_line(frames: Frames) -> list[float]:
    """The numbers' trend line on each of the days, else an empty list."""
    trend = frames.numbers.mood_trend
    if trend is None or not frames.days:
        return []
    return [
        trend.intercept + trend.slope_per_day * float((d.date - trend.first_date).days)
        for d in frames.days
    ]


def weekly_targets(frames: Frames) -> list[WeekTarget]:
    """Per goal (in the plan's order), then per programme week from the plan's start: days done,
    the target, and whether it was met (see WeekTarget)."""
    if not frames.days or not frames.goals:
        return []
    start = frames.plan.start_date
    rows = [i for i, d in enumerate(frames.days) if d.date >= start]
    if not rows:
        return []
    weeks: dict[int, list[int]] = {}  # week number → its rows, in order
    for i in rows:
        weeks.setdefault((frames.days[i].date - start).days // WEEK + 1, []).append(i)
    out = []
    for goal in frames.goals:
        done = frames.done[goal.name]
        for week, in_week in weeks.items():
            first = frames.days[in_week[0]].date
            last = first + timedelta(days=WEEK - 1)
            target = goal_states.week_target(goal, [first + timedelta(days=k) for k in range(WEEK)])
            count = sum(1 for i in in_week if done[i])
            wanted = target or goal.current.target_per_week
            status = "met" if count >= wanted else "so far" if last > frames.today else "missed"
            live = any(done[i] is not None for i in in_week) and target is not None
            out.append(
                WeekTarget(week, goal.name, count, wanted, status if live else "", first, last)
            )
    return out


def trigger_counts(days: tuple[Day, ...]) -> list[TriggerCount]:
    """How often each trigger was noted, most often first, then by name (same words, any case,
    count together, under the spelling noted first)."""
    triggers = [d.trigger for d in days if d.trigger is not None]
    counts = Counter(t.casefold() for t in triggers)
    spelling: dict[str, str] = {}
    for trigger in triggers:
        spelling.setdefault(trigger.casefold(), trigger)
    found = [TriggerCount(spelling[key], n) for key, n in counts.items()]
    return sorted(found, key=lambda t: (-t.count, t.trigger))
