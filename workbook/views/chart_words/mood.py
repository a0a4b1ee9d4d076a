"""The mood charts in words: mood over the days, urges, triggers, what lifts the mood."""

from __future__ import annotations

from ...core.messages import counted, days_words, say, say_parts
from ...numbers.day_frames import Frames
from .base import (
    MAX_ROWS,
    ChartWords,
    about,
    latest,
    listed,
    one_decimal,
    short_date,
    signed,
    times,
    words,
)


def mood_words(frames: Frames, title: str) -> ChartWords | None:
    numbers = frames.numbers
    checked = [d for d in frames.days if d.checked_in]
    if not checked:
        return None
    moods = [int(d.mood) for d in checked]
    first, last = checked[0].date, checked[-1].date
    trend = numbers.mood_trend
    if len(checked) == 1:
        sentence = say("words_mood_one", mood=moods[0], date=short_date(first))
    elif trend is None:
        sentence = say(
            "words_mood_few",
            first=moods[0],
            last=moods[-1],
            count=counted(len(moods), "checkins"),
        )
    else:
        start, end = about(trend.at(first), trend.at(last))
        key = {"up": "words_mood_rose", "down": "words_mood_fell", "level": "words_mood_level"}
        sentence = say(
            key[trend.direction],
            start=start,
            end=end,
            days=days_words((last - first).days + 1),
            mean=one_decimal(numbers.mood_mean),
            low=numbers.mood_min,
            high=numbers.mood_max,
        )
    slips = sum(1 for d in checked if d.contact)
    if slips:
        sentence += " " + say("words_mood_slips", count=days_words(slips))
    yes, no = say_parts("said_yes_no")
    rows = (
        (
            short_date(d.date),
            d.day,
            int(d.mood),
            one_decimal(d.mood_avg7),
            yes if d.contact else no,
        )
        for d in latest(checked)
    )
    columns = say_parts("words_mood_columns")
    return words("mood", sentence, title, columns, rows, total=len(checked))


def urges_words(frames: Frames, title: str) -> ChartWords | None:
    days = frames.days
    noted = [d for d in days if d.urge is not None]
    if not noted:
        return None
    peak = max(noted, key=lambda d: d.urge)  # the first day it was that strong
    sentence = say(
        "words_urges",
        days=days_words(len(noted)),
        peak_date=short_date(peak.date),
        peak=int(peak.urge),
        latest_date=short_date(noted[-1].date),
        latest=int(noted[-1].urge),
    )
    slips = sum(1 for d in days if d.contact)
    if slips:
        sentence += " " + say("words_mood_slips", count=days_words(slips))
    yes, no = say_parts("said_yes_no")
    rows = (
        (short_date(d.date), d.day, int(d.urge), yes if d.contact else no) for d in latest(noted)
    )
    columns = say_parts("words_urges_columns")
    return words("urges", sentence, title, columns, rows, total=len(noted))


def triggers_words(frames: Frames, title: str) -> ChartWords | None:
    counts = frames.trigger_counts
    if not counts:
        return None
    top = counts[0]
    most = top.count
    tied = [f"“{c.trigger}”" for c in counts if c.count == most]
    count = counted(len(counts), "triggers_different")
    if len(counts) == 1:
        sentence = say("words_triggers_one", top=top.trigger, times=times(most))
    elif len(tied) == 1:
        sentence = say("words_triggers_top", count=count, top=top.trigger, times=times(most))
    elif len(tied) == len(counts) or len(tied) > 3:  # none stands out: no list of them all
        sentence = say("words_triggers_even", count=count, times=times(most))
    else:
        sentence = say("words_triggers", count=count, top=listed(tied), times=times(most))
    shown = counts[:MAX_ROWS]  # most often first: the rare ones are left out, not the latest
    rows = ((c.trigger, c.count) for c in shown)
    columns = say_parts("words_triggers_columns")
    return words("triggers", sentence, title, columns, rows, total=len(counts))


def mood_lift_words(frames: Frames, title: str) -> ChartWords | None:
    lifts = frames.numbers.mood_lift
    enough = [row for row in lifts if row.enough_data]
    if not enough:
        return None
    clearest = max(enough, key=lambda row: abs(row.difference))
    points = abs(clearest.difference)
    sentence = say(
        "words_lift",
        n=len(enough),
        goal=clearest.goal,
        points=say("words_lift_points", points=points),
        direction=say_parts("words_lift_directions")[0 if clearest.difference > 0 else 1],
        low=signed(clearest.low),
        high=signed(clearest.high),
    )
    if clearest.low <= 0 <= clearest.high:
        sentence += say("words_lift_unsure")
    rows = (
        (
            row.goal,
            row.days_done,
            row.days_not,
            signed(row.difference) if row.enough_data else say("progress_not_enough_data"),
            say("words_lift_interval", low=signed(row.low), high=signed(row.high))
            if row.enough_data
            else say("said_nothing"),
        )
        for row in lifts
    )
    columns = say_parts("words_lift_columns")
    return words("mood_lift", sentence, title, columns, rows)
