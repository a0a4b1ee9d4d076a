"""The kernel the workbook's JupyterLab and app start for a page: ipykernel as it is, without its
debugger. `jupyter_config/share/kernels/python3/kernel.json` names this module for the `python3`
kernel the stage notebooks ask for, on the Jupyter path the workbook's Lab and app are started with
(workbook/app/workspace.py); papermill and any other Jupyter still start the stock kernel.

ipykernel imports debugpy in every kernel it starts, whether or not anyone debugs: about 8 MiB of
memory in each (a JupyterLab with the eight stages open holds eight), and a warning about frozen
modules in the server's log. The workbook's Lab leaves the debugger's panel out
(jupyter_config/labconfig/page_config.json) and the app has none, so nothing can ask for it.
Marking `debugpy` as not importable is how ipykernel itself learns it is not there
(`ipykernel.debugger._is_debugpy_available`). A person who switches Lab's debugger back on sets
WORKBOOK_KERNEL_DEBUGGER=1 (see the README), and their kernels load it again.

IPython's history is off too. It wrote every cell a kernel ran, parameters and all, into
~/.ipython/profile_default/history.sqlite: outside the data folder, readable by every account on
the machine, and never deleted. In JupyterLab a person may type their own words into a page's
parameters cell, and the workbook keeps what they write in its data folder only. It also cost each
kernel a thread (and SQLite, about 1.7 MiB, in a kernel that does not load it for the workbook).

A kernel the app heats for a page nobody has asked for yet (Voilà gives it VOILA_PREHEAT=True)
starts behind the pages a person is opening, from its first import (workbook/app/priority.py).

A kernel JupyterLab starts for a stage page imports that page's modules as it starts, before it
answers: the very imports the page's first cells make (beyond what ipykernel loads itself, 0.08 s
for the start page, 0.17 s for the progress page here), done while the page itself is still being
drawn. The workbook's Lab starts a stage's kernel as Lab starts (labextension/src/index.ts),
seconds before the page sends its cells; a kernel started later costs nothing more, as its cells
would import the same modules at once.
"""

from __future__ import annotations

import os
import sys
from importlib import import_module


def main() -> None:
    if os.environ.get("VOILA_PREHEAT") == "True":
        from .priority import run_behind

        run_behind()  # back to full speed when its page is asked for (workbook/app/preheat.py)
    sys.argv.append("--HistoryManager.enabled=False")
    if os.environ.get("WORKBOOK_KERNEL_DEBUGGER") != "1":
        sys.modules["debugpy"] = None  # type: ignore[assignment]  # an import of it now fails
    # As ipykernel_launcher does: not the kernel's folder on the path while ipykernel loads (the
    # kernel puts it back for the notebook's own imports).
    if sys.path and sys.path[0] in ("", os.getcwd()):
        del sys.path[0]
    import_the_page(os.environ.get("JPY_SESSION_NAME"))
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()


def import_the_page(session: str | None) -> None:
    """The modules of the stage page this kernel is for: jupyter_server names the notebook a
    session's kernel is started for (JPY_SESSION_NAME); the app's kernels have no session."""
    if not session:
        return
    try:
        from ..core.stages import STAGES

        name = os.path.basename(session).removesuffix(".ipynb")
        for stage in STAGES:
            if stage.name == name:
                import_module("workbook.pages.nav")
                import_module(f"workbook.pages.{stage.page}")
    except Exception:  # noqa: BLE001 — the kernel starts all the same: the page's own cells
        return  # import these again, and show what went wrong where a person sees it


if __name__ == "__main__":
    main()
