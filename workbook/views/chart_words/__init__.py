"""Each progress chart in words: a sentence saying what it shows for this person, with its real
numbers, and those numbers as a table a screen reader can reach.

Every number is read from a `Numbers` and the frames laid out from it (the same values the charts
draw), never worked out again. A chart in its empty state has no words here: it already is one
kind sentence, and nothing else to tell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...core.messages import say
from .base import ChartTable, ChartWords, duration_text
from .goals import (
    goal_calendar_words,
    goal_strength_words,
    minutes_words,
    weekly_targets_words,
    who5_words,
)
from .mood import mood_lift_words, mood_words, triggers_words, urges_words

if TYPE_CHECKING:
    from ...numbers import Numbers

__all__ = ["CHART_KEYS", "ChartTable", "ChartWords", "duration_text", "words_for"]

# (chart key, what says it, whether it needs goals), in the order the charts are shown.
_WRITERS = (
    ("mood", mood_words, False),
    ("goal_calendar", goal_calendar_words, True),
    ("weekly_targets", weekly_targets_words, True),
    ("goal_strength", goal_strength_words, True),
    ("minutes", minutes_words, True),
    ("urges", urges_words, False),
    ("triggers", triggers_words, False),
    ("mood_lift", mood_lift_words, True),
    ("who5", who5_words, False),
)
CHART_KEYS = tuple(key for key, _, _ in _WRITERS)


def words_for(numbers: Numbers) -> dict[str, ChartWords | None]:
    """Each chart's words, keyed as the charts are; None where the chart has nothing to show."""
    found: dict[str, ChartWords | None] = dict.fromkeys(CHART_KEYS)
    if numbers.plan is None:
        return found
    frames = numbers.frames
    for key, write, needs_goals in _WRITERS:
        has_days = len(frames.days) > 0 or key == "who5"  # the WHO-5 starts on day 0
        if has_days and (frames.goals or not needs_goals):
            found[key] = write(frames, say(f"progress_title_{key}"))
    return found
