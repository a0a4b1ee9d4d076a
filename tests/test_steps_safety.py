"""Today's step for every day, safety from the first page, and kind words whatever the answer:
through the real pages' controllers and widgets, and the real SQLite file."""

from __future__ import annotations

import html
import json
import re
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import TODAY
from workbook.core import rules, steps
from workbook.core.model import Goal, Plan
from workbook.core.records import GateAnswers, Reflection
from workbook.numbers.gate import decide
from workbook.pages.checkin import CheckinController, CheckinView
from workbook.pages.keep_going import KeepGoingController
from workbook.pages.reflection_controller import recorded_html
from workbook.pages.reminders import ReminderController
from workbook.pages.reunion import ReunionController
from workbook.pages.safety import SafetyController, SafetyView, concern
from workbook.pages.start import StartController, StartView, show_safety_question
from workbook.pages.the_break import BreakController, script_html
from workbook.store import Store
from workbook.store.paths import DB_NAME
from workbook.views.calendar_file import DEFAULT_NAME

ROOT = Path(__file__).resolve().parent.parent
# Words that would push towards contact during the break.
PRESSURE = re.compile(
    r"\b(text|call|message|email|contact|reach out to|see|meet|visit|write to|dm)\s+"
    r"(them|him|her|your ex|{partner})\b|\b(your ex|partner)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize("days", [30, 21, 45])
def test_every_day_of_a_plan_has_one_step_from_the_first_to_the_real_think(days):
    start = TODAY
    shown = [steps.step_for(start, days, start + timedelta(days=i)) for i in range(days)]
    assert [n for n, _ in shown] == list(range(1, days + 1))  # one step for each day
    numbers = [step.number for _, step in shown]
    assert numbers[0] == 1 and numbers[-1] == steps.STEP_DAYS  # the real think is the last day
    assert numbers == sorted(numbers)  # spread in order over the plan's days
    if days == 30:
        assert numbers == list(range(1, 31))  # each step written for its own day
    assert steps.step_for(start, days, start - timedelta(days=1)) is None
    assert steps.step_for(start, days, start + timedelta(days=days)) is None


def test_the_steps_are_whole_cite_their_studies_and_never_press_for_contact():
    written = steps.all_steps()
    assert [s.number for s in written] == list(range(1, 31))
    studies = steps.studies()
    docs = (ROOT / "docs" / "steps.md").read_text(encoding="utf-8")
    for step in written:
        assert step.stage in steps.STAGES and step.action and step.prompt and step.lighter
        assert step.studies and set(step.studies) <= studies.keys()
        for words in (step.action, step.prompt, step.lighter):
            assert not PRESSURE.search(words), (step.number, words)
        assert step.action in docs  # docs/steps.md lists every step with its studies
    for reference in studies.values():
        assert reference.split(" (")[0] in docs


def test_a_step_done_and_its_writing_are_read_back_from_sqlite_and_a_missed_day_waits(store):
    start = TODAY - timedelta(days=4)  # today is day 5
    store.save_plan(Plan(start_date=start, goals=(Goal("Gym", 3),)))
    view = CheckinView(CheckinController(store, TODAY))
    assert view.step.box.layout.display == "flex"
    assert html.escape(steps.all_steps()[4].action) in view.step.text.value  # day 5’s own step
    assert "ten to fifteen minutes" in view.step.text.value
    assert "nothing to catch up on unless you want to" in view.step.catch_up.value
    view.step.done.value = True
    view.step.writing.value = "I went <swimming>, like I used to."
    view.step.save.click()
    assert "done" in view.step.result.value

    earlier = start + timedelta(days=1)  # a missed day, caught up later
    view.fields["date"].widget.value = earlier
    assert html.escape(steps.all_steps()[1].action) in view.step.text.value
    assert not view.step.done.value and view.step.writing.value == ""
    view.step.done.value = True
    view.step.save.click()

    with sqlite3.connect(Path(store.data_dir) / DB_NAME) as conn:
        rows = conn.execute(
            "SELECT day, data FROM stage_records WHERE kind = 'step' ORDER BY id"
        ).fetchall()
    assert [(day, json.loads(data)) for day, data in rows] == [
        (TODAY.isoformat(), {"done": True, "writing": "I went <swimming>, like I used to."}),
        (earlier.isoformat(), {"done": True, "writing": ""}),
    ]
    with Store(store.data_dir) as again:  # a new page reads the same back
        fresh = CheckinView(CheckinController(again, TODAY))
        assert fresh.step.done.value and fresh.step.writing.value.startswith("I went <swimming>")
        assert fresh.step.catch_up.value != ""  # three earlier days are still waiting, calmly


@pytest.mark.parametrize("answer", ["yes", "not sure"])
def test_a_safety_concern_removes_the_script_closes_the_reunion_and_shows_abuse_lines(
    store, answer
):
    start = TODAY - timedelta(days=29)  # day 30
    store.save_plan(Plan(start_date=start, partner="Jordan", pronoun="she"))
    view = SafetyView(SafetyController(store, start - timedelta(days=1)))
    view.field.widget.value = answer
    view.save.click()
    assert "0808 2000 247" in view.help.value and "1-800-799-7233" in view.help.value
    assert "text START to 88788" in view.help.value
    assert concern(store)

    page = script_html(BreakController(store, TODAY))
    assert "Could we take" not in page and "don’t need to ask Jordan" in page
    assert "0808 2000 247" in page and "findahelpline.com" in page

    resounding = decide(GateAnswers(True, 10, True, True), {}, "Yes, with all my heart")
    store.save_record(Reflection.KIND, TODAY, resounding.to_stored())
    reunion = ReunionController(store, TODAY)
    assert reunion.reflection.gate_open and reunion.last_day_reached  # the gate says yes
    assert not reunion.is_open  # and the reunion is never coached
    closed = reunion.closed_html()
    assert "doesn’t coach a reunion" in closed and "0808 2000 247" in closed
    assert not reunion.on_save(outcome="yes").ok
    day30 = recorded_html(store)  # the day-30 page does not send them on to the reunion
    assert "doesn’t coach a reunion" in day30 and "reunion page will help" not in day30

    saved = ReminderController(store).on_save("20:00")  # reminders never carry the answer
    assert saved.ok
    calendar = (Path(store.data_dir) / DEFAULT_NAME).read_text(encoding="utf-8").casefold()
    assert not any(word in calendar for word in ("afraid", "abuse", "safe", "hurt", "0808"))
    assert not rules.reunion_open(True, True, answer) and rules.reunion_open(True, True, "no")


def test_the_safety_question_comes_before_the_plan_and_can_change(store):
    view = SafetyView(SafetyController(store, TODAY))
    view.save.click()  # nothing chosen: asked kindly, nothing saved
    assert store.record("safety") is None and "choose one" in view.result.value
    view.field.widget.value = "rather not say"
    view.save.click()
    assert store.record("safety").data == {"answer": "rather not say", "in_report": False}
    assert view.help.value == "" and not concern(store)
    start = StartView(StartController(store, TODAY))  # the plan is saved after it
    start.save.click()
    assert store.plan() is not None
    view.field.widget.value, view.in_report.value = "not sure", True
    view.save.click()
    assert store.record("safety").data == {"answer": "not sure", "in_report": True}
    assert len(store.records("safety")) == 2  # changed, nothing overwritten
    # As a parameter of the start notebook (papermill): recorded with no click; a bad one is not.
    show_safety_question(store.data_dir, TODAY.isoformat(), safety="maybe")
    assert len(store.records("safety")) == 2
    show_safety_question(store.data_dir, TODAY.isoformat(), safety="No")
    assert store.record("safety").data == {"answer": "no", "in_report": False}


def test_after_a_no_the_page_leads_with_what_the_person_keeps(store):
    store.save_plan(Plan(start_date=TODAY - timedelta(days=29)))
    store.save_record("reunion", TODAY, {"outcome": "no", "script": "", "talking_points": []})
    words, _ = KeepGoingController(store, TODAY).encouragement()
    assert words.startswith("What you keep: 30 days")
    assert "you will still be better off for it" in words
    assert "All hope" not in words and "want to be around" not in words


def test_steps_done_reach_the_numbers_and_the_safety_answer_the_report_only_when_wanted(store):
    from workbook.numbers import build
    from workbook.views.report import render_html

    start = TODAY - timedelta(days=9)
    store.save_plan(Plan(start_date=start, partner="Jordan"))
    for n, done in ((0, True), (3, True), (4, False)):
        CheckinController(store, TODAY).on_save_step(start + timedelta(days=n), done, "")
    SafetyController(store, TODAY).on_save(answer="yes", in_report=False)
    numbers = build(store.snapshot(), TODAY)
    summary = numbers.summary()
    assert numbers.steps_done == 2 and summary["steps"] == {"done": 2, "days": 30}
    assert "safety" not in summary
    report = render_html(store.snapshot(), TODAY)
    assert 'data-summary-key="steps.done">2<' in report
    assert "afraid" not in report and "0808 2000 247" not in report

    SafetyController(store, TODAY).on_save(answer="yes", in_report=True)
    summary = build(store.snapshot(), TODAY).summary()
    assert summary["safety"] == {"answer": "yes", "words": "Yes", "concern": True}
    report = render_html(store.snapshot(), TODAY)
    assert "Felt afraid of, controlled, threatened or hurt by them:</b> Yes" in report
    assert "0808 2000 247" in report


def test_the_step_and_safety_records_travel_in_an_export(store, tmp_path):
    from workbook.store import transfer

    store.save_plan(Plan(start_date=TODAY))
    CheckinController(store, TODAY).on_save_step(TODAY, True, "Ten minutes of words.")
    SafetyController(store, TODAY).on_save(answer="not sure", in_report=False)
    exported = tmp_path / "export.json"
    exported.write_bytes(transfer.export_json(store))
    with Store(tmp_path / "elsewhere") as other:
        transfer.import_into(other, exported)
        assert other.record("safety").data == {"answer": "not sure", "in_report": False}
        assert other.records_by_day("step")[0].data["writing"] == "Ten minutes of words."
        assert concern(other)
