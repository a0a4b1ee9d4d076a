"""What every chart's words share: the sentence-and-table pair, and how numbers read in them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from ...core.messages import date_words, say, times_words

# A table a screen reader can still walk through: a long history shows its latest rows, like the
# chart opens on its last months (the export holds every day).
MAX_ROWS = 92


@dataclass(frozen=True)
class ChartTable:
    """A chart's numbers: the first cell of each row names it (a row header), all cells are text."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class ChartWords:
    """What one chart shows for this person, in a sentence, and its numbers as a table."""

    key: str
    sentence: str
    table: ChartTable


Row = TypeVar("Row")


def latest(rows: Sequence[Row]) -> Sequence[Row]:
    """The rows a table shows: the latest MAX_ROWS, so a long history costs no more than a month."""
    return rows[-MAX_ROWS:]


def words(
    key: str, sentence: str, caption: str, columns, rows, total: int | None = None
) -> ChartWords:
    """The pair for one chart. `total`: how many rows there are in all, when `rows` holds only
    the latest (see `latest`); then the caption says so."""
    rows = [tuple(str(cell) for cell in row) for row in rows]
    if total is not None and total > len(rows):
        caption = say("words_table_latest", caption=caption, shown=len(rows), total=total)
    return ChartWords(key, sentence, ChartTable(caption, tuple(columns), tuple(rows)))


def short_date(value: date) -> str:
    """A day in a table row, as every sentence says it (core.messages.date_words)."""
    return date_words(value)


def times(n: int) -> str:
    """ "once", "3 times" (the message's own plural forms)."""
    return times_words(n)


def listed(items: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def one_decimal(value: float) -> str:
    return f"{value:.1f}"


def signed(value: float) -> str:
    return f"{value:+.1f}".replace("-", "−")


def about(start: float, end: float) -> tuple[str, str]:
    """Two levels, as whole numbers when those differ (a person's scale), else to one decimal."""
    if round(start) != round(end):
        return str(round(start)), str(round(end))
    return one_decimal(start), one_decimal(end)


def duration_text(minutes: int) -> str:
    """Minutes as a person says them: "45 min", "2 h", "1 h 30 min"."""
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"
