"""The reflection report: one self-contained HTML file that opens offline, a PDF, or the JSON summary.

The numbers come from `summary.build_summary`, so the HTML, the PDF and the JSON always agree; each
number in the HTML carries `data-summary-key` naming where it sits in the JSON.
"""

from __future__ import annotations

import asyncio
import json
import os
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from importlib import resources
from pathlib import Path

from .messages import say
from .paths import ensure_private_dir
from .store import Snapshot
from .summary import build_summary
from .ui.common import escape

FORMATS = ("html", "pdf", "json")
PAPERS = ("A4", "Letter")
# Fixed chart width: fits the printable width of both A4 and Letter (15 mm margins); heights are
# capped so that two charts fit on a Letter page and print never has to cut one.
CHART_WIDTH, CHART_HEIGHT, CHART_MAX_HEIGHT = 660, 320, 420
# Shown inside their own section rather than among the charts.
SECTION_CHARTS = ("who5",)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]
# Page numbers, so a counsellor and you can talk about "page 3"; Chromium's own tiny template.
FOOTER = (
    '<div style="width:100%;font-size:8px;color:#6b7580;text-align:center;'
    'font-family:system-ui,sans-serif"><span class="pageNumber"></span> of '
    '<span class="totalPages"></span></div>'
)
# No network from the report, even if someone opens it in a browser that is online.
CSP = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:"
)


# --- small pieces ----------------------------------------------------------------------------


def _day(value) -> str:
    d = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{d:%a} {d.day} {d:%b %Y}"


def _number_text(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _num(key: str, value, *, signed: bool = False) -> str:
    """A number from the summary, findable by its JSON key."""
    text = _number_text(value)
    if signed and isinstance(value, int | float) and value > 0:
        text = f"+{text}"
    return f'<span class="num" data-summary-key="{escape(key)}">{escape(text)}</span>'


def _times_a_week(i: int, target: int) -> str:
    number = _num(f"goals.{i}.target_per_week", target)
    if target == 7:
        return f"every day <span hidden>{number}</span>"
    if target == 1:
        return f"once a week <span hidden>{number}</span>"
    return f"{number} times a week"


def _date(key: str, value: str) -> str:
    """A date from the summary: readable text, the ISO date in `datetime`."""
    return (
        f'<time data-summary-key="{escape(key)}" datetime="{escape(value)}">'
        f"{escape(_day(value))}</time>"
    )


def _tile(label: str, inner: str) -> str:
    return f'<div class="tile"><div class="big">{inner}</div><div class="label">{label}</div></div>'


def _yes_no(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(_yes_no(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{_label(k)}: {_yes_no(v)}" for k, v in value.items())
    return "—" if value is None or value == "" else str(value)


REFLECTION_LABELS = {
    "better_version": "Am I a better version of myself?",
    "accomplished": "What I accomplished",
    "discovered": "What I discovered",
    "want_restart": "Do I really want to start again?",
    "conviction": "How sure (0–10)",
    "keep_growing": "Would I keep growing inside it?",
    "felt_safe": "Did I feel safe and respected?",
    "gate_open": "A resounding yes?",
    "decision": "My decision",
    "outcome": "What they said",
    "script": "What I planned to say",
    "notes": "Notes",
}


def _label(key: str) -> str:
    return REFLECTION_LABELS.get(key, key.replace("_", " ").capitalize())


def _facts(data: dict) -> str:
    order = list(REFLECTION_LABELS)  # the questions in the order they were asked
    keys = sorted(data, key=lambda k: (order.index(k) if k in order else len(order), k))
    rows = "".join(f"<dt>{escape(_label(k))}</dt><dd>{escape(_yes_no(data[k]))}</dd>" for k in keys)
    return f'<dl class="facts">{rows}</dl>'


# --- the sections, in the order the issue asks for -------------------------------------------


def _cover(summary: dict) -> str:
    p = summary["programme"]
    name = f", {escape(p['name'])}" if p.get("name") else ""
    day, days = p["day"], p["days"]
    if day < 1:
        covers = say("report_not_started", start=_day(p["start_date"]))
    elif day < days:
        covers = say(
            "report_covers_partial",
            day=day,
            days=days,
            start=_day(p["start_date"]),
            through=_day(p["covers_through"]),
        )
    else:
        covers = say(
            "report_covers_full",
            days=days,
            start=_day(p["start_date"]),
            end=_day(p["covers_through"]),
        )
        if day > days:
            covers += " " + say("report_covers_beyond", extra=day - days, today=_day(p["today"]))
    day_of = f"Day {_num('programme.day', day)} of {_num('programme.days', days)}"
    if day > days:
        day_of = (
            f"Day {_num('programme.day', day)} since you started"
            f" (the programme itself was {_num('programme.days', days)} days)"
        )
    why = (
        f"<h3>My why</h3><blockquote>{escape(p['why'])}</blockquote>"
        if p.get("why")
        else f'<p class="quiet">{escape(say("report_no_why"))}</p>'
    )
    goals = "".join(
        f"<li>{escape(g['name'])} — {_times_a_week(i, g['target_per_week'])}</li>"
        for i, g in enumerate(summary["goals"])
    )
    goals = (
        f"<ul>{goals}</ul>" if goals else f'<p class="quiet">{escape(say("report_no_goals"))}</p>'
    )
    return (
        f"<header><h1>Your reflection report{name}</h1>"
        f'<div class="subtitle">{escape(say("report_subtitle", days=p["days"], partner=p["partner"]))}</div>'
        f'<div class="covers" data-covers-day="{day}">'
        f'{escape(covers)}<div class="day-of">{day_of}</div></div></header>'
        '<section id="plan"><h2>The plan and the why</h2>'
        '<dl class="facts">'
        f"<dt>Started</dt><dd>{_date('programme.start_date', p['start_date'])}</dd>"
        f"<dt>Length</dt><dd>{days} days with no contact</dd>"
        f"<dt>The break from</dt><dd>{escape(p['partner'])} ({escape(p['pronoun'])})</dd>"
        f"</dl>{why}<h3>The goals I chose</h3>{goals}</section>"
    )


def _numbers(summary: dict) -> str:
    mood, streaks = summary["mood"], summary["streaks"]
    tiles = [
        _tile("check-ins", _num("checkins", summary["checkins"])),
        _tile("average mood (1–10)", _num("mood.mean", mood["mean"])),
        _tile(
            "mood trend, points a week",
            _num("mood.trend_per_week", mood["trend_per_week"], signed=True),
        ),
        _tile(
            "lowest / highest mood",
            f"{_num('mood.min', mood['min'])} / {_num('mood.max', mood['max'])}",
        ),
        _tile("check-in streak now", _num("streaks.checkin_current", streaks["checkin_current"])),
        _tile("best check-in streak", _num("streaks.checkin_best", streaks["checkin_best"])),
        _tile(
            "no-contact days now", _num("streaks.no_contact_current", streaks["no_contact_current"])
        ),
        _tile("best no-contact run", _num("streaks.no_contact_best", streaks["no_contact_best"])),
    ]
    trend = mood["trend_per_week"]
    if trend is None:
        trend_text = say("report_trend_none", count=summary["checkins"])
    elif trend >= 0.1:
        trend_text = say("report_trend_up", points=trend)
    elif trend <= -0.1:
        trend_text = say("report_trend_down", points=-trend)
    else:
        trend_text = say("report_trend_flat")
    slips = summary["slips"]
    if not summary["checkins"]:
        slip_text = ""
    elif not slips:
        slip_text = escape(say("report_slips_none"))
    else:
        listed = "".join(
            f'<li><span class="when">{escape(_day(s["date"]))}</span>'
            f"{escape(s['what_happened'])}</li>"
            for s in slips[:12]
        )
        more = f"<li class='quiet'>…and {len(slips) - 12} more.</li>" if len(slips) > 12 else ""
        slip_text = (
            f"{escape(say('report_slips_some', count=len(slips)))}"
            f'<ul class="wins dated">{listed}{more}</ul>'
        )
    slips_html = f'<div class="slips">{slip_text}</div>' if slip_text else ""
    rows = "".join(
        "<tr>"
        f'<td class="text">{escape(g["name"])}</td>'
        f'<td class="n">{_num(f"goals.{i}.target_per_week", g["target_per_week"])}</td>'
        f'<td class="n">{_num(f"goals.{i}.days_done", g["days_done"])}</td>'
        f'<td class="n">{_num(f"goals.{i}.minutes", g["minutes"])}</td>'
        f'<td class="n">{_num(f"goals.{i}.strength", g["strength"])} %</td>'
        "</tr>"
        for i, g in enumerate(summary["goals"])
    )
    table = (
        '<div class="goals-block"><table class="goals"><thead><tr><th>Goal</th><th class="n">a week</th>'
        '<th class="n">days done</th><th class="n">minutes</th><th class="n">strength</th>'
        f"</tr></thead><tbody>{rows}</tbody></table>"
        f'<p class="note">{escape(say("report_strength_note"))}</p></div>'
        if rows
        else ""
    )
    empty = (
        f'<p class="quiet">{escape(say("report_no_checkins"))}</p>'
        if not summary["checkins"]
        else ""
    )
    return (
        '<section id="numbers"><h2>In numbers</h2>'
        f'{empty}<div class="tiles">{"".join(tiles)}</div>'
        f"<p>{escape(trend_text)}</p>{slips_html}"
        f"<h3>Goals</h3>{table}</section>"
    )


def _figure_html(key: str, figure) -> str:
    import plotly.io as pio

    from .figure_data import compact

    figure = compact(figure.to_dict())  # a copy, made smaller: the caller's figure stays as it was
    layout = figure.setdefault("layout", {})
    # The chart's own height when it set one (it grows with the number of goals), within reason.
    height = min(int(layout.get("height") or CHART_HEIGHT), CHART_MAX_HEIGHT)
    layout.update(width=CHART_WIDTH, height=height, autosize=False)
    named = [
        t for t in figure.get("data", []) if t.get("name") and t.get("showlegend") is not False
    ]
    if len(named) > 4:  # a legend across the top would wrap into the title at print width
        layout["legend"] = {
            **layout.get("legend", {}),
            "orientation": "v",
            "x": 1.02,
            "xanchor": "left",
            "y": 1,
            "yanchor": "top",
        }
    layout.setdefault("paper_bgcolor", "white")
    return pio.to_html(
        figure,
        include_plotlyjs=False,
        include_mathjax=False,
        full_html=False,
        div_id=f"chart-{key}",
        default_width=f"{CHART_WIDTH}px",
        default_height=f"{height}px",
        config={"displayModeBar": False, "responsive": False, "staticPlot": False},
    )


def _chart_blocks(snapshot: Snapshot, today: date, summary: dict) -> dict[str, str]:
    """Each chart's HTML block, keyed as charts.progress_figures; none before a first check-in."""
    if not summary["checkins"]:
        return {}
    from .charts import progress_figures

    # progress_figures already returns them in the order the report shows (charts.FIGURE_KEYS).
    figures = progress_figures(snapshot, today)
    return {
        k: f'<div class="chart" data-chart="{escape(k)}">{_figure_html(k, fig)}</div>'
        for k, fig in figures.items()
    }


def _charts(snapshot: Snapshot, today: date, blocks: dict[str, str]) -> str:
    if not blocks:
        return (
            '<section id="charts"><h2>The charts</h2>'
            f'<p class="quiet">{escape(say("report_no_charts"))}</p></section>'
        )
    from .charts import streak_cards_html

    shown = "".join(block for key, block in blocks.items() if key not in SECTION_CHARTS)
    return (
        '<section id="charts"><h2>The charts</h2>'
        f'<div class="streaks">{streak_cards_html(snapshot, today)}</div>{shown}</section>'
    )


def _who5(summary: dict, chart: str = "") -> str:
    rows = summary["who5"]
    body = "".join(
        "<tr>"
        f"<td>{_date(f'who5.{i}.date', w['date'])}</td>"
        f'<td class="n">{escape(_number_text(w["day"]))}</td>'
        f'<td class="n">{_num(f"who5.{i}.raw", w["raw"])} of 25</td>'
        f'<td class="n">{_num(f"who5.{i}.percent", w["percent"])} %</td>'
        "</tr>"
        for i, w in enumerate(rows)
    )
    if not rows:
        text = say("report_who5_none")
    elif len(rows) == 1:
        text = say("report_who5_one", percent=rows[0]["percent"])
    else:
        change = summary["who5_change"]
        key = "report_who5_real" if change["real_change"] else "report_who5_small"
        text = say(key, first=rows[0]["percent"], last=rows[-1]["percent"], points=change["points"])
    table = (
        '<table><thead><tr><th>Taken on</th><th class="n">day</th><th class="n">score</th>'
        f'<th class="n">percent</th></tr></thead><tbody>{body}</tbody></table>'
        if rows
        else ""
    )
    change = summary["who5_change"]
    change_num = (
        f"<span hidden>{_num('who5_change.points', change['points'])}</span>" if change else ""
    )
    return (
        '<section id="who5"><h2>Wellbeing (WHO-5)</h2>'
        f"{chart}{table}<p>{escape(text)}{change_num}</p>"
        f'<p class="note">{escape(say("report_who5_credit"))}</p></section>'
    )


def _wins(summary: dict) -> str:
    wins = summary["accomplishments"]
    if not wins:
        return (
            '<section id="wins"><h2>Wins and accomplishments</h2>'
            f'<p class="quiet">{escape(say("report_no_wins"))}</p></section>'
        )
    items = "".join(
        f'<li><span class="when">{_date(f"accomplishments.{i}.date", w["date"])}'
        f" · day {_num(f'accomplishments.{i}.day', w['day'])}</span>"
        f"{escape(w['win'])}</li>"
        for i, w in enumerate(wins)
    )
    return (
        '<section id="wins"><h2>Wins and accomplishments</h2>'
        f'<p>You wrote down <span data-summary-key="accomplishments.count">{len(wins)}</span> '
        f'win{"s" if len(wins) != 1 else ""}.</p><ul class="wins dated">{items}</ul></section>'
    )


def _reflection(summary: dict) -> str:
    decision = summary["decision"]
    body = (
        _facts(decision) + _gate(decision)
        if decision
        else f'<p class="quiet">{escape(say("report_no_decision"))}</p>'
    )
    reunion = summary["reunion"]
    reunion_html = f"<h3>The reunion</h3>{_facts(reunion)}" if reunion else ""
    return (
        '<section id="reflection"><h2>The day-30 reflection and the decision</h2>'
        f"{body}{reunion_html}</section>"
    )


def _gate(decision: dict) -> str:
    """What the day-30 gate made of the answers, when all four were given."""
    from . import rules

    try:
        answers = rules.GateAnswers(
            want_restart=bool(decision["want_restart"]),
            conviction=int(decision["conviction"]),
            keep_growing=bool(decision["keep_growing"]),
            felt_safe=bool(decision["felt_safe"]),
        )
    except (KeyError, TypeError, ValueError):
        return ""
    result = rules.reunion_gate(answers)
    if result.open:
        texts = [say("gate_open")]
    else:
        texts = [say(r, conviction=answers.conviction) for r in result.reasons]
    return "".join(f"<p>{escape(t)}</p>" for t in texts)


def _closing(summary: dict) -> str:
    p = summary["programme"]
    if summary["checkins"]:
        parts = [say("report_closing", checkins=summary["checkins"])]
    else:
        parts = [say("report_closing_first_day")]
    outcome = str((summary["reunion"] or {}).get("outcome", "")).strip().lower()
    if outcome in ("yes", "no", "not yet"):
        parts.append(say(f"report_closing_{outcome.replace(' ', '_')}", partner=p["partner"]))
    parts.append(say("report_closing_keep_going"))
    paragraphs = "".join(f"<p>{escape(t)}</p>" for t in parts)
    low = f'<div class="help">{escape(say("low_mood"))}</div>' if summary["low_mood_prompt"] else ""
    return (
        '<section id="closing" class="new-page closing"><h2>To close</h2>'
        f"{paragraphs}{low}"
        f'<div class="help">{escape(say("help_resources"))}</div>'
        f'<p class="signoff">{escape(say("report_signoff"))}</p>'
        f"<footer>{escape(say('report_footer', today=_day(p['today'])))}</footer></section>"
    )


# --- the public API --------------------------------------------------------------------------


def render_html(snapshot: Snapshot, today: date) -> str:
    """The whole report as one self-contained HTML page (plotly.js embedded once, no URLs)."""
    summary = build_summary(snapshot, today)
    css = resources.files("workbook").joinpath("assets", "report.css").read_text(encoding="utf-8")
    if summary["programme"] is None:
        body = f"<header><h1>Your reflection report</h1><p>{escape(say('no_plan'))}</p></header>"
        plotly_js = ""
    else:
        from plotly.offline import get_plotlyjs

        blocks = _chart_blocks(snapshot, today, summary)
        body = (
            _cover(summary)
            + _numbers(summary)
            + _charts(snapshot, today, blocks)
            + _who5(summary, blocks.get("who5", ""))
            + _wins(summary)
            + _reflection(summary)
            + _closing(summary)
        )
        plotly_js = f"<script>{get_plotlyjs()}</script>" if summary["checkins"] else ""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>Reflection report — {escape(today.isoformat())}</title>"
        f"<style>{css}</style>{plotly_js}</head>"
        f"<body><main>{body}</main></body></html>"
    )


def _route_offline(route) -> None:
    if route.request.url.startswith(("file:", "data:", "blob:", "about:")):
        route.continue_()
    else:
        route.abort()


def _print(browser, html: str, path: Path, paper: str) -> None:
    page = browser.new_page()
    try:
        page.route("**/*", _route_offline)
        page.set_content(html, wait_until="load")
        # Every chart drawn before printing (plotly draws on load; this waits for the last one).
        page.wait_for_function(
            "Array.from(document.querySelectorAll('.chart .plotly-graph-div'))"
            ".every(d => d.classList.contains('js-plotly-plot') && d.querySelector('svg.main-svg'))",
            timeout=60_000,
        )
        page.emulate_media(media="print")
        page.pdf(
            path=str(path),
            format=paper,
            print_background=True,
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=FOOTER,
            margin={"top": "15mm", "bottom": "17mm", "left": "15mm", "right": "15mm"},
        )
    finally:
        page.close()


def _pdf_here(html: str, path: Path, paper: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            _print(browser, html, path, paper)
        finally:
            browser.close()


def render_pdf(html: str, path, paper: str = "A4", browser=None) -> Path:
    """Print the HTML report to a PDF with headless Chromium, every network request refused."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {PAPERS}")
    path = Path(path)
    if browser is not None:
        _print(browser, html, path, paper)
    else:
        try:
            asyncio.get_running_loop()
            in_loop = True
        except RuntimeError:
            in_loop = False
        if in_loop:  # Jupyter runs an event loop; Playwright's sync API needs a thread without one
            with ThreadPoolExecutor(1) as pool:
                pool.submit(_pdf_here, html, path, paper).result()
        else:
            _pdf_here(html, path, paper)
    os.chmod(path, 0o600)
    return path


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
) -> Path:
    """Write the report as html, pdf or json; returns where it went (0600).

    Into `reports/` under a name not yet taken when no `output` is given; else see
    `output_files.target_path` (an existing file is replaced only with `force`).
    """
    from . import output_files

    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    default = default_output(data_dir, today, fmt)
    if output is None:
        ensure_private_dir(Path(data_dir))
        path = output_files.free_path(ensure_private_dir(default.parent), default.name)
    else:
        path = output_files.target_path(output, default.name, force)
    if fmt == "json":
        text = json.dumps(build_summary(snapshot, today), indent=2, ensure_ascii=False) + "\n"
        output_files.write_atomically(path, text.encode("utf-8"), force)
    elif fmt == "html":
        output_files.write_atomically(path, render_html(snapshot, today).encode("utf-8"), force)
    else:
        html = render_html(snapshot, today)
        output_files.write_with(path, lambda part: render_pdf(html, part, paper=paper), force)
    return path
