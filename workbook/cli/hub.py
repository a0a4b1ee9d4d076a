"""`workbook hub-singleuser`: one person's workbook server, started by JupyterHub as that person.

deploy/jupyterhub/jupyterhub_config.py makes this the single-user command. It prepares the
person's data folder in their own home (0700: $WORKBOOK_DATA_DIR, else the platform's user data
folder) and the pages Jupyter serves (copies of the package's notebooks, in that folder), then
becomes JupyterHub's own `jupyterhub-singleuser` with the workbook's Jupyter settings: JupyterLab,
and Voilà as a server extension for the app's pages, both behind the hub's login.
"""

from __future__ import annotations

import os
import sys

from ..app.workspace import jupyter_environment, prepare_workspace
from ..store.paths import ensure_private_dir, resolve_data_dir

START_PAGE = "/voila/render/00_start_here.ipynb"


def cmd_hub_singleuser(args) -> int:
    # Nothing this process writes is meant for anyone else: the pages, Lab's state, checkpoints.
    os.umask(0o077)
    ensure_private_dir(resolve_data_dir(args.data_dir))
    pages = prepare_workspace(args.data_dir)
    env = jupyter_environment(args.data_dir)
    command = [
        sys.executable,
        "-P",  # not the home folder's modules: a voila.py there is Voilà's config, not Voilà
        "-m",
        "workbook.app.launch",  # the single-user server, without what the workbook leaves out
        "jupyterhub.singleuser",
        f"--ServerApp.root_dir={pages}",
        # Where the hub sends a person who opens their server; JupyterLab is one click away.
        f"--ServerApp.default_url={START_PAGE}",
        # Voilà serves pictures next to the pages to anyone, without the hub's login: none here.
        "--VoilaConfiguration.file_allowlist=[]",
        # As in `workbook app`: no MathJax, which Voilà as an extension would fetch from a CDN
        # (its pages load it unless both of these are unset).
        '--ServerApp.tornado_settings={"mathjax_url": None, "mathjax_config": None}',
        # Many people share the machine: a page's kernel with no page open to it for 10 minutes
        # is stopped (the hub's culler stops a whole server left alone for longer).
        "--MappingKernelManager.cull_idle_timeout=600",
        "--MappingKernelManager.cull_interval=60",
    ]
    os.execvpe(command[0], command, env)
