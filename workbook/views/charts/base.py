"""What every chart shares: labels, the empty state, the date axis.

A chart is plotly's figure as a plain dict (`{"data": [traces], "layout": {...}}`, the form plotly
documents as a figure's data structure and plotly.js draws), not a `plotly.graph_objects.Figure`:
building a Figure checks every property against plotly's schema as it is set, which was most of
the progress page's time in a fresh kernel (a new JupyterLab tab). The tests check every chart
with plotly's own validators instead (`go.Figure(chart)` raises on anything plotly does not know).
"""

from __future__ import annotations

import html
from datetime import date, datetime, time, timedelta

import numpy as np

from ...core.messages import say
from ...numbers.day_frames import Frames
from ..theme import MUTED, TEMPLATE

Figure = dict  # plotly's figure as a dict: {"data": [trace dicts], "layout": {...}}

# Short labels on axes and legends, each its message chart_label_<key>.
LABELS = {
    key: say(f"chart_label_{key}")
    for key in (
        "checkin",
        "avg7",
        "trend",
        "contact",
        "mood_axis",
        "urge_axis",
        "urge",
        "strength_axis",
        "minutes_axis",
        "times_axis",
        "lift_axis",
        "who5_axis",
        "day_axis",
        "week_axis",
        "calendar_key",
        "weekly_key",
        "who5_50",
        "who5_28",
        "interval",
        "lift_key",
    )
}

TREND_COLOR = MUTED
MAX_TRIGGERS = 12
MAX_WEEK_LABELS = 16
LONG_HISTORY_DAYS = 120
RECENT_DAYS = 91
RECENT_WEEKS = 12
MAX_WHO5_LABELS = 8
LEGEND_ROW_PX = 850  # a 13-inch laptop's plot width beside JupyterLab's side bar


def _figure(title: str, subtitle: str | None = None, **layout) -> Figure:
    title_layout = {"text": html.escape(title)}
    if subtitle:
        title_layout["subtitle"] = {
            "text": html.escape(subtitle),
            "font": {"size": 13, "color": MUTED},
        }
    # The one template dict, shared by every chart: copy a chart before changing it in place.
    return {"data": [], "layout": {"template": TEMPLATE, "title": title_layout, **layout}}


def _trace(fig: Figure, kind: str, **properties) -> None:
    """Add a trace of `kind` ("scatter", "bar", "heatmap") to the figure."""
    fig["data"].append({"type": kind, **properties})


def _layout_list(fig: Figure, name: str, item: dict) -> None:
    """Add a shape or an annotation ("shapes", "annotations") to the figure's layout."""
    fig["layout"].setdefault(name, []).append(item)


def _axis(fig: Figure, name: str, **properties) -> None:
    """Set properties of the figure's "xaxis" or "yaxis"; a None leaves one unset."""
    axis = fig["layout"].setdefault(name, {})
    axis.update({key: value for key, value in properties.items() if value is not None})


def empty_figure(title: str, text: str) -> Figure:
    """A calm figure holding one kind sentence, in place of a chart with nothing to show."""
    fig = _figure(title, height=170, margin={"l": 24, "r": 24, "t": 64, "b": 16})
    _axis(fig, "xaxis", visible=False)
    _axis(fig, "yaxis", visible=False)
    _layout_list(
        fig,
        "annotations",
        {
            "text": html.escape(text),
            "xref": "paper",
            "yref": "paper",
            "x": 0.5,
            "y": 0.5,
            "showarrow": False,
            "font": {"size": 15, "color": MUTED},
        },
    )
    fig["layout"]["meta"] = {"empty": True}
    return fig


def is_empty(fig: Figure) -> bool:
    return bool((fig["layout"].get("meta") or {}).get("empty"))


def _date_axis(fig: Figure, dates: list[date]) -> None:
    """A date axis at least a week wide (one day still looks like a day, not hours); a long
    history opens on its last three months, the rest a drag or a double-click away."""
    first = dates[0]
    last = max(dates[-1], first + timedelta(days=6))
    if (last - first).days > LONG_HISTORY_DAYS:
        first = last - timedelta(days=RECENT_DAYS - 1)
    half = timedelta(hours=12)  # half a day each side, so the first and last days show whole
    _axis(
        fig,
        "xaxis",
        type="date",
        range=[_midnight(first) - half, _midnight(last) + half],
        tickformatstops=[
            {"dtickrange": [None, "M1"], "value": "%-d %b"},
            {"dtickrange": ["M1", "M12"], "value": "%b %Y"},
            {"dtickrange": ["M12", None], "value": "%Y"},
        ],
        hoverformat="%a %-d %b %Y",
    )


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time())


def _day_columns(dates: list[date]) -> dict:
    """Heatmap columns, one per day; a lone day gets a day's width instead of a hairline."""
    if len(dates) == 1:
        return {"x0": dates[0], "dx": 24 * 60 * 60 * 1000}
    return {"x": day_array(dates)}


# Long series as numpy arrays: plotly's JSON writes numbers as typed arrays (8 bytes each, in
# base64), and the report's `figure_data.compact` makes days and numbers smaller still.
def day_array(dates) -> np.ndarray:
    """Days as plotly reads them fastest (a day at midnight, as a date axis draws it)."""
    return np.array(list(dates), dtype="datetime64[ns]")


def number_array(values) -> np.ndarray:
    """Numbers (or rows of them) as 8-byte floats; a gap (None) as NaN, which plotly leaves a gap."""
    return np.array(values, dtype=float)


def _nothing_yet(progress: Frames, title: str) -> Figure | None:
    """The empty state shared by every chart, when there is no plan or nothing before today."""
    if progress.plan is None:
        return empty_figure(title, say("progress_no_plan"))
    if not progress.days:
        return empty_figure(title, say("progress_before_start", start=progress.plan.start_date))
    return None


def _no_goals(progress: Frames, title: str) -> Figure | None:
    return _nothing_yet(progress, title) or (
        None if progress.goals else empty_figure(title, say("progress_no_goals"))
    )


def _points(value: float) -> str:
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return f"{sign}{abs(value):.1f} points"
