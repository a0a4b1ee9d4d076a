"""What every stage needs first: the store for `data_dir` and the day it is (`today`)."""

from __future__ import annotations

from datetime import date

from ..app.preheat import wait_for_the_page
from ..core.validation import parse_date
from ..store import Store


def resolve_today(today: str | date | None) -> date:
    """`today` as a parameter gives it (an ISO date); None means the real date."""
    wait_for_the_page()  # in the app: the date of the request, not of the kernel's start
    if today is None or today == "":
        return date.today()
    return parse_date(today, "today", allow_future=True)


def open_store(data_dir=None) -> Store:
    """The workbook in `data_dir` (None: $WORKBOOK_DATA_DIR, else data/ of the checkout)."""
    wait_for_the_page()  # in the app: the workbook as it is when the page is asked for
    return Store(data_dir)
