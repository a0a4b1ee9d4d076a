"""Which page is heated as another is asked for (workbook/app/heat_ahead.py)."""

from __future__ import annotations

import pytest

from workbook.app.heat_ahead import next_pages
from workbook.app.preheat import KEPT_READY
from workbook.core.stages import STAGE_NAMES


@pytest.mark.parametrize(
    ("asked", "heated"),
    [
        ("00_start_here.ipynb", ["01_the_break.ipynb"]),  # the start page leads to the break
        ("01_the_break.ipynb", []),  # the check-in keeps a kernel of its own
        ("03_progress.ipynb", ["04_day30_reflection.ipynb"]),
        # day 30 leads to the reunion on a resounding yes, else (a no) to Keep going: both
        ("04_day30_reflection.ipynb", ["05_reunion.ipynb", "06_keep_going.ipynb"]),
        ("05_reunion.ipynb", ["06_keep_going.ipynb"]),
        ("06_keep_going.ipynb", ["07_report.ipynb"]),
        ("07_report.ipynb", []),  # the urge page is kept ready
        ("08_urge.ipynb", []),  # the last stage
        ("pages/03_progress.ipynb", ["pages/04_day30_reflection.ipynb"]),  # in its own folder
        ("scratch.ipynb", []),  # not a stage
    ],
)
def test_the_page_after_a_stage_is_heated_unless_it_keeps_its_own_kernel(asked, heated):
    assert next_pages(asked) == heated


def test_every_page_opened_once_a_month_is_heated_by_the_stage_before_it():
    heated = {page for name in STAGE_NAMES for page in next_pages(f"{name}.ipynb")}
    monthly = {f"{name}.ipynb" for name in STAGE_NAMES if name not in KEPT_READY}
    assert heated == monthly


def test_nothing_is_heated_where_voila_heats_no_kernel():
    """`preheat_kernel = False` (as a person may set in their own voila.py): Voilà's kernel
    manager has no pools, and a page asked for heats nothing and says nothing."""
    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
    from voila.voila_kernel_manager import voila_kernel_manager_factory

    from workbook.app.heat_ahead import heat_the_next_pages

    kernel_manager = voila_kernel_manager_factory(AsyncMappingKernelManager, False, 1)()
    assert heat_the_next_pages(kernel_manager, "00_start_here.ipynb") == []
    assert kernel_manager.get_pool_size("01_the_break.ipynb") == 0
