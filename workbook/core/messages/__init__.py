"""Every sentence the workbook says to its user, in one place, so the tone stays one voice.

The sentences live in one table per stage (and one for what every page says); `MESSAGES` is them
all, merged. A key is unique across the tables.
"""

from __future__ import annotations

from . import (
    app,
    chart_words,
    checkin,
    everywhere,
    files,
    keep_going,
    nav,
    notebooks,
    progress,
    reflection,
    reminders,
    report,
    reunion,
    safety,
    start,
    steps,
    the_break,
    urge,
)

_TABLES = (
    everywhere.MESSAGES,
    start.MESSAGES,
    the_break.MESSAGES,
    checkin.MESSAGES,
    progress.MESSAGES,
    chart_words.MESSAGES,
    reflection.MESSAGES,
    reunion.MESSAGES,
    keep_going.MESSAGES,
    report.MESSAGES,
    reminders.MESSAGES,
    nav.MESSAGES,
    notebooks.MESSAGES,
    files.MESSAGES,
    app.MESSAGES,
    safety.MESSAGES,
    steps.MESSAGES,
    urge.MESSAGES,
)
MESSAGES: dict[str, str] = {}
for _table in _TABLES:
    _twice = MESSAGES.keys() & _table.keys()
    if _twice:  # a key in two tables would silently say only one of them
        raise ValueError(f"messages written twice: {sorted(_twice)}")
    MESSAGES.update(_table)


def say(key: str, **values) -> str:
    """The user-facing sentence for `key`, filled in."""
    return MESSAGES[key].format(**values)


def say_parts(key: str, **values) -> list[str]:
    """A "|"-separated message as its parts, each filled in (split first: values may hold "|")."""
    return [part.format(**values) for part in MESSAGES[key].split("|")]


def counted(n: int, what: str) -> str:
    """A count as a person says it, from the messages `<what>_one` and `<what>_many`:
    "1 day", "9 days", "1 goal", "3 goals", never a bracketed plural."""
    return say(f"{what}_one") if n == 1 else say(f"{what}_many", n=n)


def days_words(n: int) -> str:
    """A count of days as a person says it: "1 day", "9 days"."""
    return counted(n, "days")


def goals_words(n: int) -> str:
    """A count of goals as a person says it: "1 goal", "3 goals"."""
    return counted(n, "goals")
