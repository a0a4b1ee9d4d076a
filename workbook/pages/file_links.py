"""A link that opens or downloads a file the workbook just wrote, shown beside the sentence that
says where it is. The app and JupyterLab serve such files behind their token
(workbook/app/files.py) and tell the page kernels where, in $WORKBOOK_FILES_URL; where nothing
serves them (papermill, the command line) there is no link, only the sentence.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from ..core.messages import say
from ..store.output_files import served_address
from ..views.html_pieces import page_piece

FILES_URL_VARIABLE = "WORKBOOK_FILES_URL"  # set by workbook/app/files.py `tell_the_pages`
OPENS_IN_THE_BROWSER = {".pdf", ".html"}  # the rest is downloaded


def file_url(path: Path, data_dir: Path) -> str | None:
    """The address of `path` on the server that runs this page, if it serves it."""
    base = os.environ.get(FILES_URL_VARIABLE)
    address = served_address(data_dir, path) if base else None
    if address is None:
        return None
    kind, name = address
    return f"{base}{kind}/{quote(name)}"


def file_link_html(path: Path | None, data_dir: Path) -> str:
    """The link to `path` ("" when it cannot be opened from here)."""
    url = file_url(Path(path), data_dir) if path else None
    if url is None:
        return ""
    opens = Path(path).suffix in OPENS_IN_THE_BROWSER
    words = say("file_open" if opens else "file_download", name=Path(path).name)
    return page_piece("file_link", text=words, href=url, download=not opens)
