"""Markup typed into every free-text field shows as text on every page and never runs; dollar signs
show as typed, never set as mathematics.

One workbook where each field a person can type holds a different piece of markup; every stage
page is opened in the code-free app (and the start page in JupyterLab, where the partner's name
once ran as script). Each payload would set `window.__xss` if it ever ran.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from conftest import Server
from pages import open_in_app, open_in_lab
from playwright.sync_api import expect

from workbook.core import clock
from workbook.core.model import Checkin, Goal, Plan, Who5
from workbook.core.records import BreakAgreement, GateAnswers, ReunionOutcome
from workbook.numbers.gate import decide
from workbook.pages.nav import STAGES
from workbook.store import Store

pytestmark = pytest.mark.browser


def payload(n: int, where: str) -> str:
    """Three ways markup could run and two sums of money MathJax would set as mathematics, numbered
    so a failure says which field let it through."""
    return (
        f"${n}0 and ${n}1 "
        f'<img src=x onerror="window.__xss={n}"><script>window.__xss={n}</script>'
        f'"><svg onload="window.__xss={n}"> {where}'
    )


FIELDS = ["name", "partner", "pronoun", "why", "goal", "emotion", "slip", "trigger", "win",
          "note", "gratitude", "better_version", "accomplished", "discovered", "decision",
          "script", "talking_point"]  # fmt: skip
TEXT = {field: payload(i + 1, field) for i, field in enumerate(FIELDS)}


def fill_hostile(path, today: date) -> None:
    start = today - timedelta(days=29)
    goal = TEXT["goal"][:200]
    with Store(path) as store:
        store.save_plan(
            Plan(
                start_date=start,
                name=TEXT["name"][:200],
                partner=TEXT["partner"][:200],
                pronoun=TEXT["pronoun"][:40],
                why=TEXT["why"],
                goals=(Goal(goal, 3),),
            )
        )
        for n in range(30):
            store.save_checkin(
                Checkin(
                    start + timedelta(days=n),
                    mood=3 + n % 6,
                    emotions=(TEXT["emotion"][:60],),
                    slip=TEXT["slip"] if n == 5 else None,
                    urge=n % 10,
                    trigger=TEXT["trigger"],
                    goals=((goal, 30),) if n % 2 else (),
                    win=TEXT["win"],
                    note=TEXT["note"],
                    gratitude=TEXT["gratitude"],
                )
            )
        store.save_who5(Who5(start - timedelta(days=1), (2, 2, 2, 2, 2)))
        store.save_who5(Who5(today, (4, 4, 4, 4, 4)))
        agreement = BreakAgreement("agreed", True, False, start)
        store.save_record(agreement.KIND, start, agreement.to_stored())
        texts = {key: TEXT[key] for key in ("better_version", "accomplished", "discovered")}
        reflection = decide(GateAnswers(True, 10, True, True), texts, TEXT["decision"])
        store.save_record(reflection.KIND, today, reflection.to_stored())
        reunion = ReunionOutcome("not yet", TEXT["script"], (TEXT["talking_point"],))
        store.save_record(reunion.KIND, today, reunion.to_stored())


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory):
    home = tmp_path_factory.mktemp("hostile")
    fill_hostile(home / "data", clock.today())
    return home


@pytest.fixture(scope="module")
def hostile_app(hostile_data):
    server = Server("app", hostile_data / "data", hostile_data)
    yield server
    server.stop()


def assert_nothing_ran(page) -> None:
    """No markup ran, and no words were set as mathematics (MathJax's output is `mjx-container`)."""
    page.wait_for_load_state(
        "networkidle"
    )  # MathJax, were it used, is fetched as it first typesets
    page.wait_for_timeout(500)  # any onload or onerror would have fired by now, any typesetting too
    assert page.evaluate("window.__xss") is None
    expect(page.locator('img[src="x"]')).to_have_count(0)
    assert page.locator("script", has_text="window.__xss").count() == 0
    expect(page.locator("mjx-container")).to_have_count(0)


@pytest.mark.parametrize("stage", STAGES)
def test_markup_in_every_field_is_text_in_the_app(watched, hostile_app, stage):
    page = watched.page
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_in_app(page, hostile_app, stage)
    assert_nothing_ran(page)
    assert not dialogs
    body = page.locator("body").inner_text()
    if stage in ("00_start_here", "05_reunion"):
        # The partner's name is shown, as the characters typed.
        assert "partner" in body and "<img src=x" in body and "$20 and $21" in body


def test_the_partners_name_is_text_on_the_start_page_in_jupyterlab(watched, hostile_data):
    server = Server("lab", hostile_data / "data", hostile_data / "lab")
    try:
        page = watched.page
        open_in_lab(page, server, "00_start_here")
        assert_nothing_ran(page)
        body = page.locator("body").inner_text()
        assert "<img src=x" in body and "$20 and $21" in body
    finally:
        server.stop()
