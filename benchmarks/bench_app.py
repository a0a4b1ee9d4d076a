"""The code-free app (`workbook app`, Voilà) as a person meets it, in a real headless Chromium.

- Page ready: seconds from asking for a stage page to its last cell (the links to the stages
  before and after) being drawn, per stage, interleaved with a plain cold Voilà (no preheated
  kernel, stock settings) showing a one-cell notebook: the floor. Read from the page's own clock
  (performance.now(), which starts as the page is asked for), taken by a watcher in the page the
  moment the cell is visible, for the floor and the app alike: Playwright's own polling and
  round trips would add about 0.1 s to both and say nothing of the page. Playwright's wall time
  is kept beside it in the JSON.
- Charts drawn: on the progress page, seconds from asking for it to every chart drawn by plotly
  (the app shows the page first and draws its charts after, so this is shown beside "ready").
- The progress page's HTML: bytes of the page the server sends (what a browser must load).
- Memory: the RSS of the app's whole process tree (the server and every process under it; the
  kernels run in sessions of their own but are still its children) after one and two rounds of
  every stage (9 and 18 page visits, the same page open at both: a page that is open has the page
  after it heated, workbook/app/heat_ahead.py, so counts taken on different pages differ by that) in
  one tab, and a minute after that tab is closed.

Run alone: .venv/bin/python benchmarks/bench_app.py [--reps N]; `make bench` runs it as measure 6.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import psutil  # noqa: E402
from floor import FLOOR_TEXT, one_cell_notebook  # noqa: E402

from workbook.pages.nav import STAGES  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu"]
LAST_CELL = ".workbook-stages"  # every stage ends with the links to its neighbours
CHARTS_PAGE = "03_progress"
CHARTS_DRAWN = """count => Array.from(document.querySelectorAll('.js-plotly-plot'))
    .filter(plot => plot.querySelector('.main-svg')).length >= count"""
AFTER_CLOSE_S = 60
AT_REST_S = 45
ROUNDS = (len(STAGES), 2 * len(STAGES))  # memory measured after one and after two rounds
TIMEOUT_MS = 120_000


def log(text: str) -> None:
    print(f"[bench app {time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def is_kernel(process: psutil.Process) -> bool:
    """A Jupyter kernel, whatever starts it (the workbook's lean kernel or ipykernel's launcher):
    it is given its connection file, kernel-<id>.json."""
    return any(
        Path(arg).name.startswith("kernel-") and arg.endswith(".json") for arg in process.cmdline()
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    """A server process on a free loopback port, reached with a token in the URL."""

    def __init__(self, command: list[str], env: dict, log_path: Path, probe: str = ""):
        self.port = _free_port()
        self.token = env.get("JUPYTER_TOKEN", "")
        self._log = open(log_path, "wb")  # noqa: SIM115 — open for the server's lifetime
        self.process = subprocess.Popen(
            [*command, f"--port={self.port}"],
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            cwd=log_path.parent,
        )
        self.log_path = log_path
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server stopped: {log_path.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(self.url(probe), timeout=2):
                    return
            except OSError:
                time.sleep(0.25)
        raise RuntimeError(f"server did not start: {log_path.read_text()[-3000:]}")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}?token={self.token}"

    def tree_rss(self) -> int:
        """Bytes of resident memory of the server and every process under it."""
        try:
            root = psutil.Process(self.process.pid)
            processes = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return 0
        total = 0
        for p in processes:
            with contextlib.suppress(psutil.NoSuchProcess):
                total += p.memory_info().rss
        return total

    def kernels(self) -> int:
        """Kernel processes alive under the server (a stopped one may linger as a zombie)."""
        count = 0
        for p in psutil.Process(self.process.pid).children(recursive=True):
            with contextlib.suppress(psutil.NoSuchProcess, psutil.ZombieProcess):
                if p.status() != psutil.STATUS_ZOMBIE and is_kernel(p):
                    count += 1
        return count

    def wait_until_heated(self, page: str, refills: int, timeout: float = 120) -> None:
        """Until `page`'s kernel pool has been filled `refills` times (Voilà logs each) and every
        kernel has stopped working: each has run its page up to the wait for its request, as they
        have when a person arrives (not just after a page was used)."""
        deadline = time.monotonic() + timeout
        filled = f"Kernel pool of {page}.ipynb is filled"
        spent: dict[int, float] = {}
        while time.monotonic() < deadline:
            kernels = idle = 0
            for p in psutil.Process(self.process.pid).children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    if not is_kernel(p):
                        continue
                    now = sum(p.cpu_times()[:2])
                    kernels += 1
                    idle += spent.get(p.pid) == now
                    spent[p.pid] = now
            refilled = self.log_path.read_text(errors="replace").count(filled) >= refills
            if refilled and kernels and idle == kernels:
                return
            time.sleep(1)
        raise RuntimeError(f"the app's kernels were still busy after {timeout:.0f} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


# In every page of the context, before its own scripts: notes the page's clock the first time the
# app's last cell, or the floor's one output, is visible, and then the first time no widget still
# says "Loading widget..." (ipywidgets' placeholder until its view is drawn): checked at every
# change of the page.
READY_WATCHER = """
(() => {
  const outputs = () => Array.from(document.querySelectorAll('.jp-OutputArea-output'));
  const shown = () => {
    const last = document.querySelector(LAST_CELL);
    if (last && last.checkVisibility()) return true;
    return outputs().some(o => o.textContent.includes(FLOOR_TEXT) && o.checkVisibility());
  };
  const waiting = () => outputs().some(o => o.textContent.trim() === 'Loading widget...');
  const watcher = new MutationObserver(() => {
    if (window.__workbookReady === undefined && shown()) window.__workbookReady = performance.now();
    if (window.__workbookReady === undefined || waiting()) return;
    window.__workbookWidgets = performance.now();
    watcher.disconnect();
  });
  watcher.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
})();
""".replace("LAST_CELL", json.dumps(LAST_CELL)).replace("FLOOR_TEXT", json.dumps(FLOOR_TEXT))


def _page_ready(page, url: str, ready_selector: str, wall: list | None = None) -> float:
    """Seconds to the ready selector visible, by the page's clock (see READY_WATCHER)."""
    started = time.perf_counter()
    page.goto(url, timeout=TIMEOUT_MS)
    page.locator(ready_selector).first.wait_for(state="visible", timeout=TIMEOUT_MS)
    if wall is not None:
        wall.append(time.perf_counter() - started)
    in_page = page.evaluate("window.__workbookReady")
    assert in_page is not None, f"the page watcher saw {ready_selector} shown on {url}"
    return in_page / 1000


def _widgets_drawn(page) -> float:
    """Seconds, by the page's clock, to every widget of the page drawn (see READY_WATCHER)."""
    page.wait_for_function("window.__workbookWidgets !== undefined", timeout=TIMEOUT_MS)
    return page.evaluate("window.__workbookWidgets") / 1000


def _charts_drawn(page, started: float, count: int) -> float:
    page.wait_for_function(CHARTS_DRAWN, arg=count, timeout=TIMEOUT_MS)
    return time.perf_counter() - started


def _chart_count(data: Path) -> int:
    from workbook.pages.progress import page
    from workbook.store import Store

    with Store(data) as store:
        return sum(1 for kind, _ in page(store.snapshot(), date.today()) if kind == "figure")


def _html_bytes(url: str) -> int:
    with urllib.request.urlopen(url, timeout=300) as response:
        return len(response.read())


def run(reps: int = 3) -> dict:
    from playwright.sync_api import sync_playwright

    from workbook.store import Store
    from workbook.store.demo import fill_demo

    with tempfile.TemporaryDirectory(prefix="bench-app-") as tmp:
        work = Path(tmp)
        data = work / "data"
        with Store(data) as store:
            fill_demo(store, today=date.today())
        env = {
            **os.environ,
            "JUPYTER_TOKEN": secrets.token_hex(16),
            "JUPYTER_RUNTIME_DIR": str(work / "runtime"),
            "PYTHONUNBUFFERED": "1",
        }
        bin_dir = Path(sys.executable).parent
        started = time.monotonic()
        app = Served(
            [str(bin_dir / "workbook"), "app", "--no-browser", "--data-dir", str(data)],
            env,
            work / "app.log",
        )
        # A plain Voilà, stock settings, one cell: every visit starts a kernel from cold.
        plain_env = {k: v for k, v in env.items() if k not in ("JUPYTER_CONFIG_DIR",)}
        plain_env["JUPYTER_CONFIG_DIR"] = str(work / "plain-config")
        floor = Served(
            [
                sys.executable,
                "-m",
                "voila",
                str(one_cell_notebook(work)),
                "--no-browser",
                "--Voila.ip=127.0.0.1",
                f"--Voila.token={env['JUPYTER_TOKEN']}",
            ],
            plain_env,
            work / "floor.log",
        )
        try:
            # At rest: the app alone, no page asked for, AT_REST_S after it was started.
            time.sleep(max(0.0, AT_REST_S - (time.monotonic() - started)))
            at_rest, at_rest_kernels = app.tree_rss(), app.kernels()
            log(f"at rest: {at_rest / 2**20:.0f} MiB, {at_rest_kernels} kernels")
            result = _measure(app, floor, reps, sync_playwright, _chart_count(data))
            result["tree_rss_bytes"] = {"at rest": at_rest, **result["tree_rss_bytes"]}
            result["kernel_processes"] = {"at rest": at_rest_kernels, **result["kernel_processes"]}
            return result
        finally:
            floor.stop()
            app.stop()


def _measure(app: Served, floor: Served, reps: int, sync_playwright, charts: int) -> dict:
    per_stage: dict[str, list[float]] = {s: [] for s in STAGES}
    charts_drawn: list[float] = []
    floors: list[float] = []
    walls: dict[str, list[float]] = {"floor": [], **{s: [] for s in STAGES}}
    widgets_drawn: dict[str, list[float]] = {s: [] for s in STAGES}
    memory: dict[str, int] = {}
    kernels: dict[str, int] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            # Warm-up: the browser's cache of Voilà's scripts, the page cache of the packages.
            context = browser.new_context()
            context.add_init_script(READY_WATCHER)
            page = context.new_page()
            _page_ready(page, floor.url(""), f"text={FLOOR_TEXT}")
            _page_ready(page, app.url("voila/render/00_start_here.ipynb"), LAST_CELL)
            context.close()
            app.wait_until_heated(STAGES[0], refills=2)  # the start page's, used above, again

            # One tab, as a person following the stages: every stage `reps` times.
            context = browser.new_context()
            context.add_init_script(READY_WATCHER)
            page = context.new_page()
            visits = 0
            for rep in range(reps):
                for stage in STAGES:
                    floors.append(
                        _page_ready(page, floor.url(""), f"text={FLOOR_TEXT}", walls["floor"])
                    )
                    started = time.perf_counter()
                    address = app.url(f"voila/render/{stage}.ipynb")
                    seconds = _page_ready(page, address, LAST_CELL, walls[stage])
                    per_stage[stage].append(seconds)
                    widgets_drawn[stage].append(_widgets_drawn(page))
                    if stage == CHARTS_PAGE:
                        charts_drawn.append(_charts_drawn(page, started, charts))
                    visits += 1
                    if visits in ROUNDS:
                        time.sleep(3)  # a page's kernel settles
                        memory[f"after {visits} visits"] = app.tree_rss()
                        kernels[f"after {visits} visits"] = app.kernels()
                log(
                    f"round {rep + 1}/{reps}: ready "
                    + ", ".join(f"{s[:2]} {per_stage[s][-1]:.2f}" for s in STAGES)
                    # The figure the targets read: a median of few visits hides how they spread.
                    + "; widgets drawn "
                    + ", ".join(f"{s[:2]} {widgets_drawn[s][-1]:.2f}" for s in STAGES)
                    + f"; charts drawn {charts_drawn[-1]:.2f}"
                    + f"; floor {statistics.median(floors[-len(STAGES) :]):.2f} this round"
                    + f", {statistics.median(floors):.2f} so far"
                )
            context.close()  # the tab (and its window) closes, as a person closes it
            log(f"tab closed; waiting {AFTER_CLOSE_S} s")
            time.sleep(AFTER_CLOSE_S)
            memory["a minute after the tab closed"] = app.tree_rss()
            kernels["a minute after the tab closed"] = app.kernels()
        finally:
            browser.close()
    progress_bytes = _html_bytes(app.url("voila/render/03_progress.ipynb"))
    stage_medians = {s: statistics.median(v) for s, v in per_stage.items() if v}
    return {
        "stage_ready_median_s": stage_medians,
        "progress_charts_drawn_median_s": statistics.median(charts_drawn),
        "progress_charts": charts,
        "floor_median_s": statistics.median(floors),
        "floor_s": floors,
        "widgets_drawn_median_s": {s: statistics.median(v) for s, v in widgets_drawn.items()},
        "playwright_wall_median_s": {k: statistics.median(v) for k, v in walls.items() if v},
        "progress_html_bytes": progress_bytes,
        "tree_rss_bytes": memory,
        "kernel_processes": kernels,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=2, help="visits of each stage (≥ 2)")
    args = parser.parse_args(argv)
    print(json.dumps(run(max(2, args.reps)), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())


def table_rows(result: dict, row) -> list[dict]:
    """benchmarks/run.py's rows for these measures (`row` is its row maker)."""
    floor = result["floor_median_s"]
    try:
        from workbook.app.preheat import KEPT_READY
    except ImportError:  # a checkout from before the list: the same pages, for the same targets
        KEPT_READY = ("00_start_here", "02_daily_checkin", "03_progress", "08_urge")

    rows = []
    for stage, seconds in result["widgets_drawn_median_s"].items():
        limit = 0.5 if stage in KEPT_READY else 1.0
        kind = "daily" if stage in KEPT_READY else "monthly"
        rows.append(
            row(
                f"6. app page ready incl. widgets, {stage} ({kind}) vs cold one-cell Voilà",
                seconds,
                floor,
                "s",
                f"≤ {limit} × floor",
                seconds / floor <= limit,
                note="median; last cell shown and no 'Loading widget...' left, by the page's clock",
            )
        )
    drawn = result["progress_charts_drawn_median_s"]
    rows.append(
        row(
            f"6. app {CHARTS_PAGE}: every chart drawn vs cold one-cell Voilà",
            drawn,
            floor,
            "s",
            "shown, no target",
            None,
            note=f"median; all {result['progress_charts']} charts drawn by plotly",
        )
    )
    kib = result["progress_html_bytes"] / 1024
    rows.append(row("6. app progress page HTML", kib, None, "KiB", "≤ 300 KiB", kib <= 300))
    memory = result["tree_rss_bytes"]
    one, two = (f"after {visits} visits" for visits in ROUNDS)
    for label, value in memory.items():
        if label == "at rest":
            rows.append(
                row(
                    f"6. app process tree memory at rest ({AT_REST_S} s after start, no page)",
                    value / 2**20,
                    None,
                    "MiB",
                    "≤ 350 MiB",
                    value <= 350 * 2**20,
                    note=f"{result['kernel_processes'][label]} kernels",
                )
            )
            continue
        flat = label != two or memory[two] <= memory[one] * 1.1
        rows.append(
            row(
                f"6. app process tree memory, {label}",
                value / 2**20,
                None,
                "MiB",
                "≤ 1 GiB" + (f"; flat from {ROUNDS[0]} visits (±10 %)" if label == two else ""),
                value <= 2**30 and flat,
                note=f"{result['kernel_processes'][label]} kernels",
            )
        )
    return rows
