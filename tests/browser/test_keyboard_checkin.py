"""A whole daily check-in in the app with the keyboard only, focus in sight at every step.

Tab, Shift+Tab, the arrow keys, Space and Enter: no click, no fill. Each control is found by the
name a screen reader announces for it (its visible label), so this also proves those names.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import Server
from pages import SCREENSHOTS, chosen_option_contrast, field, saved_message, widgets_ready
from playwright.sync_api import Locator, Page, expect

from workbook.core import clock
from workbook.core.messages import date_words
from workbook.core.model import Goal, Plan
from workbook.store import Store

pytestmark = pytest.mark.browser

MOOD = "Mood (1 = very low, 10 = great)"
ENERGY = "Energy (1–10)"
WIN = "Today’s win, however small"
GRATEFUL = "One thing you are grateful for"
# The focused control's ring: its own outline, or a box shadow where a theme draws focus so. A date
# box's calendar button lives inside the box, out of reach of the page's styles: Chromium rings it
# itself (the box then holds the focus without matching :focus).
FOCUS_SHOWN = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return false;
  if (e.matches('input[type="date"]:not(:focus)')) return true;
  const s = getComputedStyle(e);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  return outline || s.boxShadow !== 'none';
}"""
FOCUS_DETAILS = """() => {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  return [e.outerHTML.slice(0, 200), e.matches(':focus-visible'), s.outline, s.boxShadow];
}"""


@pytest.fixture(scope="module")
def planned_app(tmp_path_factory):
    """The app on a workbook with a plan and two goals, and nothing checked in yet."""
    home = tmp_path_factory.mktemp("keyboard")
    with Store(home / "data") as store:
        store.save_plan(
            Plan(
                start_date=clock.today() - timedelta(days=4),
                goals=(Goal("Gym", 3), Goal("Pottery", 1)),
            )
        )
    server = Server("app", home / "data", home)
    yield server
    server.stop()


def focused(control: Locator) -> bool:
    return control.evaluate(
        "e => e === document.activeElement || e.contains(document.activeElement)"
    )


def move_to(page: Page, control: Locator, key: str = "Tab", limit: int = 40) -> None:
    """Press Tab (or Shift+Tab) until `control` has the focus; focus shows at every stop."""
    for _ in range(limit):
        page.keyboard.press(key)
        assert page.evaluate(FOCUS_SHOWN), page.evaluate(FOCUS_DETAILS)
        if focused(control):
            return
    raise AssertionError(f"{key} never reached {control}")


def slide_to(page: Page, handle: Locator, value: int) -> None:
    """Arrow keys on a focused slider until it reads `value`."""
    for _ in range(20):
        now = int(float(handle.get_attribute("aria-valuenow")))
        if now == value:
            break
        page.keyboard.press("ArrowRight" if now < value else "ArrowLeft")
        assert page.evaluate(FOCUS_SHOWN)
    expect(handle).to_have_attribute("aria-valuenow", f"{value}.0")


def test_a_whole_checkin_by_keyboard_is_saved(watched, planned_app):
    page = watched.page
    page.goto(planned_app.url("voila/render/02_daily_checkin.ipynb"))
    widgets_ready(page, "Save")
    mood = page.get_by_role("slider", name=MOOD, exact=True)
    expect(mood).to_be_visible()  # its name comes from its label once the page has settled
    page.bring_to_front()  # the window has the keyboard, as a person's does

    move_to(page, mood)
    slide_to(page, mood, 8)
    page.screenshot(path=str(SCREENSHOTS / "keyboard-mood-focused.png"))

    energy = page.get_by_role("slider", name=ENERGY, exact=True)
    move_to(page, energy)
    slide_to(page, energy, 3)
    # Back to the mood to check it, and on again: Shift+Tab works the same way.
    move_to(page, mood, "Shift+Tab")
    expect(mood).to_have_attribute("aria-valuenow", "8.0")
    move_to(page, energy)

    gym = page.get_by_role("checkbox", name="Gym", exact=True)
    move_to(page, gym)
    page.keyboard.press("Space")
    expect(gym).to_be_checked()

    win = page.get_by_role("textbox", name=WIN, exact=True)
    move_to(page, win)
    page.keyboard.type("Walked to the sea and back")
    # Enter in a one-line box moves on to the next control, as a person expects; in the journal
    # (many lines) it is a new line.
    page.keyboard.press("Enter")
    expect(page.get_by_role("textbox", name="Journal", exact=True)).to_be_focused()
    grateful = page.get_by_role("textbox", name=GRATEFUL, exact=True)
    move_to(page, grateful)
    # Typed and saved in one breath: every letter is saved (test_words_before_clicks.py).
    page.keyboard.type("The sea")
    page.keyboard.press("Enter")  # the last box: on to Save

    save = page.get_by_role("button", name="Save", exact=True)
    assert focused(save)
    page.screenshot(path=str(SCREENSHOTS / "keyboard-save-focused.png"))
    page.keyboard.press("Enter")
    saved_message(page, f"Saved your check-in for {date_words(clock.today())}")
    # The note at the top says so calmly, in green, not amber.
    expect(page.locator(".workbook-success", has_text="is saved (mood 8")).to_be_visible()
    expect(page.locator(".workbook-warning")).to_have_count(0)
    # The chosen answer stands out from the others (WCAG 1.4.11: at least 3:1).
    ratio = chosen_option_contrast(field(page, "Did you stay out of contact today?"))
    print(f"\nchosen toggle against the unchosen: {ratio:.1f}:1")
    assert ratio >= 3

    with Store(planned_app.data_dir) as store:
        saved = store.checkin_on(clock.today())
    assert saved is not None
    assert (saved.mood, saved.energy) == (8, 3)
    assert dict(saved.goals) == {"Gym": None}
    assert saved.win == "Walked to the sea and back" and saved.gratitude == "The sea"
    assert not saved.contact
