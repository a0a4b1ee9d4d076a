"""How long the reflection report takes to export, and how big the HTML is.

For the 30-day demo and a 10-year demo (3650 days, 8 goals): the median of 3 runs of each step.
`html` = reading the workbook and writing the HTML file; `pdf` = the same plus printing it with a
fresh headless Chromium (what one click on "PDF" costs). Run: .venv/bin/python benchmarks/bench_report.py
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


def run() -> list[dict]:
    """One row per workbook size: export seconds (median of 3) and the HTML's size."""
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
            pdf_s = _median_seconds(lambda: export("pdf"))
            html_kib = export("html").stat().st_size / 1024
            rows.append(
                {
                    "workbook": label,
                    "html_s": round(html_s, 2),
                    "pdf_s": round(pdf_s, 2),
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
