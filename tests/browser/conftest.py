"""Real JupyterLab and Voilà servers, and a Chromium that may talk only to them.

Each server is started by the `workbook lab` / `workbook app` commands a person runs, on a free
127.0.0.1 port, with its own temporary data directory. Every page request that is not to this
machine is refused and fails the test. A failing test leaves its screenshot, its console log and
the server's log under test-artifacts/.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from workbook.core import clock
from workbook.store import Store
from workbook.store.demo import fill_demo
from workbook.store.paths import CHECKOUT
from workbook.views.report.pdf import CHROMIUM, CHROMIUM_ARGS  # the report's own Chromium settings

ARTIFACTS = CHECKOUT / "test-artifacts"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
START_TIMEOUT_S = 120
# Kernel start and widget rendering on a busy 2-core machine: generous, never a speed check.
UI_TIMEOUT_MS = 90_000


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A `workbook lab` or `workbook app` process, its address and its data directory."""

    def __init__(self, kind: str, data_dir: Path, home: Path):
        self.kind, self.data_dir = kind, data_dir
        self.port = _free_port()
        self.token = secrets.token_hex(16)
        self.log_path = home / f"{kind}.log"
        _no_autosave(home / "settings")
        env = dict(os.environ)
        env.update(
            JUPYTER_TOKEN=self.token,
            # The person's own JupyterLab settings and workspaces stay out of the test.
            JUPYTERLAB_SETTINGS_DIR=str(home / "settings"),
            JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
            JUPYTER_RUNTIME_DIR=str(home / "runtime"),
            PYTHONUNBUFFERED="1",
        )
        command = [
            sys.executable,
            "-m",
            "workbook",
            kind,
            "--no-browser",
            "--port",
            str(self.port),
            "--data-dir",
            str(data_dir),
        ]
        self._log = open(self.log_path, "wb")  # noqa: SIM115 — open for the server's lifetime
        self.process = subprocess.Popen(
            command, env=env, stdout=self._log, stderr=subprocess.STDOUT, cwd=home
        )
        self._wait_until_up()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return f"{self.base}/{path.lstrip('/')}{sep}token={self.token}"

    def _wait_until_up(self) -> None:
        probe = self.url("api/status" if self.kind == "lab" else "")
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"`workbook {self.kind}` stopped:\n{self.log()}")
            try:
                with urllib.request.urlopen(probe, timeout=2):
                    return
            except OSError:
                time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"`workbook {self.kind}` did not start:\n{self.log()}")

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")[-20_000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


def _no_autosave(settings: Path) -> None:
    """The tests open the checkout's own notebooks: JupyterLab must not save them on its own."""
    plugin = settings / "@jupyterlab" / "docmanager-extension" / "plugin.jupyterlab-settings"
    plugin.parent.mkdir(parents=True, exist_ok=True)
    plugin.write_text('{"autosave": false}')


def _demo(path: Path) -> Path:
    """The 30-day demo ending on the real today, which is the day the notebooks see."""
    with Store(path) as store:
        fill_demo(store, today=clock.today())
    return path


# Voilà reads a voila.py in the folder it starts in after the project's own: this one only makes
# the culler quick, so a test sees a closed tab's kernel go within seconds, not a minute, and a
# page heated ahead that nobody opens stopped after 30 s, not 5 minutes (app/heat_ahead.py).
QUICK_CULL = """
c.MappingKernelManager.cull_idle_timeout = 10
c.MappingKernelManager.cull_interval = 2
import workbook.app.heat_ahead
workbook.app.heat_ahead.UNUSED_FOR_S = 30
"""


@pytest.fixture(scope="session")
def server_home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("servers")
    (home / "voila.py").write_text(QUICK_CULL)
    return home


@pytest.fixture(scope="session")
def lab(server_home):
    """JupyterLab on the demo month."""
    server = Server("lab", _demo(server_home / "lab-data"), server_home)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def fresh_lab(tmp_path_factory):
    """JupyterLab on an empty workbook, as a new user first meets it."""
    home = tmp_path_factory.mktemp("fresh")
    server = Server("lab", home / "data", home)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def app(server_home):
    """The code-free app (Voilà) on its own copy of the demo month, for tests that write; its
    kernels are culled about 10 s after their page has gone (see QUICK_CULL)."""
    server = Server("app", _demo(server_home / "app-data"), server_home)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def showcase(tmp_path_factory):
    """The app on an untouched demo month: for reading and for the README's pictures."""
    home = tmp_path_factory.mktemp("showcase")
    server = Server("app", _demo(home / "data"), home)
    yield server
    server.stop()


@pytest.fixture(scope="session", autouse=True)
def _patient_expectations():
    from playwright.sync_api import expect

    expect.set_options(timeout=UI_TIMEOUT_MS)


def patient(chromium):
    """`chromium`, whose every page waits as long as the expectations do (Playwright's own default
    is 30 s): on a busy two-core machine a page kernel started cold took longer than that to run
    its page, and a test's `goto` failed on a page that was only slow (seen in CI)."""
    new_context, new_page = chromium.new_context, chromium.new_page

    def patient_context(*args, **kwargs):
        context = new_context(*args, **kwargs)
        context.set_default_timeout(UI_TIMEOUT_MS)
        return context

    def patient_page(*args, **kwargs):
        page = new_page(*args, **kwargs)
        page.context.set_default_timeout(UI_TIMEOUT_MS)
        return page

    chromium.new_context, chromium.new_page = patient_context, patient_page
    return chromium


@pytest.fixture(scope="session", autouse=True)
def _patient_pages(browser):
    patient(browser)


@pytest.fixture
def rebinding_browser(browser):
    """Chromium that finds the name rebound.test at 127.0.0.1, as after a DNS-rebinding attack."""
    rebinding = browser.browser_type.launch(
        executable_path=CHROMIUM,
        args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP rebound.test 127.0.0.1"],
    )
    yield patient(rebinding)
    rebinding.close()


def keep_what_failed(request, page, console: list[str], force: bool = False) -> None:
    """After a failed test (or `force`): its page's screenshot, its console, and the log of every
    server it used, in test-artifacts/ under the test's name."""
    failed = any(
        getattr(getattr(request.node, f"report_{when}", None), "failed", False)
        for when in ("setup", "call")
    )
    if not (failed or force):
        return
    folder = ARTIFACTS / re.sub(r"[^\w.-]+", "_", request.node.nodeid)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    try:
        page.screenshot(path=str(folder / "screenshot.png"), full_page=True)
    except Exception as error:  # noqa: BLE001 — the log below still helps
        console.append(f"[artifacts] no screenshot: {error}")
    (folder / "console.log").write_text("\n".join(console) + "\n")
    for fixture in ("lab", "fresh_lab", "app", "showcase"):
        server = request.node.funcargs.get(fixture)
        if isinstance(server, Server):
            (folder / f"{fixture}-server.log").write_text(server.log())
    sys.stderr.write(f"\nscreenshot and console log of the failure: {folder}\n")


class Watched:
    """A page plus what it asked of the outside world and what it said on its console."""

    def __init__(self, page):
        self.page = page
        self.outside: list[str] = []
        self.console: list[str] = []


@pytest.fixture
def watched(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    context.set_default_timeout(UI_TIMEOUT_MS)
    page = context.new_page()
    watch = Watched(page)

    def route(r):
        if urlparse(r.request.url).hostname in LOCAL_HOSTS:
            r.continue_()
        else:
            watch.outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("console", lambda m: watch.console.append(f"[{m.type}] {m.text}"))
    page.on("pageerror", lambda e: watch.console.append(f"[pageerror] {e}"))
    yield watch

    keep_what_failed(request, page, watch.console, force=bool(watch.outside))
    context.close()
    assert not watch.outside, f"the page tried to reach the internet: {watch.outside}"
