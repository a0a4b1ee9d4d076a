"""The progress charts: one function per chart, each returning a plotly figure as a dict (never
displaying it; base.py says why a dict), grouped by family (mood, goals, WHO-5). Every chart
draws a `Frames` laid out from one `Numbers`, and has a friendly empty state: a kind sentence,
never a blank frame.
"""

from __future__ import annotations

from collections import OrderedDict

from ...numbers import Numbers
from ...numbers.day_frames import Frames
from .base import LABELS, Figure, empty_figure, is_empty
from .goals import goal_calendar_figure, goal_strength_figure, minutes_figure, weekly_targets_figure
from .mood import mood_figure, mood_lift_figure, triggers_figure, urges_figure
from .who5 import who5_change_text, who5_figure

FIGURES = {
    "mood": mood_figure,
    "goal_calendar": goal_calendar_figure,
    "weekly_targets": weekly_targets_figure,
    "goal_strength": goal_strength_figure,
    "minutes": minutes_figure,
    "urges": urges_figure,
    "triggers": triggers_figure,
    "mood_lift": mood_lift_figure,
    "who5": who5_figure,
}
FIGURE_KEYS = tuple(FIGURES)

__all__ = [
    "FIGURE_KEYS",
    "Figure",
    "LABELS",
    "empty_figure",
    "figures_for",
    "is_empty",
    "progress_figures",
    "who5_change_text",
]


def figures_for(frames: Frames) -> OrderedDict[str, Figure]:
    """Every progress chart, in the order the page and the report show them."""
    return OrderedDict((key, draw(frames)) for key, draw in FIGURES.items())


def progress_figures(numbers: Numbers) -> OrderedDict[str, Figure]:
    """All the progress charts for these numbers, keyed as FIGURE_KEYS."""
    return figures_for(numbers.frames)
