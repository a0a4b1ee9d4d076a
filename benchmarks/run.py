"""`make bench`: how fast the workbook is, measured against a floor or a peer in the same run.

One table, one row per measure: this project's median, the comparison's median (measured in the
same run, the two interleaved so that a busy machine slows both alike), their ratio, the target
and whether it is met. The same table is written to benchmarks/results/latest.json.

1. The whole headless programme (every stage notebook, papermill, on a copy of the 30-day demo)
   against the floor: papermill running a one-cell notebook, times the number of notebooks.
2. `workbook checkin` as a whole process against the peer `jrnl` adding one entry (jrnl lives in
   benchmarks/.venv-peer, made on first use, with a throwaway config and journal).
3. Progress analytics with every chart on 30 days and on 10 years (3,650 days × 8 goals).
4. Report export (HTML, PDF) on 30 days and 10 years, and the HTML's size beside plotly.js's.
5. One durable save (WAL, synchronous=FULL), in-process: p50 and p99 over 1,000 saves.
6. The code-free app in Chromium (benchmarks/bench_app.py): each page's time to ready against a
   cold Voilà showing a one-cell notebook, the progress page's bytes, the whole process tree's
   memory after one and two rounds of the stages (9 and 18 visits) and a minute after the tab
   closes.
7. JupyterLab in Chromium (benchmarks/bench_lab.py): the whole process tree's memory before any
   page, after 8 and 16 stage-page visits by the pages' links, after the tabs close, and once the
   culler has stopped the kernels of a window closed with its tabs open.
8. plotly.js in Chromium (benchmarks/bench_plotly_js.py): how long a fresh page takes to read the
   workbook's plotly.js bundle against plotly's full plotly.js, before its first chart.

Run: .venv/bin/python benchmarks/run.py [--quick]. Not part of `make test`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

TODAY = date(2026, 11, 25)
NOTEBOOKS = ROOT / "notebooks"
BIN = Path(sys.executable).parent
PEER_VENV = HERE / ".venv-peer"
RESULTS = HERE / "results" / "latest.json"


def log(text: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def median(values) -> float:
    return statistics.median(values)


def percentile(values, p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def row(measure, ours, theirs, unit, target, met, ratio=None, note=""):
    if ratio is None and theirs:
        ratio = ours / theirs
    return {
        "measure": measure,
        "ours": ours,
        "comparison": theirs,
        "unit": unit,
        "ratio": ratio,
        "target": target,
        "met": met,
        "note": note,
    }


# --- 1. the headless programme against papermill's floor ------------------------------------


def stage_runs() -> list[tuple[str, dict]]:
    """Every stage notebook in order, with the inputs that make it record without a click."""
    start = TODAY - timedelta(days=29)
    return [
        (
            "00_start_here",
            {
                "start_date": start.isoformat(),
                "days": 30,
                "name": "Sam",
                "partner": "Jordan",
                "pronoun": "they",
                "why": "To find myself",
                "goals": ["Exercise:3", "Pottery:1"],
                "who5": [2, 2, 1, 2, 2],
            },
        ),
        ("01_the_break", {"answer": "agreed", "dating_allowed": False}),
        (
            "02_daily_checkin",
            {"mood": 6, "energy": 6, "sleep_hours": 7.5, "emotions": "hopeful", "urge": 2},
        ),
        ("03_progress", {}),
        (
            "04_day30_reflection",
            {
                "who5": [4, 4, 3, 4, 4],
                "better_version": "Calmer, stronger",
                "accomplished": "I kept at the gym",
                "discovered": "I like my own company",
                "want_restart": "yes",
                "conviction": 9,
                "keep_growing": "yes",
                "felt_safe": "yes",
                "decision": "I will ask, calmly",
            },
        ),
        ("05_reunion", {"outcome": "no"}),
        ("06_keep_going", {"new_goals": ["Choir:1"]}),
        ("07_report", {"format": "html"}),
    ]


@contextlib.contextmanager
def _kernel_stderr_to(path: Path):
    """Kernels inherit file descriptor 2: send their start-up warnings to a log, not the table."""
    sys.stderr.flush()
    saved = os.dup(2)
    with open(path, "ab") as log_file:
        os.dup2(log_file.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def _papermill(source: Path, out: Path, parameters: dict | None = None) -> float:
    """Run a notebook; returns the seconds its cells took inside the kernel."""
    import papermill

    with _kernel_stderr_to(out.with_name("kernels.log")):
        executed = papermill.execute_notebook(
            str(source),
            str(out),
            parameters=parameters or {},
            kernel_name="python3",
            cwd=str(NOTEBOOKS),
            progress_bar=False,
            log_output=False,
        )
    return sum(c.metadata.get("papermill", {}).get("duration") or 0 for c in executed.cells)


def bench_programme(work: Path, demo30: Path, reps: int) -> tuple[list[dict], dict]:
    import logging

    import nbformat

    logging.getLogger("papermill").setLevel(logging.WARNING)
    stages = stage_runs()
    missing = [name for name, _ in stages if not (NOTEBOOKS / f"{name}.ipynb").exists()]
    stages = [(name, p) for name, p in stages if (NOTEBOOKS / f"{name}.ipynb").exists()]
    floor_nb = work / "one_cell.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1")]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, floor_nb)
    out = work / "out.ipynb"

    def timed_papermill(source: Path, parameters: dict | None = None, cells=None) -> float:
        started = time.perf_counter()
        in_kernel = _papermill(source, out, parameters)
        if cells is not None:
            cells.append(in_kernel)
        return time.perf_counter() - started

    def one_programme(per_stage: dict) -> tuple[float, float]:
        """The whole programme on a fresh copy of the demo, each stage paired with the floor's
        one-cell notebook run just before it (so that a busy machine slows both alike)."""
        data = work / "programme-data"
        shutil.rmtree(data, ignore_errors=True)
        shutil.copytree(demo30, data)
        ours = theirs = 0.0
        for name, inputs in stages:
            parameters = {"data_dir": str(data), "today": TODAY.isoformat(), **inputs}
            if name == "07_report":
                parameters["output"] = str(work / "report.html")
            floor_seconds = timed_papermill(floor_nb)
            per_floor.setdefault(name, []).append(floor_seconds)
            theirs += floor_seconds
            seconds = timed_papermill(
                NOTEBOOKS / f"{name}.ipynb", parameters, per_stage_cells.setdefault(name, [])
            )
            per_stage.setdefault(name, []).append(seconds)
            ours += seconds
        return ours, theirs

    log("programme: warm-up")
    timed_papermill(floor_nb)
    ours, theirs, per_stage, per_stage_cells, per_floor = [], [], {}, {}, {}
    for rep in range(reps):
        o, t = one_programme(per_stage)
        ours.append(o)
        theirs.append(t)
        log(f"programme {rep + 1}/{reps}: {o:.2f} s, floor {t:.2f} s ({o / t:.2f}×)")
    # Now and then one kernel takes ~3 s longer to start or stop, on either side. So: each
    # stage's median, summed; the floor is the median one-cell run times the number of stages.
    o = sum(median(v) for v in per_stage.values())
    t = len(stages) * median([x for v in per_floor.values() for x in v])
    ratio = o / t
    note = f"{len(stages)} notebooks, each the median of {reps}, summed"
    if missing:
        note += f"; missing: {', '.join(missing)}"
    rows = [
        row(
            "1. headless programme (papermill) vs floor",
            o,
            t,
            "s",
            "≤ 1.5 × floor",
            ratio <= 1.5,
            ratio=ratio,
            note=note,
        )
    ]
    details = {
        "programme_s": ours,
        "floor_s": theirs,
        "pair_ratios": [a / b for a, b in zip(ours, theirs, strict=True)],
        "per_stage_median_s": {k: median(v) for k, v in per_stage.items()},
        "floor_per_stage_median_s": {k: median(v) for k, v in per_floor.items()},
        "per_stage_cells_median_s": {k: median(v) for k, v in per_stage_cells.items()},
    }
    return rows, details


# --- 2. `workbook checkin` against jrnl ------------------------------------------------------


def peer_jrnl() -> Path:
    """jrnl in the benchmark's own environment (never the project's .venv)."""
    jrnl = PEER_VENV / "bin" / "jrnl"
    if not jrnl.exists():
        log("making benchmarks/.venv-peer with jrnl (first run only)")
        base = getattr(sys, "_base_executable", None) or shutil.which("python3")
        subprocess.run([base, "-m", "venv", str(PEER_VENV)], check=True)
        subprocess.run(
            [str(PEER_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", "jrnl"],
            check=True,
        )
    return jrnl


JRNL_CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%F %r'
version: v4.6
"""


def bench_checkin(work: Path, demo30: Path, reps: int) -> tuple[list[dict], dict]:
    jrnl = peer_jrnl()
    home = work / "jrnl-home"
    (home / "config" / "jrnl").mkdir(parents=True)
    journal = home / "journal.txt"
    journal.touch()
    (home / "config" / "jrnl" / "jrnl.yaml").write_text(JRNL_CONFIG.format(journal=journal))
    peer_env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
    }
    data = work / "checkin-data"
    shutil.copytree(demo30, data)
    ours_cmd = [
        str(BIN / "workbook"),
        "checkin",
        "--data-dir",
        str(data),
        "--mood",
        "6",
        "--today",
        TODAY.isoformat(),
    ]
    theirs_cmd = [str(jrnl), "Today:", "a", "line"]

    def timed(cmd, env=None) -> float:
        started = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True, stdin=subprocess.DEVNULL)
        return time.perf_counter() - started

    timed(ours_cmd)  # warm-up: the day's backup, the page cache
    timed(theirs_cmd, peer_env)  # warm-up: jrnl upgrades its config once
    ours, theirs = [], []
    for _ in range(reps):
        ours.append(timed(ours_cmd))
        theirs.append(timed(theirs_cmd, peer_env))
    # The day's first check-in pays for the day's automatic backup: measured on its own, each
    # time on a fresh copy of the demo month (the copy is not timed).
    first = []
    for i in range(reps):
        fresh = work / f"first-checkin-{i}"
        shutil.copytree(demo30, fresh)
        first.append(timed([*ours_cmd[:3], str(fresh), *ours_cmd[4:]]))
        theirs.append(timed(theirs_cmd, peer_env))
    theirs, first_theirs = theirs[:reps], theirs[reps:]
    entries = journal.read_text().count("a line")
    assert entries == 2 * reps + 1, f"jrnl wrote {entries} entries, expected {2 * reps + 1}"
    first_ratio = median(a / b for a, b in zip(first, first_theirs, strict=True))
    o, t = median(ours), median(theirs)
    ratio = median(a / b for a, b in zip(ours, theirs, strict=True))
    rows = [
        row(
            "2. `workbook checkin` process vs `jrnl` entry",
            o,
            t,
            "s",
            "≤ 1.0 × jrnl",
            ratio <= 1.0,
            ratio=ratio,
            note=f"median of {reps}",
        ),
        row(
            "2b. the day's first `workbook checkin` (with its backup) vs `jrnl`",
            median(first),
            median(first_theirs),
            "s",
            "≤ 1.5 × jrnl",
            first_ratio <= 1.5,
            ratio=first_ratio,
            note=f"median of {reps}, a fresh copy each time",
        ),
    ]
    return rows, {"checkin_s": ours, "first_checkin_s": first, "jrnl_s": theirs}


# --- 3. progress analytics and charts ---------------------------------------------------------


def bench_charts(quick: bool) -> tuple[list[dict], dict]:
    import bench_progress

    result = bench_progress.run()
    seconds = _progress_seconds(result)
    short, long_ = seconds["30"], seconds["3650"]
    rows_by_days = {r.get("days"): r for r in result if isinstance(r, dict)}
    read_s = rows_by_days.get(3650, {}).get("read_s")
    growth = long_ / short
    limit = 3650 / 30
    rows = [
        row(
            "3. progress, every chart: 10 years vs 30 days",
            long_,
            short,
            "s",
            f"≤ 0.5 s; growth ≤ {limit:.0f}× (linear)",
            long_ <= 0.5 and growth <= limit,
            ratio=growth,
            note="day frame + 9 figures"
            + (f"; reading 10 years from SQLite: {read_s:.3f} s more" if read_s else ""),
        )
    ]
    return rows, {"bench_progress": result}


def _progress_seconds(result) -> dict[str, float]:
    """Seconds for 30 days and 3650 days from bench_progress.run()'s rows, whatever their keys."""
    rows = result if isinstance(result, list) else result.get("rows", [result])
    found = {}
    for r in rows:
        days = r.get("days")
        if days is None:
            label = str(r.get("workbook", r.get("case", "")))
            days = 3650 if ("10 year" in label or "3650" in label) else 30
        value = next(
            (r[k] for k in ("median_s", "seconds", "total_s", "s", "all_s", "time_s") if k in r),
            None,
        )
        if value is None:
            numbers = [v for k, v in r.items() if k.endswith("_s") and isinstance(v, int | float)]
            value = numbers[0] if numbers else None
        found[str(days)] = float(value)
    return found


# --- 4. report export ------------------------------------------------------------------------


def bench_report() -> tuple[list[dict], dict]:
    import bench_report as report

    result = report.run()
    rows = []
    for r in result:
        label = r["workbook"]
        rows.append(row(f"4. report HTML export, {label}", r["html_s"], None, "s", "—", None))
    for r in result:
        rows.append(
            row(
                f"4. report PDF ({r['workbook']}) vs Chromium printing a one-paragraph page",
                r["pdf_s"],
                r["pdf_floor_s"],
                "s",
                "≤ 3 × floor",
                r["pdf_pair_ratio"] <= 3,
                ratio=r["pdf_pair_ratio"],
                note="median of 3 pairs, each a fresh Chromium",
            )
        )
        rows.append(
            row(
                f"4. report HTML opened until every chart shows, {r['workbook']}",
                r["open_s"],
                None,
                "s",
                "—",
                None,
            )
        )
        rows.append(
            row(
                f"4. report HTML size ({r['workbook']})",
                r["html_kib"],
                None,
                "KiB",
                "≤ 1 MB",
                r["html_kib"] <= 1024,
            )
        )
    return rows, {"bench_report": result}


# --- 5. one durable save ---------------------------------------------------------------------


def bench_save(work: Path, saves: int) -> tuple[list[dict], dict]:
    from workbook.core.model import Checkin
    from workbook.store import Store
    from workbook.store.demo import demo_plan

    plan = demo_plan(TODAY, 30, 4)
    times = []
    with Store(work / "save-data", clock=lambda: TODAY) as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        store.save_plan(plan)
        goals = tuple((g.name, 20) for g in plan.goals[:2])
        for i in range(saves + 10):
            checkin = Checkin(
                date=plan.start_date + timedelta(days=i % plan.days),
                mood=1 + i % 10,
                energy=5,
                sleep_hours=7.5,
                emotions=("hopeful",),
                urge=3,
                goals=goals,
                note="A quiet evening walk.",
            )
            started = time.perf_counter_ns()
            store.save_checkin(checkin)
            if i >= 10:  # the first few pay for the day's backup and a cold cache
                times.append((time.perf_counter_ns() - started) / 1e6)
    p50, p99 = median(times), percentile(times, 99)
    rows = [
        row("5. one durable save, p50", p50, None, "ms", "—", None, note=f"{saves} saves"),
        row(
            "5. one durable save, p99", p99, None, "ms", "< 20 ms", p99 < 20, note=f"{saves} saves"
        ),
    ]
    return rows, {"save_ms_p50": p50, "save_ms_p99": p99, "save_ms_max": max(times)}


# --- 6. the code-free app ---------------------------------------------------------------------


def bench_app(reps: int) -> tuple[list[dict], dict]:
    import bench_app

    result = bench_app.run(reps)
    return bench_app.table_rows(result, row), result


# --- 7. JupyterLab -----------------------------------------------------------------------------


def bench_lab(reps: int) -> tuple[list[dict], dict]:
    import bench_lab

    result = bench_lab.run(reps)
    return bench_lab.table_rows(result, row), result


# --- 8. plotly.js ------------------------------------------------------------------------------


def bench_plotly_js(reps: int) -> tuple[list[dict], dict]:
    import bench_plotly_js

    result = bench_plotly_js.run(reps)
    return bench_plotly_js.table_rows(result, row), result


# --- the table --------------------------------------------------------------------------------


def _fmt(value, unit) -> str:
    if value is None:
        return "—"
    if unit == "KiB":
        return f"{value:,.0f} KiB"
    if unit == "ms":
        return f"{value:.2f} ms"
    if unit == "MiB":
        return f"{value:,.0f} MiB"
    return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


# What issue 28 ("Quick in JupyterLab, light at rest, and a report that opens at once") measured
# when it was filed, in its own words, beside today's figure: the first prefix a measure starts
# with gives its row. These are the figures, quoted; every other column is measured.
AT_FILING = (
    ("4. report PDF (30 days", "6.1×"),
    ("4. report HTML size (30 days", "4.9 MB"),
    ("6. app page ready incl. widgets", "0.32× (median, all)"),
    ("6. app process tree memory at rest", "653 MiB"),
    ("7. JupyterLab: 00_start_here", "1.12×"),
    ("7. JupyterLab: 02_daily_checkin", "1.18×"),
    ("7. JupyterLab: 03_progress", "1.51×"),
    ("7. JupyterLab: ", "1.12–1.51× (all)"),
    ("7. JupyterLab process tree memory, after 8 visits", "623 MiB"),
    ("7. JupyterLab process tree memory, 75 s after the window closed", "623 MiB"),
)


def at_filing(measure: str) -> str:
    return next((then for prefix, then in AT_FILING if measure.startswith(prefix)), "")


def table(rows: list[dict]) -> str:
    header = ["measure", "this project", "comparison", "ratio", "target", "met", "at filing"]
    lines = [
        [
            r["measure"],
            _fmt(r["ours"], r["unit"]),
            _fmt(r["comparison"], r["unit"]),
            "—" if r["ratio"] is None else f"{r['ratio']:.2f}×",
            r["target"],
            "—" if r["met"] is None else ("yes" if r["met"] else "NO"),
            at_filing(r["measure"]),
        ]
        for r in rows
    ]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]
    out = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    out.append("  ".join("-" * w for w in widths))
    for line in lines:
        out.append("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)))
    return "\n".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument(
        "--only", default="12345678", help="which measures to run, e.g. --only 25 (default: all)"
    )
    args = parser.parse_args(argv)
    reps_programme = 1 if args.quick else 5
    reps_checkin = 5 if args.quick else 15
    saves = 200 if args.quick else 1000

    started = time.perf_counter()
    rows: list[dict] = []
    details: dict = {}
    # On the checkout's own disk (where data/ lives), so a durable save costs what it costs there.
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tmp-", dir=RESULTS.parent) as tmp:
        work = Path(tmp)
        demo30 = work / "demo30"
        subprocess.run(
            [str(BIN / "workbook"), "demo", "--data-dir", str(demo30), "--today", str(TODAY)],
            check=True,
            capture_output=True,
        )
        steps = {
            "1": lambda: bench_programme(work, demo30, reps_programme),
            "2": lambda: bench_checkin(work, demo30, reps_checkin),
            "3": lambda: bench_charts(args.quick),
            "4": bench_report,
            "5": lambda: bench_save(work, saves),
            "6": lambda: bench_app(2 if args.quick else 5),
            "7": lambda: bench_lab(2 if args.quick else 3),
            "8": lambda: bench_plotly_js(3 if args.quick else 8),
        }
        for key, step in steps.items():
            if key not in args.only:
                continue
            log(f"measure {key}")
            step_rows, step_details = step()
            rows += step_rows
            details[key] = step_details

    elapsed = time.perf_counter() - started
    print(table(rows))
    print(
        "\n1: each stage notebook run just after a one-cell notebook; ours = the sum of per-stage"
        " medians, floor = the median one-cell run × the number of stages.\n2: ratio = median of pair ratios (each run paired with a"
        " jrnl run beside it).\n3: ratio = the 10-year time over the 30-day time (3650/30 = 122×"
        " would be linear).\nat filing: what issue 28 measured when it was filed (its own figures,"
        " quoted in AT_FILING), for the rows it set a target for."
    )
    if "1" in details:
        cells = details["1"]["per_stage_cells_median_s"]
        print(
            "Time inside the kernel per stage (median s): "
            + ", ".join(f"{name[:2]} {s:.2f}" for name, s in cells.items())
        )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"{'quick' if args.quick else 'full'} run, {elapsed:.0f} s in all, load average {load}"
        f" on {os.cpu_count()} CPUs; written to {RESULTS.relative_to(ROOT)}"
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "when": datetime.now().isoformat(timespec="seconds"),
                "machine": {
                    "python": platform.python_version(),
                    "cpus": os.cpu_count(),
                    "load_average": os.getloadavg(),
                },
                "quick": args.quick,
                "elapsed_s": elapsed,
                "rows": rows,
                "details": details,
            },
            indent=2,
        )
        + "\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
