"""What every subcommand shares: the day it is and the workbook it works on."""

from __future__ import annotations

from datetime import date

from ..core import clock, validation
from ..core.errors import InputError
from ..core.messages import say
from ..store.paths import resolve_data_dir

EXIT_BAD_INPUT = 2


def today_of(args) -> date:
    value = getattr(args, "today", None)
    if value is None:
        return clock.today()
    return validation.parse_date(value, "--today", allow_future=True)


def store_for(args, must_exist: bool = False):
    from ..store import Store
    from ..store.paths import DB_NAME

    if must_exist and not (resolve_data_dir(args.data_dir) / DB_NAME).exists():
        # Nothing to add to yet: say so without creating an empty workbook.
        raise InputError(say("no_plan"))
    return Store(args.data_dir)


def existing_store(args):
    """The workbook in the data folder, or None when there is none yet (nothing is created)."""
    from ..store import Store
    from ..store.paths import DB_NAME

    folder = resolve_data_dir(args.data_dir)
    if not (folder / DB_NAME).exists():
        return None
    return Store(folder)
