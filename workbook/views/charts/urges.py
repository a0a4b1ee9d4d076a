"""The patterns of the moments of the urge as bar charts: by hour, by weekday, by trigger.

Drawn only when there are enough moments (numbers/urges.py says how many, and why)."""

from __future__ import annotations

import html

from ...core.messages import say, say_parts
from ...numbers.urges import UrgePatterns
from ..theme import BLUE, PURPLE, SKY_BLUE
from .base import MAX_TRIGGERS, Figure, _axis, _figure, _trace


def trigger_name(trigger: str) -> str:
    return trigger or say("urge_trigger_none")


def _bars(title: str, x, y, colour: str, horizontal: bool = False) -> Figure:
    count = say("urge_count_label")
    if horizontal:
        fig = _figure(title, height=140 + 40 * len(x))
        _trace(
            fig,
            "bar",
            y=x,
            x=y,
            orientation="h",
            marker={"color": colour},
            text=[str(n) for n in y],
            cliponaxis=False,
        )
        _axis(fig, "yaxis", autorange="reversed", ticksuffix="  ")
        _axis(fig, "xaxis", title={"text": count}, rangemode="tozero")
    else:
        fig = _figure(title, height=300)
        _trace(
            fig,
            "bar",
            x=x,
            y=y,
            marker={"color": colour},
            hovertemplate="%{x}: %{y}<extra></extra>",
        )
        _axis(
            fig,
            "yaxis",
            title={"text": count},
            rangemode="tozero",
            dtick=1 if max(y) <= 8 else None,
        )
    return fig


def urge_figures(patterns: UrgePatterns) -> dict[str, Figure]:
    """{"urge_hours", "urge_weekdays", "urge_triggers"}: each a bar chart of the moments."""
    hours = [say("urge_hour", hour=h) for h in range(24)]
    triggers = patterns.by_trigger[:MAX_TRIGGERS]
    return {
        "urge_hours": _bars(say("urge_chart_hours"), hours, list(patterns.by_hour), BLUE),
        "urge_weekdays": _bars(
            say("urge_chart_weekdays"),
            [d[:3] for d in say_parts("urge_weekdays")],
            list(patterns.by_weekday),
            SKY_BLUE,
        ),
        "urge_triggers": _bars(
            say("urge_chart_triggers"),
            [html.escape(trigger_name(t)) for t, _ in triggers],
            [n for _, n in triggers],
            PURPLE,
            horizontal=True,
        ),
    }
