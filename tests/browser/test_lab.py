"""The stage notebooks in JupyterLab, used as a person would, in headless Chromium."""

from __future__ import annotations

import json
import re
import urllib.request
from datetime import timedelta

import nbformat
import pytest
from pages import (
    OWN_GOAL_CHANGES,
    SCREENSHOTS,
    assert_charts_in_words,
    assert_every_chart_drawn,
    assert_file_link_opens,
    assert_full_checkin,
    assert_links_stay_in_the_tab,
    click_button,
    correct_day,
    expected_charts,
    field,
    fill,
    fill_every_checkin_field,
    open_in_lab,
    open_plan_form,
    pause_and_retire_own_goals,
    save_picture,
    save_two_own_goals,
    saved_message,
    set_slider,
    stage_panel,
    tick,
    toggle,
    walk_the_date_box,
    widgets_ready,
)
from playwright.sync_api import expect

from workbook.core import clock
from workbook.core.messages import date_words
from workbook.pages.forms import who5_labels
from workbook.pages.nav import STAGES
from workbook.store import Store
from workbook.store.paths import CHECKOUT

# Under `pytest -n 2` each worker starts the servers its own tests ask for, once per session.
pytestmark = pytest.mark.browser


def test_lab_opens_without_news_or_update_pop_ups(watched, lab):
    page = watched.page
    open_in_lab(page, lab, "00_start_here")
    page.wait_for_timeout(3000)  # the news question used to appear a moment after start-up
    expect(page.locator(".Toastify__toast")).to_have_count(0)
    expect(page.get_by_text(re.compile("Jupyter news", re.I))).to_have_count(0)
    expect(page.locator(".jp-Dialog")).to_have_count(0)  # no "Select Kernel" question either
    save_picture(page, SCREENSHOTS / "lab.png")  # for a person to look at; not in the README


def test_daily_checkin_saves_every_field_and_keeps_both_revisions(watched, lab):
    page = watched.page
    today = clock.today()
    yesterday = today - timedelta(days=1)
    with Store(lab.data_dir) as store:
        revisions_before = len(store.checkin_history(yesterday))
        original = store.checkin_on(yesterday)
    assert original is not None and original.mood != 2

    open_in_lab(page, lab, "02_daily_checkin", ready="Save")
    fill_every_checkin_field(page)
    click_button(page, "Save")
    saved_message(
        page, re.compile(rf"(Saved your check-in for|Corrected) {re.escape(date_words(today))}")
    )
    with Store(lab.data_dir) as store:
        assert_full_checkin(store.checkin_on(today))

    correct_day(page, yesterday, mood=2, note="Looking back, it was a harder day.")
    with Store(lab.data_dir) as store:
        history = store.checkin_history(yesterday)
    assert len(history) == revisions_before + 1
    assert history[-1].mood == 2 and history[-1].note == "Looking back, it was a harder day."
    assert (history[-2].mood, history[-2].note) == (original.mood, original.note)

    # The way on: the link at the end opens the next stage in JupyterLab, which runs by itself.
    page.get_by_role("link", name="Next: Your progress →").click()
    expect(page.locator("#jp-title-panel-title input")).to_have_value("03_progress.ipynb")
    expect(stage_panel(page, "03_progress")).to_have_attribute("data-workbook-ran", "true")
    expect(stage_panel(page, "03_progress").locator(".js-plotly-plot").first).to_be_visible()


def test_a_new_user_sets_up_a_plan_and_day_zero_wellbeing(watched, fresh_lab):
    page = watched.page
    today = clock.today()
    open_in_lab(page, fresh_lab, "00_start_here", ready="Save my plan")
    fill(field(page, "Your name (optional)"), "Robin")
    fill(field(page, "Their name"), "Sam")
    fill(field(page, "Their pronoun"), "she")
    fill(field(page, "The first day of the break"), today.isoformat())
    fill(field(page, "How many days"), "30")
    fill(field(page, "My why: why am I doing this?"), "To find my feet again")
    tick(page, "Exercise")
    tick(page, "Counselling")
    custom = page.locator(
        ".widget-hbox", has=page.get_by_placeholder("Your own goal, e.g. Pottery class")
    )
    custom.get_by_placeholder("Your own goal, e.g. Pottery class").fill("Pottery class")
    click_button(page, "Save my plan")
    saved_message(page, "Your plan is saved: 30 days")

    for choice in page.locator(".widget-dropdown select").all():
        choice.select_option(label=f"3 — {who5_labels()[3]}")
    click_button(page, "Save my WHO-5")
    saved_message(page, "Saved your WHO-5")

    with Store(fresh_lab.data_dir) as store:
        plan = store.plan()
        who5s = store.who5s()
    assert (plan.name, plan.partner, plan.pronoun) == ("Robin", "Sam", "she")
    assert plan.start_date == today and plan.days == 30 and plan.why == "To find my feet again"
    assert {g.name for g in plan.goals} == {"Exercise", "Counselling", "Pottery class"}
    assert [w.raw for w in who5s] == [15]


def test_progress_draws_every_chart(watched, lab):
    page = watched.page
    count = expected_charts(lab.data_dir, clock.today())
    assert count >= 3
    open_in_lab(page, lab, "03_progress")
    assert_every_chart_drawn(page, count)
    assert_charts_in_words(page, lab.data_dir, clock.today())


def test_day_thirty_reflection_walks_through_the_gate_to_a_recorded_reunion(watched, lab):
    page = watched.page
    open_in_lab(page, lab, "04_day30_reflection", ready="Save my reflection")
    fill(field(page, "Am I a better version of myself? How?"), "Yes: steadier, and kinder to me")
    fill(field(page, "What did I accomplish?"), "Ran 5 km and made a real mug")
    fill(field(page, "What did I discover about myself?"), "I like my own company")
    toggle(field(page, "Did you feel safe and respected in this relationship?"), "Yes")
    toggle(field(page, "Would I keep growing as my own person inside it?"), "Yes")
    # A "no" first: every "Next" on the page, the one at its end too, leads to Keep going.
    toggle(field(page, "Do I really, really want to start this relationship again?"), "No")
    click_button(page, "Save my reflection")
    expect(next_links(page)).to_have_text(["Next: Keep going →"] * 2)
    # Then changed to a resounding yes: the page leads to the reunion, and only there.
    toggle(field(page, "Do I really, really want to start this relationship again?"), "Yes")
    set_slider(field(page, "How sure am I, from 0 to 10?"), 9)
    fill(field(page, "What I have decided, in my own words"), "I will ask, calmly, once")
    click_button(page, "Save my reflection")
    saved_message(page, "resounding yes")
    expect(next_links(page)).to_have_text(["Next: The reunion →"])
    with Store(lab.data_dir) as store:
        reflection = store.record("reflection").data
    assert reflection["want_restart"] is True and reflection["conviction"] == 9
    assert reflection["felt_safe"] is True and reflection["decision"] == "I will ask, calmly, once"

    open_in_lab(page, lab, "05_reunion", ready="Save the answer")
    script = field(page, "Your words — edit them until they sound like you")
    expect(script.locator("textarea")).not_to_have_value("")
    toggle(field(page, "Afterwards: what did", starts=True), "Not yet")
    click_button(page, "Save the answer")
    saved_message(page, "Saved: the answer was “not yet”")
    with Store(lab.data_dir) as store:
        assert store.record("reunion").data["outcome"] == "not yet"


def next_links(page):
    return page.locator("a.workbook-stage-link:visible", has_text="Next:")


def test_saving_a_notebook_in_lab_keeps_no_outputs(lab):
    # Through the server's own contents API, under a name of its own, removed afterwards.
    name = f"zz-save-check-{lab.port}.ipynb"
    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("print('my journal')", execution_count=3)
    cell.outputs = [nbformat.v4.new_output("stream", text="my journal\n")]
    notebook.cells.append(cell)
    notebook.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    body = json.dumps({"type": "notebook", "format": "json", "content": notebook}).encode()
    request = urllib.request.Request(lab.url(f"api/contents/{name}"), data=body, method="PUT")
    request.add_header("Content-Type", "application/json")
    path = CHECKOUT / "notebooks" / name
    try:
        with urllib.request.urlopen(request, timeout=30):
            pass
        saved = nbformat.read(path, as_version=4)
    finally:
        path.unlink(missing_ok=True)
    assert saved.cells[0].source == "print('my journal')"
    assert saved.cells[0].outputs == [] and saved.cells[0].execution_count is None
    assert "widgets" not in saved.metadata


def test_the_date_box_changed_three_times_shows_and_saves_each_days_own_values(watched, lab):
    """The bug a person met in JupyterLab: from the second change of the date on, the form kept
    the earlier day's words and a Save wrote them onto the picked day."""
    page = watched.page
    open_in_lab(page, lab, "02_daily_checkin", ready="Save")
    walk_the_date_box(page, lab.data_dir, clock.today())


def test_stages_link_in_the_same_tab_and_a_report_opens_from_its_link_in_lab(watched, lab):
    page = watched.page
    open_in_lab(page, lab, "00_start_here")
    assert_links_stay_in_the_tab(page)
    stage_map = page.locator("nav.workbook-stage-map")
    expect(stage_map.locator("a.workbook-stage-link")).to_have_count(len(STAGES))
    stage_map.get_by_role("link", name="Your report").click()
    expect(stage_panel(page, "07_report")).to_be_visible()
    widgets_ready(page, "HTML")
    assert len(page.context.pages) == 1  # opened in JupyterLab, in this browser tab
    click_button(page, "HTML")
    saved_message(page, "Your report is ready")
    report = max((lab.data_dir / "reports").glob("*.html"), key=lambda p: p.stat().st_mtime)
    assert_file_link_opens(page, lab, report)


def test_own_goals_set_on_the_start_page_then_paused_and_retired_on_keep_going(watched, lab):
    """As in the app: two goals of one's own on the start page, one paused and one retired by
    clicks on keep going; the store and the summary count them as core/goal_states.py says."""
    from workbook.numbers import build

    page = watched.page
    today = clock.today()
    open_in_lab(page, lab, "00_start_here", ready="Change my plan")
    open_plan_form(stage_panel(page, "00_start_here"))
    save_two_own_goals(page, stage_panel(page, "00_start_here"))
    # Both goals are in the workbook before keep going opens (its page reads them as it runs).
    with Store(lab.data_dir) as store:
        names = {g.name for g in store.snapshot().plan.goals}
    assert {"Choir", "Evening class"} <= names

    open_in_lab(page, lab, "06_keep_going", ready="Retire")
    panel = stage_panel(page, "06_keep_going")
    expect(panel.get_by_text("Choir: twice a week")).to_be_visible()  # its list, as it opened
    pause_and_retire_own_goals(panel)

    with Store(lab.data_dir) as store:
        snapshot = store.snapshot()
    goals = {g.name: g for g in snapshot.plan.goals}
    for goal, _verb, state in OWN_GOAL_CHANGES:
        assert goals[goal].since == today  # added today: it counts from today
        assert [(c.day, c.state) for c in goals[goal].states] == [(today, state)]
    summary = {g["name"]: g for g in build(snapshot, today).summary()["goals"]}
    for goal, _verb, state in OWN_GOAL_CHANGES:
        # Its only day is today, and from today it is not active: no day done, none missed.
        assert summary[goal]["state"] == state
        assert [(c["date"], c["state"]) for c in summary[goal]["changes"]] == [
            (today.isoformat(), state)
        ]
        assert (summary[goal]["days_done"], summary[goal]["strength"]) == (0, 0)
