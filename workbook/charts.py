"""One function per progress chart, each returning a plotly Figure (never displaying it).

`progress_figures` builds the day frame once and hands it to every chart. Every chart has a
friendly empty state: a figure with a kind sentence in it, never a blank frame.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import analytics, rules
from .analytics import Progress
from .messages import say
from .store import Snapshot
from .theme import (
    BLUE,
    COLORWAY,
    EMPTY_CELL,
    FONT_FAMILY,
    GREEN,
    HEIGHT,
    INK,
    MUTED,
    ORANGE,
    PURPLE,
    SKY_BLUE,
    TEMPLATE,
    VERMILLION,
)

FIGURE_KEYS = (
    "mood",
    "goal_calendar",
    "weekly_targets",
    "goal_strength",
    "minutes",
    "urges",
    "triggers",
    "mood_lift",
    "who5",
)

# Short labels on axes and legends (the sentences live in messages.py).
LABELS = {
    "checkin": "Each check-in",
    "avg7": "7-day average",
    "trend": "Overall trend",
    "contact": "Contact that day",
    "mood_axis": "Mood (1 low – 10 high)",
    "urge_axis": "Urge (0–10)",
    "urge": "Urge",
    "strength_axis": "Strength",
    "minutes_axis": "Minutes in total",
    "times_axis": "Times noted",
    "lift_axis": "Difference in mean mood (points)",
    "who5_axis": "WHO-5 score",
    "day_axis": "Day of the programme",
    "week_axis": "Week of the programme",
    "calendar_key": "Green: done · grey: not done · blank: no check-in",
    "weekly_key": "Green: target met · blue: this week so far · grey: not met",
    "who5_50": "50 %: talking to someone could help",
    "who5_28": "28 %: please do reach out",
    "interval": "90 % interval",
    "lift_key": "Right of the line: higher mood on days with the goal · bars: 90 % interval",
}

TREND_COLOR = MUTED
MAX_TRIGGERS = 12
MAX_WEEK_LABELS = 16
LONG_HISTORY_DAYS = 120
RECENT_DAYS = 91
RECENT_WEEKS = 12
MAX_WHO5_LABELS = 8
LEGEND_ROW_PX = 850  # a 13-inch laptop's plot width beside JupyterLab's side bar


def _figure(title: str, subtitle: str | None = None, **layout) -> go.Figure:
    title_layout = {"text": html.escape(title)}
    if subtitle:
        title_layout["subtitle"] = {
            "text": html.escape(subtitle),
            "font": {"size": 13, "color": MUTED},
        }
    return go.Figure(layout=go.Layout(template=TEMPLATE, title=title_layout, **layout))


def empty_figure(title: str, text: str) -> go.Figure:
    """A calm figure holding one kind sentence, in place of a chart with nothing to show."""
    fig = _figure(title, height=170, margin={"l": 24, "r": 24, "t": 64, "b": 16})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.add_annotation(
        text=html.escape(text),
        xref="paper",
        yref="paper",
        x=0.5,
        y=0.5,
        showarrow=False,
        font={"size": 15, "color": MUTED},
    )
    fig.layout.meta = {"empty": True}
    return fig


def is_empty(fig: go.Figure) -> bool:
    return bool(fig.layout.meta and fig.layout.meta.get("empty"))


def _date_axis(fig: go.Figure, days: pd.DataFrame) -> None:
    """A date axis at least a week wide (one day still looks like a day, not hours); a long
    history opens on its last three months, the rest a drag or a double-click away."""
    first = days.index[0]
    last = max(days.index[-1], first + pd.Timedelta(days=6))
    if (last - first).days > LONG_HISTORY_DAYS:
        first = last - pd.Timedelta(days=RECENT_DAYS - 1)
    half = pd.Timedelta(hours=12)
    fig.update_xaxes(
        type="date",
        range=[first - half, last + half],
        tickformatstops=[
            {"dtickrange": [None, "M1"], "value": "%-d %b"},
            {"dtickrange": ["M1", "M12"], "value": "%b %Y"},
            {"dtickrange": ["M12", None], "value": "%Y"},
        ],
        hoverformat="%a %-d %b %Y",
    )


def _day_columns(index: pd.DatetimeIndex) -> dict:
    """Heatmap columns, one per day; a lone day gets a day's width instead of a hairline."""
    if len(index) == 1:
        return {"x0": index[0], "dx": 24 * 60 * 60 * 1000}
    return {"x": index}


def _nothing_yet(progress: Progress, title: str) -> go.Figure | None:
    """The empty state shared by every chart, when there is no plan or nothing before today."""
    if progress.plan is None:
        return empty_figure(title, say("progress_no_plan"))
    if not len(progress.days):
        return empty_figure(title, say("progress_before_start", start=progress.plan.start_date))
    return None


def _no_goals(progress: Progress, title: str) -> go.Figure | None:
    return _nothing_yet(progress, title) or (
        None if progress.goals else empty_figure(title, say("progress_no_goals"))
    )


def _points(value: float) -> str:
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return f"{sign}{abs(value):.1f} points"


# --- Mood ------------------------------------------------------------------------------------


def mood_figure(progress: Progress) -> go.Figure:
    title = say("progress_title_mood")
    if (empty := _nothing_yet(progress, title)) is not None:
        return empty
    days = progress.days
    checked = days[days["checked_in"]]
    if checked.empty:
        return empty_figure(title, say("progress_no_checkins"))
    trend = analytics.mood_trend(days)
    if len(trend):
        per_week = analytics.mood_trend_per_week_of(progress)
        per_week = per_week or 0.0
        subtitle = (
            say("progress_mood_trend", change=_points(per_week))
            if abs(per_week) >= 0.05
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


# --- Goals -----------------------------------------------------------------------------------


def goal_calendar_figure(progress: Progress) -> go.Figure:
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
        colorscale=[[0, EMPTY_CELL], [0.5, EMPTY_CELL], [0.5, GREEN], [1, GREEN]],
        showscale=False,
        xgap=1,
        ygap=4,
        hovertemplate="%{y}, %{x}: %{customdata}<extra></extra>",
    )
    _date_axis(fig, progress.days)
    fig.update_yaxes(autorange="reversed", showgrid=False, ticksuffix="  ")
    return fig


def weekly_targets_figure(progress: Progress) -> go.Figure:
    title = say("progress_title_weekly_targets")
    if (empty := _no_goals(progress, title)) is not None:
        return empty
    weeks = analytics.weekly_targets(progress)
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
            [0.33, "#BFE1F5"],
            [0.66, "#BFE1F5"],
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


def goal_strength_figure(progress: Progress) -> go.Figure:
    title = say("progress_title_goal_strength")
    if (empty := _no_goals(progress, title)) is not None:
        return empty
    today = analytics.strength_today(progress)
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


def _duration(minutes: int) -> str:
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def minutes_figure(progress: Progress) -> go.Figure:
    title = say("progress_title_minutes")
    if (empty := _no_goals(progress, title)) is not None:
        return empty
    totals = analytics.minutes_per_goal(progress)
    if not totals["minutes"].any():
        return empty_figure(title, say("progress_no_minutes"))
    fig = _figure(title, height=140 + 44 * len(totals))
    fig.add_bar(
        y=[html.escape(n) for n in totals["goal"]],
        x=totals["minutes"],
        orientation="h",
        marker={"color": [COLORWAY[i % len(COLORWAY)] for i in range(len(totals))]},
        text=[_duration(m) for m in totals["minutes"]],
        textposition="outside",
        cliponaxis=False,
        customdata=totals["days_done"],
        hovertemplate="%{y}: %{text} over %{customdata} days<extra></extra>",
    )
    fig.update_xaxes(title_text=LABELS["minutes_axis"], range=[0, totals["minutes"].max() * 1.25])
    fig.update_yaxes(autorange="reversed", ticksuffix="  ")
    return fig


# --- Urges and slips -------------------------------------------------------------------------


def urges_figure(progress: Progress) -> go.Figure:
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


def triggers_figure(progress: Progress) -> go.Figure:
    title = say("progress_title_triggers")
    if (empty := _nothing_yet(progress, title)) is not None:
        return empty
    counts = analytics.trigger_counts(progress.days).head(MAX_TRIGGERS)
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


# --- What lifts the mood ---------------------------------------------------------------------


def mood_lift_figure(progress: Progress, rows: list[dict] | None = None) -> go.Figure:
    title = say("progress_title_mood_lift")
    if (empty := _no_goals(progress, title)) is not None:
        return empty
    frame = pd.DataFrame(rows) if rows is not None else analytics.mood_lift_frame(progress)
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
    fig.add_vline(x=0, line={"color": "#999999", "width": 1})
    fig.update_xaxes(title_text=LABELS["lift_axis"], range=[-reach, reach], zeroline=False)
    fig.update_yaxes(
        categoryorder="array", categoryarray=names[::-1], ticksuffix="  ", showgrid=False
    )
    return fig


# --- WHO-5 -----------------------------------------------------------------------------------


def who5_change_text(progress: Progress) -> str:
    change = analytics.who5_change(progress)
    if change is None:
        return ""
    if change["real_change"]:
        direction = "higher" if change["points"] > 0 else "lower"
        return say(
            "progress_who5_real_change",
            points=abs(change["points"]),
            direction=direction,
            first_day=change["first_day"],
        )
    return say(
        "progress_who5_small_change", points=abs(change["points"]), first_day=change["first_day"]
    )


def who5_figure(progress: Progress) -> go.Figure:
    title = say("progress_title_who5")
    if progress.plan is None:
        return empty_figure(title, say("progress_no_plan"))
    who5 = progress.who5
    if who5.empty:
        return empty_figure(title, say("progress_no_who5"))
    fig = _figure(title, who5_change_text(progress) or None)
    fig.add_hrect(y0=0, y1=rules.WHO5_STRONGLY, fillcolor="#F6EEF3", line_width=0, layer="below")
    for level, label in ((rules.WHO5_PROFESSIONAL, "who5_50"), (rules.WHO5_STRONGLY, "who5_28")):
        fig.add_hline(
            y=level,
            line={"color": MUTED, "width": 1, "dash": "dot"},
            annotation_text=LABELS[label],
            annotation_position="top right",
            annotation_font={"size": 12, "color": MUTED},
        )
    fig.add_scatter(
        x=who5["day"],
        y=who5["percent"],
        mode="lines+markers+text" if len(who5) <= MAX_WHO5_LABELS else "lines+markers",
        text=[f"{p} %" for p in who5["percent"]],
        cliponaxis=False,
        textposition="top center",
        textfont={"size": 14},
        line={"color": BLUE, "width": 2.5},
        marker={"size": 11, "color": BLUE},
        customdata=who5["raw"],
        hovertemplate="Day %{x}: %{y} % (%{customdata} of 25)<extra></extra>",
        showlegend=False,
    )
    days = sorted(set(who5["day"].astype(int)) | {0, 14, 30})
    fig.update_xaxes(
        title_text=LABELS["day_axis"],
        tickvals=days if len(days) <= 12 else None,
        range=[min(days) - 3, max(days) + 3],
        zeroline=False,
    )
    fig.update_yaxes(title_text=LABELS["who5_axis"], range=[0, 108], ticksuffix=" %", dtick=20)
    return fig


# --- The public contract ---------------------------------------------------------------------


def figures_for(progress: Progress) -> OrderedDict[str, go.Figure]:
    """Every progress chart from one computed Progress."""
    return OrderedDict(
        [
            ("mood", mood_figure(progress)),
            ("goal_calendar", goal_calendar_figure(progress)),
            ("weekly_targets", weekly_targets_figure(progress)),
            ("goal_strength", goal_strength_figure(progress)),
            ("minutes", minutes_figure(progress)),
            ("urges", urges_figure(progress)),
            ("triggers", triggers_figure(progress)),
            ("mood_lift", mood_lift_figure(progress)),
            ("who5", who5_figure(progress)),
        ]
    )


def progress_figures(snapshot: Snapshot, today: date) -> OrderedDict[str, go.Figure]:
    """All the progress charts for `today`, keyed as FIGURE_KEYS; the day frame is built once."""
    return figures_for(analytics.build_progress(snapshot, today))


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def streak_cards_html(snapshot: Snapshot, today: date, progress: Progress | None = None) -> str:
    """The four streak cards (check-in and no-contact, current and best) as escaped HTML."""
    progress = progress or analytics.build_progress(snapshot, today)
    s = analytics.streaks(progress)
    cards = [
        ("progress_streak_checkin", s["checkin_current"], BLUE),
        ("progress_streak_checkin_best", s["checkin_best"], BLUE),
        ("progress_streak_contact", s["no_contact_current"], GREEN),
        ("progress_streak_contact_best", s["no_contact_best"], GREEN),
    ]
    parts = []
    for key, value, colour in cards:
        label = html.escape(say(key))
        parts.append(
            f'<div class="workbook-streak" style="flex:1 1 10em;min-width:10em;padding:0.7em 1em;'
            f"border-radius:8px;background:#f7f7f7;border-top:4px solid {colour};"
            f'font-family:inherit">'
            f'<div style="font-size:2rem;font-weight:600;line-height:1.1;color:#222">{int(value)}</div>'
            f'<div style="font-size:0.95rem;color:#555">{html.escape(_days(int(value)).split()[1])}'
            f"</div>"
            f'<div style="font-size:1rem;color:#222;margin-top:0.25em">{label}</div></div>'
        )
    return (
        '<div class="workbook-streaks" style="display:flex;flex-wrap:wrap;gap:0.8em;margin:0.5em 0;'
        f'font-family:{html.escape(FONT_FAMILY)}">' + "".join(parts) + "</div>"
    )


def low_mood_html(snapshot: Snapshot, today: date, progress: Progress | None = None) -> str:
    """ "" when the low-mood rule does not fire, else a warm box with where to find help."""
    progress = progress or analytics.build_progress(snapshot, today)
    if progress.plan is None or not analytics.low_mood(progress):
        return ""
    from .ui.common import message_html  # the shared look of a message box

    body = (
        f"<p style='margin:0 0 0.5em 0'>{html.escape(say('low_mood'))}</p>"
        f"<p style='margin:0'>{html.escape(say('help_resources'))}</p>"
    )
    return message_html(body, "help", trusted_html=True)
