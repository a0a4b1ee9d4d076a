"""In the app, a page is built while its kernel is heated, from the workbook as it is then, and
shown when the page is asked for only if nothing has changed since: the same day, the same
workbook, not a row written by anyone (`Store.version`). Otherwise it is thrown away and the page
is built as everywhere else, from the workbook as it is now. So a page is never stale, and is
quick whenever the person has saved nothing since it was prepared.

Anywhere but a preheated kernel (JupyterLab, papermill, the command line) there is no rehearsal
and `take` gives None (see workbook/app/preheat.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from ..core import clock
from ..store import Store
from ..store.paths import resolve_data_dir
from .preheat import before_the_wait

Built = TypeVar("Built")


@dataclass
class _Prepared(Generic[Built]):
    store: Store
    version: tuple[int, ...]
    today: date
    built: Built


class Rehearsal(Generic[Built]):
    """`build(store, today)`, done before the wait on the default workbook; see the module."""

    def __init__(
        self,
        build: Callable[[Store, date], Built],
        discard: Callable[[Built], None] = lambda built: None,
        *,
        keeps_store: bool = False,
    ):
        """`keeps_store`: what is built uses the store after it is taken (a form saving to it)."""
        self._build, self._discard, self._keeps_store = build, discard, keeps_store
        self._prepared: _Prepared[Built] | None = None
        before_the_wait(self.rehearse)

    def rehearse(self) -> None:
        self._forget()
        try:
            store = Store(None)
        except Exception:  # noqa: BLE001 — the page meets the same trouble and says so kindly
            return
        try:
            today = clock.today()
            version = store.version()
            self._prepared = _Prepared(store, version, today, self._build(store, today))
        except Exception:  # noqa: BLE001 — as above: the page, built again, shows the message
            store.close()

    def take(self, data_dir, today: date) -> Built | None:
        """What was built, if it shows the workbook in `data_dir` as it is now, on `today`; once."""
        prepared, self._prepared = self._prepared, None
        if prepared is None:
            return None
        store = prepared.store
        try:
            fresh = (
                prepared.today == today
                and store.data_dir == resolve_data_dir(data_dir)
                and store.version() == prepared.version
            )
        except Exception:  # noqa: BLE001 — the file is gone or unreadable: build it again
            fresh = False
        if fresh and self._keeps_store:
            return prepared.built
        store.close()
        if fresh:
            return prepared.built
        self._discard(prepared.built)
        return None

    def _forget(self) -> None:
        prepared, self._prepared = self._prepared, None
        if prepared is not None:
            self._discard(prepared.built)
            prepared.store.close()
