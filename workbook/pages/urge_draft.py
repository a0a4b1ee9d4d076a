"""Keeping the unsent words as they are typed, so a tab closed before saving loses nothing.

The words box sends each change to the kernel (continuous_update, the default of a text area):
waiting for the box to lose the focus (continuous_update=False) would lose everything when the
tab is closed straight from the box, the very case this is for. Writing a record per keystroke
would fill the store, so the words are written once typing pauses (`WAIT` seconds, timed by the
kernel's event loop), and whatever is still waiting when the kernel exits in order is written
as it stops. Known limit: the app stops a closed tab's kernel without that, so keys typed in the
last WAIT seconds before the tab is closed are not kept (tests/browser/test_urge_page.py).
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
from collections.abc import Callable

WAIT = 0.8  # seconds of no typing before the words are written


class DraftKeeper:
    """Debounces `save(words)`: the newest words are saved once typing pauses, or at exit."""

    def __init__(self, save: Callable[[str], None], wait: float = WAIT):
        self.save, self.wait = save, wait
        self.pending: str | None = None
        self.handle: asyncio.TimerHandle | None = None
        atexit.register(self._at_exit)

    def changed(self, words: str) -> None:
        self.pending = words
        self.cancel_timer()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (papermill, a test): write it now
            self.flush()
            return
        self.handle = loop.call_later(self.wait, self.flush)

    def cancel_timer(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.handle = None

    def flush(self) -> None:
        self.cancel_timer()
        words, self.pending = self.pending, None
        if words is not None:
            self.save(words)

    def _at_exit(self) -> None:
        with contextlib.suppress(Exception):  # the store may be closed by now: nothing to say
            self.flush()
