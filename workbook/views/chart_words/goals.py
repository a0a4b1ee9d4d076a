"""The goal charts and the WHO-5 in words: calendar, weekly targets, strength, minutes, WHO-5."""

from __future__ import annotations

from ...core.messages import counted, days_words, say, say_parts
from ...numbers.day_frames import Frames, WeekTarget
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
    rows = []
    first_shown = len(frames.days) - len(latest(frames.days))
    for i in range(first_shown, len(frames.days)):
        day = frames.days[i]
        cells = (
            _calendar_cell(frames.done[name][i], frames.minutes[name][i], day.checked_in)
            for name in names
        )
        rows.append((short_date(day.date), *cells))
    columns = (say("words_column_date"), *names)
    return words("goal_calendar", sentence, title, columns, rows, total=len(frames.days))


def _calendar_cell(done: bool | None, minutes: float, checked: bool) -> str:
    """One goal on one day, as the calendar's colour says it."""
    if done is None:
        return say("words_not_a_goal_yet")
    if done and minutes:
        return say("words_calendar_done_for", time=duration_text(minutes))
    if done:
        return say("words_calendar_done")
    return say("words_calendar_not_done" if checked else "words_no_checkin")


def weekly_targets_words(frames: Frames, title: str) -> ChartWords | None:
    weeks = frames.weekly_targets
    if not weeks:
        return None
    sentence = say("words_weekly", goals=listed(_weekly_parts(weeks)))
    names = [g.name for g in frames.goals]
    week_numbers = sorted({w.week for w in weeks})
    shown = [n for n in week_numbers if n > week_numbers[-1] - MAX_ROWS]  # the latest weeks
    status = dict(zip(("met", "missed", "so far"), say_parts("words_week_statuses"), strict=True))
    text = {
        (w.goal, w.week): say(
            "words_week_cell", done=w.done, target=w.target, status=status[w.status]
        )
        if w.status
        else say("words_not_a_goal_yet")
        for w in weeks
        if w.week >= shown[0]
    }
    rows = (
        (say("words_week_row", week=week), *(text[name, week] for name in names)) for week in shown
    )
    columns = (say("words_column_week"), *names)
    return words("weekly_targets", sentence, title, columns, rows, total=len(week_numbers))


def _weekly_parts(weeks: list[WeekTarget]) -> list[str]:
    """Per goal with a live week, in the plan's order: how many of its weeks met the target."""
    live: dict[str, list[WeekTarget]] = {}
    for week in weeks:
        if week.status:
            live.setdefault(week.goal, []).append(week)
    parts = []
    for name, rows in live.items():
        # This week counts once it is met; until then it is still going, not missed.
        settled = [w for w in rows if w.status != "so far"]
        if not settled:
            last = rows[-1]
            parts.append(
                say("words_weekly_goal_first", goal=name, done=last.done, target=last.target)
            )
            continue
        met = sum(1 for w in settled if w.status == "met")
        weeks_text = counted(len(settled), "weeks")
        parts.append(say("words_weekly_goal", goal=name, met=met, weeks=weeks_text))
    return parts


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
