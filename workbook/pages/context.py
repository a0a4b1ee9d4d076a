"""What every stage needs first: the store for `data_dir`, the day it is (`today`), and, in the
app, what was built before the page was asked for.

Pages only describe what can be built ahead (`Ahead`); the app brings the machinery that does it.
In the app's own page kernels (Voilà starts them with VOILA_PREHEAT=True, and the app names its
module in WORKBOOK_PAGE_KERNEL: jupyter_config/voila.py) that module is imported on first use and
registers itself here (workbook/app/page_kernel.py): it waits for the page's request before the
workbook is read, and builds what the page declared ahead while the kernel heats. Anywhere else
(JupyterLab, papermill, the command line) nothing waits and nothing is built ahead.
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from ..core import clock
from ..core.validation import parse_date
from ..store import Store, freshness

# Every way the store writes the workbook: a page's own saves (see PageStore).
SAVES = (
    "save_plan",
    "save_checkin",
    "save_checkins",
    "save_who5",
    "save_record",
    "save_goal_state",
)


class PageKernel(Protocol):
    """What the app's page kernel does for a page (workbook/app/page_kernel.py)."""

    def wait_for_the_page(self) -> None: ...

    def build_ahead(self, ahead: Ahead) -> Callable[[Any, date], Any]: ...


_kernel: PageKernel | None = None
_looked = False


def register(kernel: PageKernel) -> None:
    global _kernel
    _kernel = kernel


def _page_kernel() -> PageKernel | None:
    global _looked
    if not _looked:
        _looked = True
        module = os.environ.get("WORKBOOK_PAGE_KERNEL")
        if module and os.environ.get("VOILA_PREHEAT") == "True":
            importlib.import_module(module)  # it calls register()
    return _kernel


def _nothing(built) -> None:
    return None


@dataclass(eq=False)
class Ahead:
    """What a page can build before it is asked for: `build(store, today)`, thrown away with
    `discard(built)` when the workbook or the day changed; `keeps_store` when what is built saves
    through its store; `draws_charts` when it builds figures (the app warms plotly up for it)."""

    build: Callable[[Store, date], Any]
    discard: Callable[[Any], None] = _nothing
    keeps_store: bool = False
    draws_charts: bool = False
    _take: Callable[[Any, date], Any] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        kernel = _page_kernel()
        self._take = kernel.build_ahead(self) if kernel is not None else None

    def take(self, data_dir, today: date) -> Any | None:
        """What was built, if it shows the workbook in `data_dir` as it is now on `today`; once."""
        return self._take(data_dir, today) if self._take is not None else None


def _wait_for_the_page() -> None:
    kernel = _page_kernel()
    if kernel is not None:
        kernel.wait_for_the_page()


def resolve_today(today: str | date | None) -> date:
    """`today` as a parameter gives it (an ISO date); None: the real date, or $WORKBOOK_TODAY's."""
    _wait_for_the_page()  # in the app: the date of the request, not of the kernel's start
    if today is None or today == "":
        day = clock.today()
        freshness.follows_the_real_date(day)  # a page shown yesterday is stale today
        return day
    return parse_date(today, "today", allow_future=True)


def open_store(data_dir=None) -> Store:
    """The workbook in `data_dir` (None: $WORKBOOK_DATA_DIR, else data/ of the checkout)."""
    _wait_for_the_page()  # in the app: the workbook as it is when the page is asked for
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
