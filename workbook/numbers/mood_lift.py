"""What lifts the mood: per goal, mean mood on days it was done minus days it was not, with a
bootstrap 90 % interval, only with at least 3 check-in days on each side (DESIGN.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from . import Numbers

LIFT_MIN_DAYS = 3
BOOTSTRAP_RESAMPLES = 2_000
BOOTSTRAP_SEED = 0
INTERVAL = 0.90


@dataclass(frozen=True)
class MoodLift:
    goal: str
    days_done: int
    days_not: int
    difference: float | None = None
    low: float | None = None
    high: float | None = None

    @property
    def enough_data(self) -> bool:
        return self.days_done >= LIFT_MIN_DAYS and self.days_not >= LIFT_MIN_DAYS

    def as_dict(self) -> dict:
        return {
            "goal": self.goal,
            "days_done": self.days_done,
            "days_not": self.days_not,
            "difference": self.difference,
            "low": self.low,
            "high": self.high,
            "enough_data": self.enough_data,
        }


def _bootstrap_means(moods: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Bootstrap means of `moods`: resampling with replacement is a multinomial over its values."""
    values, counts = np.unique(moods, return_counts=True)
    draws = rng.multinomial(len(moods), counts / len(moods), size=BOOTSTRAP_RESAMPLES)
    return draws @ values / len(moods)


def mood_lift(numbers: Numbers) -> tuple[MoodLift, ...]:
    """One row per goal, in plan order; an interval only with enough days on each side."""
    tail = (1 - INTERVAL) / 2 * 100
    rows = []
    for goal in numbers.goals:
        done = set(goal.done_dates)
        counted = [c for c in numbers.checkins if c.date >= goal.since]
        with_goal = np.array([c.mood for c in counted if c.date in done], dtype=float)
        without = np.array([c.mood for c in counted if c.date not in done], dtype=float)
        row = MoodLift(goal.name, len(with_goal), len(without))
        if row.enough_data:
            rng = np.random.default_rng(BOOTSTRAP_SEED)  # each goal its own: order doesn't matter
            diffs = _bootstrap_means(with_goal, rng) - _bootstrap_means(without, rng)
            low, high = np.percentile(diffs, [tail, 100 - tail])
            row = MoodLift(
                goal.name,
                len(with_goal),
                len(without),
                difference=round(float(with_goal.mean() - without.mean()), 2),
                low=round(float(low), 2),
                high=round(float(high), 2),
            )
        rows.append(row)
    return tuple(rows)
