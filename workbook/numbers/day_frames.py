"""The per-day pandas frames the charts draw, laid out from a `Numbers` (never recomputed).

Every number here comes from `numbers.build`: the strength series, the goal days, the trend line.
This module only puts them on a calendar of days. Every function returns new frames.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..core import goal_states
from ..core.model import Goal, Plan

if TYPE_CHECKING:
    from . import Numbers

ROLLING_DAYS = 7
# A day with no check-in of its own still has an average when this many of its 7 days hold one:
# the line runs on through a missed day, but not across a week that was mostly missed.
ROLLING_THROUGH = 4

DAY_COLUMNS = [
    "day",
    "checked_in",
    "mood",
    "mood_avg7",
    "energy",
    "sleep_hours",
    "urge",
    "trigger",
    "contact",
    "slip",
    "win",
    "note",
]


@dataclass(frozen=True)
class Frames:
    """One row per calendar day, oldest first, with the numbers they were laid out from."""

    numbers: Numbers
    days: pd.DataFrame  # index: date (DatetimeIndex "date"); DAY_COLUMNS
    done: pd.DataFrame  # date × goal: True done, False not, <NA> before the goal began
    minutes: pd.DataFrame  # date × goal: minutes noted (0 when none)
    strength: pd.DataFrame  # date × goal: goal strength in % (NaN before the goal began)
    who5: pd.DataFrame  # one row per WHO-5 taken by today

    @property
    def plan(self) -> Plan | None:
        return self.numbers.plan

    @property
    def today(self) -> date:
        return self.numbers.today

    @property
    def goals(self) -> tuple[Goal, ...]:
        return self.plan.goals if self.plan else ()

    @cached_property
    def weekly_targets(self) -> pd.DataFrame:
        """Per programme week and goal, laid out once for the chart and its words (see below)."""
        return weekly_targets(self)

    @cached_property
    def trigger_counts(self) -> pd.DataFrame:
        """How often each trigger was noted, laid out once for the chart and its words."""
        return trigger_counts(self.days)


def _empty_days() -> pd.DataFrame:
    frame = pd.DataFrame(columns=DAY_COLUMNS, index=pd.DatetimeIndex([], name="date"))
    return frame.astype({"checked_in": bool, "contact": bool, "mood": float, "urge": float})


def build_frames(numbers: Numbers) -> Frames:
    """The day frame and the goal frames of `numbers`."""
    plan, today, checkins = numbers.plan, numbers.today, numbers.checkins
    who5 = who5_frame(numbers)
    first = min([plan.start_date, *(c.date for c in checkins)]) if plan else None
    if plan is None or today < first:
        names = [g.name for g in plan.goals] if plan else []
        empty = pd.DataFrame(columns=names, index=pd.DatetimeIndex([], name="date"), dtype=float)
        return Frames(numbers, _empty_days(), empty.astype("boolean"), empty, empty, who5)

    index = pd.date_range(first, today, freq="D", name="date")
    n = len(index)
    rows = np.fromiter(((c.date - first).days for c in checkins), dtype=np.int64)

    def column(values, dtype=float, fill=np.nan):
        out = np.full(n, fill, dtype=dtype)
        if len(values):
            out[rows] = np.asarray(values, dtype=dtype)
        return out

    def nullable(values) -> np.ndarray:
        out = np.full(n, None, dtype=object)
        out[rows] = values
        return out

    def number(value):
        return np.nan if value is None else value

    days = pd.DataFrame(
        {
            "day": (index - pd.Timestamp(plan.start_date)).days.to_numpy() + 1,
            "checked_in": column([True] * len(checkins), bool, False),
            "mood": column([c.mood for c in checkins]),
            "energy": column([number(c.energy) for c in checkins]),
            "sleep_hours": column([number(c.sleep_hours) for c in checkins]),
            "urge": column([number(c.urge) for c in checkins]),
            "trigger": nullable([(c.trigger or "").strip() or None for c in checkins]),
            "contact": column([c.contact for c in checkins], bool, False),
            "slip": nullable([c.slip for c in checkins]),
            "win": nullable([c.win or None for c in checkins]),
            "note": nullable([c.note or None for c in checkins]),
        },
        index=index,
    )
    # The average of the check-ins in the last 7 calendar days: on each day with a check-in, and
    # on a missed day whose 7 days hold at least ROLLING_THROUGH of them, so one missed day does
    # not break the line, while a week mostly missed stays a gap.
    window = days["mood"].rolling(ROLLING_DAYS, min_periods=1)
    enough = days["checked_in"] | (window.count() >= ROLLING_THROUGH)
    days.insert(3, "mood_avg7", window.mean().where(enough))
    done, minutes, strength = _goal_frames(numbers, index, rows)
    return Frames(numbers, days, done, minutes, strength, who5)


def _goal_frames(numbers: Numbers, index: pd.DatetimeIndex, rows: np.ndarray):
    n = len(index)
    first = index[0].date()
    done_cols, minute_cols, strength_cols = {}, {}, {}
    for goal in numbers.goals:
        flags = np.zeros(n, dtype=bool)
        mins = np.zeros(n, dtype=float)
        for row, checkin in zip(rows, numbers.checkins, strict=True):
            if checkin.date < goal.since:
                continue
            if goal.goal.state_on(checkin.date).state != "active":
                continue  # a paused or retired day counts neither way (core.goal_states)
            for name, minutes in checkin.goals:
                if name == goal.name:
                    flags[row] = True
                    mins[row] += minutes or 0
        active = np.array(
            [d >= goal.since and goal.goal.state_on(d).state == "active" for d in index.date],
            dtype=bool,
        )
        done_cols[goal.name] = pd.array(np.where(active, flags, None), dtype="boolean")
        minute_cols[goal.name] = mins
        values = np.full(n, np.nan)
        series = goal.strength_series
        if series:
            offset = (goal.since - first).days
            values[offset : offset + len(series)] = np.asarray(series) * 100
        strength_cols[goal.name] = values
    return (
        pd.DataFrame(done_cols, index=index),
        pd.DataFrame(minute_cols, index=index),
        pd.DataFrame(strength_cols, index=index),
    )


def who5_frame(numbers: Numbers) -> pd.DataFrame:
    columns = ["date", "day", "raw", "percent", "suggest_professional", "suggest_strongly"]
    rows = [
        {
            "date": row.who5.date,
            "day": row.day,
            "raw": row.who5.raw,
            "percent": row.who5.percent,
            "suggest_professional": row.flags.suggest_professional,
            "suggest_strongly": row.flags.suggest_strongly,
        }
        for row in numbers.who5
    ]
    return pd.DataFrame(rows, columns=columns)


def mood_trend_line(frames: Frames) -> pd.DataFrame:
    """The numbers' trend line over the days, else an empty frame."""
    trend = frames.numbers.mood_trend
    if trend is None or not len(frames.days):
        return pd.DataFrame({"trend": pd.Series(dtype=float)})
    offsets = (frames.days.index - pd.Timestamp(trend.first_date)).days.to_numpy(dtype=float)
    return pd.DataFrame(
        {"trend": trend.intercept + trend.slope_per_day * offsets}, index=frames.days.index.copy()
    )


def weekly_targets(frames: Frames) -> pd.DataFrame:
    """Per programme week and goal: days done, the target, and whether it was met.

    status: "met", "missed", "so far" (this week, not met yet), or "" before the goal began.
    """
    columns = ["week", "goal", "done", "target", "status", "week_start", "week_end"]
    if not len(frames.days) or not frames.goals:
        return pd.DataFrame(columns=columns)
    plan = frames.plan
    done = frames.done.loc[frames.done.index >= pd.Timestamp(plan.start_date)]
    if done.empty:
        return pd.DataFrame(columns=columns)
    week = ((done.index - pd.Timestamp(plan.start_date)).days // 7 + 1).to_numpy()
    counts = done.fillna(False).astype(int).groupby(week).sum()
    began = done.notna().groupby(week).any()
    starts = pd.Series(done.index, index=week).groupby(level=0).min()
    ends = starts + pd.Timedelta(days=6)
    today = pd.Timestamp(frames.today)
    out = []
    for goal in frames.goals:
        days_of = [pd.date_range(s, e).date.tolist() for s, e in zip(starts, ends, strict=True)]
        targets = [goal_states.week_target(goal, days) for days in days_of]
        target = np.array([t or goal.current.target_per_week for t in targets])
        met = counts[goal.name].to_numpy() >= target
        status = np.where(met, "met", np.where(ends.to_numpy() > today, "so far", "missed"))
        live = began[goal.name].to_numpy() & np.array([t is not None for t in targets])
        status = np.where(live, status, "")
        out.append(
            pd.DataFrame(
                {
                    "week": counts.index.to_numpy(),
                    "goal": goal.name,
                    "done": counts[goal.name].to_numpy(),
                    "target": target,
                    "status": status,
                    "week_start": starts.to_numpy(),
                    "week_end": ends.to_numpy(),
                }
            )
        )
    return pd.concat(out, ignore_index=True)


def trigger_counts(days: pd.DataFrame) -> pd.DataFrame:
    """How often each trigger was noted, most often first (same words, any case, count together)."""
    triggers = days["trigger"].dropna()
    if triggers.empty:
        return pd.DataFrame({"trigger": pd.Series(dtype=object), "count": pd.Series(dtype=int)})
    key = triggers.str.casefold()
    first_spelling = triggers.groupby(key).first()
    counts = key.value_counts()
    frame = pd.DataFrame(
        {"trigger": first_spelling.reindex(counts.index).to_numpy(), "count": counts.to_numpy()}
    )
    return frame.sort_values(["count", "trigger"], ascending=[False, True], ignore_index=True)
