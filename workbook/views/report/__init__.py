"""The reflection report: one self-contained HTML file that opens offline, a PDF, or the JSON summary.

The numbers come from `numbers.build(...).summary()`, so the HTML, the PDF and the JSON always agree; each
number in the HTML carries `data-summary-key` naming where it sits in the JSON. The parts: `html`
(the words, from templates), `chart_data` (figures as HTML), `pdf` (printing in Chromium).
"""

from __future__ import annotations

import json
from datetime import date
from functools import partial
from pathlib import Path

from ...core.model import Snapshot
from ...numbers import build
from ...store import output_files
from ...store.paths import ensure_private_dir
from ..templating import day_text
from .html import CSP, render_report
from .pdf import CHROMIUM, CHROMIUM_ARGS, PAPERS, in_chromium, offline_page, print_in, render_pdf

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


def render_html(
    snapshot: Snapshot, today: date, include_words: bool = False, browser=None, page=None
) -> str:
    """The whole report as one self-contained HTML page: no script, no URL; each chart an SVG
    picture drawn by plotly.js in headless Chromium (in `page`, else a page of `browser`, else of
    one of its own); the unsent words of the moments of the urge only with `include_words` (the
    person ticked it)."""
    numbers = build(snapshot, today)
    unsent = unsent_words(numbers) if include_words else ()
    summary = numbers.summary()
    if summary["programme"] is None or not summary["checkins"]:
        # nothing to draw: no charts, no browser
        return render_report(summary, today, unsent_words=unsent)
    from ..chart_words import words_for
    from ..charts import progress_figures
    from .chart_data import figures_svg, words_html

    charts = figures_svg(progress_figures(numbers), browser, page)
    said = words_for(numbers)
    mood = said["mood"].sentence if said["mood"] else None
    return render_report(summary, today, charts, words_html(said), mood, unsent_words=unsent)


def unsent_words(numbers) -> list[tuple[str, str]]:
    """(when, words) of each moment of the urge with words, oldest first."""
    return [(f"{day_text(m.day)}, {m.at:%H:%M}", m.words) for m in numbers.moments if m.words]


def default_output(data_dir: Path, today: date, fmt: str) -> Path:
    return Path(data_dir) / "reports" / f"reflection-{today.isoformat()}.{fmt}"


def write_report(
    snapshot: Snapshot,
    today: date,
    fmt: str,
    output: Path | None,
    data_dir: Path,
    paper: str = "A4",
    force: bool = False,
    include_words: bool = False,
) -> Path:
    """Write the report as html, pdf or json; returns where it went (0600).

    Into `reports/` under a name not yet taken when no `output` is given; else see
    `output_files.target_path` (an existing file is replaced only with `force`).
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    default = default_output(data_dir, today, fmt)
    if output is None:
        ensure_private_dir(Path(data_dir))
        path = output_files.free_path(ensure_private_dir(default.parent), default.name)
    else:
        path = output_files.target_path(output, default.name, force)
    if fmt == "json":
        text = json.dumps(build(snapshot, today).summary(), indent=2, ensure_ascii=False) + "\n"
        output_files.write_atomically(path, text.encode("utf-8"), force)
    elif fmt == "html":
        page = render_html(snapshot, today, include_words)
        output_files.write_atomically(path, page.encode("utf-8"), force)
    else:
        if paper not in PAPERS:
            raise ValueError(f"paper must be one of {PAPERS}")

        # One page of one Chromium draws the charts and prints the report.
        def pdf(part, browser):
            page = offline_page(browser)
            try:
                print_in(page, render_html(snapshot, today, include_words, page=page), part, paper)
            finally:
                page.close()

        output_files.write_with(path, lambda part: in_chromium(partial(pdf, part)), force)
    return path
