"""The code-free app (`workbook app`, Voilà): words, widgets and charts, no code, nothing fetched."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from pages import (
    SCREENSHOTS,
    assert_charts_in_words,
    assert_every_chart_drawn,
    assert_file_link_opens,
    assert_full_checkin,
    assert_links_stay_in_the_tab,
    assert_voila_read_while_the_cells_come,
    click_button,
    correct_day,
    expected_charts,
    fill_every_checkin_field,
    open_in_app,
    open_plan_form,
    pause_and_retire_own_goals,
    picture_size,
    save_picture,
    save_two_own_goals,
    saved_message,
    walk_the_date_box,
)
from playwright.sync_api import expect

from workbook.core import clock
from workbook.core.messages import date_words, say
from workbook.core.records import SAFETY_ANSWERS
from workbook.pages.nav import STAGES
from workbook.pages.safety import safety_answer
from workbook.store import Store

# Under `pytest -n 2` each worker starts the servers its own tests ask for, once per session.
pytestmark = pytest.mark.browser


def test_the_app_lists_every_stage_in_order(watched, app):
    page = watched.page
    page.goto(app.url("voila/tree"))
    names = page.get_by_text(re.compile(r"^\d\d_\w+\.ipynb$"))
    expect(names).to_have_count(len(STAGES))
    assert names.all_inner_texts() == [f"{stage}.ipynb" for stage in STAGES]


def test_daily_checkin_in_the_app_saves_and_corrects(watched, app):
    page = watched.page
    today = clock.today()
    yesterday = today - timedelta(days=1)
    with Store(app.data_dir) as store:
        revisions_before = len(store.checkin_history(yesterday))

    open_in_app(page, app, "02_daily_checkin", ready="Save")
    # Words and widgets, and not a line of code.
    expect(page.locator(".jp-CodeCell .jp-InputArea, .cm-editor")).to_have_count(0)
    expect(page.get_by_text(re.compile(r"import|checkin\.show\("))).to_have_count(0)
    fill_every_checkin_field(page)
    click_button(page, "Save")
    saved_message(
        page, re.compile(rf"(Saved your check-in for|Corrected) {re.escape(date_words(today))}")
    )
    with Store(app.data_dir) as store:
        assert_full_checkin(store.checkin_on(today))

    correct_day(page, yesterday, mood=2, note="Looking back, it was a harder day.")
    with Store(app.data_dir) as store:
        history = store.checkin_history(yesterday)
    assert len(history) == revisions_before + 1
    assert history[-1].mood == 2 and history[-1].note == "Looking back, it was a harder day."


def test_progress_in_the_app_draws_every_chart(watched, showcase):
    page = watched.page
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    count = expected_charts(showcase.data_dir, clock.today())
    assert count >= 3
    picture_size(page, 1250)
    open_in_app(page, showcase, "03_progress")
    assert_every_chart_drawn(page, count)
    assert_charts_in_words(page, showcase.data_dir, clock.today())
    # Each chart fills the box kept for it while plotly.js came: nothing on the page jumped.
    boxes = page.locator(".workbook-chart")
    expect(boxes).to_have_count(count)
    expect(page.locator(".workbook-chart[aria-busy='true']")).to_have_count(0)
    for box in boxes.all():
        kept, empty, drawn = box.evaluate(
            """b => {
                const plot = b.firstElementChild, drawn = b.getBoundingClientRect().height;
                plot.style.display = 'none';  // the box alone, as before plotly.js came
                const empty = b.getBoundingClientRect().height;
                plot.style.display = '';
                return [parseFloat(b.style.minHeight), empty, drawn];
            }"""
        )
        assert abs(empty - kept) <= 1 and abs(drawn - kept) <= 1, (kept, empty, drawn)
    # plotly.js from the plotly package, not the 4.7 MB renderer extension the page would wait for.
    assert any("/workbook/plotly.min.js" in url for url in asked)
    assert not any("labextensions/jupyterlab-plotly" in url for url in asked)
    save_picture(page, SCREENSHOTS / "progress.png")


def test_pictures_of_the_daily_and_reflection_pages(watched, showcase):
    page = watched.page
    picture_size(page, 1150)
    open_in_app(page, showcase, "02_daily_checkin", ready="Save")
    expect(page.get_by_text("already holds a check-in")).to_be_visible()
    save_picture(page, SCREENSHOTS / "daily.png")
    picture_size(page, 1250)
    open_in_app(page, showcase, "04_day30_reflection", ready="Save my reflection")
    expect(page.get_by_text("Am I a better version of myself? How?")).to_be_visible()
    save_picture(page, SCREENSHOTS / "reflection.png")


def test_each_stage_links_on_to_the_next_in_the_same_tab_in_the_app(watched, showcase):
    page = watched.page
    open_in_app(page, showcase, "01_the_break")  # a page whose kernel starts when asked for
    assert_links_stay_in_the_tab(page)
    assert_voila_read_while_the_cells_come(page, cold=True)
    page.get_by_role("link", name="Next: Today’s check-in →").click()
    expect(page).to_have_url(re.compile(r"/voila/render/02_daily_checkin\.ipynb$"))
    expect(page.locator("button.widget-button", has_text="Save").first).to_be_visible()
    assert_voila_read_while_the_cells_come(page, cold=False)  # and a page kept ready
    page.get_by_role("link", name="← Back: The break").click()
    expect(page).to_have_url(re.compile(r"/voila/render/01_the_break\.ipynb$"))
    assert len(page.context.pages) == 1  # no tab left behind


def test_the_start_page_reaches_every_stage_in_one_click_in_the_app(watched, showcase):
    page = watched.page
    open_in_app(page, showcase, "00_start_here")
    stage_map = page.locator("nav.workbook-stage-map")
    links = stage_map.locator("a.workbook-stage-link")
    expect(links).to_have_count(len(STAGES))
    addresses = links.evaluate_all("links => links.map(a => [a.href, a.target])")
    assert addresses == [
        [f"{showcase.base}/voila/render/{stage}.ipynb", "_self"] for stage in STAGES
    ]
    expect(stage_map).to_contain_text("✓ done")  # the demo month: its plan is saved
    stage_map.get_by_role("link", name="Your report").click()
    expect(page).to_have_url(re.compile(r"/voila/render/07_report\.ipynb$"))
    expect(page.locator("button.widget-button", has_text="PDF")).to_be_visible()
    assert len(page.context.pages) == 1


def test_a_report_and_an_export_open_from_their_links_in_the_app(watched, app):
    page = watched.page
    open_in_app(page, app, "07_report", ready="PDF")
    click_button(page, "PDF")
    saved_message(page, "Your report is ready")
    report = max((app.data_dir / "reports").glob("*.pdf"), key=lambda p: p.stat().st_mtime)
    assert_file_link_opens(page, app, report)
    click_button(page, "Export everything")
    saved_message(page, "Your workbook is exported")
    export = max((app.data_dir / "exports").glob("*.json"), key=lambda p: p.stat().st_mtime)
    assert_file_link_opens(page, app, export)
    assert oct(export.stat().st_mode & 0o777) == "0o600"  # where it was written, owner-only


def test_the_guard_refuses_and_reports_any_request_to_the_internet(watched, showcase):
    page = watched.page
    page.goto(showcase.url("voila/tree"))
    page.evaluate("fetch('https://cdn.jsdelivr.net/npm/anything.js').catch(() => null)")
    page.wait_for_timeout(500)
    assert watched.outside == ["https://cdn.jsdelivr.net/npm/anything.js"]
    watched.outside.clear()  # seen and refused: this test's page may now close cleanly


def test_the_date_box_changed_three_times_shows_and_saves_each_days_own_values(watched, app):
    """The bug a person met in JupyterLab: from the second change of the date on, the form kept
    the earlier day's words and a Save wrote them onto the picked day."""
    page = watched.page
    open_in_app(page, app, "02_daily_checkin", ready="Save")
    walk_the_date_box(page, app.data_dir, clock.today())


def test_own_goals_set_on_the_start_page_then_paused_and_retired_on_keep_going(
    watched, app, browser
):
    """Two goals of one's own on the start page, one paused and one retired by clicks on keep
    going: the list says so at once, and the store and the summary count their active days."""
    from workbook.numbers import build
    from workbook.numbers.summary import summary_json

    page = watched.page
    open_in_app(page, app, "00_start_here", ready="Change my plan")
    open_plan_form(page)
    save_two_own_goals(page, page)

    open_in_app(page, app, "06_keep_going", ready="Retire")
    pause_and_retire_own_goals(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "keep-going-paused-retired-laptop.png"), full_page=True)
    phone = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="en-GB"
    ).new_page()
    open_in_app(phone, app, "06_keep_going", ready="Retire")
    expect(phone.get_by_text("Choir (paused)")).to_be_visible()
    phone.screenshot(path=str(SHOTS / "keep-going-paused-retired-phone.png"), full_page=True)
    phone.locator("button.widget-button", has_text="Bring back").scroll_into_view_if_needed()
    phone.screenshot(path=str(SHOTS / "keep-going-change-a-goal-phone.png"))
    phone.context.close()

    with Store(app.data_dir) as store:
        numbers = build(store.snapshot(), clock.today())
    goals = {g["name"]: g for g in summary_json(numbers)["goals"]}
    assert goals["Choir"]["state"] == "paused" and goals["Evening class"]["state"] == "retired"
    assert goals["Choir"]["changes"][-1]["date"] == clock.today().isoformat()


SHOTS = Path("/tmp/shots/goals-words")


def test_the_private_question_saves_and_comes_back_with_its_answer_in_the_app(watched, app):
    """The start page's private question is built before the page is asked for (pages/start.py):
    answered and saved, the answer is the workbook's; asked for again, the page shows it."""
    page = watched.page
    question = "xpath=//div[contains(@class,'widget-vbox')][./button[normalize-space()={}]]"
    question = question.format(repr(say("safety_save")))
    answers = dict(zip(SAFETY_ANSWERS, say("safety_answers").split("|"), strict=True))

    def answer(code: str, saved: str) -> None:
        box = page.locator(question)
        box.get_by_role("button", name=answers[code], exact=True).click()
        click_button(box, say("safety_save"))
        saved_message(box, saved)
        with Store(app.data_dir) as store:
            assert safety_answer(store).answer == code

    open_in_app(page, app, "00_start_here", ready=say("safety_save"))
    answer("not sure", say("safety_saved_concern", partner="").split(".")[0])
    expect(page.locator(question).get_by_text(say("abuse_help_title"))).to_be_visible()

    open_in_app(page, app, "00_start_here", ready=say("safety_save"))
    box = page.locator(question)
    expect(box.locator("button.mod-active")).to_have_text(answers["not sure"])
    expect(box.get_by_text(say("abuse_help_title"))).to_be_visible()
    answer("no", say("safety_saved_ok"))  # as the other tests on this app expect it


def test_a_saved_plan_shows_in_a_sentence_with_its_form_a_click_away_in_the_app(watched, app):
    """A person coming back sees their plan in words and "Change my plan"; a click shows the
    form, holding what they saved, with the keyboard in its first field."""
    page = watched.page
    with Store(app.data_dir) as store:
        plan = store.plan()
    open_in_app(page, app, "00_start_here", ready=say("start_change_plan"))
    expect(page.get_by_text("You already have a plan")).to_be_visible()
    expect(page.locator("button.widget-button", has_text=say("start_save"))).to_have_count(0)
    expect(page.get_by_role("textbox", name=say("start_label_partner"))).to_have_count(0)

    open_plan_form(page)
    expect(page.get_by_role("textbox", name=say("start_label_partner"))).to_have_value(plan.partner)
    expect(page.get_by_role("textbox", name=say("start_label_name"))).to_be_focused()
    change = page.locator("button.widget-button", has_text=say("start_change_plan"))
    expect(change).to_be_hidden()
