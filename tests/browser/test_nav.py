"""The links between the stages: relative, so they work in JupyterLab and in the app."""

from __future__ import annotations

from workbook.pages.nav import STAGES, stage_links_html


def test_each_stage_links_back_and_on_by_relative_path():
    html = stage_links_html("02_daily_checkin")
    assert 'href="01_the_break.ipynb"' in html
    assert 'href="03_progress.ipynb"' in html
    assert "Your progress" in html and "/" not in html.split('href="')[1].split('"')[0]


def test_the_first_and_last_stages_have_one_link_and_strangers_none():
    assert stage_links_html(STAGES[0]).count("<a ") == 1
    assert stage_links_html(STAGES[-1]).count("<a ") == 1
    assert 'href="06_keep_going.ipynb"' in stage_links_html(STAGES[-1])
    assert stage_links_html("99_nowhere") == ""
