"""The WHO-5 chart, day 0 against days 14 and 30."""

from __future__ import annotations

from ...core import rules
from ...core.messages import counted, say
from ...numbers.day_frames import Frames
from ..theme import (
    BLUE,
    MUTED,
)
from .base import (
    LABELS,
    MAX_WHO5_LABELS,
    Figure,
    _axis,
    _figure,
    _layout_list,
    _trace,
    empty_figure,
)


def who5_change_text(progress: Frames) -> str:
    change = progress.numbers.who5_change
    if change is None:
        return ""
    if change.real_change:
        direction = "higher" if change.points > 0 else "lower"
        return say(
            "progress_who5_real_change",
            points=counted(abs(change.points), "points"),
            direction=direction,
            first_date=change.before.date,
        )
    return say(
        "progress_who5_small_change",
        points=counted(abs(change.points), "points"),
        first_date=change.before.date,
    )


def who5_figure(progress: Frames) -> Figure:
    title = say("progress_title_who5")
    if progress.plan is None:
        return empty_figure(title, say("progress_no_plan"))
    who5 = progress.who5
    if not who5:
        return empty_figure(title, say("progress_no_who5"))
    fig = _figure(title, who5_change_text(progress) or None)
    # The band and the two lines as plain shapes across the plot's width ("x domain"): what
    # add_hrect and add_hline make, without their 30 ms of working out which axes to span.
    across = {"xref": "x domain", "x0": 0, "x1": 1, "yref": "y"}
    _layout_list(
        fig,
        "shapes",
        {
            "type": "rect",
            **across,
            "y0": 0,
            "y1": rules.WHO5_STRONGLY,
            "fillcolor": "#F6EEF3",
            "line": {"width": 0},
            "layer": "below",
        },
    )
    for level, label in ((rules.WHO5_PROFESSIONAL, "who5_50"), (rules.WHO5_STRONGLY, "who5_28")):
        _layout_list(
            fig,
            "shapes",
            {
                "type": "line",
                **across,
                "y0": level,
                "y1": level,
                "line": {"color": MUTED, "width": 1, "dash": "dot"},
            },
        )
        _layout_list(
            fig,
            "annotations",
            {
                "text": LABELS[label],
                "xref": "x domain",
                "x": 1,
                "xanchor": "right",
                "yref": "y",
                "y": level,
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 12, "color": MUTED},
            },
        )
    _trace(
        fig,
        "scatter",
        x=[p.day for p in who5],
        y=[p.percent for p in who5],
        mode="lines+markers+text" if len(who5) <= MAX_WHO5_LABELS else "lines+markers",
        text=[f"{p.percent} %" for p in who5],
        cliponaxis=False,
        textposition="top center",
        textfont={"size": 14},
        line={"color": BLUE, "width": 2.5},
        marker={"size": 11, "color": BLUE},
        customdata=[p.raw for p in who5],
        hovertemplate="Day %{x}: %{y} % (%{customdata} of 25)<extra></extra>",
        showlegend=False,
    )
    days = sorted({int(p.day) for p in who5} | {0, 14, 30})
    _axis(
        fig,
        "xaxis",
        title={"text": LABELS["day_axis"]},
        tickvals=days if len(days) <= 12 else None,
        range=[min(days) - 3, max(days) + 3],
        zeroline=False,
    )
    _axis(
        fig, "yaxis", title={"text": LABELS["who5_axis"]}, range=[0, 108], ticksuffix=" %", dtick=20
    )
    return fig
