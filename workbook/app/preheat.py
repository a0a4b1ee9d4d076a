"""In the app, a page's kernel is started, and the page run up to its first read of the workbook,
before anyone asks for the page (Voilà's preheated kernels): the page is then ready at once.

The read itself must wait for the request, or the page would show the workbook as it was when the
kernel was heated, not as it is now. This is Voilà's own answer (`voila.utils.wait_for_request`),
with the app's token: the request-info socket is locked like every other (workbook/app/server.py).
Anywhere else (JupyterLab, papermill, a cold Voilà kernel) it returns at once.

Before it waits, the kernel does what a page's first call is slow at (importing ipywidgets,
compiling templates, a first chart), and some pages build themselves from the workbook as it is
then, to be shown only if nothing changes before the request (workbook/app/rehearsal.py): the pages
register that here (`before_the_wait`), so it is done before the page is asked for, not after.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import threading
from collections.abc import Callable

from . import priority
from .memory import give_back_freed_memory

# The pages people open every day or in a hurry: each keeps one kernel heated in the app, so it is
# ready at once. The pages opened about once a month (the break, day 30, the reunion, keep going,
# the report) start their kernel when asked, and nothing waits for them at rest. A name with no
# notebook (yet) heats nothing: Voilà only fills pools for the notebooks it finds.
KEPT_READY = ("00_start_here", "02_daily_checkin", "03_progress", "08_urge")


def kernel_pools(kept_ready=KEPT_READY) -> dict:
    """Voilà's `VoilaKernelManager.kernel_pools_config`: no heated kernel unless the page is named."""
    return {
        "default": {"pool_size": 0},
        **{f"{name}.ipynb": {"pool_size": 1} for name in kept_ready},
    }


_waited = False
_warm_ups: list[Callable[[], None]] = []


def before_the_wait(warm_up: Callable[[], None]) -> Callable[[], None]:
    """Have a preheated kernel run `warm_up` before it waits for its page (never anywhere else)."""
    if warm_up not in _warm_ups:
        _warm_ups.append(warm_up)
    return warm_up


def _warm_up() -> None:
    for warm_up in _warm_ups:
        try:
            warm_up()
        except Exception as error:  # noqa: BLE001 — only slower: the page itself does it again
            logging.getLogger("workbook").warning("warming up %s failed: %s", warm_up, error)


def wait_for_the_page() -> None:
    """Block until the page this preheated kernel serves is asked for; once per kernel."""
    global _waited
    if _waited or os.environ.get("VOILA_PREHEAT") != "True":
        return
    _waited = True
    kernel_id = os.environ.get("VOILA_KERNEL_ID")
    if not kernel_id:
        return
    port = os.environ.get("VOILA_APP_PORT", "8866")
    base = os.environ.get("VOILA_SERVER_URL", "/")
    url = f"ws://127.0.0.1:{port}{base}voila/query/{kernel_id}"
    headers = {"Authorization": f"token {os.environ.get('JUPYTER_TOKEN', '')}"}
    found: dict = {}
    _warm_up()
    give_back_freed_memory()  # it may wait for hours: what warming up freed goes back

    def wait() -> None:
        try:
            found.update(asyncio.run(_request_info(url, headers)))
        except Exception as error:  # noqa: BLE001 — the page still works, only perhaps less fresh
            logging.getLogger("workbook").warning("no request came for this page: %s", error)

    # The kernel's own event loop is busy running this cell: wait on a loop of our own.
    thread = threading.Thread(target=wait)
    thread.start()
    thread.join()
    priority.run_at_full_speed()  # heated behind the person's pages, now the one they asked for
    os.environ.update(found)


async def _request_info(url: str, headers: dict) -> dict:
    import websockets

    # No time limit on the handshake: on a busy machine the server may take long to answer, and a
    # kernel that gave up would run its page at once, showing the workbook as it was while the
    # kernel heated, not as it is when the page is asked for. A server that is gone refuses the
    # connection at once instead.
    async with websockets.connect(url, additional_headers=headers, open_timeout=None) as socket:
        return json.loads(await socket.recv())
