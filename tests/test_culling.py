"""The app's culler (workbook/app/culling.py) against a real kernel that is slow to start, as a
kernel is on a busy machine: left to start while it starts, culled once its page has gone."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from types import SimpleNamespace

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_server._tz import utcnow
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

from workbook.app.culling import STARTING_AT_MOST_S, never_cull_a_page_being_drawn, still_starting


def _run(coroutine):
    """asyncio.run on a thread of its own (Playwright's sync API may hold this thread's loop)."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


def _slow_kernel(tmp_path) -> KernelSpecManager:
    """A kernel that says nothing for a minute before it starts, as one importing under load."""
    spec = tmp_path / "kernels" / "slow"
    spec.mkdir(parents=True, exist_ok=True)
    argv = ["sh", "-c", "sleep 60", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "language": "python"}))
    return KernelSpecManager(kernel_dirs=[str(tmp_path / "kernels")])


async def _culled(tmp_path, *, starting_for_s: float, ours: bool) -> bool:
    manager = AsyncMappingKernelManager(
        kernel_spec_manager=_slow_kernel(tmp_path),
        root_dir=str(tmp_path),
        connection_dir=str(tmp_path),
        cull_idle_timeout=1,
    )
    if ours:
        never_cull_a_page_being_drawn(manager)
    kernel_id = await manager.start_kernel(kernel_name="slow")
    try:
        kernel = manager._kernels[kernel_id]
        assert kernel.execution_state == "starting"  # it has said nothing
        kernel.last_activity = utcnow() - timedelta(seconds=starting_for_s)
        await manager.cull_kernel_if_idle(kernel_id)
        return kernel_id not in manager
    finally:
        if kernel_id in manager:
            await manager.shutdown_kernel(kernel_id, now=True)


def test_a_kernel_still_starting_for_its_page_is_not_culled(tmp_path):
    # jupyter_server's own culler takes it: 5 s quiet, no websocket yet.
    assert _run(_culled(tmp_path, starting_for_s=5, ours=False))
    assert not _run(_culled(tmp_path, starting_for_s=5, ours=True))


def test_a_kernel_that_never_starts_is_culled_in_the_end(tmp_path):
    assert _run(_culled(tmp_path, starting_for_s=STARTING_AT_MOST_S + 1, ours=True))


def test_only_a_kernel_that_has_said_nothing_yet_counts_as_starting():
    now = utcnow()
    assert still_starting(SimpleNamespace(execution_state="starting", last_activity=now), now)
    assert still_starting(SimpleNamespace(execution_state="starting"), now)
    for state in ("idle", "busy", "dead"):
        assert not still_starting(SimpleNamespace(execution_state=state, last_activity=now), now)
    long_ago = now - timedelta(seconds=STARTING_AT_MOST_S + 1)
    assert not still_starting(
        SimpleNamespace(execution_state="starting", last_activity=long_ago), now
    )
