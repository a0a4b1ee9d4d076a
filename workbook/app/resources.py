"""The read-only originals Jupyter is started from: the stage notebooks and the Jupyter settings.

In a checkout they are the checkout's own `notebooks/` and `jupyter_config/`. Installed from a wheel
they are the package's copies, which the wheel carries as `workbook/_shared/notebooks` and
`workbook/_shared/jupyter_config` (see `[tool.setuptools]` in pyproject.toml). Nothing is ever
written into either: `workbook.app.workspace` copies the notebooks to a folder of the person's own.
"""

from __future__ import annotations

from pathlib import Path

from ..store.paths import CHECKOUT, in_checkout

PACKAGE_COPIES = Path(__file__).resolve().parent.parent / "_shared"


def _original(name: str) -> Path:
    return CHECKOUT / name if in_checkout() else PACKAGE_COPIES / name


def notebooks_dir() -> Path:
    """The stage notebooks as built (`scripts/build_notebooks.py`): never served from directly
    outside a checkout."""
    return _original("notebooks")


def jupyter_config_dir() -> Path:
    """The workbook's Jupyter settings: server and Lab settings, the prebuilt Lab extension
    (`labextensions/`) and Voilà's config and template (`voila.py`, `share/voila/templates/`)."""
    return _original("jupyter_config")


def voila_templates_root() -> Path:
    """The folder to put on JUPYTER_PATH so Voilà finds the `workbook` template."""
    return jupyter_config_dir() / "share"
