"""The links between the stages: relative, so they work in JupyterLab and in the app."""

from __future__ import annotations

from pathlib import Path

from workbook.pages.nav import STAGES, stage_links_html


def test_each_stage_links_back_and_on_by_relative_path():
    html = stage_links_html("02_daily_checkin")
    assert 'href="01_the_break.ipynb"' in html
    assert 'href="03_progress.ipynb"' in html
    assert "Your progress" in html and "/" not in html.split('href="')[1].split('"')[0]


def test_the_first_and_last_stages_have_one_link_and_strangers_none():
    assert stage_links_html(STAGES[0]).count("<a ") == 1
    assert stage_links_html(STAGES[-1]).count("<a ") == 1
    assert f'href="{STAGES[-2]}.ipynb"' in stage_links_html(STAGES[-1])
    assert stage_links_html("99_nowhere") == ""


def test_every_link_between_stages_stays_in_its_tab():
    import re

    from workbook.pages.nav import page_top_html, stage_link_html

    for html in (
        stage_links_html("02_daily_checkin"),
        page_top_html("03_progress"),
        stage_link_html("06_keep_going"),
    ):
        anchors = re.findall(r"<a [^>]*>", html)
        assert anchors and all('target="_self"' in a for a in anchors)


def test_the_map_shows_every_stage_with_where_the_person_is(tmp_path):
    from datetime import date, timedelta

    from workbook.core.stages import STAGE_NAMES
    from workbook.pages.nav import stage_map_html, stage_states
    from workbook.store import Store
    from workbook.store.demo import fill_demo

    today = date(2026, 11, 20)
    with Store(tmp_path) as store:
        empty = store.snapshot()
        fill_demo(store, today=today, days=10)
        snapshot = store.snapshot()
    assert [s.state for s in stage_states(empty, today)][:2] == ["today", "after_plan"]
    states = {s.stage: s for s in stage_states(snapshot, today)}
    assert list(states) == list(STAGE_NAMES)  # read from core/stages.py: a new stage shows too
    assert states["00_start_here"].state == "done"
    assert states["02_daily_checkin"].state == "done_today"
    reflection = states["04_day30_reflection"]
    assert (reflection.state, reflection.day) == ("opens", 30)
    assert reflection.on == snapshot.plan.start_date + timedelta(days=29)
    html = stage_map_html(snapshot, today)
    for name in STAGE_NAMES:
        assert f'href="{name}.ipynb" target="_self"' in html
    assert "opens on day 30" in html and "✓ done" in html


def test_no_sentence_names_a_page_by_its_file():
    import re

    from workbook.core import steps as steps_module
    from workbook.core.messages import MESSAGES

    def forms(message) -> list[str]:
        return list(message.values()) if isinstance(message, dict) else [message]

    named = {k: v for k, v in MESSAGES.items() for f in forms(v) if re.search(r"\b0\d_[a-z]", f)}
    assert named == {}
    # nor does today's step (core/steps.toml): a page is named by its title there too
    steps = (Path(steps_module.__file__).parent / "steps.toml").read_text(encoding="utf-8")
    assert not re.search(r"\b0\d_[a-z]", steps)


def test_day_thirty_leads_on_to_keep_going_after_a_no_and_to_the_reunion_after_a_yes(tmp_path):
    from datetime import date

    from workbook.pages import nav
    from workbook.pages.nav import stage_links_html
    from workbook.pages.reflection_controller import ReflectionController, leads_on_to
    from workbook.store import Store
    from workbook.store.demo import fill_demo

    day30 = "04_day30_reflection"
    today = date(2026, 11, 20)
    answers = dict(conviction=9, keep_growing=True, felt_safe=True, decision="")
    with Store(tmp_path) as store:
        fill_demo(store, today=today)
        controller = ReflectionController(store, today)
        for want, leads in ((False, "06_keep_going"), (True, None)):
            outcome, _ = controller.on_save(want_restart=want, **answers)
            assert outcome.ok, outcome.message
            assert leads_on_to(store) == leads
            nav.lead_on_to(day30, leads_on_to(store))
            bar = stage_links_html(day30)
            assert bar.count('href="03_progress.ipynb"') == 1  # back, as always
            assert shown_next(bar) == [leads or "05_reunion"]
    nav.lead_on_to(day30, None)
    assert shown_next(stage_links_html(day30)) == ["05_reunion"]


def shown_next(bar: str) -> list[str]:
    """The stages the "Next" links of a bar lead to, those not hidden."""
    import re

    links = re.findall(r'<a class="[^"]*" href="([^"]+)\.ipynb"[^>]*style="([^"]*)"[^>]*>Next', bar)
    return [stage for stage, style in links if "display:none" not in style]
