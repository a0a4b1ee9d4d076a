"""A practice's JupyterHub (deploy/jupyterhub/): two people log in through Chromium, each lands on
their own workbook and saves a check-in into their own file, neither can reach the other's, and
servers left idle are stopped by the hub's culler.

One hub for the module (hub_setup.py: the installed wheel, two new system users, real PAM logins,
servers run as each person). Needs root, which adds users; when not root the tests say so and skip.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import struct
import time
from datetime import date, timedelta
from urllib.parse import urljoin, urlparse

import pytest
from hub_setup import (
    PROXY,
    SYSTEM_PYTHON,
    Hub,
    add_people,
    install_package,
    remove_folder,
    remove_people,
    world_readable_folder,
)
from pages import (
    SCREENSHOTS,
    click_button,
    field,
    fill,
    open_in_app,
    open_plan_form,
    saved_message,
    set_slider,
)
from playwright.sync_api import expect

from workbook.core.messages import date_words

# One worker runs all of these (make test: `--dist loadgroup`), so there is one hub, not two.
pytestmark = [pytest.mark.hub, pytest.mark.browser, pytest.mark.xdist_group("hub")]

# Long enough that nobody is culled while the tests use their page, short enough to watch it.
IDLE_TIMEOUT_S = 60
UI_TIMEOUT_MS = 180_000  # a person's first server start, on a busy 2-core machine
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
READ_TODAY = (
    "import sys, datetime; from workbook.store import Store\n"
    "with Store(sys.argv[1]) as s: c = s.checkin_on(datetime.date.today()); print(c.mood, c.note)"
)


def start_page(name: str) -> re.Pattern:
    return re.compile(rf"/user/{name}/voila/render/00_start_here\.ipynb$")


@pytest.fixture(scope="module")
def practice():
    """The installed workbook, two people in the practice's group, and the hub, running."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("the hub tests need root: they add system users and run the hub as root")
    if not shutil.which("useradd") or not os.path.exists(SYSTEM_PYTHON):
        pytest.skip(f"the hub tests need useradd and {SYSTEM_PYTHON} (a Linux system's Python)")
    if not PROXY.exists():
        pytest.fail(f"{PROXY} is missing: run `bash scripts/ensure-hub.sh` (make test does)")
    folder = world_readable_folder()
    timings: dict[str, float] = {}
    group = f"wbhub{os.getpid()}"
    people, hub = [], None
    try:
        bin_dir = install_package(folder, timings)
        people = add_people(group, 2, bin_dir)
        start = (date.today() - timedelta(days=3)).isoformat()
        for person in people:
            person.workbook("plan", "--start", start, "--partner", "Sam", "--goal", "Gym:3")
        hub = Hub(folder, bin_dir, group, IDLE_TIMEOUT_S)
        timings["hub start"] = hub.start_seconds
        yield hub, people, timings
    finally:
        if hub is not None:
            hub.stop()
        remove_people(group, people)
        remove_folder(folder)
        print("\nhub timings: " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))


@pytest.fixture(scope="module")
def signed_in(practice, browser):
    """Each person logged in through the hub's own login page, in a browser of their own."""
    hub, people, timings = practice
    contexts = {}
    for person in people:
        context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="en-GB")
        context.set_default_timeout(UI_TIMEOUT_MS)
        outside: list[str] = []
        context.route("**/*", _only_this_machine(outside))
        page = context.new_page()
        page.goto(f"{hub.base}/hub/login")
        # JupyterHub's own login page (its field ids, stable across its versions).
        page.locator("#username_input").fill(person.name)
        page.locator("#password_input").fill(person.password)
        started = time.perf_counter()
        page.get_by_role("button", name="Sign in").click()
        # The hub starts their server and sends them on to the app's start page, drawn.
        expect(page).to_have_url(start_page(person.name), timeout=UI_TIMEOUT_MS)
        expect(page.get_by_role("button", name="Change my plan")).to_be_visible()
        timings.setdefault("first page (login to start page drawn)", time.perf_counter() - started)
        contexts[person.name] = (context, page, outside)
    yield contexts
    for context, _, outside in contexts.values():
        context.close()
        assert not outside, f"a page tried to reach the internet: {outside}"


def _only_this_machine(outside: list[str]):
    def route(r):
        if urlparse(r.request.url).hostname in LOCAL_HOSTS:
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    return route


def test_each_person_lands_on_their_own_start_page(practice, signed_in):
    hub, people, _ = practice
    for person in people:
        _, page, _ = signed_in[person.name]
        assert start_page(person.name).search(page.url)
        expect(page.get_by_role("heading", name="Start here")).to_be_visible()
        # Their plan, made as them on the command line, is the one their page shows.
        expect(page.get_by_text("You already have a plan: 30 days")).to_be_visible()
        open_plan_form(page)
        expect(page.get_by_role("checkbox", name="Gym", exact=True)).to_be_checked()
        # JupyterLab is one click away, on their own server.
        lab = page.get_by_role("link", name="Open in JupyterLab")
        expect(lab).to_have_attribute("href", f"/user/{person.name}/lab/tree/00_start_here.ipynb")
    first = signed_in[people[0].name][1]
    first.screenshot(path=str(_picture("hub-start.png")))
    first.get_by_role("link", name="Open in JupyterLab").click()
    expect(first.locator(".jp-NotebookPanel")).to_be_visible()
    # The workbook's Lab shows one page at a time: its address says doc/, not lab/.
    expect(first).to_have_url(re.compile(rf"/user/{people[0].name}/(lab|doc)/tree/00_start_here"))


def test_each_person_saves_a_checkin_into_their_own_workbook(practice, signed_in):
    hub, people, _ = practice
    moods = {people[0].name: 7, people[1].name: 3}
    for person in people:
        _, page, _ = signed_in[person.name]
        server = _PersonServer(hub, person)
        open_in_app(page, server, "02_daily_checkin", ready="Save")
        set_slider(field(page, "Mood (1 = very low, 10 = great)"), moods[person.name])
        fill(field(page, "Journal"), f"Only {person.name} wrote this")
        click_button(page, "Save")
        saved_message(page, f"Saved your check-in for {date_words(date.today())}")
    for person in people:
        # Read back as that person, with the installed package, from the file in their home.
        saved = person.run(str(person.bin / "python"), "-c", READ_TODAY, str(person.data_dir))
        assert saved.stdout.strip() == f"{moods[person.name]} Only {person.name} wrote this"
        summary = json.loads(person.workbook("report", "--format", "json").stdout)
        assert summary["checkins"] == 1 and summary["mood"]["mean"] == moods[person.name]


def test_the_progress_page_draws_its_charts_behind_the_hubs_login(practice, signed_in):
    """The app's pages fetch plotly.js after they are shown (the workbook template): under the hub
    it comes from the person's own server, behind the hub's login, and every chart is drawn."""
    hub, people, _ = practice
    person = people[0]
    _, page, _ = signed_in[person.name]
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    open_in_app(page, _PersonServer(hub, person), "03_progress")
    boxes = page.locator(".workbook-chart")
    expect(boxes).not_to_have_count(0)
    expect(page.locator(".workbook-chart[aria-busy='true']")).to_have_count(0)
    expect(page.locator(".workbook-chart .js-plotly-plot")).to_have_count(boxes.count())
    assert any(f"/user/{person.name}/workbook/plotly.min.js" in url for url in asked), asked
    # Without the hub's login, the file is not served (a redirect to the login, not plotly.js).
    anonymous = page.context.browser.new_context()
    try:
        response = anonymous.request.get(
            f"{hub.base}/user/{person.name}/workbook/plotly.min.js", max_redirects=0
        )
        assert response.status in (302, 403), response.status
    finally:
        anonymous.close()


def test_the_daily_page_goes_on_a_phones_home_screen(practice, signed_in):
    """The hub's pages name a web app manifest: "Today's check-in", with its icons, opening the
    hub's user-redirect to the daily page; a browser fetches it without the person's cookies."""
    hub, people, _ = practice
    person = people[0]
    context, page, _ = signed_in[person.name]
    open_in_app(page, _PersonServer(hub, person), "02_daily_checkin", ready="Save")
    link = urljoin(page.url, page.locator("link[rel=manifest]").get_attribute("href"))
    anonymous = page.context.browser.new_context()
    try:
        response = anonymous.request.get(link)
        assert response.ok, response.status
        manifest = response.json()
    finally:
        anonymous.close()
    assert manifest["name"] == "Today's check-in" and manifest["display"] == "standalone"
    start = urljoin(link, manifest["start_url"])
    assert start == f"{hub.base}/hub/user-redirect/voila/render/02_daily_checkin.ipynb"
    assert start.startswith(urljoin(link, manifest["scope"]))
    for icon in manifest["icons"]:
        png = context.request.get(urljoin(link, icon["src"])).body()
        width, height = struct.unpack(">II", png[16:24])
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and f"{width}x{height}" == icon["sizes"]
    # From the home screen: the person lands on their own daily page.
    page.goto(start)
    expect(page).to_have_url(re.compile(rf"/user/{person.name}/voila/render/02_daily_checkin"))
    expect(page.locator("button.widget-button", has_text="Save").first).to_be_visible()


def test_one_person_cannot_open_the_others_pages(practice, signed_in):
    hub, (first, second), _ = practice
    context, page, _ = signed_in[first.name]
    for path in (
        "voila/render/02_daily_checkin.ipynb",
        "lab/tree/00_start_here.ipynb",
        "api/contents/02_daily_checkin.ipynb",
    ):
        response = context.request.get(f"{hub.base}/user/{second.name}/{path}")
        body = response.text()
        assert response.status == 403, (path, response.status, response.url)
        assert f"Only {second.name} wrote this" not in body
        assert "widget" not in body and "Start here" not in body, path
    # And in their browser they are told so, not shown the page.
    page.goto(f"{hub.base}/user/{second.name}/voila/render/00_start_here.ipynb")
    expect(page.get_by_text("403")).not_to_have_count(0)
    expect(page.get_by_role("button", name="Change my plan")).to_have_count(0)


def test_one_person_cannot_read_the_others_workbook_file(practice):
    _, (first, second), _ = practice
    for person in (first, second):
        folder, file = person.data_dir.stat(), person.workbook_file.stat()
        assert stat.S_IMODE(folder.st_mode) == 0o700 and stat.S_IMODE(file.st_mode) == 0o600
        assert folder.st_uid == file.st_uid == _uid(person)
    peek = first.run("cat", str(second.workbook_file))
    assert peek.returncode != 0 and "Permission denied" in peek.stderr
    assert first.run("ls", str(second.data_dir)).returncode != 0


def test_log_out_leads_back_to_the_login_page(practice, signed_in):
    hub, (_, second), _ = practice
    _, page, _ = signed_in[second.name]
    open_in_app(page, _PersonServer(hub, second), "01_the_break")
    page.get_by_role("link", name="Log out").click()
    expect(page.locator("#login_submit")).to_be_visible()
    page.goto(f"{hub.base}/user/{second.name}/voila/render/00_start_here.ipynb")
    expect(page).to_have_url(re.compile(r"/hub/login"))


def test_idle_servers_are_stopped_by_the_culler(practice, signed_in):
    hub, people, timings = practice
    for context, _, _ in signed_in.values():
        for page in context.pages:
            page.close()  # everyone has left their pages
    left = time.perf_counter()
    deadline = time.monotonic() + IDLE_TIMEOUT_S * 3
    while time.monotonic() < deadline and any(_server_running(p) for p in people):
        time.sleep(2)
    assert not any(_server_running(p) for p in people), hub.log()
    timings["servers culled after leaving"] = time.perf_counter() - left
    for person in people:
        # The hub's own idle culler stopped them, not anything else.
        assert re.search(rf"Culling server {person.name}\b", hub.log()), hub.log()


class _PersonServer:
    """A person's server behind the hub, as pages.open_in_app expects one."""

    def __init__(self, hub, person):
        self.base = f"{hub.base}/user/{person.name}"

    def url(self, path: str) -> str:
        return f"{self.base}/{path.lstrip('/')}"


def _uid(person) -> int:
    import pwd

    return pwd.getpwnam(person.name).pw_uid


def _server_running(person) -> bool:
    import psutil

    uid = _uid(person)
    return any(
        p.info["uids"].real == uid and "jupyterhub.singleuser" in " ".join(p.info["cmdline"] or [])
        for p in psutil.process_iter(["uids", "cmdline"])
    )


def _picture(name: str):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / name
