"""The day it is for the workbook: the real date, unless WORKBOOK_TODAY names one.

WORKBOOK_TODAY (an ISO date, such as 2026-12-05) holds every page and command on that day: the
app's pages, JupyterLab's and the command line's, as a notebook's `today` parameter or `--today`
does for one of them. The test suite sets it so that a run passing midnight sees one day from its
first test to its last; a demonstration can show day 30 on any day. Unset, the real date counts, and
a page shown yesterday knows it is stale today.
"""

from __future__ import annotations

import os
from datetime import date

PINNED_DAY = "WORKBOOK_TODAY"


def today() -> date:
    """The day pinned by $WORKBOOK_TODAY, else the real date (this machine's local day)."""
    pinned = os.environ.get(PINNED_DAY, "").strip()
    if not pinned:
        return date.today()
    from .validation import parse_date  # only when pinned: the real day needs none of it

    return parse_date(pinned, PINNED_DAY, allow_future=True)
