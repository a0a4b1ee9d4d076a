"""Whatever a person types reaches the report, the message boxes and the cards as text, never markup.

Every free-text field of the plan, the check-ins and the stage records holds markup that would run
if it were ever placed unescaped; the report is parsed for any element it could have made, and
opened in Chromium, where no dialog may open. Each field carries its own name, so a failure says
which field leaked.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest

from tests.conftest import TODAY
from workbook.core.model import Checkin, Goal, Plan, Who5
from workbook.store import Store
from workbook.views import report
from workbook.views.charts import FIGURE_KEYS
from workbook.views.html_pieces import low_mood_box, message_box, streak_cards
from workbook.views.templating import ENVIRONMENT

MARKUP = '<img src=x onerror=alert(1)><script>alert(2)</script>"><svg onload=alert(3)>{{7*7}}&amp;'
# Fields the report shows as words (the rest may be left out, but never as markup).
SHOWN = (
    "name",
    "partner",
    "pronoun",
    "why",
    "goal",
    "slip",
    "win",
    "better_version",
    "accomplished",
    "discovered",
    "decision",
    "script",
)


def hostile(field: str) -> str:
    return f"{field}:{MARKUP}"


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory):
    """A month in which every typed text is markup."""
    data_dir = tmp_path_factory.mktemp("hostile")
    start = TODAY - timedelta(days=29)
    goal = hostile("goal")
    with Store(data_dir) as store:
        store.save_plan(
            Plan(
                start_date=start,
                name=hostile("name"),
                partner=hostile("partner"),
                pronoun=hostile("pronoun"),
                why=hostile("why"),
                goals=(Goal(goal, 3), Goal("Gym", 7)),
            )
        )
        store.save_checkins(
            [
                Checkin(
                    date=start + timedelta(days=n),
                    mood=3 + n % 6,
                    urge=n % 10,
                    emotions=(hostile("emotion"),),
                    slip=hostile("slip") if n == 4 else None,
                    slip_by="me" if n == 4 else None,
                    trigger=hostile("trigger"),
                    goals=((goal, 30),) if n % 2 else (("Gym", 20),),
                    win=hostile("win") if n % 3 == 0 else "",
                    note=hostile("note"),
                    gratitude=hostile("gratitude"),
                )
                for n in range(30)
            ]
        )
        store.save_who5(Who5(start - timedelta(days=1), (1, 1, 1, 1, 1)))
        store.save_who5(Who5(TODAY, (4, 4, 3, 3, 4)))
        store.save_record(
            "break",
            start - timedelta(days=1),
            {
                "answer": hostile("answer"),
                "no_contact": True,
                "dating_allowed": False,
                "start_date": start.isoformat(),
            },
        )
        store.save_record(
            "reflection",
            TODAY,
            {
                "want_restart": True,
                "conviction": 7,
                "keep_growing": True,
                "felt_safe": True,
                "gate_open": False,
                "show_help": False,
                "gate_reasons": ["gate_low_conviction"],
                "decision": hostile("decision"),
                "better_version": hostile("better_version"),
                "accomplished": hostile("accomplished"),
                "discovered": hostile("discovered"),
            },
        )
        store.save_record(
            "reunion",
            TODAY,
            {
                "outcome": "no",
                "script": hostile("script"),
                "talking_points": [hostile("talking_point")],
            },
        )
    return data_dir


@pytest.fixture(scope="module")
def hostile_html(hostile_dir):
    with Store(hostile_dir) as store:
        return report.render_html(store.snapshot(), TODAY)


class _Elements(HTMLParser):
    """Every element with its attributes, every script's text, and the text between tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def _parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser


def _assert_only_our_markup(parsed: _Elements, charts: int = 0) -> None:
    """No handler anywhere, no element a typed word could have made; the only pictures are the
    `charts` SVG drawings of the report's own charts."""
    handlers = [
        (tag, name) for tag, attrs in parsed.elements for name in attrs if name.startswith("on")
    ]
    assert handlers == []
    tags = [tag for tag, _ in parsed.elements]
    assert tags.count("svg") == charts
    assert [attrs.get("role") for tag, attrs in parsed.elements if tag == "svg"] == ["img"] * charts
    made = set(tags) & {"img", "iframe", "object", "embed", "a", "foreignobject", "use"}
    assert made == set()


# --- the report ------------------------------------------------------------------------------


def test_every_typed_field_shows_in_the_report_as_text(hostile_html):
    parsed = _parse(hostile_html)
    # Each chart a static SVG picture, drawn from the figure; no script at all.
    _assert_only_our_markup(parsed, charts=len(FIGURE_KEYS))
    assert parsed.scripts == []
    text = "\n".join(parsed.text)
    for field in SHOWN:
        assert hostile(field) in text, field  # the very characters typed, "{{7*7}}" and "&amp;"
    # The gate's words, from the verdict stored with the reflection (a code, put into words).
    assert "Your conviction is 7 out of 10." in text
    escaped = "&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;"
    assert hostile_html.count(f"why:{escaped}") == 1
    assert "&amp;amp;" in hostile_html  # the "&amp;" typed, escaped once more


def test_the_report_runs_nothing_a_person_typed_in_chromium(hostile_html, tmp_path, browser):
    path = tmp_path / "hostile.html"
    path.write_text(hostile_html, encoding="utf-8")
    page = browser.new_page()
    try:
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.route(
            "**/*",
            lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort(),
        )
        page.goto(path.as_uri(), wait_until="load")
        found = page.evaluate(
            """() => ({
                img: document.querySelectorAll('img').length,
                strays: Array.from(document.querySelectorAll('svg'))
                    // the charts' own pictures, each in its chart's box
                    .filter(s => !s.closest('.plotly-graph-div'))
                    .map(s => s.outerHTML.slice(0, 200)),
                handlers: Array.from(document.querySelectorAll('*')).flatMap(e =>
                    Array.from(e.attributes).map(a => a.name)
                        .filter(n => n.startsWith('on'))),
                charts: document.querySelectorAll('.plotly-graph-div > svg[role=img]').length,
                body: document.body.innerText,
            })"""
        )
    finally:
        page.close()
    assert dialogs == []
    assert found["img"] == 0 and found["strays"] == [] and found["handlers"] == []
    assert found["charts"] == len(FIGURE_KEYS)  # the charts themselves are there
    assert f"Your reflection report, {hostile('name')}" in found["body"]


def test_the_report_loads_neither_ipython_nor_ipywidgets(demo_dir, tmp_path):
    # The whole `workbook report --format html` path, charts and all, in a fresh interpreter.
    code = (
        "import json, sys\n"
        "import workbook.views.report\n"
        "from workbook.cli import main\n"
        f"code = main(['report', '--format', 'html', '--data-dir', {str(demo_dir)!r},"
        f" '--today', {TODAY.isoformat()!r}, '--output', {str(tmp_path / 'r.html')!r}])\n"
        "print(json.dumps([code, sorted(sys.modules)]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    code, modules = json.loads(result.stdout.splitlines()[-1])
    assert code == 0 and (tmp_path / "r.html").exists()
    assert "plotly" in modules  # the probe looks at the right interpreter: charts were drawn
    loaded = {name.split(".")[0] for name in modules}
    assert loaded.isdisjoint({"IPython", "ipywidgets"}), sorted(loaded & {"IPython", "ipywidgets"})


# --- the shared pieces -----------------------------------------------------------------------


def test_every_part_of_a_message_box_is_text():
    box = message_box(
        [hostile("first"), hostile("second")],
        "error",
        lead=hostile("lead"),
        items=[
            hostile("item"),
            (hostile("item_lead"), hostile("item_text")),
            ("s", [hostile("sub")]),
        ],
        items_title=hostile("items_title"),
        after=hostile("after"),
    )
    parsed = _parse(box)
    _assert_only_our_markup(parsed)
    assert parsed.scripts == []
    text = "\n".join(parsed.text)
    for part in ("first", "second", "lead", "item", "item_lead", "item_text", "sub", "items_title"):
        assert hostile(part) in text, part
    assert hostile("after") in text
    assert box.startswith('<div class="workbook-error"')


def test_an_unknown_kind_falls_back_to_info_rather_than_into_the_class():
    assert message_box("hello", '"><script>').startswith('<div class="workbook-info"')


def test_streak_cards_and_the_help_box_are_our_words_and_numbers():
    cards = _parse(streak_cards(1, 2, 0, 24))
    assert cards.scripts == [] and [t for t in cards.text if t.strip()][:2] == ["1", "day"]
    assert low_mood_box(None) == ""
    assert "workbook-help" in low_mood_box("<b>low</b>")
    assert "&lt;b&gt;low" in low_mood_box("<b>low</b>")


def test_every_template_escapes_and_none_marks_text_safe():
    assert ENVIRONMENT.autoescape is True
    templates = Path(str(resources.files("workbook.views") / "templates"))
    names = sorted(p.name for p in templates.glob("*.html.j2"))
    assert {"report.html.j2", "message_box.html.j2", "streak_cards.html.j2"} <= set(names)
    for name in names:
        source = (templates / name).read_text(encoding="utf-8")
        assert "|safe" not in source.replace(" ", "") and "autoescape false" not in source, name
