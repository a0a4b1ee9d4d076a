"""The files the workbook wrote (a report, an export, a backup, the reminders' calendar file),
opened from the link a page shows beside them: served by the app (workbook/app/server.py) and by
JupyterLab's server (workbook/app/hub_extension.py), behind their token or login.

Nothing else of the data folder is served: a folder by its kind, a plain name, an ordinary file
of this user's, readable by them only (workbook/store/output_files.py `served_file`). The file
stays where it is, owner-only; a request without the token gets the login page, never the file.
"""

from __future__ import annotations

import os

from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import url_path_join
from tornado import web

from ..store.output_files import SERVED_FOLDERS, read_served, served_file
from ..store.paths import resolve_data_dir
from ..views.plotly_bundle import full_plotly_js, plotly_js

# Also here, not beside Voilà (server.py): JupyterLab's server imports this module, and must not
# import Voilà (a voila.py in the folder it starts in would be taken for it).
PLOTLY_JS_ROUTE = r"/workbook/(plotly\.min\.js)"  # served by the app, and under JupyterHub
# The full plotly.js too, in JupyterLab only: its charts are any a person draws there
# (labextension/plotly), not the workbook's alone.
FULL_PLOTLY_JS_ROUTE = r"/workbook/(plotly-full\.min\.js)"
FILES_ROUTE = r"/workbook/files/({})/([^/]+)".format("|".join(SERVED_FOLDERS))
FILES_URL_VARIABLE = "WORKBOOK_FILES_URL"  # read by the pages (workbook/pages/file_links.py)

# What the browser is told a file is; a report opens in its own tab, the rest is downloaded.
TYPES = {
    ".pdf": ("application/pdf", "inline"),
    ".html": ("text/html; charset=utf-8", "inline"),
    ".json": ("application/json", "attachment"),
    ".zip": ("application/zip", "attachment"),
    ".ics": ("text/calendar; charset=utf-8", "attachment"),
}
# A report's HTML is static (its charts are SVG pictures): it runs nothing, in a sandbox of its own
# (no cookies, no address of the workbook's), and fetches nothing.
HTML_POLICY = (
    "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"
)


def tell_the_pages(base_url: str) -> None:
    """Where the pages' kernels, started after this, find the files (they inherit it)."""
    os.environ[FILES_URL_VARIABLE] = url_path_join(base_url, "workbook", "files") + "/"


def files_route(base_url: str) -> str:
    return url_path_join(base_url, FILES_ROUTE)


class OutputFile(JupyterHandler):
    """One file the workbook wrote, for someone logged in (the token), never from the cache."""

    @web.authenticated
    def get(self, kind: str, name: str) -> None:
        path = served_file(resolve_data_dir(None), kind, name)
        if path is None:
            raise web.HTTPError(404)
        try:
            data = read_served(path)
        except OSError:
            raise web.HTTPError(404) from None
        content_type, disposition = TYPES.get(
            path.suffix, ("application/octet-stream", "attachment")
        )
        self.set_header("Content-Type", content_type)
        self.set_header("Content-Disposition", f'{disposition}; filename="{path.name}"')
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Cache-Control", "no-store")
        if path.suffix == ".html":
            self.set_header("Content-Security-Policy", HTML_POLICY)
        self.finish(data)


class ServesTheChosenPlotlyJs:
    """In front of a file handler on PLOTLY_JS_ROUTE, whose search path is `plotly_js_folder()`:
    the file served is the smallest plotly.js that draws the workbook's charts (scatter, bar and
    heatmap: views/plotly_bundle.py), whatever the address calls it. `chosen` names another
    (below)."""

    chosen = staticmethod(plotly_js)

    def get(self, path, include_body=True):
        return super().get(self.chosen().name, include_body)

    def head(self, path):
        return super().head(self.chosen().name)


def plotly_js_folder() -> str:
    return str(plotly_js().parent)


def full_plotly_js_folder() -> str:
    return str(full_plotly_js().parent)
