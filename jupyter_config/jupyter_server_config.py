"""The workbook's own JupyterLab settings, read because `workbook lab` points JUPYTER_CONFIG_DIR here.

The defaults in lab-app-settings/overrides.json: start the notebook's kernel without asking, and
never ask about (or fetch) Jupyter news or updates. A person can still change them in Settings.
"""

from pathlib import Path

c = get_config()  # noqa: F821 — provided by Jupyter when it reads this file
c.LabApp.app_settings_dir = str(Path(__file__).resolve().parent / "lab-app-settings")
