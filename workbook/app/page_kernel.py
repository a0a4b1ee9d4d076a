"""The app's machinery in a page kernel, registered with the pages (workbook/pages/context.py):
the wait for the page's request (preheat.py), the warm-ups (warm_up.py) and the pages' rehearsals
(rehearsal.py). jupyter_config/voila.py names this module in WORKBOOK_PAGE_KERNEL; a page kernel
imports it on its first call into the pages.
"""

from __future__ import annotations

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


context.register(AppPageKernel())
