"""The reflection report: offline HTML in real Chromium, a real PDF, and numbers that agree."""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import TODAY
from workbook.core.model import Checkin, Goal, Plan, Who5
from workbook.numbers import build
from workbook.store import Store
from workbook.store.demo import fill_demo
from workbook.views import report
from workbook.views.charts import FIGURE_KEYS


def build_summary(snapshot, today) -> dict:
    return build(snapshot, today).summary()


XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = "<img src=x onerror=window.__xss_img=1>"
# The demo's page counts: fixed chart sizes keep them from drifting (see report.chart_data.CHART_HEIGHT).
# The demo month: two charts with their words to a page (was 8 pages, charts one and a half to one).
EXPECTED_PAGES = {"A4": 7, "Letter": 7}

# --- fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_snapshot(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("demo")) as store:
        fill_demo(store, today=TODAY)
        return store.snapshot()


@pytest.fixture(scope="module")
def hostile_snapshot(tmp_path_factory):
    """A workbook whose every typed text tries to run a script."""
    start = TODAY - timedelta(days=29)
    with Store(tmp_path_factory.mktemp("hostile")) as store:
        store.save_plan(
            Plan(
                start_date=start,
                name=XSS_IMG,
                partner=XSS_SCRIPT,
                pronoun="they",
                why=XSS_SCRIPT + " and " + XSS_IMG,
                goals=(Goal(XSS_SCRIPT, 3), Goal("Gym", 7)),
            )
        )
        store.save_checkins(
            [
                Checkin(
                    date=start + timedelta(days=n),
                    mood=3 + n % 6,
                    urge=n % 10,
                    trigger=XSS_IMG if n % 2 else XSS_SCRIPT,
                    slip=XSS_IMG if n == 4 else None,
                    slip_by="me" if n == 4 else None,
                    goals=((XSS_SCRIPT, 30),) if n % 2 else (("Gym", 20),),
                    win=XSS_SCRIPT if n % 3 == 0 else (XSS_IMG if n % 3 == 1 else ""),
                    note=XSS_SCRIPT,
                    gratitude=XSS_IMG,
                    emotions=(XSS_SCRIPT,),
                )
                for n in range(30)
                if n != 8
            ]
        )
        store.save_who5(Who5(start - timedelta(days=1), (2, 2, 2, 2, 2)))
        store.save_who5(Who5(TODAY, (4, 4, 3, 3, 4)))
        store.save_record(
            "reflection",
            TODAY,
            {"better_version": XSS_SCRIPT, "discovered": XSS_IMG, "want_restart": False},
        )
        store.save_record("reunion", TODAY, {"outcome": "no", "notes": XSS_IMG})
        return store.snapshot()


def _open_offline(browser, path: Path):
    """Open a report with every non-file request refused and recorded."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    refused, requested, dialogs = [], [], []
    page.on("request", lambda r: requested.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    def route(r):
        if r.request.url.startswith(("file:", "data:", "blob:")):
            r.continue_()
        else:
            refused.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri(), wait_until="load")
    return page, refused, requested, dialogs


# Each chart is plotly.js's own drawing, kept as an SVG picture: its traces and marks are there
# the moment the page has loaded, with no script to run.
CHART_MARKS = """() => Array.from(document.querySelectorAll('.chart .plotly-graph-div')).map(d => ({
    id: d.id,
    traces: d.querySelectorAll('svg.main-svg .trace, svg.main-svg .hm').length,
    marks: d.querySelectorAll(
      'svg.main-svg .trace path, svg.main-svg .point, svg.main-svg .hm image, svg.main-svg .bars path'
    ).length,
}))"""


# --- the HTML in Chromium, offline -----------------------------------------------------------


def test_html_opens_offline_with_every_chart_drawn(browser, demo_snapshot, tmp_path):
    path = report.write_report(demo_snapshot, TODAY, "html", tmp_path / "r.html", tmp_path)
    page, refused, requested, _ = _open_offline(browser, path)
    charts = page.evaluate(CHART_MARKS)
    page.close()
    assert refused == []
    assert requested == [path.as_uri()]  # nothing but the file itself, not even a font
    assert [c["id"] for c in charts] == [f"chart-{k}" for k in FIGURE_KEYS]
    for chart in charts:
        assert chart["traces"] > 0 and chart["marks"] > 0, chart
    ours = path.read_text(encoding="utf-8")
    assert "<script" not in ours  # no plotly.js, nothing to run: the charts are pictures
    assert len(ours.encode("utf-8")) < 2**20  # opens at once: under 1 MB
    assert "http://" not in ours and "https://" not in ours
    assert " src=" not in ours and " href=" not in ours


def test_user_text_never_runs_and_shows_as_text(browser, hostile_snapshot, tmp_path):
    path = report.write_report(hostile_snapshot, TODAY, "html", None, tmp_path / "data")
    page, refused, requested, dialogs = _open_offline(browser, path)
    ran = page.evaluate("() => [window.__xss, window.__xss_img]")
    body = page.inner_text("body")
    charts = page.evaluate(CHART_MARKS)
    page.close()
    assert ran == [None, None] and dialogs == []
    assert refused == [] and requested == [path.as_uri()]
    assert XSS_SCRIPT in body and XSS_IMG in body  # the partner, the why, wins, reflection
    assert f"Your reflection report, {XSS_IMG}" in body
    assert f"{XSS_SCRIPT} said no." in body  # the reunion outcome, in the closing words
    assert body.index("Am I a better version of myself?") < body.index("What I discovered")
    assert all(c["marks"] > 0 for c in charts)
    # Written privately where the data lives.
    assert path == tmp_path / "data" / "reports" / f"reflection-{TODAY}.html"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


# --- the PDF ---------------------------------------------------------------------------------


def _pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def _ink(pgm: Path) -> float:
    """Share of pixels that are not white in a binary PGM."""
    data = pgm.read_bytes()
    parts = data.split(maxsplit=4)  # P5, width, height, maxval, pixels
    width, height = int(parts[1]), int(parts[2])
    pixels = parts[4][: width * height]
    return sum(1 for b in pixels if b < 240) / len(pixels)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_pdf_has_the_expected_pages_and_ink(browser, demo_snapshot, tmp_path, paper):
    for tool in ("pdfinfo", "pdftoppm"):
        if not shutil.which(tool):
            pytest.fail(f"{tool} is missing: install poppler-utils (make test does)")
    html = report.render_html(demo_snapshot, TODAY)
    pdf = report.render_pdf(html, tmp_path / f"r-{paper}.pdf", paper=paper, browser=browser)
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    assert _pages(pdf) == EXPECTED_PAGES[paper]
    # Page 3 holds charts: turn it into a picture and check something is drawn on it.
    subprocess.run(
        ["pdftoppm", "-f", "3", "-l", "3", "-r", "40", "-png", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    png = next(tmp_path.glob("p-*.png"))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    subprocess.run(
        ["pdftoppm", "-f", "3", "-l", "3", "-r", "40", "-gray", str(pdf), str(tmp_path / "g")],
        check=True,
    )
    assert _ink(next(tmp_path.glob("g-*.pgm"))) > 0.02


# --- the numbers -----------------------------------------------------------------------------


class _SummaryKeys(HTMLParser):
    """data-summary-key → shown text (or the ISO date of a <time>)."""

    def __init__(self):
        super().__init__()
        self.found: dict[str, list[str]] = {}
        self._open: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "data-summary-key" in attrs:
            self._open.append((attrs["data-summary-key"], attrs.get("datetime")))
            self._text = ""

    def handle_data(self, data):
        if self._open:
            self._text += data

    def handle_endtag(self, tag):
        if self._open and tag in ("span", "time"):
            key, when = self._open.pop()
            self.found.setdefault(key, []).append(when if when is not None else self._text.strip())


def _lookup(summary: dict, key: str):
    value = summary
    for part in key.split("."):
        if part == "count":
            return len(value)
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


def test_json_and_html_numbers_agree_on_the_demo(demo_snapshot, run_cli, demo_dir):
    summary = json.loads(
        run_cli("report", "--format", "json", "--data-dir", demo_dir, "--today", TODAY).out
    )
    assert summary == json.loads(json.dumps(build_summary(demo_snapshot, TODAY)))
    parser = _SummaryKeys()
    parser.feed(report.render_html(demo_snapshot, TODAY))
    shown = parser.found
    required = {
        "programme.start_date",
        "programme.days",
        "programme.day",
        "checkins",
        "mood.mean",
        "mood.trend_per_week",
        "streaks.checkin_current",
        "streaks.checkin_best",
        "streaks.no_contact_current",
        "streaks.no_contact_best",
        "who5_change.points",
        "accomplishments.count",
    }
    for i in range(len(summary["goals"])):
        required |= {f"goals.{i}.{k}" for k in ("days_done", "minutes", "strength")}
    for i in range(len(summary["who5"])):
        required |= {f"who5.{i}.{k}" for k in ("date", "raw", "percent")}
    assert required <= set(shown), required - set(shown)
    for key, texts in shown.items():
        value = _lookup(summary, key)
        for text in texts:
            if isinstance(value, str):
                assert text == value, key
            else:
                assert float(text) == pytest.approx(value), key
    assert len(summary["goals"]) == 4 and len(summary["who5"]) == 3


# --- kind edges ------------------------------------------------------------------------------


def test_a_report_before_day_30_says_which_day_it_covers(demo_snapshot):
    start = demo_snapshot.plan.start_date
    day12 = start + timedelta(days=11)
    html = report.render_html(demo_snapshot, day12)
    summary = build_summary(demo_snapshot, day12)
    assert summary["programme"]["day"] == 12
    assert 'data-covers-day="12"' in html
    assert "This report covers day 12 of 30" in html
    assert f'data-summary-key="checkins">{summary["checkins"]}<' in html
    assert summary["checkins"] < build_summary(demo_snapshot, TODAY)["checkins"]
    assert "12 days for yourself" in html and "30 days for yourself" not in html


def test_the_reports_days_come_from_the_day(demo_snapshot):
    start = demo_snapshot.plan.start_date
    assert "30 days for yourself" in report.render_html(demo_snapshot, TODAY)
    assert "30 days for yourself" in report.render_html(demo_snapshot, TODAY + timedelta(days=3))
    assert "1 day for yourself" in report.render_html(demo_snapshot, start)


def test_an_empty_workbook_still_renders_kindly(tmp_path, run_cli):
    run_cli("plan", "--start", "2026-11-20", "--partner", "Robin", "--data-dir", tmp_path / "d")
    with Store(tmp_path / "d") as store:
        snapshot = store.snapshot()
    html = report.render_html(snapshot, TODAY)
    assert "No check-ins yet" in html
    assert "Your charts will appear here after your first check-in." in html
    assert "during a break from <bdi>Robin</bdi>" in html
    assert 'id="closing"' in html
    assert "Plotly" not in html  # nothing to draw, so plotly.js is left out
    assert "http://" not in html and "https://" not in html


def test_the_command_line_writes_a_private_html_report(demo_dir, run_cli, tmp_path):
    result = run_cli("report", "--format", "html", "--data-dir", demo_dir, "--today", TODAY)
    assert result.code == 0, result.err
    path = demo_dir / "reports" / f"reflection-{TODAY}.html"
    assert str(path) in result.out
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "<!DOCTYPE html>" in path.read_text(encoding="utf-8")[:20]


# --- the 07_report page ----------------------------------------------------------------------


def test_the_buttons_write_each_format_and_say_where(demo_dir):
    from workbook.pages.report import ReportController, ReportView

    view = ReportView(ReportController(demo_dir, TODAY))
    view.buttons["json"].click()
    path = demo_dir / "reports" / f"reflection-{TODAY}.json"
    assert json.loads(path.read_text(encoding="utf-8"))["checkins"] == 29
    assert str(path) in view.result.value and "workbook-success" in view.result.value
    view.buttons["html"].click()
    assert (demo_dir / "reports" / f"reflection-{TODAY}.html").exists()
    assert not any(b.disabled for b in view.buttons.values())
    outcome = view.controller.on_export("docx")
    assert not outcome.ok and "html, pdf or json" in outcome.message


def test_the_buttons_are_kind_without_a_plan(tmp_path):
    from workbook.pages.report import ReportController, ReportView

    view = ReportView(ReportController(tmp_path / "empty", TODAY))
    outcome = view.on_export("html")
    assert not outcome.ok and "no plan yet" in outcome.message
    assert "workbook-error" in view.result.value
    assert not (tmp_path / "empty" / "reports").exists()


@pytest.mark.slow
def test_the_notebook_writes_a_pdf_headlessly(demo_dir, tmp_path):
    import papermill

    out = tmp_path / "07.ipynb"
    executed = papermill.execute_notebook(
        str(Path(__file__).resolve().parent.parent / "notebooks" / "07_report.ipynb"),
        str(out),
        parameters={"data_dir": str(demo_dir), "today": TODAY.isoformat(), "format": "pdf"},
        kernel_name="python3",
        progress_bar=False,
    )
    pdf = demo_dir / "reports" / f"reflection-{TODAY}.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert _pages(pdf) == EXPECTED_PAGES["A4"]
    shown = json.dumps([c.get("outputs", []) for c in executed.cells])
    assert "Your report is ready" in shown and "Traceback" not in shown


def test_the_report_says_the_mood_trend_in_the_mood_charts_own_sentence(demo_snapshot):
    """The trend's direction is read from the numbers and worded once, by the chart's words."""
    from markupsafe import escape

    from workbook.core.messages import MESSAGES
    from workbook.views.chart_words import words_for

    numbers = build(demo_snapshot, TODAY)
    sentence = words_for(numbers)["mood"].sentence
    body = report.render_html(demo_snapshot, TODAY)
    numbers_section = body.split('<section id="numbers">')[1].split("</section>")[0]
    assert f"<p>{escape(sentence)}</p>" in numbers_section
    key = {"up": "words_mood_rose", "down": "words_mood_fell", "level": "words_mood_level"}
    assert sentence.startswith(MESSAGES[key[numbers.mood_trend.direction]].split("{")[0])
