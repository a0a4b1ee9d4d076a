"""JupyterLab's kernels end with their pages, by JupyterLab's and jupyter_server's own settings,
read from the folder `workbook lab` points Jupyter at; the app (Voilà) keeps its own."""

from __future__ import annotations

import json

from traitlets.config.loader import PyFileConfigLoader

from workbook.app.resources import jupyter_config_dir
from workbook.app.workspace import jupyter_environment


def _config(name: str):
    return PyFileConfigLoader(name, path=str(jupyter_config_dir())).load_config()


def test_workbook_lab_reads_the_workbooks_own_settings(tmp_path):
    env = jupyter_environment(tmp_path / "data", base={})
    assert env["JUPYTER_CONFIG_DIR"] == str(jupyter_config_dir())


def test_closing_a_notebook_tab_shuts_its_kernel_down():
    overrides = json.loads((jupyter_config_dir() / "lab-app-settings/overrides.json").read_text())
    assert overrides["@jupyterlab/notebook-extension:tracker"]["kernelShutdown"] is True


def test_lab_culls_kernels_no_page_is_connected_to_and_never_a_connected_one():
    kernels = _config("jupyter_server_config.py").MappingKernelManager
    assert 0 < kernels.cull_idle_timeout <= 120
    assert 0 < kernels.cull_interval <= kernels.cull_idle_timeout
    assert kernels.cull_connected is False  # an open tab, hidden or not, keeps its kernel
    assert kernels.cull_busy is False


def test_the_app_keeps_its_own_quicker_culler():
    kernels = _config("voila.py").MappingKernelManager
    assert kernels.cull_idle_timeout == 30 and kernels.cull_interval == 10
