"""The goal charts and the WHO-5 in words: calendar, weekly targets, strength, minutes, WHO-5."""

from __future__ import annotations

import pandas as pd

from ...core.messages import counted, days_words, say, say_parts
from ...numbers.day_frames import Frames
from .base import (
    MAX_ROWS,
    ChartWords,
    duration_text,
    latest,
    listed,
    short_date,
    times,
    words,
)

WEEK = 7


def goal_calendar_words(frames: Frames, title: str) -> ChartWords:
    goals = frames.numbers.goals
    sentence = say(
        "words_calendar",
        goals=listed(
            [say("words_calendar_goal", goal=g.name, days=days_words(g.days_done)) for g in goals]
        ),
    )
    names = [g.name for g in frames.goals]
    days = latest(frames.days)
    done, minutes = frames.done.loc[days.index, names], frames.minutes.loc[days.index, names]
    rows = []
    for when, checked in days["checked_in"].items():
        cells = []
        for name in names:
            was_done, spent = done.at[when, name], minutes.at[when, name]
            if pd.isna(was_done):
                cells.append(say("words_not_a_goal_yet"))
            elif was_done:
                done_text = say("words_calendar_done_for", time=duration_text(spent))
                cells.append(done_text if spent else say("words_calendar_done"))
            else:
                cells.append(say("words_calendar_not_done" if checked else "words_no_checkin"))
        rows.append((short_date(when), *cells))
    columns = (say("words_column_date"), *names)
    return words("goal_calendar", sentence, title, columns, rows, total=len(frames.days))


def weekly_targets_words(frames: Frames, title: str) -> ChartWords | None:
    weeks = frames.weekly_targets
    if weeks.empty:
        return None
    parts = []
    for name, rows in weeks[weeks["status"] != ""].groupby("goal", sort=False):
        # This week counts once it is met; until then it is still going, not missed.
        settled = rows[rows["status"] != "so far"]
        if settled.empty:
            last = rows.iloc[-1]
            parts.append(
                say("words_weekly_goal_first", goal=name, done=last.done, target=last.target)
            )
            continue
        met = int((settled["status"] == "met").sum())
        weeks_text = counted(len(settled), "weeks")
        parts.append(say("words_weekly_goal", goal=name, met=met, weeks=weeks_text))
    sentence = say("words_weekly", goals=listed(parts))
    names = [g.name for g in frames.goals]
    shown = weeks[weeks["week"] > weeks["week"].max() - MAX_ROWS]
    status = dict(zip(("met", "missed", "so far"), say_parts("words_week_statuses"), strict=True))
    cells = shown.assign(
        text=[
            say("words_week_cell", done=r.done, target=r.target, status=status[r.status])
            if r.status
            else say("words_not_a_goal_yet")
            for r in shown.itertuples()
        ]
    )
    table = cells.pivot(index="week", columns="goal", values="text").reindex(columns=names)
    rows = (
        (say("words_week_row", week=week), *row)
        for week, row in zip(table.index, table.to_numpy(), strict=True)
    )
    columns = (say("words_column_week"), *names)
    return words("weekly_targets", sentence, title, columns, rows, total=weeks["week"].nunique())


def goal_strength_words(frames: Frames, title: str) -> ChartWords:
    parts, rows = [], []
    for goal in frames.numbers.goals:
        now = f"{goal.strength:.0f}"
        series = goal.strength_series
        before = f"{series[-1 - WEEK] * 100:.0f}" if len(series) > WEEK else None
        if before is None:
            parts.append(say("words_strength_goal", goal=goal.name, now=now))
        elif before == now:
            parts.append(say("words_strength_goal_same", goal=goal.name, now=now))
        else:
            direction = "up" if float(now) > float(before) else "down"
            parts.append(
                say(
                    "words_strength_goal_week",
                    goal=goal.name,
                    now=now,
                    before=before,
                    direction=direction,
                )
            )
        rows.append(
            (
                goal.name,
                goal.target_per_week,
                goal.days_done,
                say("words_percent", percent=before) if before is not None else say("said_nothing"),
                say("words_percent", percent=now),
            )
        )
    sentence = say("words_strength", goals=listed(parts))
    columns = say_parts("words_strength_columns")
    return words("goal_strength", sentence, title, columns, rows)


def minutes_words(frames: Frames, title: str) -> ChartWords | None:
    goals = frames.numbers.goals
    if not any(g.minutes for g in goals):
        return None
    noted = [g for g in goals if g.minutes]
    parts = [
        say(
            "words_minutes_goal",
            goal=g.name,
            time=duration_text(g.minutes),
            days=days_words(g.days_done),
        )
        for g in noted
    ]
    sentence = say("words_minutes", goals=listed(parts))
    rows = ((g.name, duration_text(g.minutes), g.minutes, g.days_done) for g in goals)
    columns = say_parts("words_minutes_columns")
    return words("minutes", sentence, title, columns, rows)


def who5_words(frames: Frames, title: str) -> ChartWords | None:
    numbers = frames.numbers
    if not numbers.who5:
        return None
    scores = [say("words_who5_score", percent=r.who5.percent, day=r.day) for r in numbers.who5]
    sentence = say("words_who5", count=times(len(scores)), scores=listed(scores))
    change = numbers.who5_change
    if change is not None:
        sentence += say("words_who5_real" if change.real_change else "words_who5_small")
    rows = (
        (
            short_date(r.who5.date),
            r.day,
            say("words_who5_raw", raw=r.who5.raw),
            say("words_percent", percent=r.who5.percent),
        )
        for r in numbers.who5
    )
    columns = say_parts("words_who5_columns")
    return words("who5", sentence, title, columns, rows)
