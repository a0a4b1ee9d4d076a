"""The stage notebooks in JupyterLab, used as a person would, in headless Chromium."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from pages import (
    assert_full_checkin,
    click_button,
    correct_day,
    fill_every_checkin_field,
    open_in_lab,
    saved_message,
)
from playwright.sync_api import expect

from workbook.store import Store

pytestmark = pytest.mark.browser


def test_lab_opens_without_news_or_update_pop_ups(watched, lab):
    page = watched.page
    open_in_lab(page, lab, "00_start_here")
    page.wait_for_timeout(3000)  # the news question used to appear a moment after start-up
    expect(page.locator(".Toastify__toast")).to_have_count(0)
    expect(page.get_by_text(re.compile("Jupyter news", re.I))).to_have_count(0)


def test_daily_checkin_saves_every_field_and_keeps_both_revisions(watched, lab):
    page = watched.page
    today = date.today()
    yesterday = today - timedelta(days=1)
    with Store(lab.data_dir) as store:
        revisions_before = len(store.checkin_history(yesterday))
        original = store.checkin_on(yesterday)
    assert original is not None and original.mood != 2

    seconds = open_in_lab(page, lab, "02_daily_checkin")
    print(f"\nJupyterLab 02_daily_checkin: Run All to widgets ready in {seconds:.1f} s")
    fill_every_checkin_field(page)
    click_button(page, "Save")
    saved_message(page, re.compile(rf"(Saved your check-in|Corrected) {today.isoformat()}"))
    with Store(lab.data_dir) as store:
        assert_full_checkin(store.checkin_on(today))

    correct_day(page, yesterday, mood=2, note="Looking back, it was a harder day.")
    with Store(lab.data_dir) as store:
        history = store.checkin_history(yesterday)
    assert len(history) == revisions_before + 1
    assert history[-1].mood == 2 and history[-1].note == "Looking back, it was a harder day."
    assert (history[-2].mood, history[-2].note) == (original.mood, original.note)
