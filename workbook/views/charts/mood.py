"""The mood charts: mood over the days, urges and slips, triggers, what lifts the mood."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go

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
    _date_axis,
    _figure,
    _no_goals,
    _nothing_yet,
    _points,
    empty_figure,
)


def mood_figure(progress: Frames) -> go.Figure:
    title = say("progress_title_mood")
    if (empty := _nothing_yet(progress, title)) is not None:
        return empty
    days = progress.days
    checked = days[days["checked_in"]]
    if checked.empty:
        return empty_figure(title, say("progress_no_checkins"))
    trend = day_frames.mood_trend_line(progress)
    if len(trend):
        mood_trend = progress.numbers.mood_trend
        subtitle = (
            say("progress_mood_trend", change=_points(mood_trend.per_week))
            if mood_trend.direction != "level"
            else say("progress_mood_trend_level")
        )
    else:
        subtitle = say("progress_mood_few_days")
    fig = _figure(title, subtitle)
    fig.add_scatter(
        x=checked.index,
        y=checked["mood"],
        mode="markers",
        name=LABELS["checkin"],
        marker={"color": BLUE, "size": 8, "opacity": 0.75},
        hovertemplate="%{x}: mood %{y}<extra></extra>",
    )
    if len(checked) >= 2:
        fig.add_scatter(
            x=days.index,
            y=days["mood_avg7"],
            mode="lines",
            name=LABELS["avg7"],
            connectgaps=False,
            line={"color": ORANGE, "width": 3},
            hovertemplate="%{x}: 7-day average %{y:.1f}<extra></extra>",
        )
    if len(trend):
        fig.add_scatter(
            x=trend.index,
            y=trend["trend"],
            mode="lines",
            name=LABELS["trend"],
            line={"color": TREND_COLOR, "width": 1.5, "dash": "dash"},
            hoverinfo="skip",
        )
    slips = checked[checked["contact"]]
    if len(slips):
        fig.add_scatter(
            x=slips.index,
            y=slips["mood"],
            mode="markers",
            name=LABELS["contact"],
            marker={"color": VERMILLION, "size": 14, "symbol": "x-thin-open", "line": {"width": 3}},
            hovertemplate="%{x}: " + LABELS["contact"].lower() + "<extra></extra>",
        )
    _date_axis(fig, days)
    fig.update_yaxes(title_text=LABELS["mood_axis"], range=[0.5, 10.5], dtick=1)
    return fig


def urges_figure(progress: Frames) -> go.Figure:
    title = say("progress_title_urges")
    if (empty := _nothing_yet(progress, title)) is not None:
        return empty
    days = progress.days
    noted = days[days["urge"].notna()]
    if noted.empty:
        return empty_figure(title, say("progress_no_urges"))
    fig = _figure(title)
    fig.add_bar(
        x=noted.index,
        y=noted["urge"],
        name=LABELS["urge"],
        marker={"color": SKY_BLUE},
        hovertemplate="%{x}: urge %{y}<extra></extra>",
    )
    slips = days[days["contact"]]
    if len(slips):
        fig.add_scatter(
            x=slips.index,
            y=np.full(len(slips), 10.6),
            mode="markers",
            name=LABELS["contact"],
            marker={"color": VERMILLION, "size": 13, "symbol": "x-thin-open", "line": {"width": 3}},
            hovertemplate="%{x}: " + LABELS["contact"].lower() + "<extra></extra>",
        )
    _date_axis(fig, days)
    fig.update_layout(bargap=0.15, showlegend=bool(len(slips)))
    fig.update_yaxes(title_text=LABELS["urge_axis"], range=[0, 11.2], tickvals=[0, 2, 4, 6, 8, 10])
    return fig


def triggers_figure(progress: Frames) -> go.Figure:
    title = say("progress_title_triggers")
    if (empty := _nothing_yet(progress, title)) is not None:
        return empty
    counts = progress.trigger_counts.head(MAX_TRIGGERS)
    if counts.empty:
        return empty_figure(title, say("progress_no_triggers"))
    fig = _figure(title, height=140 + 40 * len(counts))
    fig.add_bar(
        y=[html.escape(t) for t in counts["trigger"]],
        x=counts["count"],
        orientation="h",
        marker={"color": PURPLE},
        text=counts["count"],
        textposition="outside",
        cliponaxis=False,
        hovertemplate="%{y}: %{x} times<extra></extra>",
    )
    fig.update_xaxes(title_text=LABELS["times_axis"], range=[0, counts["count"].max() * 1.2])
    fig.update_yaxes(autorange="reversed", ticksuffix="  ")
    return fig


def mood_lift_figure(progress: Frames) -> go.Figure:
    title = say("progress_title_mood_lift")
    if (empty := _no_goals(progress, title)) is not None:
        return empty
    frame = pd.DataFrame([row.as_dict() for row in progress.numbers.mood_lift])
    enough = frame[frame["enough_data"].astype(bool)]
    if enough.empty:
        return empty_figure(title, say("progress_mood_lift_empty"))
    names = [html.escape(g) for g in frame["goal"]]
    fig = _figure(title, LABELS["lift_key"], height=150 + 48 * len(frame))
    low = enough["low"].astype(float)
    high = enough["high"].astype(float)
    diff = enough["difference"].astype(float)
    fig.add_scatter(
        x=diff,
        y=[html.escape(g) for g in enough["goal"]],
        mode="markers",
        name=LABELS["interval"],
        marker={"color": BLUE, "size": 12},
        error_x={
            "type": "data",
            "symmetric": False,
            "array": high - diff,
            "arrayminus": diff - low,
            "color": BLUE,
            "thickness": 2.5,
            "width": 8,
        },
        customdata=np.stack([low, high, enough["days_done"], enough["days_not"]], axis=1),
        hovertemplate=(
            "%{y}: %{x:+.1f} (90 % interval %{customdata[0]:+.1f} to %{customdata[1]:+.1f}),"
            " %{customdata[2]} days with, %{customdata[3]} without<extra></extra>"
        ),
        showlegend=False,
    )
    short = frame[~frame["enough_data"].astype(bool)]
    if len(short):
        fig.add_scatter(
            x=np.zeros(len(short)),
            y=[html.escape(g) for g in short["goal"]],
            mode="text",
            text=[say("progress_not_enough_data")] * len(short),
            textfont={"color": MUTED, "size": 13},
            hoverinfo="skip",
            showlegend=False,
        )
    reach = max(1.0, float(np.nanmax(np.abs(np.concatenate([low, high])))) * 1.15)
    fig.add_vline(x=0, line={"color": MUTED, "width": 1})
    fig.update_xaxes(title_text=LABELS["lift_axis"], range=[-reach, reach], zeroline=False)
    fig.update_yaxes(
        categoryorder="array", categoryarray=names[::-1], ticksuffix="  ", showgrid=False
    )
    return fig
