"""The app's machinery in a page kernel, registered with the pages (workbook/pages/context.py):
the wait for the page's request (preheat.py), the warm-ups (warm_up.py) and the pages' rehearsals
(rehearsal.py). jupyter_config/voila.py names this module in WORKBOOK_PAGE_KERNEL; a page kernel
imports it on its first call into the pages.
"""

from __future__ import annotations

import logging

import zmq

from ..pages import context
from . import preheat
from .rehearsal import Rehearsal
from .warm_up import charts, widgets_and_templates


class AppPageKernel:
    def __init__(self) -> None:
        preheat.before_the_wait(widgets_and_templates)

    def wait_for_the_page(self) -> None:
        preheat.wait_for_the_page()

    def build_ahead(self, ahead: context.Ahead):
        if ahead.draws_charts:
            preheat.before_the_wait(charts)
        return Rehearsal(ahead.build, ahead.discard, keeps_store=ahead.keeps_store).take


class QuietWhenTheAppStops(logging.Filter):
    """As the app stops (Ctrl+C), it shuts its page kernels down while a preheated one still has
    cells to run; each reply it can no longer send was logged as a ZMQ traceback into the person's
    terminal. Those, and only those, are dropped."""

    CLOSED = (zmq.ENOTSOCK, zmq.ETERM)

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        return not (isinstance(error, zmq.ZMQError) and error.errno in self.CLOSED)


logging.getLogger("IPKernelApp").addFilter(QuietWhenTheAppStops())
context.register(AppPageKernel())
