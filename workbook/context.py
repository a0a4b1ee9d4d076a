"""What every stage needs first: the store for `data_dir` and the day it is (`today`)."""

from __future__ import annotations

from datetime import date

from .store import Store
from .validation import parse_date


def resolve_today(today: str | date | None) -> date:
    """`today` as a parameter gives it (an ISO date); None means the real date."""
    if today is None or today == "":
        return date.today()
    return parse_date(today, "today", allow_future=True)


def open_store(data_dir=None) -> Store:
    """The workbook in `data_dir` (None: $WORKBOOK_DATA_DIR, else data/ of the checkout)."""
    return Store(data_dir)
