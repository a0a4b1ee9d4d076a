"""The moment of the urge, walked in real Chromium: in the app by clicks and then by keyboard
alone, in JupyterLab by clicks; each moment read back from SQLite."""

from __future__ import annotations

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

from workbook.core.urge import newest_moments
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
    before = page.get_by_role("slider", name=BEFORE, exact=True)
    expect(before).to_be_visible()
    move_to(page, before)
    slide_to(page, before, 9)
    trigger = page.get_by_role("textbox", name="What set it off?", exact=True)
    move_to(page, trigger)
    page.keyboard.type("Sunday night")
    move_to(page, page.get_by_role("textbox", name=WORDS, exact=True))
    page.keyboard.type("Can we talk?")
    start = page.get_by_role("button", name="Start the timer", exact=True)
    move_to(page, start)
    page.keyboard.press("Enter")
    expect(page.locator(".workbook-timer-bar")).to_be_visible()
    after = page.get_by_role("slider", name=AFTER, exact=True)
    move_to(page, after)
    slide_to(page, after, 9)
    reached = page.get_by_role("button", name="I reached out anyway", exact=True)
    move_to(page, reached)
    page.keyboard.press("Space")
    save = page.get_by_role("button", name=SAVE, exact=True)
    move_to(page, save)
    page.keyboard.press("Enter")
    saved_message(page, "counted as contact on")
    moment = newest_moment(app.data_dir)
    assert (moment.before, moment.after, moment.trigger) == (9, 9, "Sunday night")
    assert (moment.words, moment.outcome) == ("Can we talk?", "reached_out")


def test_a_moment_in_jupyterlab_by_clicks(watched, lab):
    page = watched.page
    try:
        open_in_lab(page, lab, "08_urge", SAVE)
        a_moment_by_clicks(stage_panel(page, "08_urge"), "Lab words & more")
    finally:
        stop_kernels(lab, "08_urge.ipynb")
    moment = newest_moment(lab.data_dir)
    assert (moment.before, moment.after, moment.outcome) == (8, 3, "wrote_here")
    assert moment.words == "Lab words & more" and moment.plan.endswith("then I walk")
