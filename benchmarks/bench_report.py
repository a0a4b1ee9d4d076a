"""How long the reflection report takes to export, and how big the HTML is.

For the 30-day demo and a 10-year demo (3650 days, 8 goals): the median of 3 runs of each step.
`html` = reading the workbook and writing the HTML file; `pdf` = the same plus printing it with a
fresh headless Chromium (what one click on "PDF" costs), each run paired with its floor run just
before it: a fresh headless Chromium printing a one-paragraph page; `open` = a headless Chromium
(already running) opening the HTML file until every chart is drawn.
Run: .venv/bin/python benchmarks/bench_report.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from plotly.offline import get_plotlyjs  # noqa: E402

from workbook.store import Store  # noqa: E402
from workbook.store.demo import fill_demo  # noqa: E402
from workbook.views.report import write_report  # noqa: E402

TODAY = date(2026, 11, 25)
CASES = (("30 days, 4 goals", 30, 4), ("10 years, 8 goals", 3650, 8))
RUNS = 3


def _median_seconds(step, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


ONE_PARAGRAPH = "<!doctype html><title>floor</title><p>One paragraph, printed.</p>"
CHARTS_DRAWN = (
    "Array.from(document.querySelectorAll('.chart .plotly-graph-div'))"
    ".every(d => d.querySelector('svg.main-svg'))"
)


def _one_paragraph_pdf(path: Path) -> None:
    """The floor: what printing any page at all costs (a fresh Chromium, one paragraph)."""
    from playwright.sync_api import sync_playwright

    from workbook.views.report import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_content(ONE_PARAGRAPH, wait_until="load")
            page.pdf(path=str(path), format="A4")
        finally:
            browser.close()


def _open_seconds(path: Path, runs: int = RUNS) -> float:
    """A running Chromium opening the HTML report until every chart is drawn (median)."""
    from playwright.sync_api import sync_playwright

    from workbook.views.report import CHROMIUM, CHROMIUM_ARGS

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                page = browser.new_page()
                started = time.perf_counter()
                page.goto(path.as_uri(), wait_until="load")
                page.wait_for_function(CHARTS_DRAWN, timeout=120_000)
                times.append(time.perf_counter() - started)
                page.close()
        finally:
            browser.close()
    return statistics.median(times)


def run() -> list[dict]:
    """One row per workbook size: export seconds (median of 3), the PDF's floor (median of the
    3 paired runs), the seconds to open the HTML and its size."""
    rows = []
    plotly_kib = len(get_plotlyjs().encode("utf-8")) / 1024
    with tempfile.TemporaryDirectory() as tmp:
        for label, days, goals in CASES:
            data_dir = Path(tmp) / f"demo-{days}"
            with Store(data_dir) as store:
                fill_demo(store, today=TODAY, days=days, goals=goals)

            def export(fmt: str, data_dir=data_dir) -> Path:
                with Store(data_dir) as store:
                    snapshot = store.snapshot()
                return write_report(snapshot, TODAY, fmt, None, data_dir)

            html_s = _median_seconds(lambda: export("html"))
            pdf_times, floor_times = [], []
            for _ in range(RUNS):
                floor_times.append(
                    _median_seconds(lambda: _one_paragraph_pdf(Path(tmp) / "floor.pdf"), 1)
                )
                pdf_times.append(_median_seconds(lambda: export("pdf"), 1))
            pdf_s = statistics.median(pdf_times)
            html = export("html")
            html_kib = html.stat().st_size / 1024
            rows.append(
                {
                    "workbook": label,
                    "html_s": round(html_s, 2),
                    "pdf_s": round(pdf_s, 2),
                    "pdf_floor_s": round(statistics.median(floor_times), 2),
                    "pdf_pair_ratio": round(
                        statistics.median(
                            a / b for a, b in zip(pdf_times, floor_times, strict=True)
                        ),
                        2,
                    ),
                    "open_s": round(_open_seconds(html), 2),
                    "html_kib": round(html_kib),
                    "plotly_js_kib": round(plotly_kib),
                    "html_minus_plotly_kib": round(html_kib - plotly_kib),
                }
            )
    return rows


def main() -> None:
    rows = run()
    columns = list(rows[0])
    widths = [max(len(c), *(len(str(r[c])) for r in rows)) for c in columns]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
    for row in rows:
        print("  ".join(str(row[c]).ljust(w) for c, w in zip(columns, widths, strict=True)))


if __name__ == "__main__":
    main()
