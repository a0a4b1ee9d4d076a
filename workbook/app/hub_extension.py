"""The workbook's additions to a jupyter_server (JupyterLab's, and a JupyterHub single-user
server's): the files the workbook wrote, opened from a page's link (workbook/app/files.py), and
plotly.js for the app's pages and JupyterLab's charts.

The app's pages fetch plotly.js once they are shown (jupyter_config/voila.py names its address,
the workbook template's charts.js loads it). `workbook app` serves it from its own Voilà
(workbook/app/server.py); under JupyterHub, Voilà runs inside the person's jupyter_server, so this
extension serves the same file there (the smallest plotly.js that draws the charts:
workbook/views/plotly_bundle.py), behind the hub's login. In JupyterLab, the workbook's plotly
renderer (labextension/plotly) fetches that file, or the full plotly.js for a trace it lacks.
jupyter_config/jupyter_server_config.py switches it on (the app's own server, Voilà, serves both
itself).
"""

from __future__ import annotations

import os

from jupyter_server.base.handlers import FileFindHandler
from jupyter_server.utils import url_path_join
from tornado import web

from ..views.plotly_bundle import full_plotly_js
from .files import (
    FULL_PLOTLY_JS_ROUTE,
    PLOTLY_JS_ROUTE,
    OutputFile,
    ServesTheChosenPlotlyJs,
    files_route,
    full_plotly_js_folder,
    plotly_js_folder,
    tell_the_pages,
)


class PlotlyJs(ServesTheChosenPlotlyJs, FileFindHandler):
    """jupyter_server's file handler, whose get/head it marks `allow_unauthenticated` (its login
    page needs its styles): here without that mark, so only someone logged in gets the file."""

    @web.authenticated
    def get(self, path, include_body=True):
        return super().get(path, include_body)

    @web.authenticated
    def head(self, path):
        return super().head(path)


class FullPlotlyJs(PlotlyJs):
    """The same, for the full plotly.js (JupyterLab's charts of any kind: labextension/plotly),
    from `full_plotly_js_folder()`."""

    chosen = staticmethod(full_plotly_js)


def _jupyter_server_extension_points():
    return [{"module": "workbook.app.hub_extension"}]


def _load_jupyter_server_extension(serverapp) -> None:
    web_app = serverapp.web_app
    route = url_path_join(web_app.settings["base_url"], PLOTLY_JS_ROUTE)
    folder = plotly_js_folder()
    tell_the_pages(web_app.settings["base_url"])  # before any kernel starts: they inherit it
    full = url_path_join(web_app.settings["base_url"], FULL_PLOTLY_JS_ROUTE)
    files = (files_route(web_app.settings["base_url"]), OutputFile)
    web_app.add_handlers(
        ".*$",
        [
            (route, PlotlyJs, {"path": [folder]}),
            (full, FullPlotlyJs, {"path": [full_plotly_js_folder()]}),
            files,
        ],
    )
    _send_widget_state_with_voila_s_pages(serverapp)


def _send_widget_state_with_voila_s_pages(serverapp) -> None:
    """On the hub, the app's pages (Voilà, served by this same server) carry their widgets' state
    (state_with_the_page.py). Nothing in the workbook's own JupyterLab, where Voilà serves no page;
    should Voilà not import, the routes above are served all the same."""
    if not os.environ.get("JUPYTERHUB_SERVICE_PREFIX"):
        return
    try:
        from .state_with_the_page import send_widget_state_with_the_page

        send_widget_state_with_the_page()
    except Exception as error:  # noqa: BLE001 — pages then draw their widgets as before
        serverapp.log.warning(
            "workbook: Voilà's pages will not carry their widget state: %s", error
        )
