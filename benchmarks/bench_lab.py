"""JupyterLab (`workbook lab`) as a person moves through it, in a real headless Chromium: memory.

The RSS of the server's whole process tree (JupyterLab's server and every kernel under it):

- before any page is opened;
- after 8 stage-page visits: 00 to 07 by the pages' own "Next" links, in one load of JupyterLab
  (single-document mode: each page opens in a tab of its own, the ones seen stay open behind);
- after 16: back down to 00 by the "Back" links and on to 01 again, every page already open and
  brought back with its own tab and kernel;
- after every tab is closed (File → Close All Tabs): JupyterLab's "kernelShutdown" stops each
  closed page's kernel;
- after the 8 pages are opened again and the window is closed with its tabs still open: 75 s
  later, and once jupyter_server's culler has stopped their kernels (the seconds it took are kept
  beside it).

And the time to open each stage page by its address until its widgets show (the progress page:
every chart drawn), a fresh workspace and kernel each time, against the floor: stock JupyterLab
(its own defaults, a settings folder of its own) opening a one-cell notebook and showing its output
after Shift+Enter. Each page's visit is paired with a floor visit just before it; the medians.

Run alone: .venv/bin/python benchmarks/bench_lab.py; `make bench` runs it as measure 7.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import statistics
import sys
import tempfile
import time
import urllib.parse
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_app import CHROMIUM, CHROMIUM_ARGS, Served, _chart_count  # noqa: E402
from floor import FLOOR_TEXT, one_cell_notebook  # noqa: E402

from workbook.pages.nav import STAGES  # noqa: E402

TIMEOUT_MS = 120_000
SETTLE_S = 3  # a page's kernel settles after its last cell
CULLED_WITHIN_S = 240
BEFORE = "before any page"
AFTER_8 = "after 8 visits"
AFTER_16 = "after 16 visits"
CLOSED = "after the tabs closed"
AFTER_WINDOW_S = 75
WINDOW_CLOSED = f"{AFTER_WINDOW_S} s after the window closed"
CULLED = "after the window closed, once culled"
WIDGETS_SHOWN = """([stage, charts]) => {
  const panel = document.querySelector(`.jp-NotebookPanel[data-workbook-stage="${stage}"]`);
  if (!panel || panel.dataset.workbookRan !== 'true') return false;
  const outputs = [...panel.querySelectorAll('.jp-OutputArea-output')];
  if (outputs.some(o => o.textContent.trim() === 'Loading widget...')) return false;
  return panel.querySelectorAll('.js-plotly-plot .main-svg').length >= charts;
}"""


def log(text: str) -> None:
    print(f"[bench lab {time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def _panel(page, stage: str):
    return page.locator(f'.jp-NotebookPanel[data-workbook-stage="{stage}"]')


def _shown_and_ran(page, stage: str) -> None:
    """The stage is the page in sight and has run every cell; its kernel is idle."""
    panel = _panel(page, stage)
    panel.wait_for(state="visible", timeout=TIMEOUT_MS)
    page.wait_for_function(
        """stage => {
          const panel = document.querySelector(`.jp-NotebookPanel[data-workbook-stage="${stage}"]`);
          const busy = [...document.querySelectorAll('.jp-StatusBar-TextItem')]
            .some(item => / \\| Busy/.test(item.textContent));
          return panel && panel.dataset.workbookRan === 'true' && !busy;
        }""",
        arg=stage,
        timeout=TIMEOUT_MS,
    )


def _follow(page, here: str, words: str, there: str | None = None) -> str:
    """Click a stage link at the end of `here`, as a person does, and wait for where it leads
    (`there`, else the stage the link names): the stage reached. Day 30 holds a "Next" to each
    stage it may lead to, and shows the one that holds (workbook/pages/nav.py): the visible one."""
    link = _panel(page, here).locator(".workbook-stage-link:visible", has_text=words)
    if there is None:
        there = Path(urllib.parse.urlparse(link.get_attribute("href")).path).stem
    link.click(timeout=TIMEOUT_MS)
    _shown_and_ran(page, there)
    return there


def _walk_forward(page, lab: Served, visits: int = 8) -> str:
    """00 opened from its address, then on by each page's "Next" link, `visits` pages in all (the
    issue's eight: the start page to the report); the stage reached."""
    page.goto(lab.url(f"lab/tree/{STAGES[0]}.ipynb") + "&reset", timeout=TIMEOUT_MS)
    _shown_and_ran(page, STAGES[0])
    here = STAGES[0]
    for _ in range(visits - 1):
        here = _follow(page, here, "Next:")
    return here


def _until_no_kernel(lab: Served, seconds: float) -> float:
    started = time.monotonic()
    while lab.kernels() and time.monotonic() - started < seconds:
        time.sleep(1)
    return time.monotonic() - started


def _settings(folder: Path) -> Path:
    """JupyterLab settings of the run's own: the checkout's notebooks are never saved."""
    plugin = folder / "@jupyterlab" / "docmanager-extension" / "plugin.jupyterlab-settings"
    plugin.parent.mkdir(parents=True, exist_ok=True)
    plugin.write_text('{"autosave": false}')
    return folder


def _stock_lab(work: Path, env: dict) -> Served:
    """Stock JupyterLab: its own defaults, nothing of the workbook's, one one-cell notebook."""
    folder = work / "stock"
    folder.mkdir()
    one_cell_notebook(folder)
    stock_env = {
        **{k: v for k, v in env.items() if not k.startswith("JUPYTERLAB_")},
        "JUPYTER_CONFIG_DIR": str(folder / "config"),
        "JUPYTERLAB_SETTINGS_DIR": str(folder / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(folder / "workspaces"),
    }
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ServerApp.ip=127.0.0.1"]
    if os.geteuid() == 0:  # as `workbook lab` does in a container run as root
        command.append("--allow-root")
    return Served(command, stock_env, folder / "stock-lab.log", probe="api/status")


def _stop_kernels(served: Served) -> None:
    """Every kernel of the server stopped through its API (a fresh kernel for the next visit)."""
    import urllib.request

    with urllib.request.urlopen(served.url("api/kernels"), timeout=30) as response:
        kernels = json.loads(response.read())
    for kernel in kernels:
        request = urllib.request.Request(served.url(f"api/kernels/{kernel['id']}"), method="DELETE")
        with urllib.request.urlopen(request, timeout=60):
            pass


def _floor_visit(stock: Served, browser) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    started = time.perf_counter()
    page.goto(stock.url("lab/tree/one_cell.ipynb") + "&reset", timeout=TIMEOUT_MS)
    page.wait_for_function(
        r"""() => [...document.querySelectorAll('.jp-StatusBar-TextItem')]
             .some(item => / \| Idle/.test(item.textContent))""",
        timeout=TIMEOUT_MS,
    )
    page.locator(".jp-Cell .cm-content").first.click()
    page.keyboard.press("Shift+Enter")
    page.locator(".jp-OutputArea-output", has_text=FLOOR_TEXT).wait_for(timeout=TIMEOUT_MS)
    seconds = time.perf_counter() - started
    context.close()
    _stop_kernels(stock)
    return seconds


def _stage_visit(lab: Served, browser, stage: str, charts: int) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    started = time.perf_counter()
    page.goto(lab.url(f"lab/tree/{stage}.ipynb") + "&reset", timeout=TIMEOUT_MS)
    shown_charts = charts if stage == "03_progress" else 0
    page.wait_for_function(WIDGETS_SHOWN, arg=[stage, shown_charts], timeout=TIMEOUT_MS)
    seconds = time.perf_counter() - started
    context.close()
    _stop_kernels(lab)
    return seconds


def _open_times(lab: Served, stock: Served, browser, charts: int, reps: int) -> dict:
    _floor_visit(stock, browser)  # warm-up: the page cache, the browser's cache is per context
    _stage_visit(lab, browser, STAGES[0], charts)
    pages: dict[str, list[float]] = {stage: [] for stage in STAGES}
    floors: dict[str, list[float]] = {stage: [] for stage in STAGES}
    for rep in range(reps):
        for stage in STAGES:
            floors[stage].append(_floor_visit(stock, browser))
            pages[stage].append(_stage_visit(lab, browser, stage, charts))
        log(
            f"open round {rep + 1}/{reps}: "
            + ", ".join(f"{s[:2]} {pages[s][-1]:.2f}/{floors[s][-1]:.2f}" for s in STAGES)
        )
    floor = statistics.median(x for v in floors.values() for x in v)
    return {
        "open_median_s": {s: statistics.median(v) for s, v in pages.items()},
        "open_pair_ratio": {
            s: statistics.median(a / b for a, b in zip(pages[s], floors[s], strict=True))
            for s in STAGES
        },
        "open_floor_median_s": floor,
        "open_charts": charts,
    }


def run(reps: int = 3) -> dict:
    from playwright.sync_api import sync_playwright

    from workbook.store import Store
    from workbook.store.demo import fill_demo

    with tempfile.TemporaryDirectory(prefix="bench-lab-") as tmp:
        work = Path(tmp)
        data = work / "data"
        with Store(data) as store:
            fill_demo(store, today=date.today())
        env = {
            **os.environ,
            "JUPYTER_TOKEN": secrets.token_hex(16),
            "JUPYTER_RUNTIME_DIR": str(work / "runtime"),
            "JUPYTERLAB_SETTINGS_DIR": str(_settings(work / "settings")),
            "JUPYTERLAB_WORKSPACES_DIR": str(work / "workspaces"),
            "PYTHONUNBUFFERED": "1",
        }
        bin_dir = Path(sys.executable).parent
        lab = Served(
            [str(bin_dir / "workbook"), "lab", "--no-browser", "--data-dir", str(data)],
            env,
            work / "lab.log",
            probe="api/status",
        )
        stock = None
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    result = _measure(lab, browser)
                    stock = _stock_lab(work, env)
                    result.update(_open_times(lab, stock, browser, _chart_count(data), reps))
                    return result
                finally:
                    browser.close()
        except Exception:
            log(f"JupyterLab's log:\n{(work / 'lab.log').read_text(errors='replace')[-4000:]}")
            raise
        finally:
            lab.stop()
            if stock is not None:
                stock.stop()


def _measure(lab: Served, browser) -> dict:
    memory: dict[str, int] = {}
    kernels: dict[str, int] = {}
    seconds: dict[str, float] = {}

    def note(label: str) -> None:
        time.sleep(SETTLE_S)
        memory[label], kernels[label] = lab.tree_rss(), lab.kernels()
        log(f"{label}: {memory[label] / 2**20:.0f} MiB, {kernels[label]} kernels")

    note(BEFORE)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    here, visits = _walk_forward(page, lab), 8
    note(AFTER_8)
    # Back down to the start page and on to the next once more: every one of them already open.
    while here != STAGES[0]:
        here = _follow(page, here, "Back:")
        visits += 1
    while visits < 16:  # and on again, every page already open
        here = _follow(page, here, "Next:")
        visits += 1
    note(AFTER_16)

    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile("^File$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile("^Close All Tabs$")).click()
    page.locator(".jp-NotebookPanel").first.wait_for(state="detached", timeout=TIMEOUT_MS)
    seconds[CLOSED] = _until_no_kernel(lab, 60)
    note(CLOSED)

    _walk_forward(page, lab)
    context.close()  # the window goes, its tabs still open: no tab closes, nothing is asked
    closed = time.monotonic()
    time.sleep(max(0.0, AFTER_WINDOW_S - SETTLE_S - (time.monotonic() - closed)))
    note(WINDOW_CLOSED)
    seconds[CULLED] = _until_no_kernel(lab, CULLED_WITHIN_S) + (time.monotonic() - closed)
    note(CULLED)
    return {"tree_rss_bytes": memory, "kernel_processes": kernels, "seconds_to_no_kernel": seconds}


def main() -> int:
    print(json.dumps(run(2), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())


def table_rows(result: dict, row) -> list[dict]:
    """benchmarks/run.py's rows for these measures (`row` is its row maker)."""
    memory, kernels = result["tree_rss_bytes"], result["kernel_processes"]
    waited = result["seconds_to_no_kernel"]
    before, after_8 = memory[BEFORE], memory[AFTER_8]
    targets = {
        BEFORE: ("shown, no target", None),
        AFTER_8: ("≤ 600 MiB", memory[AFTER_8] <= 600 * 2**20),
        WINDOW_CLOSED: ("≤ 300 MiB", memory.get(WINDOW_CLOSED, 0) <= 300 * 2**20),
        AFTER_16: ("flat from 8 visits (±10 %)", memory[AFTER_16] <= after_8 * 1.1),
        CLOSED: ("no kernel left", kernels[CLOSED] == 0),
        CULLED: ("no kernel left", kernels[CULLED] == 0),
    }
    rows = []
    floor = result.get("open_floor_median_s")
    for stage, seconds in result.get("open_median_s", {}).items():
        ratio = result["open_pair_ratio"][stage]
        what = f"every chart ({result['open_charts']})" if stage == "03_progress" else "widgets"
        rows.append(
            row(
                f"7. JupyterLab: {stage} opened until its {what} show vs stock Lab one cell",
                seconds,
                floor,
                "s",
                "≤ 1.0 × floor",
                ratio <= 1.0,
                ratio=ratio,
                note="median of pair ratios; a fresh workspace and kernel each time",
            )
        )
    for label, value in memory.items():
        target, met = targets[label]
        note = f"{kernels[label]} kernels"
        if label in waited:
            note += f", the last stopped in {waited[label]:.0f} s"
        rows.append(
            row(
                f"7. JupyterLab process tree memory, {label} ({note})",
                value / 2**20,
                before / 2**20 if label != BEFORE else None,
                "MiB",
                target,
                met,
                note=note,
            )
        )
    return rows
