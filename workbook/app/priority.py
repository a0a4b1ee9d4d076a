"""A kernel heating for a page nobody has asked for yet runs behind the page a person is opening
now: while it starts, warms up and waits, it gets the CPU only when the browser, the server and the
page being shown leave some; once its own page is asked for, it runs at full speed again.

Every app page a person opens sends Voilà to heat a kernel for the next visit (a few seconds of CPU
each), and on a laptop's two cores that heating took its CPU from the very page being drawn.

Linux shares the CPU between sessions first (autogroup), and jupyter_client starts every kernel in
a session of its own, so a kernel's own nice value would only rank it against itself: the group's
nice value (/proc/self/autogroup) ranks it against everything else. Raising it, and lowering it
back to 0, needs no privilege (only a value below 0 does). Linux refuses a change within a tenth of
a second of another one anywhere (EAGAIN), so a change is tried again for up to a second. Where
there is no autogroup (another OS, or Linux with it switched off), or the kernel shares its
session with other processes (their priority is not the kernel's to change), nothing changes.
"""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

AUTOGROUP = Path("/proc/self/autogroup")
BEHIND = 10  # Linux's weight for nice 10 is about a tenth of nice 0's
FULL_SPEED = 0
RETRY_S = 0.02
GIVE_UP_S = 1.0


def run_behind() -> bool:
    """Heating: yield the CPU to what a person is doing now. True if the change was made."""
    return _set_group_nice(BEHIND)


def run_at_full_speed() -> bool:
    """The page was asked for: run as every other program. True if the change was made."""
    return _set_group_nice(FULL_SPEED)


def _own_session() -> bool:
    try:
        return os.getsid(0) == os.getpid()
    except OSError:
        return False


def _set_group_nice(nice: int) -> bool:
    if not _own_session():
        return False
    deadline = time.monotonic() + GIVE_UP_S
    while True:
        try:
            AUTOGROUP.write_text(str(nice))
            return True
        except OSError as error:
            if error.errno != errno.EAGAIN or time.monotonic() > deadline:
                return False  # no autogroup here, or not allowed: the kernel is only not behind
        time.sleep(RETRY_S)


def group_nice(pid: int | str = "self") -> int | None:
    """The nice value of a process's autogroup ("/autogroup-123 nice 10"; this process's unless
    `pid` names another), None without one or once the process has ended."""
    try:
        return int(Path(f"/proc/{pid}/autogroup").read_text().split()[-1])
    except (OSError, ValueError, IndexError):
        return None
