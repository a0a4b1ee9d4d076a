"""How long every progress chart takes to build, on the 30-day demo and on 10 years of days.

For each workbook: `progress_figures(build(snapshot, today))` (the numbers, the day frame and all
nine charts, plotly figures as dicts), the median of RUNS runs after one warm-up; reading the
snapshot from SQLite is timed apart. Run: .venv/bin/python benchmarks/bench_progress.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbook.numbers import build  # noqa: E402
from workbook.store import Store  # noqa: E402
from workbook.store.demo import fill_demo  # noqa: E402
from workbook.views import charts  # noqa: E402

TODAY = date(2026, 11, 25)
CASES = (("30 days, 4 goals", 30, 4), ("10 years, 8 goals", 3650, 8))
RUNS = 7


def _median_seconds(step, runs: int = RUNS) -> float:
    step()  # warm-up: imports, the page cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run() -> list[dict]:
    """One row per workbook size: seconds for every progress figure (median of RUNS)."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-progress-") as tmp:
        for label, days, goals in CASES:
            data_dir = Path(tmp) / f"demo-{days}"
            with Store(data_dir) as store:
                fill_demo(store, today=TODAY, days=days, goals=goals)

            def read(data_dir=data_dir):
                with Store(data_dir) as store:
                    return store.snapshot()

            snapshot = read()
            read_s = _median_seconds(read)
            frames_s = _median_seconds(lambda s=snapshot: build(s, TODAY).frames)
            all_s = _median_seconds(lambda s=snapshot: charts.progress_figures(build(s, TODAY)))
            rows.append(
                {
                    "workbook": label,
                    "days": days,
                    "goals": goals,
                    "figures": len(charts.FIGURE_KEYS),
                    "read_s": round(read_s, 4),
                    "frames_s": round(frames_s, 4),
                    "median_s": round(all_s, 4),
                    "runs": RUNS,
                }
            )
    return rows


def main() -> int:
    rows = run()
    header = f"{'workbook':<20} {'read snapshot':>14} {'day frame':>10} {'all 9 figures':>14}"
    print(header)
    print("-" * len(header))
    for r in rows:
        print(
            f"{r['workbook']:<20} {r['read_s']:>12.3f} s {r['frames_s']:>8.3f} s "
            f"{r['median_s']:>12.3f} s"
        )
    print(f"\nmedian of {RUNS} runs after a warm-up; all 9 figures includes the day frame")
    return 0


if __name__ == "__main__":
    sys.exit(main())
