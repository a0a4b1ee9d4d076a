"""The reflection report: one self-contained HTML file that opens offline, a PDF, or the JSON summary.

The numbers come from `numbers.build(...).summary()`, so the HTML, the PDF and the JSON always agree; each
number in the HTML carries `data-summary-key` naming where it sits in the JSON. The parts: `html`
(the words, from templates), `chart_data` (figures as HTML), `pdf` (printing in Chromium).
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

from ..numbers import build
from ..paths import ensure_private_dir
from ..store import Snapshot
from .html import CSP, render_report
from .pdf import CHROMIUM, CHROMIUM_ARGS, PAPERS, render_pdf

FORMATS = ("html", "pdf", "json")

__all__ = [
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "CSP",
    "FORMATS",
    "PAPERS",
    "default_output",
    "render_html",
    "render_pdf",
    "write_report",
]


def render_html(snapshot: Snapshot, today: date) -> str:
    """The whole report as one self-contained HTML page (plotly.js embedded once, no URLs)."""
    numbers = build(snapshot, today)
    summary = numbers.summary()
    if summary["programme"] is None or not summary["checkins"]:
        return render_report(summary, today)  # nothing to draw: no charts, no plotly.js
    from ..charts import progress_figures
    from .chart_data import figures_html, plotly_js

    charts = figures_html(progress_figures(numbers))
    return render_report(summary, today, charts, plotly_js())


def default_output(data_dir: Path, today: date, fmt: str) -> Path:
    return Path(data_dir) / "reports" / f"reflection-{today.isoformat()}.{fmt}"


def _write_private(path: Path, content: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(content)
    os.chmod(path, 0o600)


def write_report(
    snapshot: Snapshot,
    today: date,
    fmt: str,
    output: Path | None,
    data_dir: Path,
    paper: str = "A4",
) -> Path:
    """Write the report as html, pdf or json; returns where it went (0600, in a 0700 folder)."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    path = Path(output) if output else default_output(data_dir, today, fmt)
    if output is None:
        ensure_private_dir(Path(data_dir))
        ensure_private_dir(path.parent)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        text = json.dumps(build(snapshot, today).summary(), indent=2, ensure_ascii=False) + "\n"
        _write_private(path, text.encode("utf-8"))
    elif fmt == "html":
        _write_private(path, render_html(snapshot, today).encode("utf-8"))
    else:
        render_pdf(render_html(snapshot, today), path, paper=paper)
    return path
