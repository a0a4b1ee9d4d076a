"""The mood charts: mood over the days, urges and slips, triggers, what lifts the mood."""

from __future__ import annotations

import html
import math

from ...core.messages import say
from ...numbers import day_frames
from ...numbers.day_frames import Frames
from ..theme import (
    BLUE,
    MUTED,
    ORANGE,
    PURPLE,
    SKY_BLUE,
    VERMILLION,
)
from .base import (
    LABELS,
    MAX_TRIGGERS,
    TREND_COLOR,
    Figure,
    _axis,
    _date_axis,
    _figure,
    _layout_list,
    _no_goals,
    _nothing_yet,
    _points,
    _trace,
    day_array,
    empty_figure,
    number_array,
)


def mood_figure(progress: Frames) -> Figure:
    title = say("progress_title_mood")
    if (empty := _nothing_yet(progress, title)) is not None:
        return empty
    days = progress.days
    checked = [d for d in days if d.checked_in]
    if not checked:
        return empty_figure(title, say("progress_no_checkins"))
    trend = day_frames.mood_trend_line(progress)
    if trend:
        mood_trend = progress.numbers.mood_trend
        subtitle = (
            say("progress_mood_trend", change=_points(mood_trend.per_week))
            if mood_trend.direction != "level"
            else say("progress_mood_trend_level")
        )
    else:
        subtitle = say("progress_mood_few_days")
    fig = _figure(title, subtitle)
    _trace(
        fig,
        "scatter",
        x=day_array(d.date for d in checked),
        y=number_array([d.mood for d in checked]),
        mode="markers",
        name=LABELS["checkin"],
        marker={"color": BLUE, "size": 8, "opacity": 0.75},
        hovertemplate="%{x}: mood %{y}<extra></extra>",
    )
    if len(checked) >= 2:
        _trace(
            fig,
            "scatter",
            x=day_array(progress.dates),
            y=number_array([d.mood_avg7 for d in days]),
            mode="lines",
            name=LABELS["avg7"],
            connectgaps=False,
            line={"color": ORANGE, "width": 3},
            hovertemplate="%{x}: 7-day average %{y:.1f}<extra></extra>",
        )
    if trend:
        _trace(
            fig,
            "scatter",
            x=day_array(progress.dates),
            y=number_array(trend),
            mode="lines",
            name=LABELS["trend"],
            line={"color": TREND_COLOR, "width": 1.5, "dash": "dash"},
            hoverinfo="skip",
        )
    slips = [d for d in checked if d.contact]
    if slips:
        _trace(
            fig,
            "scatter",
            x=day_array(d.date for d in slips),
            y=number_array([d.mood for d in slips]),
            mode="markers",
            name=LABELS["contact"],
            marker={"color": VERMILLION, "size": 14, "symbol": "x-thin-open", "line": {"width": 3}},
            hovertemplate="%{x}: " + LABELS["contact"].lower() + "<extra></extra>",
        )
    _date_axis(fig, progress.dates)
    _axis(fig, "yaxis", title={"text": LABELS["mood_axis"]}, range=[0.5, 10.5], dtick=1)
    return fig


def urges_figure(progress: Frames) -> Figure:
    title = say("progress_title_urges")
    if (empty := _nothing_yet(progress, title)) is not None:
        return empty
    days = progress.days
    noted = [d for d in days if d.urge is not None]
    if not noted:
        return empty_figure(title, say("progress_no_urges"))
    fig = _figure(title)
    _trace(
        fig,
        "bar",
        x=day_array(d.date for d in noted),
        y=number_array([d.urge for d in noted]),
        name=LABELS["urge"],
        marker={"color": SKY_BLUE},
        hovertemplate="%{x}: urge %{y}<extra></extra>",
    )
    slips = [d for d in days if d.contact]
    if slips:
        _trace(
            fig,
            "scatter",
            x=day_array(d.date for d in slips),
            y=number_array([10.6] * len(slips)),  # a row of marks above the tallest bar
            mode="markers",
            name=LABELS["contact"],
            marker={"color": VERMILLION, "size": 13, "symbol": "x-thin-open", "line": {"width": 3}},
            hovertemplate="%{x}: " + LABELS["contact"].lower() + "<extra></extra>",
        )
    _date_axis(fig, progress.dates)
    fig["layout"].update(bargap=0.15, showlegend=bool(len(slips)))
    _axis(
        fig,
        "yaxis",
        title={"text": LABELS["urge_axis"]},
        range=[0, 11.2],
        tickvals=[0, 2, 4, 6, 8, 10],
    )
    return fig


def triggers_figure(progress: Frames) -> Figure:
    title = say("progress_title_triggers")
    if (empty := _nothing_yet(progress, title)) is not None:
        return empty
    counts = progress.trigger_counts[:MAX_TRIGGERS]
    if not counts:
        return empty_figure(title, say("progress_no_triggers"))
    fig = _figure(title, height=140 + 40 * len(counts))
    _trace(
        fig,
        "bar",
        y=[html.escape(c.trigger) for c in counts],
        x=[c.count for c in counts],
        orientation="h",
        marker={"color": PURPLE},
        text=number_array([c.count for c in counts]),  # numbers: "3", written as the bars' own
        textposition="outside",
        cliponaxis=False,
        hovertemplate="%{y}: %{x} times<extra></extra>",
    )
    _axis(fig, "xaxis", title={"text": LABELS["times_axis"]}, range=[0, counts[0].count * 1.2])
    _axis(fig, "yaxis", autorange="reversed", ticksuffix="  ")
    return fig


def mood_lift_figure(progress: Frames) -> Figure:
    title = say("progress_title_mood_lift")
    if (empty := _no_goals(progress, title)) is not None:
        return empty
    lifts = progress.numbers.mood_lift
    enough = [row for row in lifts if row.enough_data]
    if not enough:
        return empty_figure(title, say("progress_mood_lift_empty"))
    names = [html.escape(row.goal) for row in lifts]
    fig = _figure(title, LABELS["lift_key"], height=150 + 48 * len(lifts))
    low = [float(row.low) for row in enough]
    high = [float(row.high) for row in enough]
    diff = [float(row.difference) for row in enough]
    _trace(
        fig,
        "scatter",
        x=diff,
        y=[html.escape(row.goal) for row in enough],
        mode="markers",
        name=LABELS["interval"],
        marker={"color": BLUE, "size": 12},
        error_x={
            "type": "data",
            "symmetric": False,
            "array": [h - d for h, d in zip(high, diff, strict=True)],
            "arrayminus": [d - lo for d, lo in zip(diff, low, strict=True)],
            "color": BLUE,
            "thickness": 2.5,
            "width": 8,
        },
        # One row of numbers per goal; all floats, as the hover formats them.
        customdata=[
            [lo, h, float(row.days_done), float(row.days_not)]
            for lo, h, row in zip(low, high, enough, strict=True)
        ],
        hovertemplate=(
            "%{y}: %{x:+.1f} (90 % interval %{customdata[0]:+.1f} to %{customdata[1]:+.1f}),"
            " %{customdata[2]} days with, %{customdata[3]} without<extra></extra>"
        ),
        showlegend=False,
    )
    short = [row for row in lifts if not row.enough_data]
    if short:
        _trace(
            fig,
            "scatter",
            x=[0.0] * len(short),
            y=[html.escape(row.goal) for row in short],
            mode="text",
            text=[say("progress_not_enough_data")] * len(short),
            textfont={"color": MUTED, "size": 13},
            hoverinfo="skip",
            showlegend=False,
        )
    ends = [abs(v) for v in low + high if not math.isnan(v)]
    reach = max(1.0, max(ends) * 1.15) if ends else 1.0
    # What add_vline makes, as a plain shape: without its working out which axes to span.
    zero = {"type": "line", "xref": "x", "x0": 0, "x1": 0, "yref": "y domain", "y0": 0, "y1": 1}
    _layout_list(fig, "shapes", {**zero, "line": {"color": MUTED, "width": 1}})
    _axis(fig, "xaxis", title={"text": LABELS["lift_axis"]}, range=[-reach, reach], zeroline=False)
    _axis(
        fig,
        "yaxis",
        categoryorder="array",
        categoryarray=names[::-1],
        ticksuffix="  ",
        showgrid=False,
    )
    return fig
