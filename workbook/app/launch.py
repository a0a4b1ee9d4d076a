"""`python -m workbook.app.launch MODULE ARG…` runs a Jupyter server as `python -m MODULE ARG…`
would (`jupyterlab`, `jupyterhub.singleuser`), in a process that has imported the workbook first,
so the server starts without what the workbook leaves out of every process (workbook/__init__.py:
2.9 s of CPU and 24 MiB as JupyterLab starts).
"""

from __future__ import annotations

import runpy
import sys

import workbook  # noqa: F401 — imported for what it leaves out, before the server imports anything


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit("usage: python -m workbook.app.launch MODULE [ARG ...]")
    module, *args = sys.argv[1:]
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
