"""What every stage needs first: the store for `data_dir` and the day it is (`today`)."""

from __future__ import annotations

import functools
from datetime import date

from . import freshness
from .preheat import wait_for_the_page
from .store import Store
from .validation import parse_date

# Every way the store writes the workbook: a page's own saves (see PageStore).
SAVES = ("save_plan", "save_checkin", "save_checkins", "save_who5", "save_record")


def resolve_today(today: str | date | None) -> date:
    """`today` as a parameter gives it (an ISO date); None means the real date."""
    wait_for_the_page()  # in the app: the date of the request, not of the kernel's start
    if today is None or today == "":
        day = date.today()
        freshness.follows_the_real_date(day)  # a page shown yesterday is stale today
        return day
    return parse_date(today, "today", allow_future=True)


def open_store(data_dir=None) -> Store:
    """The workbook in `data_dir` (None: $WORKBOOK_DATA_DIR, else data/ of the checkout)."""
    wait_for_the_page()  # in the app: the workbook as it is when the page is asked for
    store = PageStore(data_dir)
    freshness.shown(store)  # JupyterLab runs the page again if it changes elsewhere
    return store


def _saved_by_the_page(name: str):
    save = getattr(Store, name)

    @functools.wraps(save)
    def saved(self, *args, **kwargs):
        with freshness.own_save(self):
            return save(self, *args, **kwargs)

    return saved


class PageStore(Store):
    """A page's workbook: what the page saves itself never makes the page stale (freshness)."""


for _name in SAVES:
    setattr(PageStore, _name, _saved_by_the_page(_name))
