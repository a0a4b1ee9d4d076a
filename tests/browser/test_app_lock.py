"""The app is locked like JupyterLab, its kernels live as long as their pages, and it is never stale.

The real `workbook app` (Voilà, preheated kernels) of the `app` fixture, its culler made quick.
"""

from __future__ import annotations

import base64
import dataclasses
import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlparse

import psutil
import pytest
from pages import open_plan_form
from playwright.sync_api import expect

from workbook.app.preheat import KEPT_READY
from workbook.app.priority import group_nice
from workbook.pages.common import SOMETHING_WENT_WRONG
from workbook.pages.nav import STAGES
from workbook.store import Store
from workbook.store.paths import DB_NAME

pytestmark = pytest.mark.browser

JOURNAL_WORDS = "What you’ve accomplished"  # a heading of the progress page, over the person's wins
LAST_CELL = ".workbook-stages"


# --- helpers: plain HTTP, as any other program on the machine could send it -------------------


def _get(server, path: str, headers: dict | None = None) -> tuple[int, str]:
    """Status and body of a GET, redirects not followed (a login redirect is a refusal)."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    body = response.read().decode(errors="replace")
    connection.close()
    return response.status, body


def _websocket(server, path: str, headers: dict | None = None) -> int:
    """Status of a websocket handshake: 101 means the socket was opened."""
    key = base64.b64encode(secrets.token_bytes(16)).decode()
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    connection.request(
        "GET",
        path,
        headers={
            "Connection": "Upgrade",
            "Upgrade": "websocket",
            "Sec-WebSocket-Version": "13",
            "Sec-WebSocket-Key": key,
            **(headers or {}),
        },
    )
    status = connection.getresponse().status
    connection.close()
    return status


def _kernel_and_cookie(server, stage: str = "01_the_break") -> tuple[str, str]:
    """A page opened with the token: its kernel's id and the login cookie the server gave."""
    with urllib.request.urlopen(server.url(f"voila/render/{stage}.ipynb"), timeout=120) as r:
        page = r.read().decode()
        cookie = "; ".join(c.split(";")[0] for c in r.headers.get_all("Set-Cookie") or [])
    kernel = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', page)
    assert kernel and cookie, "a page opened with the token has a kernel and a login cookie"
    return kernel.group(1), cookie


def is_kernel(process: psutil.Process) -> bool:
    """A Jupyter kernel, whatever starts it (the workbook's lean kernel or ipykernel's launcher):
    it is given its connection file, kernel-<id>.json."""
    return any(
        Path(arg).name.startswith("kernel-") and arg.endswith(".json") for arg in process.cmdline()
    )


def _kernel_processes(server) -> int:
    """Kernels alive under the app's server (each in a session of its own, still its child)."""
    count = 0
    for p in psutil.Process(server.process.pid).children(recursive=True):
        try:
            if p.status() != psutil.STATUS_ZOMBIE and is_kernel(p):
                count += 1
        except psutil.Error:
            pass
    return count


def _settled_kernel_processes(server, still_for: float = 4.0, at_most: float = 45.0) -> int:
    """The number of kernels once it has held still for `still_for` seconds."""
    deadline = time.monotonic() + at_most
    count, since = _kernel_processes(server), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = _kernel_processes(server)
        if now != count:
            count, since = now, time.monotonic()
        elif time.monotonic() - since >= still_for:
            break
    return count


# The pages the app keeps a heated kernel for (the others start when asked: app/preheat.py).
HEATED = [name for name in KEPT_READY if name in STAGES]


def _every_page_heated_and_waiting(server) -> None:
    """Until a kernel for every page kept ready has stopped working (it has run up to its wait for its
    request, its page prepared on the way: workbook/app/rehearsal.py) and the pages that keep
    what they prepared hold the workbook open."""
    database = str(server.data_dir / DB_NAME)
    deadline = time.monotonic() + 180
    last: dict[int, float] = {}
    while True:
        assert time.monotonic() < deadline, "the pages' kernels never got ready"
        waiting = holding = 0
        for process in psutil.Process(server.process.pid).children(recursive=True):
            try:
                if not is_kernel(process):
                    continue
                holds = any(f.path == database for f in process.open_files())
                spent = sum(process.cpu_times()[:2])
            except psutil.Error:
                continue
            waiting += last.get(process.pid) == spent
            holding += holds
            last[process.pid] = spent
        if waiting >= len(HEATED) and holding:
            return
        time.sleep(1)


def _refused(status: int) -> bool:
    return status in (302, 403)  # the login page, or no


# --- the lock -----------------------------------------------------------------------------


def test_without_the_token_nothing_is_served(app):
    server = app
    kernel, _ = _kernel_and_cookie(server)
    paths = [
        "/",
        "/voila/render/03_progress.ipynb",
        "/voila/tree",
        "/voila/api/contents",
        f"/api/kernels/{kernel}",
        "/voila/static/voila.js",
        "/voila/templates/lab/static/index.css",
        "/voila/labextensions/jupyterlab-plotly/package.json",
        "/voila/files/00_start_here.ipynb",
        "/workbook/plotly.min.js",
        "/workbook/files/calendar/workbook-reminders.ics",
        "/workbook/files/reports/..%2Fworkbook.sqlite",
    ]
    for path in paths:
        status, body = _get(server, path)
        assert _refused(status), f"{path} answered {status} without the token"
        assert JOURNAL_WORDS not in body
        # The same address with the token: served (so the refusal above is the token's doing).
        if path in (
            "/voila/render/03_progress.ipynb",
            "/voila/static/voila.js",
            "/workbook/plotly.min.js",
        ):
            assert _get(server, f"{path}?token={server.token}")[0] == 200
    # With the token, still nothing of the data folder but the workbook's own files.
    for path in (
        "/workbook/files/reports/..%2Fworkbook.sqlite",
        "/workbook/files/x/workbook.sqlite",
    ):
        status, body = _get(server, f"{path}?token={server.token}")
        assert status == 404 and "SQLite format" not in body, path
    for path in (f"/api/kernels/{kernel}/channels", f"/voila/query/{kernel}"):
        assert _websocket(server, path) == 403, path
    status, _ = _get(server, "/voila/render/03_progress.ipynb?token=not-the-token")
    assert _refused(status)


def test_without_the_token_the_browser_gets_a_styled_login_page_that_takes_the_token(watched, app):
    page = watched.page
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{app.base}/voila/render/03_progress.ipynb")
    expect(page).to_have_url(re.compile(r"/login\?next="))
    expect(page.get_by_role("heading", name="Your workbook is locked")).to_be_visible()
    expect(page.get_by_text(JOURNAL_WORDS)).to_have_count(0)
    # One page, its style inline: nothing else is fetched (nothing else is served without the token).
    assert [urlparse(url).path for url in asked] == ["/voila/render/03_progress.ipynb", "/login"]
    box = page.locator("main")
    assert box.evaluate("e => getComputedStyle(e).borderRadius") == "10px"
    assert box.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 255, 255)"

    page.get_by_label("Token").fill("not-the-token")
    page.get_by_role("button", name="Open my workbook").click()
    expect(page.get_by_role("alert")).to_contain_text("That token doesn’t open this workbook")
    page.get_by_label("Token").fill(app.token)  # jupyter_server's form behind it: pasting works
    page.get_by_role("button", name="Open my workbook").click()
    expect(page).to_have_url(re.compile(r"/voila/render/03_progress\.ipynb$"))
    expect(page.locator(LAST_CELL)).to_be_visible()


def test_a_foreign_host_is_refused_even_with_the_token(rebinding_browser, app):
    """A page of another site whose name is rebound to 127.0.0.1 (DNS rebinding), in Chromium."""
    server = app
    page = rebinding_browser.new_page()
    rebound = f"http://rebound.test:{server.port}"
    response = page.goto(f"{rebound}/voila/render/03_progress.ipynb?token={server.token}")
    assert response.status == 403
    assert JOURNAL_WORDS not in page.content()
    # The rebound site's own script, asking its "own" server (which is the app) for more.
    for path in ("", "voila/static/voila.js", "voila/api/contents"):
        status = page.evaluate(
            "url => fetch(url).then(r => r.status)", f"{rebound}/{path}?token={server.token}"
        )
        assert status == 403, path
    # The same request by the loopback name is served: the Host alone made the difference.
    assert page.goto(server.url("voila/render/03_progress.ipynb")).status == 200
    kernel, cookie = _kernel_and_cookie(server)
    foreign = {"Host": f"rebound.test:{server.port}", "Cookie": cookie}
    assert _get(server, f"/api/kernels/{kernel}?token={server.token}", foreign)[0] == 403
    assert _websocket(server, f"/api/kernels/{kernel}/channels", foreign) == 403


def test_a_websocket_from_another_origin_is_refused(app):
    server = app
    kernel, cookie = _kernel_and_cookie(server)
    channels = f"/api/kernels/{kernel}/channels"
    # What a page of another site would send: the person's cookie, its own origin.
    assert _websocket(server, channels, {"Cookie": cookie, "Origin": "http://evil.test"}) == 403
    assert (
        _websocket(
            server, f"/voila/query/{kernel}", {"Cookie": cookie, "Origin": "http://evil.test"}
        )
        == 403
    )
    # The app's own page, same cookie: opened.
    assert _websocket(server, channels, {"Cookie": cookie, "Origin": server.base}) == 101


def test_the_printed_address_opens_every_page(watched, app):
    server = app
    printed = re.search(r"http://127\.0\.0\.1:\d+/\?token=\S+", server.log_path.read_text())
    assert printed, "the app prints the address to open"
    assert printed.group(0) == f"{server.base}/?token={server.token}"
    page = watched.page
    page.goto(printed.group(0))  # opens the start page, as JupyterLab does
    expect(page).to_have_url(f"{server.base}/voila/render/00_start_here.ipynb")
    expect(page.locator(LAST_CELL)).to_be_visible()
    page.goto(f"{server.base}/voila/tree")  # and every page is listed
    expect(page.get_by_text(re.compile(r"^\d\d_\w+\.ipynb$"))).to_have_count(len(STAGES))
    for stage in STAGES:  # the token is in the session now, no longer in the address
        page.goto(f"{server.base}/voila/render/{stage}.ipynb")
        expect(page.locator("h1").first).to_be_visible()
        expect(page.locator(LAST_CELL)).to_be_visible()  # the last cell ran
        expect(page.get_by_text(SOMETHING_WENT_WRONG)).to_have_count(0)


def test_the_token_is_never_written_in_the_log(app):
    for path in ("/voila/render/no_such_page.ipynb", "/voila/static/no_such_file.js", "/login"):
        _get(app, f"{path}?token={app.token}")
    deadline = time.monotonic() + 10  # a request is logged as it finishes, just after its answer
    while "no_such_file.js" not in (log := app.log_path.read_text(errors="replace")):
        assert time.monotonic() < deadline, "the failed requests are logged"
        time.sleep(0.2)
    assert "404 GET /voila/render/no_such_page.ipynb" in log  # the failed requests are logged...
    # ...and the token appears only in the address printed for the person to open.
    assert [line for line in log.splitlines() if app.token in line] == [
        f"{app.base}/?token={app.token}"
    ]


def test_workbook_app_makes_a_token_and_prints_it(tmp_path):
    """Run as a person runs it, with no $JUPYTER_TOKEN: a new token, in the address printed."""
    (tmp_path / "voila.py").write_text("c.VoilaConfiguration.preheat_kernel = False\n")
    env = {k: v for k, v in os.environ.items() if k != "JUPYTER_TOKEN"}
    env.update(PYTHONUNBUFFERED="1", JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [sys.executable, "-m", "workbook", "app", "--no-browser", "--port", str(port)]
    command += ["--data-dir", str(tmp_path / "data")]
    # Its output into a file, read as it grows: a pipe nobody reads once the address is found
    # could fill and hold the app up as it logs its own stopping.
    printed = tmp_path / "printed.log"
    with printed.open("w") as output:
        process = subprocess.Popen(
            command, env=env, cwd=tmp_path, stdout=output, stderr=subprocess.STDOUT, text=True
        )
    try:
        address = None
        deadline = time.monotonic() + 120
        while address is None and time.monotonic() < deadline:
            assert process.poll() is None, f"the app stopped:\n{printed.read_text()}"
            address = re.search(
                r"(http://127\.0\.0\.1:(\d+)/)\?token=([0-9a-f]{32,})", printed.read_text()
            )
            time.sleep(0.2)
        assert address, "no address with a token was printed"
        with urllib.request.urlopen(address.group(0), timeout=60) as response:
            assert response.status == 200
        with pytest.raises(HTTPError) as refused:
            urllib.request.urlopen(address.group(1) + "voila/api/contents", timeout=60)
        assert refused.value.code == 403
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            raise AssertionError(
                f"the app did not stop when asked:\n{printed.read_text()}"
            ) from None


# --- never stale, and kernels that live as long as their pages ---------------------------------


def test_a_checkin_saved_from_the_command_line_shows_on_the_next_page(watched, app):
    server = app
    # The progress page was prepared in its kernel, from the workbook as it was, before this save.
    _every_page_heated_and_waiting(server)
    win = f"Walked the whole ridge {secrets.token_hex(3)}"
    subprocess.run(
        [sys.executable, "-m", "workbook", "checkin", "--data-dir", str(server.data_dir)]
        + ["--mood", "7", "--win", win],
        check=True,
        capture_output=True,
    )
    page = watched.page
    page.goto(server.url("voila/render/03_progress.ipynb"))
    expect(page.get_by_text(win)).to_be_visible()
    assert "Using pre-heated kernel" in server.log()


def test_the_start_page_prepared_before_a_save_shows_the_save(watched, app):
    """The start page is built while its kernel heats; saved since, it is built again: the plan's
    sentence shows the new length at once, and its form, a click away, the new why."""
    server = app
    _every_page_heated_and_waiting(server)  # the page was built from the workbook as it was
    why = f"To sleep through the night again {secrets.token_hex(3)}"
    with Store(server.data_dir) as store:  # another program: a second connection to the file
        plan = store.plan()
        store.save_plan(dataclasses.replace(plan, why=why, days=plan.days + 1))
    try:
        page = watched.page
        page.goto(server.url("voila/render/00_start_here.ipynb"))
        expect(page.get_by_text(f"You already have a plan: {plan.days + 1} days")).to_be_visible()
        open_plan_form(page)
        expect(page.get_by_label("My why: why am I doing this?")).to_have_value(why)
    finally:
        with Store(server.data_dir) as store:  # the other tests on this app count 30 days
            store.save_plan(dataclasses.replace(store.plan(), days=plan.days))


def _live_kernels(server) -> dict[str, psutil.Process]:
    """The app's kernel processes still running, by the file each was given (kernel-<id>.json)."""
    found = {}
    for process in psutil.Process(server.process.pid).children(recursive=True):
        try:
            if is_kernel(process):
                found[" ".join(process.cmdline())] = process
        except psutil.Error:  # it ended (or is ending) as it was looked at
            pass
    return found


@pytest.mark.skipif(not Path("/proc/self/autogroup").exists(), reason="no Linux autogroups here")
def test_kernels_heat_behind_the_person_and_serve_their_page_at_full_speed(watched, app):
    server = app
    # A page an earlier visit left may still have its kernel (until the culler stops it), at full
    # speed, and a page just used has its pool refilled a few seconds later: once it is, every
    # page kept ready has a kernel waiting behind.
    deadline = time.monotonic() + 120
    while True:
        niceness = [group_nice(p.pid) for p in _live_kernels(server).values()]
        if niceness.count(10) >= len(HEATED):
            break
        assert time.monotonic() < deadline, f"kernels kept ready, not behind: {niceness}"
        time.sleep(1)
    _every_page_heated_and_waiting(server)
    page = watched.page
    page.goto(server.url("voila/render/02_daily_checkin.ipynb"))
    expect(page.locator(LAST_CELL)).to_be_visible()
    kernel_id = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', page.content()).group(1)
    (opened,) = [p for command, p in _live_kernels(server).items() if kernel_id in command]
    assert group_nice(opened.pid) == 0  # the page a person opened
    assert "Using pre-heated kernel" in server.log()


def test_kernels_stay_flat_over_sixteen_visits_and_go_when_the_tab_closes(browser, app):
    server = app
    context = browser.new_context()
    context.set_default_timeout(90_000)
    page = context.new_page()
    counts = []
    for visit in range(16):
        page.goto(server.url(f"voila/render/{STAGES[visit % len(STAGES)]}.ipynb"))
        expect(page.locator(LAST_CELL)).to_be_visible()
        if visit + 1 in (8, 16):
            # The kernel of the page just left has been asked to stop and the pool refills a
            # few seconds later: count once the number holds still, not mid-way.
            counts.append(_settled_kernel_processes(server))
    last_kernel = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', page.content()).group(1)
    kernel_api = f"/api/kernels/{last_kernel}?token={server.token}"
    # One preheated kernel per stage (some being replaced just now) and the open page's.
    assert counts[1] <= counts[0] + 1 and counts[1] <= len(STAGES) + 2, counts
    assert _get(server, kernel_api)[0] == 200  # the open page's kernel is alive
    context.close()  # the tab closes without a word to the server (as when a browser crashes)
    deadline = time.monotonic() + 30
    while _get(server, kernel_api)[0] != 404:
        assert time.monotonic() < deadline, "the closed tab's kernel is still running"
        time.sleep(0.5)
    time.sleep(5)  # the stages' kernels used above are replaced by now
    assert _kernel_processes(server) <= len(STAGES), counts  # only the preheated ones are left
