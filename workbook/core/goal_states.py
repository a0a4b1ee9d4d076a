"""Goals that follow a life: a goal's target changed, the goal paused, retired or brought back,
each change dated and kept (nothing overwritten), and what that means for its numbers.

The rule (DESIGN.md's goal strength, exact for a goal never paused or changed):

- A goal is **active** on a day from the day it began to count (the start date, or the day it was
  added) unless its newest change on or before that day paused or retired it. Its weekly target on
  a day is the target of that newest change (or the one it was set up with).
- **Strength** walks every day from the day the goal began to count to today, oldest first, with
  S starting at 0. On an active day it takes one step of Loop's score with that day's target:
  f = target / 7, m = 0.5 ** (sqrt(f) / 13), S = S·m + c·(1−m); c is 1 on a day it was done, else 0,
  for a daily goal; below daily, c = min(1, days done in the last 14 *active* days including this
  one ÷ (2 × target)). On a paused or retired day S is left as it was: the day is neither done nor
  missed. For a goal that was never paused, the active days are exactly the calendar days, so this
  is DESIGN.md's rule unchanged.
- **Days done** and **minutes** count only active days; a check-in that ticks a paused goal is kept
  as written but not counted.
- **Weekly targets**: a week counts only the goal's active days; its target is the target in force on
  the week's last active day, scaled to the days of that week it was not paused or retired (rounded
  up), and a week with no active day has no status.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, timedelta

from . import rules
from .errors import InputError
from .messages import say, times_words
from .model import Goal, GoalState
from .rules import strength_step

STATES = ("active", "paused", "retired")
# verb -> (states it may follow, the state it leads to)
VERBS = {
    "target": (("active", "paused"), None),
    "pause": (("active",), "paused"),
    "retire": (("active", "paused"), "retired"),
    "resume": (("paused", "retired"), "active"),
}
WINDOW = 14


def change(goal: Goal, verb: str, day: date, target: int | None = None) -> GoalState:
    """The new state `verb` gives `goal` from `day`; InputError (kind, specific) when it cannot."""
    if verb not in VERBS:
        raise InputError(say("goal_verb_unknown", value=verb))
    now = goal.current
    allowed, leads_to = VERBS[verb]
    if now.state not in allowed:
        raise InputError(say(f"goal_cannot_{verb}_{now.state}", goal=goal.name))
    if goal.states and day < goal.states[-1].day:
        raise InputError(say("goal_change_before", goal=goal.name, date=goal.states[-1].day))
    if goal.since and day < goal.since:
        raise InputError(say("goal_change_before", goal=goal.name, date=goal.since))
    if verb == "target":
        wanted = _target(goal, target)
        if wanted == now.target_per_week:
            raise InputError(say("goal_target_same", goal=goal.name, times=times_words(wanted)))
        return GoalState(day, now.state, wanted)
    return GoalState(day, leads_to, now.target_per_week)


def _target(goal: Goal, value) -> int:
    """A weekly target from a slider or a command line: a whole number from 1 to 7."""
    text = "" if value is None or isinstance(value, bool) else str(value).strip()
    if not text.isdigit() or not 1 <= int(text) <= 7:
        raise InputError(say("goal_target_range", goal=goal.name, value=text or "nothing"))
    return int(text)


def active_days(goal: Goal, since: date, today: date) -> list[date]:
    """The goal's active days from `since` to today, oldest first."""
    days, day = [], since
    while day <= today:
        if goal.state_on(day).state == "active":
            days.append(day)
        day += timedelta(days=1)
    return days


def strength_series(
    goal: Goal, done_dates: Iterable[date], since: date, today: date
) -> list[float]:
    """Strength (0–1) on each calendar day from `since` to today, by the rule above."""
    if not goal.states:  # never changed: DESIGN.md's rule itself
        return rules.goal_strength_series(done_dates, goal.target_per_week, since, today)
    done = set(done_dates)
    series: list[float] = []
    score, recent = 0.0, []  # recent: done flags of the last WINDOW active days
    day = since
    while day <= today:
        state = goal.state_on(day)
        if state.state == "active":
            target = state.target_per_week
            recent = [*recent[-(WINDOW - 1) :], day in done]
            if target >= 7:
                checkmark = 1.0 if day in done else 0.0
            else:
                checkmark = min(1.0, sum(recent) / (2 * target))
            score = strength_step(target / 7, score, checkmark)
        series.append(score)
        day += timedelta(days=1)
    return series


def week_target(goal: Goal, week_days: list[date]) -> int | None:
    """A week's target: None when the goal was not active on any of its days (see above)."""
    live = [d for d in week_days if goal.state_on(d).state == "active"]
    if not live:
        return None
    stopped = sum(1 for d in week_days if goal.state_on(d).state != "active")
    target = goal.state_on(live[-1]).target_per_week
    return math.ceil(target * (7 - stopped) / 7) if stopped else target
