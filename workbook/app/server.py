"""The code-free app's server (`workbook app`): Voilà, locked like JupyterLab.

Voilà already checks jupyter_server's token on its pages, its kernel API and its kernel websocket
(and refuses websockets from another origin). What it leaves open, this closes with jupyter_server's
own `JupyterHandler`, the class every JupyterLab handler is built on:

- its static, template and file handlers and its request-info websocket are plain tornado
  handlers, open to anyone: here each is also a `JupyterHandler`, so it checks the token (a login
  page or 403) and the `Host` (`allow_remote_access` is off in jupyter_config/voila.py);
- it never serves with a token unless told, and prints and opens the address without it: here a
  token is always made (unless $JUPYTER_TOKEN gives one), printed in the address, and the browser
  it opens is sent there through a private file, never through a command line others can read.

The token is kept in this process's environment so that the page kernels, which inherit it, can
ask Voilà for their page's request (see workbook/app/preheat.py).

It also serves plotly.js (the smallest bundle that draws the workbook's charts:
workbook/views/plotly_bundle.py) behind the same token: the app's pages draw their charts with it
once the page is shown (jupyter_config/share/voila/templates/workbook).
"""

from __future__ import annotations

import html
import importlib.metadata
import importlib.resources
import os
import secrets
import tempfile
import threading
import webbrowser
from pathlib import Path

from jupyter_server.base.handlers import FileFindHandler, JupyterHandler
from jupyter_server.base.websocket import WebSocketMixin
from jupyter_server.log import _scrub_uri
from jupyter_server.utils import url_path_join
from markupsafe import Markup
from tornado.ioloop import PeriodicCallback
from tornado.web import StaticFileHandler, authenticated
from tornado.websocket import WebSocketHandler
from voila.app import Voila
from voila.request_info_handler import RequestInfoSocketHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.voila_identity_provider import VoilaLoginHandler

from ..views.plotly_bundle import plotly_js
from ..views.templating import render
from .culling import never_cull_a_page_being_drawn
from .files import (
    PLOTLY_JS_ROUTE,
    OutputFile,
    ServesTheChosenPlotlyJs,
    files_route,
    plotly_js_folder,
    tell_the_pages,
)
from .heat_ahead import heat_the_next_pages
from .memory import give_back_freed_memory
from .page_templates import compile_page_templates_once
from .state_with_the_page import send_widget_state_with_the_page

START_PAGE = "voila/render/00_start_here.ipynb"
PLOTLY_JS = "plotly.min.js"


def plotly_js_url(base_url: str) -> str:
    """Where a page finds plotly.js; versioned, so the browser keeps it and asks only once."""
    version = f"{importlib.metadata.version('plotly')}-{plotly_js().stem}"
    return f"{url_path_join(base_url, 'workbook', PLOTLY_JS)}?v={version}"


REDIRECT_PAGE = (
    '<!DOCTYPE html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url={url}">'
    '<title>Opening your workbook</title><a href="{url}">Open your workbook</a>'
)


class PlotlyJs(ServesTheChosenPlotlyJs, FileFindHandler):
    """plotly.js for the app's charts (locked like every other handler: `locked`)."""


class _FilesNeedTheTokenToo:
    """jupyter_server marks its file handlers' get/head `allow_unauthenticated` (its login page
    needs their styles); the same methods without that mark need the token like all others."""

    def get(self, path, include_body=True):
        return super().get(path, include_body)

    def head(self, path):
        return super().head(path)


class PageThatCanStopItsKernel(TornadoVoilaHandler):
    """Voilà's page, which also sets tornado's `_xsrf` cookie: as the page is left or closed it
    asks the server to stop its kernel, with that cookie's value, which Voilà never sets (so
    without this the request is refused and every visit leaves a kernel behind). As it is asked
    for, the pages its "Next" link may open are heated, if they keep no kernel (heat_ahead.py)."""

    async def get(self, path=None):
        self.xsrf_token  # noqa: B018 — reading it sets the cookie
        if path:
            try:
                heat_the_next_pages(self.kernel_manager, path)
            except Exception as error:  # noqa: BLE001 — the next page only starts cold, as before
                self.log.warning("Could not heat the page after %s: %s", path, error)
        await super().get(path)


class ToTheStartPage(JupyterHandler):
    """The printed address (`/?token=…`) opens the start page, as JupyterLab opens it: Voilà would
    list the folder's files instead, in a page of script that showed an empty list on a busy
    machine."""

    @authenticated  # the token in the address logs the browser in, as on every other page
    def get(self):
        self.redirect(url_path_join(self.base_url, START_PAGE))


class LoginPage(VoilaLoginHandler):
    """jupyter_server's login form (where the token may be pasted), as a page of the workbook's own:
    one file with its style inline, since nothing else is served to a browser without the token."""

    def render_template(self, name, **ns):
        if name != "login.html":
            return super().render_template(name, **ns)
        return render(
            "app_login.html.j2",
            action=f"{self.base_url}login?next={ns['next']}",  # `next` comes url-escaped
            wrong=bool(ns.get("message")),
            xsrf_field=Markup(self.xsrf_form_html()),  # tornado's own hidden field, no user text
        )


class TokenNotLogged:
    """tornado names a failed request in the log by its whole address, token and all: named here
    as jupyter_server's access log names it, with the token scrubbed."""

    def _request_summary(self) -> str:
        request = self.request
        return f"{request.method} {_scrub_uri(request.uri)} ({request.remote_ip})"


class _ForgetsOnlyItsOwnWaiter:
    """Voilà's request-info socket keeps one waiting page kernel per kernel id. As a socket closes
    it forgets the entry it finds for itself, or, finding none (a socket closed before it opened),
    the last entry of all: another kernel's, which then never hears that its page was asked for
    and keeps its page on "Running ..." for good. Here a socket forgets only its own entry."""

    def open(self, kernel_id, *args, **kwargs):
        self._workbook_kernel_id = kernel_id
        return super().open(kernel_id, *args, **kwargs)

    def on_close(self) -> None:
        waiters = RequestInfoSocketHandler._waiters
        kernel_id = getattr(self, "_workbook_kernel_id", None)
        if kernel_id is not None and waiters.get(kernel_id) is self:
            del waiters[kernel_id]


def locked(handler: type) -> type:
    """`handler`, made to check the token and the Host header as every JupyterLab handler does."""
    if issubclass(handler, WebSocketHandler):
        if issubclass(handler, JupyterHandler):
            return handler
        bases = (WebSocketMixin, handler, JupyterHandler)  # as Voilà's own execution socket
        if issubclass(handler, RequestInfoSocketHandler):
            bases = (WebSocketMixin, _ForgetsOnlyItsOwnWaiter, handler, JupyterHandler)
    elif issubclass(handler, StaticFileHandler):
        if issubclass(handler, JupyterHandler):
            bases = (_FilesNeedTheTokenToo, handler)
        else:
            bases = (JupyterHandler, handler)  # as jupyter_server's own FileFindHandler
    elif handler is TornadoVoilaHandler:
        return PageThatCanStopItsKernel
    else:
        return handler  # Voilà's pages and APIs: JupyterHandlers that check the token already
    return type(f"Locked{handler.__name__}", bases, {})


def _token_not_logged(handler: type) -> type:
    return type(handler.__name__, (TokenNotLogged, handler), {})


class LockedVoila(Voila):
    """Voilà with a token always, on every handler, in the address it prints and opens."""

    def init_settings(self) -> dict:
        # Before the kernel manager, made here, starts the page kernels: they inherit it.
        tell_the_pages(self.base_url)  # the address a browser asks for
        compile_page_templates_once()  # a page opened cold waits ~70 ms less (page_templates.py)
        send_widget_state_with_the_page()  # widgets drawn without asking the kernel first
        settings = super().init_settings()
        if not self.identity_provider.token:
            raise SystemExit("workbook app: refusing to serve without a token")
        self.identity_provider.login_handler_class = LoginPage
        never_cull_a_page_being_drawn(self.kernel_manager)
        # As JupyterLab serves them: labextensions' files have hashed names, so the browser keeps
        # them and does not ask again on every page.
        settings["static_immutable_cache"] = [
            url_path_join(self.server_url, "voila/labextensions", str(static.relative_to(root)))
            for root in map(Path, self.labextensions_path)
            for static in root.glob("**/static")
        ]
        return settings

    def start(self) -> None:
        # At rest the server holds only what it uses: what start-up and each page freed goes back.
        PeriodicCallback(give_back_freed_memory, 30_000).start()
        super().start()

    def init_handlers(self) -> list:
        plotly_js = (
            url_path_join(self.server_url, PLOTLY_JS_ROUTE),
            PlotlyJs,
            {"path": [plotly_js_folder()]},
        )
        files = (files_route(self.server_url), OutputFile)
        handlers = [plotly_js, files, *super().init_handlers()]
        handlers = [
            (spec[0], ToTheStartPage) if spec[0] == self.server_url else spec for spec in handlers
        ]
        return [(spec[0], _token_not_logged(locked(spec[1])), *spec[2:]) for spec in handlers]

    @property
    def display_url(self) -> str:
        # The person's own terminal: the whole token, as JupyterLab prints it.
        return f"{self.connection_url}?token={self.identity_provider.token}"

    def launch_browser(self) -> None:
        try:
            browser = webbrowser.get(self.browser or None)
        except webbrowser.Error as error:
            self.log.warning("No web browser found: %s.", error)
            return
        # mkstemp: readable by this user only, so the token stays theirs.
        fd, path = tempfile.mkstemp(prefix="workbook-open-", suffix=".html")
        with open(fd, "w", encoding="utf-8") as page:
            page.write(REDIRECT_PAGE.format(url=html.escape(self.display_url, quote=True)))
        threading.Thread(
            target=browser.open, args=(Path(path).as_uri(),), kwargs={"new": 2}, daemon=True
        ).start()


def main() -> None:
    # Made here, before Voilà starts its kernels, so that they inherit it (Voilà reads it too).
    os.environ.setdefault("JUPYTER_TOKEN", secrets.token_hex(24))
    LockedVoila.launch_instance()


if __name__ == "__main__":
    main()
