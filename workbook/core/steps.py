"""Today's step: one small action and one writing prompt for each day of the programme.

The steps are data (`steps.toml`, beside this module), written for the programme's 30 days; a plan
of another length spreads them over its own days (`step_for`), so day 1 is always the first step
and the last day is always the real think. Past the last day there is no step.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from .rules import day_number

STEP_DAYS = 30  # the days the steps are written for
STAGES = ("break", "self", "think")


@dataclass(frozen=True)
class Step:
    number: int  # 1..STEP_DAYS: the day of a 30-day programme it was written for
    stage: str
    action: str
    prompt: str
    lighter: str
    studies: tuple[str, ...]


@cache
def _data() -> dict:
    text = resources.files("workbook.core").joinpath("steps.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def all_steps() -> tuple[Step, ...]:
    """The steps in order of their day, as written in steps.toml."""
    steps = [
        Step(
            number=s["day"],
            stage=s["stage"],
            action=s["action"],
            prompt=s["prompt"],
            lighter=s["lighter"],
            studies=tuple(s["studies"]),
        )
        for s in _data()["steps"]
    ]
    return tuple(sorted(steps, key=lambda s: s.number))


def studies() -> dict[str, str]:
    """{key: the study's full reference}."""
    return dict(_data()["studies"])


def step_number(day: int, days: int) -> int | None:
    """Which step day `day` of a `days`-day plan shows: the 30 steps spread evenly over the plan
    (a 21-day plan skips some, a 45-day plan gives some two days), or None outside the plan."""
    if not 1 <= day <= days:
        return None
    if days == 1:
        return STEP_DAYS
    return 1 + round((day - 1) * (STEP_DAYS - 1) / (days - 1))


def step_for(start_date: date, days: int, on: date) -> tuple[int, Step] | None:
    """(day N, its step) for the date `on` of a plan, or None before the start or past the end."""
    n = day_number(start_date, on)
    number = step_number(n, days)
    if number is None:
        return None
    return n, all_steps()[number - 1]
