"""The code-free app (`workbook app`): Voilà with the workbook's template, which fetches nothing.

Voilà finds templates on the Jupyter data path only, so this folder's share/ is put in front.
"""

import os
from pathlib import Path

c = get_config()  # noqa: F821 — provided by Voilà when it reads this file
share = str(Path(__file__).resolve().parent / "share")
os.environ["JUPYTER_PATH"] = os.pathsep.join(
    p for p in (share, os.environ.get("JUPYTER_PATH")) if p
)
c.VoilaConfiguration.template = "workbook"
