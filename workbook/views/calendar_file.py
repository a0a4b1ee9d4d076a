"""Saving the reminders file: the plan from the store, the computer's time zone, a safe write."""

from __future__ import annotations

import contextlib
import os
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..core.errors import InputError
from ..core.messages import say
from ..store.output_files import CALENDAR_FILE, target_path, write_atomically
from .calendar import calendar_bytes, programme_key

DEFAULT_NAME = CALENDAR_FILE


def local_zone() -> ZoneInfo | None:
    """This computer's time zone by its IANA name ($TZ, else /etc/localtime, else /etc/timezone);
    None when it has no name, and the reminders then use floating local time."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    with contextlib.suppress(OSError):
        link = os.readlink("/etc/localtime")
        candidates.append(link.split("zoneinfo/", 1)[1] if "zoneinfo/" in link else "")
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text().strip())
    for name in candidates:
        if not name or name.startswith("/") or ".." in name:
            continue
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return None


def save_reminders(
    store, at: time, output: str | os.PathLike | None, force: bool, now: datetime
) -> tuple[Path, int]:
    """Write the plan's reminders; returns where, and how many days they cover."""
    plan = store.plan()
    if plan is None:
        raise InputError(say("no_plan"))
    # The data folder itself may be a link the person made (to a synced drive, say): that is
    # where the workbook lives, not an output they named, so it is followed.
    folder = store.data_dir.resolve()
    target = target_path(folder if output is None else output, DEFAULT_NAME, force)
    key = programme_key(store.plan_history()[0])
    write_atomically(target, calendar_bytes(plan, at, local_zone(), now, key), force)
    return target.parent.resolve() / target.name, plan.days
