"""`workbook lab` and `workbook app`: JupyterLab or the code-free app on the workbook's notebooks."""

from __future__ import annotations

import os
import sys

from ..app.workspace import jupyter_environment, prepare_workspace
from ..store.paths import ensure_private_dir, resolve_data_dir


def cmd_lab(args) -> int:
    ensure_private_dir(resolve_data_dir(args.data_dir))
    pages = prepare_workspace(args.data_dir)
    command = [
        sys.executable,
        "-m",
        "workbook.app.launch",  # JupyterLab, without what the workbook leaves out (see there)
        "jupyterlab",
        "--ip=127.0.0.1",
        f"--port={args.port}",
        f"--ServerApp.root_dir={pages}",
        "--LabApp.default_url=/lab/tree/00_start_here.ipynb",
    ]
    if args.no_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers and CI machines often run as root
    print("Opening your workbook in JupyterLab; the address to open appears below.", flush=True)
    os.execvpe(command[0], command, jupyter_environment(args.data_dir))


def cmd_app(args) -> int:
    ensure_private_dir(resolve_data_dir(args.data_dir))
    pages = prepare_workspace(args.data_dir)
    command = [
        sys.executable,
        "-P",  # not the current folder's modules: a voila.py there is Voilà's config, not Voilà
        "-m",
        "workbook.app.server",  # Voilà, locked by a token like JupyterLab
        str(pages),
        "--Voila.ip=127.0.0.1",
        f"--port={args.port}",
    ]
    if args.no_browser:
        command.append("--no-browser")
    print("Opening your workbook as an app; the address to open appears below.", flush=True)
    os.execvpe(command[0], command, jupyter_environment(args.data_dir))
