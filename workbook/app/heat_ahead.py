"""The page a person opens next, heated while they read this one.

The pages opened about once a month keep no kernel at rest (preheat.py): asked for cold, each
waited for a kernel to start and import the workbook, longer than a cold Voilà takes to show one
cell. But a person seldom comes to them from nowhere: each stage ends with a link to the next one
(pages/nav.py; day 30's leads by the answer to the reunion or to Keep going), and the start page
leads to the first. So as a page is asked for, each stage its link may open, if it keeps no kernel
of its own, is heated once, as Voilà heats the pages kept ready: its
kernel starts behind the page being read (priority.py), runs up to its first read of the workbook
and waits for its request, so nothing it shows is stale. Used, it is not replaced (that page's pool
stays at 0); left unused for UNUSED_FOR_S, it is stopped, so the app goes back to rest.
"""

from __future__ import annotations

import asyncio
import contextlib
import posixpath

from voila.request_info_handler import RequestInfoSocketHandler

from ..core.stages import STAGE_NAMES, next_stages
from .preheat import KEPT_READY

# The page being asked for is drawn first: its cells run, then the next one's kernel starts.
HEAT_AFTER_S = 1.0
# A person who has not followed the link by then is doing something else. (The tests' servers
# shorten it in the voila.py of the folder they start in.)
UNUSED_FOR_S = 300.0
# Before it is stopped, an unused kernel runs its page to the end (see stop_if_unused).
FINISH_S = 60.0


def next_pages(notebook_path: str) -> list[str]:
    """The notebooks to heat once `notebook_path` is asked for: each stage its "Next" link may
    open (day 30's leads to the reunion or to Keep going, by the answer), but those that keep a
    kernel of their own."""
    folder, name = posixpath.split(notebook_path)
    stage = name.removesuffix(".ipynb")
    if stage not in STAGE_NAMES:
        return []
    return [
        posixpath.join(folder, f"{following}.ipynb")
        for following in next_stages(stage)
        if following not in KEPT_READY
    ]


def heat_the_next_pages(kernel_manager, notebook_path: str) -> list[asyncio.Task]:
    """Have Voilà's `kernel_manager` heat one kernel for each page after `notebook_path` that has
    none heating or heated already, one after another: day 30 leads to two pages, and two kernels
    starting at once beside the page being read each took twice as long, so a person who went on
    at once found theirs still starting. The heating tasks started now (the others follow)."""
    if not hasattr(kernel_manager, "fill_if_needed"):
        return []  # Voilà heats nothing here
    waiting = next_pages(notebook_path)
    started: list[asyncio.Task] = []

    def heat_the_next(before: asyncio.Future | None = None) -> None:
        if before is not None and before.cancelled():
            return  # the app is stopping
        while waiting:
            heating = _heat(kernel_manager, waiting.pop(0))
            if heating is not None:
                started.append(heating)
                heating.add_done_callback(heat_the_next)
                return

    heat_the_next()
    return started


def _heat(kernel_manager, notebook: str) -> asyncio.Task | None:
    if kernel_manager.get_pool_size(notebook) > 0:
        return None
    pools = kernel_manager.kernel_pools_config
    # Voilà reads a page's pool size as it fills: one kernel now, and none again once it is used.
    kernel_manager.kernel_pools_config = {**pools, notebook: {"pool_size": 1}}
    try:
        kernel_manager.fill_if_needed(delay=HEAT_AFTER_S, notebook_name=notebook)
    finally:
        kernel_manager.kernel_pools_config = pools
    heating = kernel_manager._pools[notebook][-1]  # Voilà's own list: what get_pool_size counts
    asyncio.get_running_loop().call_later(
        UNUSED_FOR_S,
        lambda: asyncio.ensure_future(stop_if_unused(kernel_manager, notebook, heating)),
    )
    return heating


async def stop_if_unused(kernel_manager, notebook: str, heating: asyncio.Future) -> bool:
    """Stop the kernel heated for `notebook` if its page never asked for it; True if stopped."""
    pool = kernel_manager._pools.get(notebook, [])
    if heating not in pool:
        return False  # its page used it (Voilà took it out of the pool)
    pool.remove(heating)
    try:
        heated = await heating
    except Exception:  # noqa: BLE001 — it never started: nothing to stop
        return False
    # Its page, waiting for a request that never came, is let run to its end and thrown away: a
    # kernel stopped in the middle of a cell fills the person's terminal with Voilà's tracebacks.
    RequestInfoSocketHandler.send_updates({"kernel_id": heated["kernel_id"], "payload": {}})
    with contextlib.suppress(Exception):
        await asyncio.wait_for(heated["task"], FINISH_S)
    with contextlib.suppress(Exception):  # already gone (the app stopping, say)
        await kernel_manager.shutdown_kernel(heated["kernel_id"])
    kernel_manager.log.info("Stopped the kernel heated for %s: its page was not opened", notebook)
    return True
