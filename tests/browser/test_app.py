"""The code-free app (`workbook app`, Voilà): words, widgets and charts, no code, nothing fetched."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from pages import (
    assert_full_checkin,
    click_button,
    correct_day,
    fill_every_checkin_field,
    open_in_app,
    saved_message,
)
from playwright.sync_api import expect

from workbook.store import Store
from workbook.ui.nav import STAGES

pytestmark = pytest.mark.browser


def test_the_app_lists_every_stage_in_order(watched, app):
    page = watched.page
    page.goto(app.url(""))
    names = page.get_by_text(re.compile(r"^\d\d_\w+\.ipynb$"))
    expect(names).to_have_count(len(STAGES))
    assert names.all_inner_texts() == [f"{stage}.ipynb" for stage in STAGES]


def test_daily_checkin_in_the_app_saves_and_corrects(watched, app):
    page = watched.page
    today = date.today()
    yesterday = today - timedelta(days=1)
    with Store(app.data_dir) as store:
        revisions_before = len(store.checkin_history(yesterday))

    open_in_app(page, app, "02_daily_checkin", ready="Save")
    # Words and widgets, and not a line of code.
    expect(page.locator(".jp-CodeCell .jp-InputArea, .cm-editor")).to_have_count(0)
    expect(page.get_by_text(re.compile(r"import|checkin\.show\("))).to_have_count(0)
    fill_every_checkin_field(page)
    click_button(page, "Save")
    saved_message(page, re.compile(rf"(Saved your check-in|Corrected) {today.isoformat()}"))
    with Store(app.data_dir) as store:
        assert_full_checkin(store.checkin_on(today))

    correct_day(page, yesterday, mood=2, note="Looking back, it was a harder day.")
    with Store(app.data_dir) as store:
        history = store.checkin_history(yesterday)
    assert len(history) == revisions_before + 1
    assert history[-1].mood == 2 and history[-1].note == "Looking back, it was a harder day."
