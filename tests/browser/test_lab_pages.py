"""The stage pages in JupyterLab read like pages: they run as they open, show no code, and leaving
them asks nothing. Any other notebook is left alone. (The workbook's own lab extension.)"""

from __future__ import annotations

import json
import re
import statistics
import time
import urllib.request

import nbformat
import pytest
from pages import SCREENSHOTS, save_picture, stage_panel, stop_kernels
from playwright.sync_api import Page, expect

from workbook.pages.nav import STAGES
from workbook.store.paths import CHECKOUT

pytestmark = pytest.mark.browser

NOTEBOOKS = CHECKOUT / "notebooks"
OPEN_SECONDS: dict[str, float] = {}
# What a page draws as it runs: widgets, charts, or (a reunion before the gate) its message.
DRAWN = ".jupyter-widgets, .js-plotly-plot, .workbook-info, .workbook-warning"


def open_stage(page: Page, server, stage: str) -> float:
    """Open a stage by its URL, touch nothing; seconds until it has drawn what it shows."""
    opened = time.perf_counter()
    page.goto(server.url(f"lab/tree/{stage}.ipynb?reset"))
    expect(stage_panel(page, stage).locator(DRAWN).first).to_be_visible()
    seconds = time.perf_counter() - opened
    expect(stage_panel(page, stage)).to_have_attribute("data-workbook-ran", "true")
    busy = page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"\| Busy"))
    expect(busy).to_have_count(0)
    print(f"\nJupyterLab {stage}: opened to widgets in {seconds:.1f} s")
    return seconds


def visible_count(page: Page, selector: str) -> int:
    return page.evaluate(
        "s => [...document.querySelectorAll(s)].filter(e => e.checkVisibility()).length", selector
    )


def code_lines(stage: str) -> list[str]:
    notebook = nbformat.read(NOTEBOOKS / f"{stage}.ipynb", as_version=4)
    return [
        line.strip()
        for cell in notebook.cells
        if cell.cell_type == "code"
        for line in cell.source.splitlines()
        if line.strip()
    ]


def menu(page: Page, top: str, item: str) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{top}$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{re.escape(item)}$")).click()


def use_the_page(page: Page) -> None:
    """What a person does before deciding not to save: type, scroll to the end."""
    boxes = page.locator(".widget-text input[type=text]:visible, .widget-textarea textarea:visible")
    if boxes.count():
        boxes.first.fill("just looking")
        boxes.first.press("Tab")
    page.locator(".workbook-stage-link").first.scroll_into_view_if_needed()
    page.wait_for_timeout(500)


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_runs_as_it_opens_shows_no_code_and_leaves_unmodified(watched, lab, stage):
    page = watched.page
    on_disk = (NOTEBOOKS / f"{stage}.ipynb").read_bytes()
    try:
        OPEN_SECONDS[stage] = open_stage(page, lab, stage)  # no click: it runs by itself
        panel = stage_panel(page, stage)
        save_picture(page, SCREENSHOTS / f"lab-{stage}.png")

        shown = panel.locator(".jp-Notebook").inner_text()
        assert not [line for line in code_lines(stage) if line in shown], shown[:400]
        for part in (".jp-InputArea", ".jp-InputPrompt", ".jp-OutputPrompt", ".jp-Placeholder"):
            assert visible_count(page, f".jp-NotebookPanel .jp-CodeCell {part}") == 0, part
        expect(page.get_by_text("•••")).to_have_count(0)

        use_the_page(page)
        expect(page.locator(".lm-TabBar-tab.jp-mod-dirty")).to_have_count(0)
        menu(page, "File", "Close Tab")
        expect(panel).to_have_count(0)
        expect(page.locator(".jp-Dialog")).to_have_count(0)  # no "save your changes?"
        assert (NOTEBOOKS / f"{stage}.ipynb").read_bytes() == on_disk
    finally:
        stop_kernels(lab, f"{stage}.ipynb")
    if len(OPEN_SECONDS) == len(STAGES):
        median = statistics.median(OPEN_SECONDS.values())
        print(f"\nJupyterLab stage pages: opened to widgets in {median:.1f} s (median of 8)")


def test_the_code_can_be_shown_from_the_view_menu_and_hidden_again(watched, lab):
    # Shown, the code looks as JupyterLab shows any hidden code: each cell's first line, a click
    # (or View → Expand All Code) away from the rest.
    page = watched.page
    try:
        open_stage(page, lab, "06_keep_going")
        first_line = page.get_by_text("data_dir = None")
        expect(first_line).to_be_hidden()
        menu(page, "View", "Show Code on Workbook Pages")
        expect(first_line).to_be_visible()
        expect(page.locator(".jp-InputPrompt").first).to_be_visible()
        menu(page, "View", "Show Code on Workbook Pages")
        expect(first_line).to_be_hidden()
        expect(page.locator(".lm-TabBar-tab.jp-mod-dirty")).to_have_count(0)
    finally:
        stop_kernels(lab, "06_keep_going.ipynb")


def put_notebook(server, name: str, notebook) -> None:
    body = json.dumps({"type": "notebook", "format": "json", "content": notebook}).encode()
    request = urllib.request.Request(server.url(f"api/contents/{name}"), data=body, method="PUT")
    request.add_header("Content-Type", "application/json")
    urllib.request.urlopen(request, timeout=30).close()


def plain_notebook():
    notebook = nbformat.v4.new_notebook()
    notebook.cells.append(nbformat.v4.new_code_cell('print("ran " + "by itself")'))
    return notebook


def renamed_stage():
    """A copy of a stage under another name: it carries the stage's mark, yet is not the stage."""
    return nbformat.read(NOTEBOOKS / "06_keep_going.ipynb", as_version=4)


@pytest.mark.parametrize("make", [plain_notebook, renamed_stage], ids=["plain", "renamed-stage"])
def test_any_other_notebook_does_not_run_by_itself(watched, lab, make):
    page = watched.page
    name = f"zz-{make.__name__}-{lab.port}.ipynb"
    try:
        put_notebook(lab, name, make())
        page.goto(lab.url(f"lab/tree/{name}?reset"))
        idle = page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"\| Idle"))
        expect(idle).to_have_count(1)
        page.wait_for_timeout(3000)  # a page that runs itself starts within a moment of idle
        expect(page.locator(".jp-OutputArea-output")).to_have_count(0)
        expect(page.locator(".jp-CodeCell .jp-Cell-inputWrapper").first).to_be_visible()
        expect(page.locator(".jp-NotebookPanel[data-workbook-stage]")).to_have_count(0)
    finally:
        stop_kernels(lab, name)
        (NOTEBOOKS / name).unlink(missing_ok=True)


MATHJAX_LOADED = """() => typeof window.MathJax !== 'undefined'
  || document.getElementById('MJX-CHTML-styles') !== null"""


def test_a_stage_never_loads_mathjax_and_a_notebook_of_ones_own_keeps_it(watched, lab):
    """A stage holds no mathematics: JupyterLab's MathJax (about 900 KB of script, fetched and
    started as it first typesets) is never loaded for it. A notebook of a person's own in the
    same JupyterLab has its mathematics typeset, as in any JupyterLab."""
    page = watched.page
    name = f"zz-mathematics-{lab.port}.ipynb"
    try:
        open_stage(page, lab, "00_start_here")
        page.wait_for_load_state("networkidle")
        assert not page.evaluate(MATHJAX_LOADED)

        notebook = nbformat.v4.new_notebook()
        notebook.cells.append(nbformat.v4.new_markdown_cell("The area is $x^2$."))
        put_notebook(lab, name, notebook)
        page.goto(lab.url(f"lab/tree/{name}?reset"))
        expect(page.locator(".jp-MarkdownOutput mjx-container")).to_have_count(1)
    finally:
        stop_kernels(lab, "00_start_here.ipynb")
        stop_kernels(lab, name)
        (NOTEBOOKS / name).unlink(missing_ok=True)


CUT_BUTTONS = """() => Array.from(document.querySelectorAll('.workbook-stage button.jupyter-button'))
  .filter(b => b.getClientRects().length && b.scrollWidth > b.clientWidth + 1)
  .map(b => b.textContent.trim())"""


@pytest.mark.parametrize(
    "size, width, sidebar_open",
    [("phone", 390, False), ("laptop", 1280, True)],
)
def test_on_a_phone_the_page_takes_the_screen_and_on_a_laptop_the_stages_stay_beside_it(
    browser, lab, size, width, sidebar_open
):
    # On a phone the file browser beside the page left the page a strip a few words wide.
    phone = size == "phone"
    context = browser.new_context(
        viewport={"width": width, "height": 844}, is_mobile=phone, has_touch=phone
    )
    page = context.new_page()
    try:
        open_stage(page, lab, "02_daily_checkin")
        stages = page.locator(".jp-FileBrowser")
        if sidebar_open:
            expect(stages).to_be_visible()
        else:
            expect(stages).to_be_hidden()
            box = stage_panel(page, "02_daily_checkin").bounding_box()
            assert box and box["width"] >= width * 0.8
        # Every button shows its whole label: on a phone a row's Save button was squeezed to "Save …".
        cut = page.evaluate(CUT_BUTTONS)
        assert not cut, f"buttons whose words are cut off: {cut}"
        save_picture(page, SCREENSHOTS / f"lab-02_daily_checkin-{size}.png")
    finally:
        context.close()
        stop_kernels(lab, "02_daily_checkin.ipynb")
