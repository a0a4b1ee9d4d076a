"""The goal charts: the calendar, weekly targets, strength and minutes."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ...core.messages import say
from ...numbers.day_frames import Frames
from ..chart_words import duration_text
from ..theme import (
    COLORWAY,
    DONE_CELL,
    EMPTY_CELL,
    GREEN,
    HEIGHT,
    INK,
    SO_FAR_CELL,
)
from .base import (
    LABELS,
    LEGEND_ROW_PX,
    MAX_WEEK_LABELS,
    RECENT_WEEKS,
    _date_axis,
    _day_columns,
    _figure,
    _no_goals,
    empty_figure,
)


def goal_calendar_figure(progress: Frames) -> go.Figure:
    title = say("progress_title_goal_calendar")
    if (empty := _no_goals(progress, title)) is not None:
        return empty
    names = [g.name for g in progress.goals]
    done = progress.done[names]
    checked = progress.days["checked_in"].to_numpy(bool)
    flags = done.fillna(False).to_numpy(bool).T
    began = done.notna().to_numpy().T
    z = np.where(flags, 1.0, np.where(began & checked, 0.0, np.nan))
    minutes = progress.minutes[names].to_numpy().T
    minute_text = np.where(minutes > 0, np.char.add(minutes.astype(int).astype(str), " min"), "")
    hover = np.where(
        flags,
        np.char.add("done ", minute_text),
        np.where(began & checked, "not done", np.where(began, "no check-in", "not a goal yet")),
    )
    fig = _figure(title, LABELS["calendar_key"], height=150 + 40 * len(names))
    fig.add_heatmap(
        **_day_columns(progress.days.index),
        y=[html.escape(n) for n in names],
        z=z,
        customdata=hover,
        zmin=0,
        zmax=1,
        colorscale=[[0, EMPTY_CELL], [0.5, EMPTY_CELL], [0.5, DONE_CELL], [1, DONE_CELL]],
        showscale=False,
        xgap=1,
        ygap=4,
        hovertemplate="%{y}, %{x}: %{customdata}<extra></extra>",
    )
    _date_axis(fig, progress.days)
    fig.update_yaxes(autorange="reversed", showgrid=False, ticksuffix="  ")
    return fig


def weekly_targets_figure(progress: Frames) -> go.Figure:
    title = say("progress_title_weekly_targets")
    if (empty := _no_goals(progress, title)) is not None:
        return empty
    weeks = progress.weekly_targets
    if weeks.empty:
        return empty_figure(title, say("progress_no_checkins"))
    names = [g.name for g in progress.goals]
    code = {"missed": 0.0, "so far": 0.5, "met": 1.0}
    z = weeks.pivot(index="goal", columns="week", values="status").reindex(names)
    counts = weeks.pivot(index="goal", columns="week", values="done").reindex(names)
    targets = weeks.pivot(index="goal", columns="week", values="target").reindex(names)
    status = z.to_numpy()
    values = np.vectorize(lambda s: code.get(s, np.nan), otypes=[float])(status)
    label = np.char.add(
        np.char.add(counts.to_numpy().astype(int).astype(str), " of "),
        targets.to_numpy().astype(int).astype(str),
    )
    label = np.where(status == "", "", label)
    week_numbers = list(z.columns)
    fig = _figure(title, LABELS["weekly_key"], height=150 + 40 * len(names))
    fig.add_heatmap(
        x=week_numbers,
        y=[html.escape(n) for n in names],
        z=values,
        text=label,
        texttemplate="%{text}",
        textfont={"size": 13, "color": INK},
        zmin=0,
        zmax=1,
        colorscale=[
            [0, EMPTY_CELL],
            [0.33, EMPTY_CELL],
            [0.33, SO_FAR_CELL],
            [0.66, SO_FAR_CELL],
            [0.66, GREEN],
            [1, GREEN],
        ],
        showscale=False,
        xgap=3,
        ygap=4,
        hovertemplate="%{y}, week %{x}: %{text}<extra></extra>",
    )
    # A long history opens on its last weeks, so each cell stays wide enough to read.
    last = week_numbers[-1]
    first = (
        max(week_numbers[0], last - RECENT_WEEKS + 1)
        if len(week_numbers) > MAX_WEEK_LABELS
        else week_numbers[0]
    )
    fig.update_xaxes(
        title_text=LABELS["week_axis"],
        tickmode="linear",
        dtick=1,
        tickprefix="Week ",
        range=[first - 0.5, last + 0.5],
    )
    fig.update_yaxes(autorange="reversed", showgrid=False, ticksuffix="  ")
    return fig


def goal_strength_figure(progress: Frames) -> go.Figure:
    title = say("progress_title_goal_strength")
    if (empty := _no_goals(progress, title)) is not None:
        return empty
    today = {g.name: g.strength for g in progress.numbers.goals}
    fig = _figure(title)
    for i, goal in enumerate(progress.goals):
        fig.add_scatter(
            x=progress.strength.index,
            y=progress.strength[goal.name],
            mode="lines+markers" if len(progress.days) == 1 else "lines",
            marker={"size": 9},
            name=f"{html.escape(goal.name)} ({today[goal.name]:.0f} %)",
            line={"color": COLORWAY[i % len(COLORWAY)], "width": 2.5},
            hovertemplate=html.escape(goal.name) + ", %{x}: %{y:.0f} %<extra></extra>",
            showlegend=True,
            cliponaxis=False,  # a goal at 0 % still shows on the axis line
        )
    _date_axis(fig, progress.days)
    fig.update_yaxes(title_text=LABELS["strength_axis"], range=[0, 100], ticksuffix=" %")
    # Many goals wrap the legend onto more rows: make room so it never sits on the lines.
    legend_px = sum(60 + 8 * len(trace.name) for trace in fig.data)
    rows = -(-legend_px // LEGEND_ROW_PX)
    fig.update_layout(margin_t=96 + 22 * (rows - 1), height=HEIGHT + 22 * (rows - 1))
    return fig


def minutes_figure(progress: Frames) -> go.Figure:
    title = say("progress_title_minutes")
    if (empty := _no_goals(progress, title)) is not None:
        return empty
    totals = pd.DataFrame(
        {
            "goal": [g.name for g in progress.numbers.goals],
            "minutes": [g.minutes for g in progress.numbers.goals],
            "days_done": [g.days_done for g in progress.numbers.goals],
        }
    )
    if not totals["minutes"].any():
        return empty_figure(title, say("progress_no_minutes"))
    fig = _figure(title, height=140 + 44 * len(totals))
    fig.add_bar(
        y=[html.escape(n) for n in totals["goal"]],
        x=totals["minutes"],
        orientation="h",
        marker={"color": [COLORWAY[i % len(COLORWAY)] for i in range(len(totals))]},
        text=[duration_text(m) for m in totals["minutes"]],
        textposition="outside",
        cliponaxis=False,
        customdata=totals["days_done"],
        hovertemplate="%{y}: %{text} over %{customdata} days<extra></extra>",
    )
    fig.update_xaxes(title_text=LABELS["minutes_axis"], range=[0, totals["minutes"].max() * 1.25])
    fig.update_yaxes(autorange="reversed", ticksuffix="  ")
    return fig
