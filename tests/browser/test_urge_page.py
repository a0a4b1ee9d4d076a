"""The moment of the urge, walked in real Chromium: in the app and in JupyterLab, by clicks and
then by keyboard alone; each moment read back from SQLite."""

from __future__ import annotations

import re

import pytest
from pages import (
    click_button,
    field,
    fill,
    open_in_app,
    open_in_lab,
    saved_message,
    set_slider,
    stage_panel,
    stop_kernels,
    toggle,
)
from playwright.sync_api import Locator, Page, expect
from test_keyboard_checkin import move_to, slide_to

from workbook.core import clock
from workbook.core.urge import newest_moments
from workbook.pages.urge_controller import UrgeController
from workbook.pages.urge_draft import WAIT
from workbook.store import Store

pytestmark = pytest.mark.browser

BEFORE = "How strong is the urge right now? (0 = none, 10 = overwhelming)"
AFTER = "And now: how strong is the urge? (0–10)"
WORDS = "What do you want to say to them? Write it all here. It stays here, only for you, and is never sent."  # noqa: E501
SAVE = "Save this moment"


def newest_moment(data_dir):
    with Store(data_dir) as store:
        return newest_moments(store.records("urge_moment"))[-1]


def a_moment_by_clicks(scope: Page | Locator, words: str) -> None:
    set_slider(field(scope, BEFORE), 8)
    toggle(field(scope, "Yours from before (tap one):"), "our song")
    expect(field(scope, "What set it off?").locator("input")).to_have_value("our song")
    fill(field(scope, "What are you feeling?"), "lonely")
    fill(field(scope, WORDS), words)
    fill(field(scope, "Your if-then plan for this"), "If I hear our song, then I walk")
    click_button(scope, "Start the timer")
    expect(scope.locator(".workbook-timer-bar")).to_be_visible()
    set_slider(field(scope, AFTER), 3)
    toggle(field(scope, "What happened?"), "I wrote it here instead")
    click_button(scope, SAVE)
    saved_message(scope, "You wrote it here instead of sending it (from 8 down to 3)")


def test_a_moment_in_the_app_by_clicks_then_by_keyboard(watched, app):
    page = watched.page
    open_in_app(page, app, "08_urge", SAVE)
    a_moment_by_clicks(page, "I still <b>love</b> you")
    moment = newest_moment(app.data_dir)
    assert (moment.before, moment.after, moment.trigger) == (8, 3, "our song")
    assert (moment.words, moment.outcome) == ("I still <b>love</b> you", "wrote_here")
    # The words are kept on the page, as text, collapsed.
    kept = page.locator(".workbook-kept-words")
    expect(kept.locator("summary")).to_be_visible()
    expect(kept.locator("li").first).not_to_be_visible()
    kept.locator("summary").click()
    expect(kept.locator("li", has_text="I still <b>love</b> you").first).to_be_visible()

    # Again, by keyboard alone: a second moment the same evening.
    open_in_app(page, app, "08_urge", SAVE)
    page.bring_to_front()
    a_moment_by_keyboard(page, page, "Sunday night")
    moment = newest_moment(app.data_dir)
    assert (moment.before, moment.after, moment.trigger) == (9, 9, "Sunday night")
    assert (moment.words, moment.outcome) == ("Can we talk?", "reached_out")
    assert (moment.feeling, moment.plan) == ("restless", "If it is Sunday night, then I call Sam")


def a_moment_by_keyboard(page: Page, scope: Page | Locator, trigger: str) -> None:
    """A whole moment with Tab, Shift+Tab, the arrow keys, Space and Enter: no click, no fill."""
    before = scope.get_by_role("slider", name=BEFORE, exact=True)
    expect(before).to_be_visible()
    move_to(page, before)
    slide_to(page, before, 9)
    for name, text in (
        ("What set it off?", trigger),
        ("What are you feeling?", "restless"),
        (WORDS, "Can we talk?"),
        ("Your if-then plan for this", f"If it is {trigger}, then I call Sam"),
    ):
        move_to(page, scope.get_by_role("textbox", name=name, exact=True))
        page.keyboard.type(text)
    # The timer: started, not waited for (the browser counts it; the kernel is free).
    # Its words become "Start the timer again" once pressed: found by their beginning.
    start = scope.get_by_role("button", name="Start the timer")
    move_to(page, start)
    page.keyboard.press("Enter")
    expect(scope.locator(".workbook-timer-bar")).to_be_visible()
    after = scope.get_by_role("slider", name=AFTER, exact=True)
    move_to(page, after)
    slide_to(page, after, 9)
    # Back once with Shift+Tab (to the start button) and on again: both ways work.
    move_to(page, start, key="Shift+Tab")
    move_to(page, after)
    reached = scope.get_by_role("button", name="I reached out anyway", exact=True)
    move_to(page, reached)
    page.keyboard.press("Space")
    save = scope.get_by_role("button", name=SAVE, exact=True)
    move_to(page, save)
    page.keyboard.press("Enter")
    saved_message(scope, "counted as contact on")


def test_a_moment_in_jupyterlab_by_clicks_then_by_keyboard(watched, lab):
    page = watched.page
    try:
        open_in_lab(page, lab, "08_urge", SAVE)
        panel = stage_panel(page, "08_urge")
        a_moment_by_clicks(panel, "Lab words & more")
        moment = newest_moment(lab.data_dir)
        assert (moment.before, moment.after, moment.outcome) == (8, 3, "wrote_here")
        assert moment.words == "Lab words & more" and moment.plan.endswith("then I walk")

        # By keyboard alone. The one click: on the page's opening words (plain text, nothing
        # to press), which gives the notebook the focus as a person's first click in Lab does.
        open_in_lab(page, lab, "08_urge", SAVE)
        page.bring_to_front()
        panel.locator(".workbook-help").first.click()
        a_moment_by_keyboard(page, panel, "a song on the radio")
    finally:
        stop_kernels(lab, "08_urge.ipynb")
    moment = newest_moment(lab.data_dir)
    assert (moment.before, moment.after, moment.trigger) == (9, 9, "a song on the radio")
    assert (moment.words, moment.outcome, moment.feeling) == (
        "Can we talk?",
        "reached_out",
        "restless",
    )
    assert moment.plan == "If it is a song on the radio, then I call Sam"


def test_an_if_then_plan_from_the_start_page_comes_up_on_the_urge_page(watched, app):
    page = watched.page
    open_in_app(page, app, "00_start_here", "Keep this plan")
    click_button(page, "Keep this plan")  # nothing written yet: a kind error, nothing kept
    expect(page.get_by_text("What set it off can’t be empty").first).to_be_visible()
    toggle(field(page, "Moments that often set it off", starts=True), "After a drink")
    plan = "If I've had a drink, then I give my phone to <b>Sam</b>"
    fill(field(page, "Your plan: “If …, then I …”"), plan)
    click_button(page, "Keep this plan")
    saved_message(page, "Your if-then plan for “After a drink” is kept")
    expect(page.locator(".workbook-info li", has_text=plan)).to_be_visible()  # as text
    with Store(app.data_dir) as store:
        assert UrgeController(store, clock.today()).plan_for("after a drink") == plan

    open_in_app(page, app, "08_urge", SAVE)
    fill(field(page, "What set it off?"), "After a drink")
    expect(page.get_by_text(f"Your plan for “After a drink”: {plan}")).to_be_visible()
    expect(field(page, "Your if-then plan for this").locator("textarea")).to_have_value(plan)


def test_words_typed_are_there_again_after_the_tab_closed_unsaved(watched, app, browser):
    page = watched.page
    open_in_app(page, app, "08_urge", SAVE)
    words = "Please, just one more <i>talk</i>"
    field(page, WORDS).locator("textarea").click()
    page.keyboard.type(words)
    # A person closes the tab a moment after the last key (the words are written once typing
    # pauses for WAIT seconds), straight from the box: no save, no Tab away.
    page.wait_for_timeout(WAIT * 1000 + 700)
    page.close()

    again = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    try:
        open_in_app(again, app, "08_urge", SAVE)
        expect(field(again, WORDS).locator("textarea")).to_have_value(words)
        expect(again).not_to_have_title(re.compile("talk"))
    finally:
        again.context.close()
