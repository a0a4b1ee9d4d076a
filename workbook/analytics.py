"""The numbers behind the progress charts, as pandas frames built once from a Snapshot and `today`.

Every function returns new frames and leaves the caller's untouched. The rules themselves
(streaks, goal strength, WHO-5 flags, the low-mood prompt) come from `rules`; this module only
lays them out over the days.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from . import rules
from .model import Goal, Plan
from .store import Snapshot
from .summary import mood_trend_per_week

ROLLING_DAYS = 7
TREND_MIN_DAYS = 7
LIFT_MIN_DAYS = 3
BOOTSTRAP_RESAMPLES = 2_000
BOOTSTRAP_SEED = 0
INTERVAL = 0.90

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
class Progress:
    """Everything the charts draw, computed once: one row per calendar day, oldest first."""

    plan: Plan | None
    today: date
    days: pd.DataFrame  # index: date (DatetimeIndex "date"); DAY_COLUMNS
    done: pd.DataFrame  # date × goal: True done, False not, <NA> before the goal began
    minutes: pd.DataFrame  # date × goal: minutes noted (0 when none)
    strength: pd.DataFrame  # date × goal: goal strength in % (NaN before the goal began)
    who5: pd.DataFrame  # one row per WHO-5 taken by today
    checkins: tuple = field(default=(), repr=False)
    who5s: tuple = field(default=(), repr=False)

    @property
    def goals(self) -> tuple[Goal, ...]:
        return self.plan.goals if self.plan else ()

    @property
    def checkin_count(self) -> int:
        return int(self.days["checked_in"].sum()) if len(self.days) else 0


def _goal_since(plan: Plan, goal: Goal) -> date:
    return max(plan.start_date, goal.since or plan.start_date)


def _empty_days() -> pd.DataFrame:
    frame = pd.DataFrame(columns=DAY_COLUMNS, index=pd.DatetimeIndex([], name="date"))
    return frame.astype({"checked_in": bool, "contact": bool, "mood": float, "urge": float})


def build_progress(snapshot: Snapshot, today: date) -> Progress:
    """The day frame and the goal frames for `today`: only what had happened by then counts."""
    plan = snapshot.plan
    checkins = tuple(c for c in snapshot.checkins if c.date <= today)
    who5s = tuple(w for w in snapshot.who5s if w.date <= today)
    who5 = who5_frame(plan, who5s)
    first = min([plan.start_date, *(c.date for c in checkins)]) if plan else None
    if plan is None or today < first:
        names = [g.name for g in plan.goals] if plan else []
        empty = pd.DataFrame(columns=names, index=pd.DatetimeIndex([], name="date"), dtype=float)
        done = empty.astype("boolean")
        return Progress(plan, today, _empty_days(), done, empty, empty, who5, checkins, who5s)

    index = pd.date_range(first, today, freq="D", name="date")
    n = len(index)
    position = {c.date: (c.date - first).days for c in checkins}
    rows = np.fromiter(position.values(), dtype=np.int64, count=len(position))

    def column(values, dtype=float, fill=np.nan):
        out = np.full(n, fill, dtype=dtype)
        out[rows] = np.asarray(values, dtype=dtype) if len(values) else out[rows]
        return out

    def nullable(values) -> np.ndarray:
        out = np.full(n, None, dtype=object)
        out[rows] = values
        return out

    none = np.nan
    mood = column([c.mood for c in checkins])
    days = pd.DataFrame(
        {
            "day": (index - pd.Timestamp(plan.start_date)).days.to_numpy() + 1,
            "checked_in": column([True] * len(checkins), bool, False),
            "mood": mood,
            "energy": column([none if c.energy is None else c.energy for c in checkins]),
            "sleep_hours": column(
                [none if c.sleep_hours is None else c.sleep_hours for c in checkins]
            ),
            "urge": column([none if c.urge is None else c.urge for c in checkins]),
            "trigger": nullable([(c.trigger or "").strip() or None for c in checkins]),
            "contact": column([c.contact for c in checkins], bool, False),
            "slip": nullable([c.slip for c in checkins]),
            "win": nullable([c.win or None for c in checkins]),
            "note": nullable([c.note or None for c in checkins]),
        },
        index=index,
    )
    # The average of the check-ins in the last 7 calendar days, drawn only on days with one,
    # so a missed day stays a gap in the line instead of being papered over.
    rolling = days["mood"].rolling(ROLLING_DAYS, min_periods=1).mean()
    days.insert(3, "mood_avg7", rolling.where(days["checked_in"]))

    done, minutes, strength = _goal_frames(plan, checkins, index, rows, today)
    return Progress(plan, today, days, done, minutes, strength, who5, checkins, who5s)


def _goal_frames(plan: Plan, checkins, index: pd.DatetimeIndex, rows: np.ndarray, today: date):
    n = len(index)
    done_cols, minute_cols, strength_cols = {}, {}, {}
    for goal in plan.goals:
        since = _goal_since(plan, goal)
        flags = np.zeros(n, dtype=bool)
        mins = np.zeros(n, dtype=float)
        for row, checkin in zip(rows, checkins, strict=True):
            for name, minutes in checkin.goals:
                if name == goal.name:
                    flags[row] = True
                    mins[row] += minutes or 0
        active = index >= pd.Timestamp(since)
        flags &= active
        mins[~active] = 0
        done_cols[goal.name] = pd.array(np.where(active, flags, None), dtype="boolean")
        minute_cols[goal.name] = mins
        # One pass of the rule per goal, shared by every chart.
        series = rules.goal_strength_series(index[flags].date, goal.target_per_week, since, today)
        values = np.full(n, np.nan)
        if series:
            values[n - len(series) :] = np.asarray(series) * 100
        strength_cols[goal.name] = values
    return (
        pd.DataFrame(done_cols, index=index),
        pd.DataFrame(minute_cols, index=index),
        pd.DataFrame(strength_cols, index=index),
    )


# --- Mood ------------------------------------------------------------------------------------


def mood_trend(days: pd.DataFrame) -> pd.DataFrame:
    """The least-squares trend over the check-in days (7 or more), else an empty frame."""
    checked = days.loc[days["checked_in"].astype(bool), "mood"]
    if len(checked) < TREND_MIN_DAYS:
        return pd.DataFrame({"trend": pd.Series(dtype=float)})
    x = (checked.index - checked.index[0]).days.to_numpy(dtype=float)
    if np.ptp(x) == 0:
        return pd.DataFrame({"trend": pd.Series(dtype=float)})
    slope, intercept = np.polyfit(x, checked.to_numpy(dtype=float), 1)
    all_x = (days.index - checked.index[0]).days.to_numpy(dtype=float)
    return pd.DataFrame({"trend": intercept + slope * all_x}, index=days.index.copy())


def mood_trend_per_week_of(progress: Progress) -> float | None:
    """The same trend number the report shows."""
    return mood_trend_per_week(list(progress.checkins))


# --- Goals -----------------------------------------------------------------------------------


def weekly_targets(progress: Progress) -> pd.DataFrame:
    """Per programme week and goal: days done, the target, and whether it was met.

    status: "met", "missed", "so far" (this week, not met yet), or "" before the goal began.
    """
    columns = ["week", "goal", "done", "target", "status", "week_start", "week_end"]
    if not len(progress.days) or not progress.goals:
        return pd.DataFrame(columns=columns)
    plan = progress.plan
    done = progress.done.loc[progress.done.index >= pd.Timestamp(plan.start_date)]
    if done.empty:
        return pd.DataFrame(columns=columns)
    week = ((done.index - pd.Timestamp(plan.start_date)).days // 7 + 1).to_numpy()
    counts = done.fillna(False).astype(int).groupby(week).sum()
    began = done.notna().groupby(week).any()
    starts = pd.Series(done.index, index=week).groupby(level=0).min()
    ends = starts + pd.Timedelta(days=6)
    frames = []
    today = pd.Timestamp(progress.today)
    for goal in progress.goals:
        target = goal.target_per_week
        met = counts[goal.name] >= target
        status = np.where(met, "met", np.where(ends.to_numpy() > today, "so far", "missed"))
        status = np.where(began[goal.name].to_numpy(), status, "")
        frames.append(
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
    return pd.concat(frames, ignore_index=True)


def minutes_per_goal(progress: Progress) -> pd.DataFrame:
    """Total minutes and days done per goal, in plan order."""
    return pd.DataFrame(
        {
            "goal": [g.name for g in progress.goals],
            "minutes": [int(progress.minutes[g.name].sum()) for g in progress.goals],
            "days_done": [int(progress.done[g.name].fillna(False).sum()) for g in progress.goals],
        }
    )


def strength_today(progress: Progress) -> dict[str, float]:
    """Today's strength per goal in %, rounded as the report rounds it."""
    out = {}
    for goal in progress.goals:
        column = progress.strength[goal.name].dropna() if len(progress.strength) else []
        out[goal.name] = round(float(column.iloc[-1]), 1) if len(column) else 0.0
    return out


# --- Urges and slips -------------------------------------------------------------------------


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


def slip_rows(progress: Progress) -> list[dict]:
    """Each day contact happened (in the programme), with what happened, oldest first."""
    if not len(progress.days):
        return []
    days = progress.days
    start = pd.Timestamp(progress.plan.start_date)
    slips = days[days["contact"].astype(bool) & (days.index >= start)]
    return [
        {"date": d.date(), "day": int(row.day), "what": row.slip or "", "mood": row.mood}
        for d, row in slips.iterrows()
    ]


def accomplishments(progress: Progress) -> list[dict]:
    """Each day's win, oldest first."""
    if not progress.plan:
        return []
    start = progress.plan.start_date
    return [
        {"date": c.date, "day": rules.day_number(start, c.date), "win": c.win}
        for c in progress.checkins
        if c.win
    ]


# --- Streaks, WHO-5, low mood (the rules, fed the same way the report feeds them) ------------


def streaks(progress: Progress) -> dict[str, int]:
    plan, today = progress.plan, progress.today
    if plan is None:
        return {
            "checkin_current": 0,
            "checkin_best": 0,
            "no_contact_current": 0,
            "no_contact_best": 0,
        }
    checkin = rules.checkin_streak([c.date for c in progress.checkins], today)
    slips = [c.date for c in progress.checkins if c.contact and c.date >= plan.start_date]
    no_contact = rules.no_contact_streak(plan.start_date, slips, today)
    return {
        "checkin_current": checkin.current,
        "checkin_best": checkin.best,
        "no_contact_current": no_contact.current,
        "no_contact_best": no_contact.best,
    }


def who5_frame(plan: Plan | None, who5s) -> pd.DataFrame:
    rows = []
    for w in who5s:
        flags = rules.who5_flags(w.answers)
        rows.append(
            {
                "date": w.date,
                "day": rules.day_number(plan.start_date, w.date) if plan else None,
                "raw": w.raw,
                "percent": w.percent,
                "suggest_professional": flags.suggest_professional,
                "suggest_strongly": flags.suggest_strongly,
            }
        )
    columns = ["date", "day", "raw", "percent", "suggest_professional", "suggest_strongly"]
    return pd.DataFrame(rows, columns=columns)


def who5_change(progress: Progress) -> dict | None:
    """First against latest WHO-5: points of change and whether it is a real change."""
    if len(progress.who5s) < 2:
        return None
    first, last = progress.who5s[0], progress.who5s[-1]
    points, real = rules.who5_change(first, last)
    plan = progress.plan
    return {
        "points": points,
        "real_change": real,
        "first_day": rules.day_number(plan.start_date, first.date) if plan else 0,
        "last_day": rules.day_number(plan.start_date, last.date) if plan else 0,
    }


def low_mood(progress: Progress) -> bool:
    return rules.low_mood_prompt(
        list(progress.checkins), progress.who5s[-1] if progress.who5s else None
    )


# --- What lifts the mood ---------------------------------------------------------------------


def _bootstrap_means(moods: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Bootstrap means of `moods`: resampling with replacement is a multinomial over its values."""
    values, counts = np.unique(moods, return_counts=True)
    draws = rng.multinomial(len(moods), counts / len(moods), size=BOOTSTRAP_RESAMPLES)
    return draws @ values / len(moods)


def mood_lift_frame(progress: Progress) -> pd.DataFrame:
    """Per goal: mean mood on check-in days it was done minus days it was not, 90 % interval."""
    columns = ["goal", "days_done", "days_not", "difference", "low", "high", "enough_data"]
    rows = []
    days = progress.days
    tail = (1 - INTERVAL) / 2 * 100
    for goal in progress.goals:
        flags = progress.done[goal.name]
        considered = days["checked_in"].to_numpy(bool) & flags.notna().to_numpy()
        flag_values = flags.fillna(False).to_numpy(bool)
        mood = days["mood"].to_numpy(float)
        with_goal = mood[considered & flag_values]
        without = mood[considered & ~flag_values]
        row = {
            "goal": goal.name,
            "days_done": len(with_goal),
            "days_not": len(without),
            "difference": None,
            "low": None,
            "high": None,
            "enough_data": len(with_goal) >= LIFT_MIN_DAYS and len(without) >= LIFT_MIN_DAYS,
        }
        if row["enough_data"]:
            rng = np.random.default_rng(
                BOOTSTRAP_SEED
            )  # each goal its own, so order doesn't matter
            diffs = _bootstrap_means(with_goal, rng) - _bootstrap_means(without, rng)
            low, high = np.percentile(diffs, [tail, 100 - tail])
            row.update(
                difference=round(float(with_goal.mean() - without.mean()), 2),
                low=round(float(low), 2),
                high=round(float(high), 2),
            )
        rows.append(row)
    return pd.DataFrame(rows, columns=columns)


def mood_lift_rows(snapshot: Snapshot, today: date, progress: Progress | None = None) -> list[dict]:
    """What lifts the mood, per goal (goal, days_done, days_not, difference, low, high, enough_data)."""
    progress = progress or build_progress(snapshot, today)
    frame = mood_lift_frame(progress)
    return [{key: _plain(value) for key, value in row.items()} for row in frame.to_dict("records")]


def _plain(value):
    """A plain Python value, with a missing number as None (never NaN)."""
    value = value.item() if hasattr(value, "item") else value
    return None if isinstance(value, float) and math.isnan(value) else value
