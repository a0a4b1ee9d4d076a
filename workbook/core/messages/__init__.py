"""Every sentence the workbook says to its user, in one place, so the tone stays one voice.

The sentences live in one table per stage (and one for what every page says); `MESSAGES` is them
all, merged. A key is unique across the tables.

Counts and dates go through Babel, a well-kept library, never hand-made rules:

- A message that counts something holds its plural forms, ngettext-style, as a dict keyed by
  CLDR's plural categories ({"one": "{n} day", "other": "{n} days"}); `say(key, n=…)` picks the form
  Babel's plural rules give for the locale, so "1 day" and "2 days" come from the message itself and
  a translation adds the forms its language needs ("few", "many", …).
- A date in a sentence or a table reads one way everywhere, `date_words` (Babel's `format_skeleton`
  "yMMMEd": "Sat, 14 Nov 2026" in en_GB, "Sat, Nov 14, 2026" in en_US); `say` writes any date
  value that way, so no sentence shows 2026-11-14.

Why Python tables and not a gettext catalogue (.po/.mo): the workbook speaks one language today,
and the tables keep what the project checks (each key unique, each key asked for somewhere, every
message rendered with 0, 1 and 2 by a test) without a compile step in the build or a binary file in
the package. The forms are CLDR's, exactly what a catalogue's plural forms are, so the day a
translation comes, `pybabel` can write the tables out as a catalogue with nothing reworded.

The locale: `WORKBOOK_LOCALE`, else the person's environment (LC_ALL, LC_MESSAGES, LANG), used only
when it is an English one, because the sentences are English and a German date inside an English
sentence would read oddly; otherwise en_GB, the English the sentences are written in ("programme",
"counselling").
"""

from __future__ import annotations

import os
import unicodedata
from datetime import date, datetime
from functools import cache
from html import escape
from numbers import Number

from babel import Locale, UnknownLocaleError, default_locale
from babel.dates import format_skeleton

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
MESSAGES: dict[str, str | dict[str, str]] = {}
for _table in _TABLES:
    _twice = MESSAGES.keys() & _table.keys()
    if _twice:  # a key in two tables would silently say only one of them
        raise ValueError(f"messages written twice: {sorted(_twice)}")
    MESSAGES.update(_table)


FALLBACK_LOCALE = "en_GB"


@cache
def locale() -> Locale:
    """The locale for counts and dates (see the module's docstring for the choice)."""
    wanted = os.environ.get("WORKBOOK_LOCALE") or default_locale(("LC_ALL", "LC_MESSAGES", "LANG"))
    try:
        found = Locale.parse(wanted) if wanted else None
    except (ValueError, TypeError, UnknownLocaleError):
        found = None
    if found is None or found.language != "en" or found.variant == "POSIX":
        return Locale.parse(FALLBACK_LOCALE)
    return found


def date_words(value: date | str) -> str:
    """A day as every sentence and table says it: "Sat, 14 Nov 2026" (in en_GB)."""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    if isinstance(day, datetime):
        day = day.date()
    return format_skeleton("yMMMEd", day, locale=locale())


def _form(key: str, n) -> str:
    """The message for `key`; for a plural message, the form Babel's rules give `n`."""
    message = MESSAGES[key]
    if isinstance(message, str):
        return message
    if n is not None and f"={n}" in message:  # an exact form, as ICU writes it: "=2": "twice"
        return message[f"={n}"]
    category = locale().plural_form(abs(n)) if n is not None else "other"
    return message.get(category, message["other"])


def template(key: str, n=None) -> str:
    """The unfilled sentence for `key` (for a counted message, the form for `n`)."""
    return _form(key, n)


def _dated(values: dict) -> dict:
    return {
        k: date_words(v) if isinstance(v, date) and not isinstance(v, datetime) else v
        for k, v in values.items()
    }


class Sentence(str):
    """A filled-in sentence: plain text wherever text goes (the command line, a calendar file, a
    title, the database), and, as HTML (`__html__`, which Jinja's autoescape and markupsafe call),
    each plain text value it was filled with escaped, and inside <bdi> when it holds right-to-left
    text or bidi controls (`turns`): a name, goal or trigger a person typed in Arabic or Hebrew keeps
    its order next to a number or a full stop. Our own words (another Sentence, a number, a day) go
    in as they are."""

    def __new__(cls, text: str, pattern: str, values: dict):
        made = super().__new__(cls, text)
        made._pattern, made._values = pattern, values
        return made

    def __html__(self) -> str:
        return escape(self._pattern).format(**{k: _as_html(v) for k, v in self._values.items()})

    def __add__(self, other):  # sentence + sentence: still each part's own HTML
        if not isinstance(other, str):
            return NotImplemented
        return Sentence(str(self) + str(other), "{a}{b}", {"a": self, "b": other})

    def __radd__(self, other):
        if not isinstance(other, str):
            return NotImplemented
        return Sentence(str(other) + str(self), "{a}{b}", {"a": other, "b": self})

    def __reduce__(self):
        return (Sentence, (str(self), self._pattern, self._values))


# Bidi classes that can reorder an English sentence around them: right-to-left letters and Arabic
# digits, and the explicit embedding, override and isolate controls a person could paste in.
TURNING = {"R", "AL", "AN", "RLE", "RLO", "LRE", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI"}


def turns(text: str) -> bool:
    """True when `text` holds a character that could reorder the sentence around it."""
    return any(unicodedata.bidirectional(ch) in TURNING for ch in text)


def _as_html(value):
    if hasattr(value, "__html__"):
        return value.__html__()  # another sentence, or markup we made
    if isinstance(value, date) and not isinstance(value, datetime):
        return date_words(value)  # a day, in our words
    if isinstance(value, Number):
        return value  # a number: its format spec still applies
    # Anything else is text, escaped: a string a person typed, and also a path, which may hold
    # a folder's name a person chose ("<b>me</b> & co").
    text = str(value)
    return f"<bdi>{escape(text)}</bdi>" if turns(text) else escape(text)


def _filled(pattern: str, values: dict) -> Sentence:
    # always a Sentence, so a sentence of ours filled into another stays ours (no <bdi>)
    return Sentence(pattern.format(**_dated(values)), pattern, values)


def say(key: str, **values) -> Sentence:
    """The user-facing sentence for `key`, filled in; `n` chooses a counted message's form. It is
    a `Sentence`: plain text as a str, with <bdi> round right-to-left values as HTML."""
    return _filled(_form(key, values.get("n")), values)


def say_parts(key: str, **values) -> list[Sentence]:
    """A "|"-separated message as its parts, each filled in (split first: values may hold "|")."""
    return [_filled(part, values) for part in _form(key, values.get("n")).split("|")]


def counted(n: int, what: str) -> str:
    """A count as a person says it: the plural message `what` ({"one": "{n} day", "other":
    "{n} days"}), or the older pair `<what>_one` / `<what>_many`, the form chosen by Babel's
    plural rules; "1 day", "9 days", "1 goal", "3 goals", never a bracketed plural."""
    if what in MESSAGES:
        return say(what, n=n)
    one = locale().plural_form(abs(n)) == "one"  # the older pairs: "one" or not
    return say(f"{what}_one", n=n) if one else say(f"{what}_many", n=n)


def days_words(n: int) -> str:
    """A count of days as a person says it: "1 day", "9 days"."""
    return counted(n, "days")


def goals_words(n: int) -> str:
    """A count of goals as a person says it: "1 goal", "3 goals"."""
    return counted(n, "goals")


def times_words(n: int) -> str:
    """How often, as a person says it: "once", "twice", "3 times"."""
    return counted(n, "times")
