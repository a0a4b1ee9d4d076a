"""Whether the workbook changed elsewhere since this page showed it.

In JupyterLab a page visited again is its tab brought back as it was drawn, while the workbook
may have changed since: a save on another page, `workbook checkin`, a restore. As a stage's tab
is shown again the workbook's Lab extension asks the page's kernel, silently, `stale()`; when it
says yes, the page runs again and shows the workbook as it is now.

Only changes made elsewhere count. What the page saved itself it already shows, and running it
again would throw away what the person is still typing on it (nothing saved is ever lost, but
unsaved words would be): a page is not stale after its own save.

Every page opens its workbook through `workbook.pages.context.open_store`, which calls `shown(store)`
as the page reads it, and whose stores save inside `own_save(store)`. A day that has turned over
since a page that follows the real date was shown makes it stale too (`follows_the_real_date`).

The change is read from SQLite's own counter of commits by other connections (`PRAGMA
data_version`) on a connection kept for that alone, which never writes and is usable from any
thread (JupyterLab may run a widget's handler, and so a save, on another thread than the page's
cells), with the file's identity: a restore may put a new file in its place. No row of the
workbook is read here.
"""

from __future__ import annotations

import atexit
import os
import sqlite3
import threading
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from ..core import clock

_lock = threading.RLock()


class _Watch:
    """One workbook file, as this page last saw it."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.conn: sqlite3.Connection | None = None
        self.file: tuple[int, int] | None = None
        self.seen: tuple[int, ...] | None = None
        self.changed_elsewhere = False

    def look(self) -> tuple[int, ...] | None:
        """The file's identity and SQLite's count of others' commits; None when unreadable."""
        try:
            stat = os.stat(self.path)
            file = (stat.st_dev, stat.st_ino)
            if self.conn is None or file != self.file:
                self.close()
                # Not read-only: as the last connection of a page's kernel to close (at exit),
                # it folds the write-ahead log back in and removes it, as a Store does.
                self.conn = sqlite3.connect(
                    self.path,
                    check_same_thread=False,  # every use is under the module's lock
                    isolation_level=None,
                    timeout=5,
                )
                self.file = file
            (data_version,) = self.conn.execute("PRAGMA data_version").fetchone()
        except (OSError, sqlite3.Error):
            self.close()
            return None
        return (*file, data_version)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
        self.conn, self.file = None, None


_watch: _Watch | None = None
_real_day: date | None = None


@atexit.register
def _close_at_exit() -> None:
    with _lock:
        if _watch is not None:
            _watch.close()


def shown(store) -> None:
    """The page shows `store`'s workbook as it is now (each time a page opens it)."""
    global _watch
    with _lock:
        if _watch is None or _watch.path != Path(store.path):
            if _watch is not None:
                _watch.close()
            _watch = _Watch(store.path)
        _watch.seen = _watch.look()
        _watch.changed_elsewhere = False


def follows_the_real_date(today: date) -> None:
    """The page counts its days from the real date, which is `today` as it is shown."""
    global _real_day
    with _lock:
        _real_day = today


@contextmanager
def own_save(store):
    """Around a save by this page: what it writes is not a change made elsewhere, while a change
    made elsewhere before it still is."""
    with _lock:
        watch = _watch if _watch is not None and _watch.path == Path(store.path) else None
        if watch is not None and watch.look() != watch.seen:
            watch.changed_elsewhere = True
    try:
        yield
    finally:
        if watch is not None:
            with _lock:
                watch.seen = watch.look()


def stale() -> bool:
    """Whether the workbook changed elsewhere, or the day turned, since the page was shown."""
    with _lock:
        if _real_day is not None and clock.today() != _real_day:
            return True
        if _watch is None:
            return False
        return _watch.changed_elsewhere or _watch.look() != _watch.seen
