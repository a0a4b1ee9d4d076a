"""The goal charts: the calendar, weekly targets, strength and minutes."""

from __future__ import annotations

import html

import numpy as np

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
    Figure,
    _axis,
    _date_axis,
    _day_columns,
    _figure,
    _no_goals,
    _trace,
    day_array,
    empty_figure,
    number_array,
)


def goal_calendar_figure(progress: Frames) -> Figure:
    title = say("progress_title_goal_calendar")
    if (empty := _no_goals(progress, title)) is not None:
        return empty
    names = [g.name for g in progress.goals]
    checked = [d.checked_in for d in progress.days]
    z, hover = [], []
    for name in names:
        cells = [
            _calendar_cell(flag, spent, was_checked)
            for flag, spent, was_checked in zip(
                progress.done[name], progress.minutes[name], checked, strict=True
            )
        ]
        z.append([value for value, _ in cells])
        hover.append([text for _, text in cells])
    fig = _figure(title, LABELS["calendar_key"], height=150 + 40 * len(names))
    _trace(
        fig,
        "heatmap",
        **_day_columns(progress.dates),
        y=[html.escape(n) for n in names],
        z=number_array(z),
        customdata=np.array(hover),
        zmin=0,
        zmax=1,
        colorscale=[[0, EMPTY_CELL], [0.5, EMPTY_CELL], [0.5, DONE_CELL], [1, DONE_CELL]],
        showscale=False,
        xgap=1,
        ygap=4,
        hovertemplate="%{y}, %{x}: %{customdata}<extra></extra>",
    )
    _date_axis(fig, progress.dates)
    _axis(fig, "yaxis", autorange="reversed", showgrid=False, ticksuffix="  ")
    return fig


def _calendar_cell(done: bool | None, minutes: float, checked: bool) -> tuple[float | None, str]:
    """A goal's day on the calendar: its colour (1 done, 0 not done, None blank) and hover."""
    if done:
        return 1.0, "done " + (f"{int(minutes)} min" if minutes > 0 else "")
    if done is not None:
        return (0.0, "not done") if checked else (None, "no check-in")
    return None, "not a goal yet"


def weekly_targets_figure(progress: Frames) -> Figure:
    title = say("progress_title_weekly_targets")
    if (empty := _no_goals(progress, title)) is not None:
        return empty
    weeks = progress.weekly_targets
    if not weeks:
        return empty_figure(title, say("progress_no_checkins"))
    names = [g.name for g in progress.goals]
    code = {"missed": 0.0, "so far": 0.5, "met": 1.0}
    week_numbers = sorted({w.week for w in weeks})
    cell = {(w.goal, w.week): w for w in weeks}
    grid = [[cell[name, week] for week in week_numbers] for name in names]
    values = [[code.get(w.status) for w in row] for row in grid]
    label = [[f"{w.done} of {w.target}" if w.status else "" for w in row] for row in grid]
    fig = _figure(title, LABELS["weekly_key"], height=150 + 40 * len(names))
    _trace(
        fig,
        "heatmap",
        x=week_numbers,
        y=[html.escape(n) for n in names],
        z=number_array(values),
        text=np.array(label),
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
    _axis(
        fig,
        "xaxis",
        title={"text": LABELS["week_axis"]},
        tickmode="linear",
        dtick=1,
        tickprefix="Week ",
        range=[first - 0.5, last + 0.5],
    )
    _axis(fig, "yaxis", autorange="reversed", showgrid=False, ticksuffix="  ")
    return fig


def goal_strength_figure(progress: Frames) -> Figure:
    title = say("progress_title_goal_strength")
    if (empty := _no_goals(progress, title)) is not None:
        return empty
    today = {g.name: g.strength for g in progress.numbers.goals}
    fig = _figure(title)
    for i, goal in enumerate(progress.goals):
        _trace(
            fig,
            "scatter",
            x=day_array(progress.dates),
            y=number_array(progress.strength[goal.name]),
            mode="lines+markers" if len(progress.days) == 1 else "lines",
            marker={"size": 9},
            name=f"{html.escape(goal.name)} ({today[goal.name]:.0f} %)",
            line={"color": COLORWAY[i % len(COLORWAY)], "width": 2.5},
            hovertemplate=html.escape(goal.name) + ", %{x}: %{y:.0f} %<extra></extra>",
            showlegend=True,
            cliponaxis=False,  # a goal at 0 % still shows on the axis line
        )
    _date_axis(fig, progress.dates)
    _axis(fig, "yaxis", title={"text": LABELS["strength_axis"]}, range=[0, 100], ticksuffix=" %")
    # Many goals wrap the legend onto more rows: make room so it never sits on the lines.
    legend_px = sum(60 + 8 * len(trace["name"]) for trace in fig["data"])
    rows = -(-legend_px // LEGEND_ROW_PX)
    fig["layout"].update(margin={"t": 96 + 22 * (rows - 1)}, height=HEIGHT + 22 * (rows - 1))
    return fig


def minutes_figure(progress: Frames) -> Figure:
    title = say("progress_title_minutes")
    if (empty := _no_goals(progress, title)) is not None:
        return empty
    goals = progress.numbers.goals
    minutes = [g.minutes for g in goals]
    if not any(minutes):
        return empty_figure(title, say("progress_no_minutes"))
    fig = _figure(title, height=140 + 44 * len(goals))
    _trace(
        fig,
        "bar",
        y=[html.escape(g.name) for g in goals],
        x=minutes,
        orientation="h",
        marker={"color": [COLORWAY[i % len(COLORWAY)] for i in range(len(goals))]},
        text=[duration_text(m) for m in minutes],
        textposition="outside",
        cliponaxis=False,
        customdata=[g.days_done for g in goals],
        hovertemplate="%{y}: %{text} over %{customdata} days<extra></extra>",
    )
    _axis(fig, "xaxis", title={"text": LABELS["minutes_axis"]}, range=[0, max(minutes) * 1.25])
    _axis(fig, "yaxis", autorange="reversed", ticksuffix="  ")
    return fig
