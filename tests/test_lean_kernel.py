"""The kernel the workbook's Lab and app start for a page: ipykernel without its debugger
(workbook/app/lean_kernel.py), found on the Jupyter path the workbook starts Jupyter with."""

from __future__ import annotations

import json
import os

import psutil
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel

from workbook.app.resources import voila_templates_root
from workbook.app.workspace import jupyter_environment

SEEN = """
import json, sys
import ipykernel.debugger
print(json.dumps({"debugger": ipykernel.debugger._is_debugpy_available,
                  "debugpy loaded": sys.modules.get("debugpy") is not None,
                  "sum": sum(range(10))}))
"""


@pytest.fixture
def workbook_jupyter_path(tmp_path, monkeypatch):
    env = jupyter_environment(tmp_path / "data", base={})
    monkeypatch.setenv("JUPYTER_PATH", env["JUPYTER_PATH"])
    monkeypatch.delenv("WORKBOOK_KERNEL_DEBUGGER", raising=False)
    return monkeypatch


def _run_in_a_kernel(code: str) -> tuple[dict, list[str]]:
    manager, client = start_new_kernel(kernel_name="python3")
    try:
        printed = []

        def keep(message):
            if message["msg_type"] == "stream":
                printed.append(message["content"]["text"])

        reply = client.execute_interactive(code, timeout=60, output_hook=keep)
        assert reply["content"]["status"] == "ok", reply["content"]
        command = psutil.Process(manager.provisioner.process.pid).cmdline()
        return json.loads("".join(printed)), command
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def test_the_workbook_s_jupyter_path_gives_the_stage_notebooks_the_lean_kernel(
    workbook_jupyter_path,
):
    spec = KernelSpecManager().get_kernel_spec("python3")  # what every stage notebook names
    assert spec.resource_dir == str(voila_templates_root() / "kernels" / "python3")
    assert spec.argv[:3] == ["python", "-m", "workbook.app.lean_kernel"]
    assert not spec.metadata.get("debugger")  # Lab offers no debugger it cannot start


def test_the_lean_kernel_runs_a_page_without_loading_the_debugger(workbook_jupyter_path):
    seen, command = _run_in_a_kernel(SEEN)
    assert "workbook.app.lean_kernel" in command
    assert seen == {"debugger": False, "debugpy loaded": False, "sum": 45}


def test_with_the_debugger_asked_for_the_kernel_loads_it_again(workbook_jupyter_path):
    workbook_jupyter_path.setenv("WORKBOOK_KERNEL_DEBUGGER", "1")
    seen, command = _run_in_a_kernel(SEEN)
    assert "workbook.app.lean_kernel" in command
    assert seen == {"debugger": True, "debugpy loaded": True, "sum": 45}


def test_outside_the_workbook_s_jupyter_jupyter_s_own_kernel_is_left_as_it_is(monkeypatch):
    monkeypatch.delenv("JUPYTER_PATH", raising=False)
    spec = KernelSpecManager().get_kernel_spec("python3")
    assert "workbook.app.lean_kernel" not in spec.argv
    assert os.path.realpath(spec.resource_dir) != os.path.realpath(
        voila_templates_root() / "kernels" / "python3"
    )


def test_what_a_page_s_kernel_runs_is_kept_in_no_history_outside_the_data_folder(
    workbook_jupyter_path, tmp_path
):
    """IPython's history kept every cell a kernel ran (a person's words in a parameters cell too)
    in ~/.ipython, world-readable: the workbook's kernels keep none."""
    import sqlite3

    ipython_dir = tmp_path / "ipython"
    workbook_jupyter_path.setenv("IPYTHONDIR", str(ipython_dir))
    words = "words only the data folder may keep"
    manager, client = start_new_kernel(kernel_name="python3")
    try:
        reply = client.execute_interactive(
            f"note = {words!r}",
            timeout=60,
            store_history=True,  # as JupyterLab runs a cell
            output_hook=lambda message: None,
        )
        assert reply["content"]["status"] == "ok", reply["content"]
        assert (
            "workbook.app.lean_kernel" in psutil.Process(manager.provisioner.process.pid).cmdline()
        )
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    assert ipython_dir.is_dir()  # the kernel did use this IPython folder
    for database in ipython_dir.rglob("history.sqlite"):
        with sqlite3.connect(database) as history:
            kept = history.execute("SELECT source FROM history").fetchall()
        assert not any(words in source for (source,) in kept)


LOADED = """
import json, sys
print(json.dumps(sorted(m for m in sys.modules if m.startswith("workbook.pages."))))
"""


@pytest.mark.parametrize(
    ("session", "loaded"),
    [
        # JupyterLab's session for a stage: its page is imported as the kernel starts.
        ("/somewhere/03_progress.ipynb", {"workbook.pages.nav", "workbook.pages.progress"}),
        ("/somewhere/00_start_here.ipynb", {"workbook.pages.nav", "workbook.pages.start"}),
        # Any other notebook, and a kernel with no session (the app's): nothing of the workbook.
        ("/somewhere/my_own_analysis.ipynb", set()),
        (None, set()),
    ],
)
def test_a_stage_s_kernel_starts_with_its_page_imported(workbook_jupyter_path, session, loaded):
    if session is None:
        workbook_jupyter_path.delenv("JPY_SESSION_NAME", raising=False)
    else:
        workbook_jupyter_path.setenv("JPY_SESSION_NAME", session)
    seen, _ = _run_in_a_kernel(LOADED)
    assert loaded <= set(seen)
    if not loaded:
        assert seen == []


def test_a_page_that_fails_to_import_still_lets_its_kernel_start(monkeypatch):
    """The page's own cells import it again, and show the trouble where a person sees it."""
    from workbook.app import lean_kernel

    asked = []

    def broken(name):
        asked.append(name)
        raise ImportError(f"{name} is broken")

    monkeypatch.setattr(lean_kernel, "import_module", broken)
    lean_kernel.import_the_page("/somewhere/03_progress.ipynb")  # returns, raising nothing
    assert asked == ["workbook.pages.nav"]
