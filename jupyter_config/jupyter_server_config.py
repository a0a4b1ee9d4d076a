"""The workbook's own JupyterLab settings, read because `workbook lab` points JUPYTER_CONFIG_DIR here.

The defaults in lab-app-settings/overrides.json: start the notebook's kernel without asking
(and shut it down when its tab closes), never ask about (or fetch) Jupyter news or updates, and a calm layout: one page at a time
(single-document mode) beside a file list of just the stages' names. A person can still change
them in Settings.

The workbook's own small JupyterLab extension, prebuilt in labextensions/ (source in labextension/),
makes each stage page run as it opens, hide its code, and never ask to be saved.

Saving a notebook keeps its words and code but never its outputs: what a person typed and saw
stays in their workbook's database, not in the notebooks of the checkout (or, installed as a
package, in the person's copies of them: workbook/app/workspace.py; this folder is then the package's
own, read only).
"""

import warnings
from pathlib import Path

# jupyter_server applies this file's settings twice, so the hook below "overrides" itself: a
# warning a person starting `make lab` would read as something gone wrong, though nothing has.
warnings.filterwarnings(
    "ignore", message=r"Overriding existing pre_save_hook \(keep_notebooks_clean\)"
)

c = get_config()  # noqa: F821 — provided by Jupyter when it reads this file
HERE = Path(__file__).resolve().parent
c.LabApp.app_settings_dir = str(HERE / "lab-app-settings")
c.LabApp.extra_labextensions_path = [str(HERE / "labextensions")]


def keep_notebooks_clean(model, **_):
    """Drop outputs, execution counts and widget state from a notebook about to be saved."""
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    for cell in model["content"].get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    model["content"].get("metadata", {}).pop("widgets", None)


c.ContentsManager.pre_save_hook = keep_notebooks_clean


# A page's kernel ends with its page. Closing a stage's tab shuts its kernel down (JupyterLab's
# own "kernelShutdown" setting, in lab-app-settings/overrides.json); a page visited again while
# its tab is still open (single-document mode keeps the pages already seen open behind the one
# shown) is brought back with the same kernel, not a second one. What no tab closes (a closed
# window, a crashed or reloaded browser that never comes back) jupyter_server's culler stops: a
# kernel with no page connected and idle for a minute goes within 15 s more. A kernel still
# connected is never culled, however long its tab stays open; nor is a busy one.
# (The app, `workbook app`, is Voilà, which reads jupyter_config/voila.py instead: its own culler.)
c.MappingKernelManager.cull_idle_timeout = 60
c.MappingKernelManager.cull_interval = 15
c.MappingKernelManager.cull_connected = False
c.MappingKernelManager.cull_busy = False


# What a stage page never uses is left out of the workbook's Lab (labconfig/page_config.json's
# "disabledExtensions"; the README says why each is safe and how to switch it back on): here, the
# server's side of two of them, the terminals and the language server.
c.ServerApp.terminals_enabled = False
c.ServerApp.jpserver_extensions.update({"jupyter_lsp": False})
# And the extension manager's: with its panel left out, nothing should install from PyPI either
# (the default "pypi" manager still answers install requests, and loads its PyPI client).
c.LabApp.extension_manager = "readonly"


# The workbook's server extension: files the workbook wrote (a report, an export, a calendar file)
# open from the link on their page, behind JupyterLab's own login (the data folder is outside
# Lab's root); and, under JupyterHub (deploy/jupyterhub/, `workbook hub-singleuser`), where the
# app's pages are Voilà inside this server, plotly.js, which they fetch once shown.
# update(), not assignment: the extensions other config files switch on (Voilà, JupyterLab) stay.
c.ServerApp.jpserver_extensions.update({"workbook.app.hub_extension": True})
