"""The folder Jupyter serves the stage pages from, and the environment a Jupyter process needs.

In a checkout that is the checkout's `notebooks/`, as it always was. Installed from a wheel it is
`pages/` inside the person's data folder (0700, files 0600): copies of the package's notebooks,
made equal to the package's again whenever they differ (after an upgrade, or after a page was
saved), so whatever JupyterLab saves lands there and never in the installed package. What a person
enters lives in their workbook file, not in the pages. A page a newer package no longer has is
taken away; any notebook of the person's own in `pages/` is left alone.

`workbook lab`, `workbook app` and a JupyterHub single-user server all start from
`prepare_workspace` and `jupyter_environment`, so each sees the same pages and settings.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..store.paths import ensure_private_dir, in_checkout, resolve_data_dir
from .resources import jupyter_config_dir, notebooks_dir, voila_templates_root

PAGES_FOLDER = "pages"
COPIED_LIST = ".package-pages"  # hidden: JupyterLab's file list shows no dot files
# JupyterLab keeps a person's settings and open tabs beside its config by default, which outside a
# checkout would be inside the installed package.
LAB_STATE_FOLDER = "jupyterlab"


def prepare_workspace(data_dir: str | os.PathLike | None = None) -> Path:
    """The folder to serve the stage pages from, made ready: see the module's docstring."""
    if in_checkout():
        return notebooks_dir()
    data = ensure_private_dir(resolve_data_dir(data_dir))
    ensure_private_dir(data / LAB_STATE_FOLDER)
    return refresh_pages(notebooks_dir(), data / PAGES_FOLDER)


def refresh_pages(originals: Path, pages: Path) -> Path:
    """Make each notebook of `originals` have its copy in `pages` (0700), byte for byte (0600);
    a page an earlier version of the package had and this one has not is removed."""
    ensure_private_dir(pages)
    names = sorted(p.name for p in originals.glob("*.ipynb"))
    for name in names:
        _write_if_different(pages / name, (originals / name).read_bytes())
    # The names copied last time: only those are the package's to take away, never the person's.
    copied = pages / COPIED_LIST
    before = copied.read_text().split() if copied.is_file() else []
    for gone in set(before) - set(names):
        if gone == Path(gone).name and gone.endswith(".ipynb"):  # a page's name, not a path
            (pages / gone).unlink(missing_ok=True)
    _write_if_different(copied, "".join(f"{name}\n" for name in names).encode())
    return pages


def _write_if_different(path: Path, content: bytes) -> None:
    if path.is_file() and not path.is_symlink() and path.read_bytes() == content:
        return
    # A whole new file, renamed over the old: a page half-written is never served.
    fd, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(content)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def jupyter_environment(
    data_dir: str | os.PathLike | None = None, base: dict[str, str] | None = None
) -> dict[str, str]:
    """`base` (default: this process's environment) with what a workbook Jupyter process needs:
    the data folder, the workbook's Jupyter settings (which also add the prebuilt Lab extension),
    Voilà's template on JUPYTER_PATH, and, outside a checkout, Lab's own state in the data folder."""
    env = dict(os.environ if base is None else base)
    data = resolve_data_dir(data_dir).resolve()
    env["WORKBOOK_DATA_DIR"] = str(data)
    # The project's own Jupyter settings (no news pop-ups, no update checks), not the user's home.
    env["JUPYTER_CONFIG_DIR"] = str(jupyter_config_dir())
    env["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(voila_templates_root()), env.get("JUPYTER_PATH")) if p
    )
    if not in_checkout():
        lab_state = data / LAB_STATE_FOLDER
        env.setdefault("JUPYTERLAB_SETTINGS_DIR", str(lab_state / "settings"))
        env.setdefault("JUPYTERLAB_WORKSPACES_DIR", str(lab_state / "workspaces"))
    return env
