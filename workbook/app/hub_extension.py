"""The workbook's one addition to a JupyterHub single-user server: plotly.js for the app's pages.

The app's pages fetch plotly.js once they are shown (jupyter_config/voila.py names its address,
the workbook template's charts.js loads it). `workbook app` serves it from its own Voilà
(workbook/app/server.py); under JupyterHub, Voilà runs inside the person's jupyter_server, so this
extension serves the same file there, from the installed plotly package, behind the hub's login.
jupyter_config/jupyter_server_config.py switches it on when JupyterHub starts the server.
"""

from __future__ import annotations

import importlib.resources

from jupyter_server.base.handlers import FileFindHandler
from jupyter_server.utils import url_path_join
from tornado import web

from .server import PLOTLY_JS_ROUTE


class PlotlyJs(FileFindHandler):
    """jupyter_server's file handler, whose get/head it marks `allow_unauthenticated` (its login
    page needs its styles): here without that mark, so only someone logged in gets the file."""

    @web.authenticated
    def get(self, path, include_body=True):
        return super().get(path, include_body)

    @web.authenticated
    def head(self, path):
        return super().head(path)


def _jupyter_server_extension_points():
    return [{"module": "workbook.app.hub_extension"}]


def _load_jupyter_server_extension(serverapp) -> None:
    web_app = serverapp.web_app
    route = url_path_join(web_app.settings["base_url"], PLOTLY_JS_ROUTE)
    folder = str(importlib.resources.files("plotly") / "package_data")
    web_app.add_handlers(".*$", [(route, PlotlyJs, {"path": [folder]})])
