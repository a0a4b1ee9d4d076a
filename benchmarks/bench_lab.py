"""JupyterLab (`workbook lab`) as a person moves through it, in a real headless Chromium: memory.

The RSS of the server's whole process tree (JupyterLab's server and every kernel under it):

- before any page is opened;
- after 8 stage-page visits: 00 to 07 by the pages' own "Next" links, in one load of JupyterLab
  (single-document mode: each page opens in a tab of its own, the ones seen stay open behind);
- after 16: back down to 00 by the "Back" links and on to 01 again, every page already open and
  brought back with its own tab and kernel;
- after every tab is closed (File → Close All Tabs): JupyterLab's "kernelShutdown" stops each
  closed page's kernel;
- after the 8 pages are opened again and the window is closed with its tabs still open: once
  jupyter_server's culler has stopped their kernels (the seconds it took are kept beside it).

Run alone: .venv/bin/python benchmarks/bench_lab.py; `make bench` runs it as measure 7.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_app import CHROMIUM, CHROMIUM_ARGS, Served  # noqa: E402

from workbook.pages.nav import STAGES  # noqa: E402

TIMEOUT_MS = 120_000
SETTLE_S = 3  # a page's kernel settles after its last cell
CULLED_WITHIN_S = 240
BEFORE = "before any page"
AFTER_8 = "after 8 visits"
AFTER_16 = "after 16 visits"
CLOSED = "after the tabs closed"
CULLED = "after the window closed, once culled"


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


def _follow(page, here: str, words: str, there: str) -> None:
    """Click a stage link at the end of `here`, as a person does, and wait for `there`."""
    link = _panel(page, here).locator(".workbook-stage-link", has_text=words)
    link.click(timeout=TIMEOUT_MS)
    _shown_and_ran(page, there)


def _walk_forward(page, lab: Served) -> int:
    """00 opened from its address, then 01 to 07 by their "Next" links: 8 visits."""
    page.goto(lab.url(f"lab/tree/{STAGES[0]}.ipynb") + "&reset", timeout=TIMEOUT_MS)
    _shown_and_ran(page, STAGES[0])
    for here, there in zip(STAGES, STAGES[1:], strict=False):
        _follow(page, here, "Next:", there)
    return len(STAGES)


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


def run() -> dict:
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
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    return _measure(lab, browser)
                finally:
                    browser.close()
        except Exception:
            log(f"JupyterLab's log:\n{(work / 'lab.log').read_text(errors='replace')[-4000:]}")
            raise
        finally:
            lab.stop()


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
    visits = _walk_forward(page, lab)
    note(AFTER_8)
    # Back down to the start page and on to the next once more: every one of them already open.
    for here, there in zip(STAGES[:0:-1], STAGES[-2::-1], strict=True):
        _follow(page, here, "Back:", there)
        visits += 1
    _follow(page, STAGES[0], "Next:", STAGES[1])
    visits += 1
    assert visits == 16, visits
    note(AFTER_16)

    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile("^File$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile("^Close All Tabs$")).click()
    page.locator(".jp-NotebookPanel").first.wait_for(state="detached", timeout=TIMEOUT_MS)
    seconds[CLOSED] = _until_no_kernel(lab, 60)
    note(CLOSED)

    _walk_forward(page, lab)
    context.close()  # the window goes, its tabs still open: no tab closes, nothing is asked
    seconds[CULLED] = _until_no_kernel(lab, CULLED_WITHIN_S)
    note(CULLED)
    return {"tree_rss_bytes": memory, "kernel_processes": kernels, "seconds_to_no_kernel": seconds}


def main() -> int:
    print(json.dumps(run(), indent=2))
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
        AFTER_8: ("≤ 1 GiB", memory[AFTER_8] <= 2**30),
        AFTER_16: ("flat from 8 visits (±10 %)", memory[AFTER_16] <= after_8 * 1.1),
        CLOSED: ("no kernel left", kernels[CLOSED] == 0),
        CULLED: ("no kernel left", kernels[CULLED] == 0),
    }
    rows = []
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
