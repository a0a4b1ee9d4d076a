"""The app's client of a page kernel (workbook/app/page_kernel_client.py), as jupyter_config/voila.py
configures it, against a real page kernel: ready without draining IOPub, quick to connect, and
running a page's cells exactly as jupyter_client's own client does."""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor

import pytest
import zmq
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_server.services.kernels.kernelmanager import ServerKernelManager
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook
from traitlets.config.loader import PyFileConfigLoader

from workbook.app.page_kernel_client import RECONNECT_MS, PageKernelClient
from workbook.app.resources import jupyter_config_dir
from workbook.app.workspace import jupyter_environment


@pytest.fixture
def app_config(tmp_path, monkeypatch):
    """The app's Voilà settings, read as Voilà reads them (the file sets variables: undone after)."""
    env = jupyter_environment(tmp_path / "data", base={})
    for name in ("JUPYTER_PATH", "WORKBOOK_PAGE_KERNEL"):
        monkeypatch.setenv(name, os.environ.get(name, ""))
    monkeypatch.setenv("JUPYTER_PATH", env["JUPYTER_PATH"])
    # The app's kernels talk over Unix sockets named after the folder they start in (Voilà gives
    # them a private one): here the test's own, so two tests running at once never meet.
    monkeypatch.chdir(tmp_path)
    return PyFileConfigLoader("voila.py", path=str(jupyter_config_dir())).load_config()


def _run(coroutine):
    """asyncio.run on a thread of its own: a test run before may leave this thread's loop running
    (Playwright's sync API does), and asyncio.run refuses to start under it."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


async def _with_a_page_kernel(config, use):
    # The manager Voilà's pages get (jupyter_server's), configured as the app configures it.
    manager = ServerKernelManager(config=config, kernel_name="python3")
    await manager.start_kernel()
    try:
        return await use(manager)
    finally:
        await manager.shutdown_kernel(now=True)


def test_the_app_s_page_kernels_are_driven_by_the_quick_client(app_config):
    async def use(manager):
        client = manager.client()
        assert isinstance(client, PageKernelClient)
        client.start_channels()
        try:
            for channel in (client.shell_channel, client.iopub_channel, client.control_channel):
                assert channel.socket.getsockopt(zmq.RECONNECT_IVL) == RECONNECT_MS
            await client.wait_for_ready(timeout=60)
            # Ready without reading IOPub dry: what the kernel said while answering is still
            # there, where jupyter_client's own client waits 0.2 s of silence to throw it away.
            # (On a loaded machine its words may come a moment after its reply: a few seconds for
            # them. Thrown away, they would never come: the kernel says nothing more unasked.)
            said = await client.iopub_channel.get_msg(timeout=10)
            assert said["header"]["msg_type"] == "status"
        finally:
            client.stop_channels()

    _run(_with_a_page_kernel(app_config, use))


def test_a_page_s_cells_run_through_it_as_through_jupyter_client_s_own(app_config):
    """What Voilà does with the client: nbclient runs cells and keeps each one's own outputs,
    not the status messages the kernel sent while it was getting ready."""
    notebook = new_notebook(
        cells=[
            new_code_cell("print('first cell')"),
            new_code_cell("x = 6 * 7\nprint(x)"),
            new_code_cell("raise_nothing = 'ok'\nraise_nothing"),
        ]
    )

    async def use(manager):
        runner = NotebookClient(notebook, km=manager)
        # As Voilà starts a page (voila/notebook_renderer.py): the manager's client, made ready.
        runner.kc = await runner.async_start_new_kernel_client()
        assert isinstance(runner.kc, PageKernelClient)
        try:
            for index, cell in enumerate(notebook.cells):
                await runner.async_execute_cell(cell, index)
        finally:
            runner.kc.stop_channels()
        return notebook

    ran = _run(_with_a_page_kernel(app_config, use))
    assert [o["text"] for o in ran.cells[0].outputs] == ["first cell\n"]
    assert [o["text"] for o in ran.cells[1].outputs] == ["42\n"]
    assert ran.cells[2].outputs[0]["data"]["text/plain"] == "'ok'"
    assert len(ran.cells[2].outputs) == 1


def test_anywhere_else_jupyter_client_s_own_client_is_untouched():
    """Only the app names the client: a kernel manager without its settings gives the stock one."""
    assert ServerKernelManager().client_factory is not PageKernelClient
    assert issubclass(PageKernelClient, AsyncKernelClient)
