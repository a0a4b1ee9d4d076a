"""No serious or critical axe-core (WCAG 2.0/2.1 A and AA) violation on any page a person meets.

The eight stage pages in the app and in JupyterLab (only the workbook's own output there: the
cells' outputs and words, not JupyterLab's chrome, which is upstream's), each on the demo month and
on an empty workbook, and the HTML report. A failure lists each rule, its impact and its nodes.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlparse

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from conftest import ARTIFACTS, LOCAL_HOSTS, UI_TIMEOUT_MS, Server
from pages import open_plan_form, stage_panel, stop_kernels
from playwright.sync_api import expect

from workbook.core import clock
from workbook.pages.nav import STAGES
from workbook.store import Store
from workbook.views import report

pytestmark = pytest.mark.browser

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING = ("serious", "critical")
# What a stage page draws as it runs: widgets, charts, or (a reunion before the gate) its message.
DRAWN = ".jupyter-widgets, .js-plotly-plot, .workbook-info, .workbook-warning"
# Every violation seen, by page set and rule: printed at the end of the module (`-s`).
FOUND: dict[str, Counter] = {}


@pytest.fixture(scope="module")
def fresh_app(tmp_path_factory):
    """The app on an empty workbook, as a new user first meets it."""
    home = tmp_path_factory.mktemp("fresh-app")
    server = Server("app", home / "data", home)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def audit_page(browser):
    """One page for the whole module, refused anything but this machine."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    context.set_default_timeout(UI_TIMEOUT_MS)
    outside: list[str] = []

    def route(r):
        url = urlparse(r.request.url)
        if url.scheme in ("file", "data", "blob") or url.hostname in LOCAL_HOSTS:
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    yield context.new_page()
    context.close()
    for where, rules in FOUND.items():
        print(f"\naxe {where}: " + (", ".join(f"{k} {n}" for k, n in sorted(rules.items())) or "-"))
    assert not outside, f"a page tried to reach the internet: {outside}"


@pytest.fixture(autouse=True)
def _what_the_page_showed_when_it_failed(request):
    """A failed audit leaves its page's screenshot and HTML and the server's log, as the other
    browser tests do (tests/browser/conftest.py)."""
    yield
    failed = any(
        getattr(getattr(request.node, f"report_{when}", None), "failed", False)
        for when in ("setup", "call")
    )
    if not failed or "audit_page" not in request.fixturenames:
        return
    folder = ARTIFACTS / re.sub(r"[^\w.-]+", "_", request.node.nodeid)
    folder.mkdir(parents=True, exist_ok=True)
    page = request.getfixturevalue("audit_page")
    try:
        page.screenshot(path=str(folder / "screenshot.png"), full_page=True)
        (folder / "page.html").write_text(page.content())
    except Exception as error:  # noqa: BLE001 — the server's log below still helps
        (folder / "no-screenshot.txt").write_text(str(error))
    where = getattr(getattr(request.node, "callspec", None), "params", {}).get("where")
    if where in SERVERS:  # the server this test asked for (a session fixture, made already)
        server = request.getfixturevalue(SERVERS[where])
        (folder / f"{SERVERS[where]}-server.log").write_text(server.log())


def audit(page, where: str, include: list[str]) -> list[dict]:
    """axe-core on the given parts of the page; every violation, counted under `where`."""
    page.evaluate(AXE_SCRIPT)
    results = page.evaluate(
        "([include, tags]) => axe.run({include: include.map(s => [s])},"
        " {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        [include, WCAG_AA],
    )
    counts = FOUND.setdefault(where.split(" ")[0], Counter())
    for violation in results["violations"]:
        counts[f"{violation['id']} ({violation['impact']})"] += len(violation["nodes"])
    return results["violations"]


def assert_none_serious(violations: list[dict]) -> None:
    serious = [v for v in violations if v["impact"] in FAILING]
    lines = [
        f"{v['id']} ({v['impact']}): {v['help']}\n"
        + "\n".join(f"    {' '.join(map(str, n['target']))}: {n['html'][:160]}" for n in v["nodes"])
        for v in serious
    ]
    assert not serious, "\n".join(lines)


def settled(page, selector: str) -> None:
    """Wait until the number of widgets drawn stops changing (widgets render after the output)."""
    page.wait_for_function(
        """s => {
          const n = document.querySelectorAll(s).length;
          const same = window.__workbookDrawn === n;
          window.__workbookDrawn = n;
          return same && n > 0;
        }""",
        arg=selector,
        polling=400,
    )
    # workbook-a11y.js names the new widgets in the next animation frame after they change; on a
    # busy machine that frame can come after the widgets have settled. Two frames: it has run.
    page.evaluate(
        "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )


# The four page sets: where the page runs, on which workbook (a session fixture, or this module's).
SERVERS = {
    "app-demo": "showcase",
    "app-empty": "fresh_app",
    "lab-demo": "lab",
    "lab-empty": "fresh_lab",
}


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("where", SERVERS)
def test_a_stage_page_has_no_serious_violation(audit_page, request, where, stage):
    server = request.getfixturevalue(SERVERS[where])
    page = audit_page
    if where.startswith("app"):
        page.goto(server.url(f"voila/render/{stage}.ipynb"))
        # The links to the stages around it come from the page's last cell.
        expect(page.locator(".workbook-stages .workbook-stage-link").first).to_be_visible()
        settled(page, f"{DRAWN}, .workbook-stages .workbook-stage-link")
        include = ["body"]
    else:
        page.goto(server.url(f"lab/tree/{stage}.ipynb?reset"))
        panel = stage_panel(page, stage)
        expect(panel).to_have_attribute("data-workbook-ran", "true")
        busy = page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"\| Busy"))
        expect(busy).to_have_count(0)
        scope = f'.jp-NotebookPanel[data-workbook-stage="{stage}"]'
        settled(page, f"{scope} :is({DRAWN})")
        include = [f"{scope} .jp-OutputArea-output", f"{scope} .jp-MarkdownOutput"]
    try:
        violations = audit(page, f"{where} {stage}", include)
    finally:
        if where.startswith("lab"):
            stop_kernels(server, f"{stage}.ipynb")
    assert_none_serious(violations)


@pytest.mark.parametrize("workbook", ["demo", "empty"])
def test_the_html_report_has_no_serious_violation(audit_page, workbook, tmp_path):
    from workbook.store.demo import fill_demo

    today = clock.today()
    with Store(tmp_path / "data") as store:
        if workbook == "demo":
            fill_demo(store, today=today)
        snapshot = store.snapshot()
    path = tmp_path / "report.html"
    path.write_text(report.render_html(snapshot, today), encoding="utf-8")
    page = audit_page
    page.goto(path.as_uri(), wait_until="load")
    if workbook == "demo":
        page.wait_for_function(
            "Array.from(document.querySelectorAll('.chart .plotly-graph-div'))"
            ".every(d => d.querySelector('svg.main-svg'))"
        )
    assert_none_serious(audit(page, f"report-{workbook}", ["html"]))


@pytest.mark.parametrize("where", ["app-demo", "lab-demo"])
def test_each_goals_slider_is_named_by_its_goal(audit_page, request, where):
    """Every goal's slider shows "times a week": a screen reader hears which goal it is for too."""
    server = request.getfixturevalue(SERVERS[where])
    page = audit_page
    stage = "00_start_here"
    if where.startswith("app"):
        page.goto(server.url(f"voila/render/{stage}.ipynb"))
        scope = page
    else:
        page.goto(server.url(f"lab/tree/{stage}.ipynb?reset"))
        scope = stage_panel(page, stage)
        expect(scope).to_have_attribute("data-workbook-ran", "true")
    open_plan_form(scope)  # the demo's plan is saved: its form is a click away
    rows = scope.locator(".widget-hbox:has(.widget-checkbox):has(.widget-slider)")
    expect(rows.first).to_be_visible()
    goals = [span.inner_text().strip() for span in rows.locator(".widget-checkbox span").all()]
    assert len(goals) >= 5, goals
    try:
        for goal in goals:
            expect(
                scope.get_by_role("slider", name=f"{goal} times a week", exact=True)
            ).to_have_count(1)
        # One's own goal: the slider beside the text box is named by what was typed there.
        own = scope.get_by_placeholder("Your own goal, e.g. Pottery class")
        own.fill("Evening choir")
        expect(
            scope.get_by_role("slider", name="Evening choir times a week", exact=True)
        ).to_have_count(1)
    finally:
        if where.startswith("lab"):
            stop_kernels(server, f"{stage}.ipynb")
