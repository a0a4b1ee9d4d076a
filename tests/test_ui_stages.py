"""The stage pages' controllers through their real widgets: set .value, .click(), read the store."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import date, timedelta

import pytest

from tests.conftest import TODAY
from workbook.core.messages import say
from workbook.core.model import Checkin, Goal, Plan, Who5
from workbook.pages.checkin import CheckinController, CheckinView
from workbook.pages.keep_going import KeepGoingController, KeepGoingView
from workbook.pages.reflection import ReflectionController, ReflectionView
from workbook.pages.reflection import numbers_html as reflection_numbers_html
from workbook.pages.reunion import ReunionController, ReunionView
from workbook.pages.start import StartController, StartView
from workbook.pages.the_break import BreakController, BreakView

START = TODAY - timedelta(days=29)


@pytest.fixture
def planned(store):
    store.save_plan(
        Plan(
            start_date=START,
            partner="Jordan",
            pronoun="she",
            goals=(Goal("Gym", 3), Goal("Pottery", 1)),
        )
    )
    return store


# --- 00 start here ---------------------------------------------------------------------------


def test_a_who5_taken_on_day_21_is_dated_day_21_and_an_old_low_one_stays_quiet(store):
    from workbook.numbers import build

    start = TODAY - timedelta(days=20)  # today is day 21
    store.save_plan(Plan(start_date=start))
    store.save_who5(Who5(start - timedelta(days=1), (2, 2, 1, 1, 1)))  # 28 % on day 0
    for n in range(14, 21):
        store.save_checkin(Checkin(start + timedelta(days=n), 6 + n % 2))
    assert not build(store.snapshot(), TODAY).low_mood_prompt  # three weeks old: not now
    view = StartView(StartController(store, TODAY))
    for answer, widget in zip((4, 4, 3, 4, 4), view.who5.answers, strict=True):
        widget.value = answer
    view.who5.save.click()
    assert [w.date for w in store.who5s()] == [start - timedelta(days=1), TODAY]
    numbers = build(store.snapshot(), TODAY)
    assert numbers.who5_change.before.date == start - timedelta(days=1)  # the baseline
    assert numbers.who5_change.after.date == TODAY and numbers.who5_change.points == 48
    assert not numbers.low_mood_prompt


def test_start_saves_plan_goals_and_day_zero_who5(store):
    view = StartView(StartController(store, TODAY))
    view.fields["partner"].widget.value = "Jordan"
    view.fields["pronoun"].widget.value = "she"
    view.fields["start"].widget.value = TODAY
    view.fields["why"].widget.value = "To find myself again"
    chosen, times = view.goal_rows["Exercise"]
    chosen.value, times.value = True, 4
    view.custom_name.value = "Pottery"
    view.save.click()
    plan = store.plan()
    assert plan.partner == "Jordan" and plan.pronoun == "she" and plan.days == 30
    assert [(g.name, g.target_per_week) for g in plan.goals] == [("Exercise", 4), ("Pottery", 2)]
    assert "Your plan is saved" in view.result.value
    for answer, widget in zip((3, 2, 3, 2, 1), view.who5.answers, strict=True):
        widget.value = answer
    view.who5.save.click()
    (who5,) = store.who5s()
    assert who5.answers == (3, 2, 3, 2, 1) and who5.date == TODAY  # dated the day it is taken
    assert "11 of 25" in view.who5.result.value


def test_start_marks_the_goal_field_and_saves_nothing(store):
    view = StartView(StartController(store, TODAY))
    view.goal_rows["Exercise"][0].value = True
    view.custom_name.value = "exercise"  # the same goal twice
    view.save.click()
    assert store.plan() is None
    assert "listed twice" in view.fields["goals"].error.value
    assert view.fields["partner"].error.value == ""


def test_a_saved_who5_shows_in_a_sentence_and_its_questions_a_click_away(planned):
    planned.save_who5(Who5(START - timedelta(days=1), (2, 2, 2, 2, 2)))  # 40 % on day 0
    planned.save_who5(Who5(START + timedelta(days=14), (3, 3, 4, 3, 3)))  # 64 % on day 14
    view = StartView(StartController(planned, TODAY))
    panel = view.who5_panel
    assert panel.form is None  # nothing built until asked for
    (said, button, _) = panel.box.children
    assert "64 %" in said.value and "40 %" not in said.value  # the newest, as pages read
    assert button.description == say("start_take_who5")
    button.click()
    assert panel.box.children == (panel.form.box,)
    for answer, widget in zip((4, 4, 4, 4, 4), panel.form.answers, strict=True):
        widget.value = answer
    panel.form.save.click()
    assert [w.date for w in planned.who5s()][-1] == TODAY and "80 %" in panel.form.result.value


def test_a_first_who5_is_asked_at_once(planned):
    view = StartView(StartController(planned, TODAY))
    assert view.who5_panel.form is not None
    assert view.who5_panel.box.children == (view.who5_panel.form.box,)


def test_start_who5_needs_all_five_answers(planned):
    view = StartView(StartController(planned, TODAY))
    view.who5.answers[0].value = 4
    view.who5.save.click()
    assert planned.who5s() == []
    assert "all five" in view.who5.result.value


def test_dating_goal_is_locked_when_the_break_says_no(planned):
    planned.save_record("break", START, {"answer": "agreed", "dating_allowed": False})
    view = StartView(StartController(planned, TODAY))
    assert view.goal_rows["Dating"][0].disabled


# --- 01 the break ----------------------------------------------------------------------------


def test_break_records_answer_and_terms_with_the_partners_name(planned):
    controller = BreakController(planned, TODAY)
    assert "Jordan" in controller.script()
    view = BreakView(controller)
    view.fields["answer"].widget.value = "Declined"
    view.fields["dating_allowed"].widget.value = True
    view.save.click()
    data = planned.record("break").data
    assert data == {
        "answer": "declined",
        "no_contact": True,
        "dating_allowed": True,
        "practical_allowed": False,
        "start_date": START.isoformat(),
    }
    assert "Jordan declined" in view.result.value
    assert "30 days of working on yourself" in view.result.value


def test_the_break_asks_for_the_plans_own_number_of_days(planned):
    planned.save_plan(replace(planned.plan(), days=14))
    controller = BreakController(planned, TODAY)
    assert "Could we take 14 days apart" in controller.script()
    outcome = controller.on_save(answer="agreed")
    assert "14 days of working on yourself" in outcome.message and "thirty" not in outcome.message


def test_break_without_an_answer_marks_the_answer(planned):
    view = BreakView(BreakController(planned, TODAY))
    view.save.click()
    assert planned.record("break") is None
    assert "Please answer" in view.fields["answer"].error.value


# --- 02 the daily check-in -------------------------------------------------------------------


def test_checkin_saves_today_and_says_what_was_saved(planned):
    view = CheckinView(CheckinController(planned, TODAY))
    assert "Day 30 of 30" in view.header.value
    f = {k: v.widget for k, v in view.fields.items()}
    f["mood"].value, f["energy"].value, f["sleep_hours"].value = 7, 6, 7.5
    f["emotions"].value = "hopeful, calm"
    view.goals["Gym"][0].value, view.goals["Gym"][1].value = True, 45
    f["win"].value = "First pottery class <3"
    view.save.click()
    saved = planned.checkin_on(TODAY)
    assert (saved.mood, saved.energy, saved.sleep_hours) == (7, 6, 7.5)
    assert saved.emotions == ("hopeful", "calm") and saved.goals == (("Gym", 45),)
    assert saved.slip is None
    assert "Saved your check-in for Wed, 25 Nov 2026 (day 30 of 30)" in view.result.value
    assert "Gym (45 min)" in view.result.value
    assert "&lt;3" in view.result.value and "<3" not in view.result.value  # escaped


def test_checkin_bad_sleep_is_marked_next_to_its_field(planned):
    view = CheckinView(CheckinController(planned, TODAY))
    view.fields["sleep_hours"].widget.value = 30
    view.save.click()
    assert planned.checkins() == []
    assert "Hours slept goes from 0 to 24" in view.fields["sleep_hours"].error.value
    assert view.fields["mood"].error.value == ""


def test_checkin_bad_minutes_marks_the_goals(planned):
    view = CheckinView(CheckinController(planned, TODAY))
    view.goals["Gym"][0].value, view.goals["Gym"][1].value = True, -5
    view.save.click()
    assert planned.checkins() == []
    assert "Minutes for “Gym”" in view.fields["goals"].error.value


def test_picking_a_past_day_loads_it_and_saving_corrects_it(planned):
    day = TODAY - timedelta(days=3)
    controller = CheckinController(planned, TODAY)
    controller.on_save(
        {"date": day, "mood": 3, "slip": "They called", "slip_by": "them", "goals": ["Pottery"]}
    )
    view = CheckinView(controller)
    view.fields["date"].widget.value = day
    assert "Day 27 of 30" in view.header.value
    assert "already holds a check-in (mood 3" in view.day_note.value
    assert view.fields["mood"].widget.value == 3
    assert view.fields["kept"].widget.value is False
    assert view.fields["slip"].widget.value == "They called"
    assert view.goals["Pottery"][0].value is True
    view.fields["mood"].widget.value = 5
    view.save.click()
    history = planned.checkin_history(day)
    assert [c.mood for c in history] == [3, 5]
    assert history[-1].slip == "They called" and history[-1].slip_by == "them"
    # Right after the save, a calm success at the top, not the amber "already holds".
    assert "workbook-success" in view.day_note.value and "is saved (mood 5" in view.day_note.value
    assert "Corrected Sun, 22 Nov 2026" in view.result.value
    view.fields["date"].widget.value = day - timedelta(days=1)
    assert "Nothing saved for Sat, 21 Nov 2026" in view.day_note.value
    assert view.fields["mood"].widget.value == 5 and view.fields["kept"].widget.value is True


def _pick_in_a_thread(widget, value):
    """Change a widget as JupyterLab's events do: from a kernel subshell's own thread."""
    import threading

    errors = []

    def change():
        try:
            widget.value = value
        except BaseException as error:  # noqa: BLE001 — reported by the assertion below
            errors.append(error)

    worker = threading.Thread(target=change)
    worker.start()
    worker.join()
    assert errors == []


def test_the_date_box_shows_each_picked_days_own_values_from_any_thread(planned):
    days = {START + timedelta(days=n): f"win of day {n + 1}" for n in (0, 2, 4)}
    for day, win in days.items():
        planned.save_checkin(Checkin(day, mood=3 + day.day % 5, win=win, note=f"{win}, noted"))
    view = CheckinView(CheckinController(planned, TODAY))
    for day, win in [*days.items(), (START + timedelta(days=1), "")]:
        _pick_in_a_thread(view.fields["date"].widget, day)
        assert view.fields["win"].widget.value == win
        assert view.fields["note"].widget.value == (f"{win}, noted" if win else "")
        assert view.shown_day == day and f"Day {(day - START).days + 1} of 30" in view.header.value
    view.fields["win"].widget.value = "an empty day, filled in"
    view.save.click()
    assert planned.checkin_on(START + timedelta(days=1)).win == "an empty day, filled in"
    assert [planned.checkin_on(d).win for d in days] == list(days.values())  # none touched


def test_a_save_never_carries_one_days_values_onto_another(planned, monkeypatch):
    day3, day5 = START + timedelta(days=2), START + timedelta(days=4)
    planned.save_checkin(Checkin(day3, mood=3, win="day three"))
    planned.save_checkin(Checkin(day5, mood=8, win="day five"))
    view = CheckinView(CheckinController(planned, TODAY))
    view.fields["date"].widget.value = day3
    reading = view.controller.on_pick_date
    with monkeypatch.context() as failing:  # picking day 5 fails: the form keeps day 3's words
        failing.setattr(view.controller, "on_pick_date", lambda day: 1 / 0)
        view.fields["date"].widget.value = day5
    assert view.fields["win"].widget.value == "day three" and view.shown_day is None
    view.save.click()
    assert planned.checkin_on(day5).win == "day five" and len(planned.checkin_history(day5)) == 1
    assert "Nothing was saved" in view.result.value
    assert view.controller.on_pick_date == reading
    assert view.fields["win"].widget.value == "day five" and view.shown_day == day5  # now shown


def test_a_handler_that_fails_says_so_on_the_page(planned, monkeypatch):
    view = CheckinView(CheckinController(planned, TODAY))

    def broken(day):
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(view.controller, "on_pick_date", broken)
    view.fields["date"].widget.value = START
    assert "Something went wrong" in view.day_note.value
    view.fields["win"].widget.value = "not for the wrong day"
    view.save.click()
    assert planned.checkins() == []  # the form never held this day's values: nothing saved
    assert "Something went wrong" in view.result.value


def test_checkin_a_future_day_is_refused_at_the_date(planned):
    view = CheckinView(CheckinController(planned, TODAY))
    view.fields["date"].widget.value = TODAY + timedelta(days=1)
    view.save.click()
    assert planned.checkins() == []
    assert "hasn’t happened yet" in view.fields["date"].error.value


def test_checkin_past_the_last_day_says_complete(planned):
    controller = CheckinController(planned, TODAY + timedelta(days=5))
    text, _ = controller.header()
    assert text.startswith("Day 35. ") and "Tracking goes on" in text
    assert " of 30" not in text  # not "Day 35 of 30"
    outcome = controller.on_save({"date": TODAY + timedelta(days=5), "mood": 6})
    assert outcome.ok and "(day 35)." in outcome.message, outcome.message
    again = controller.on_save({"date": TODAY + timedelta(days=5), "mood": 7})
    assert again.ok and again.message.startswith("Corrected") and "(day 35)." in again.message


# --- 04 the day-30 reflection ----------------------------------------------------------------


def answer(view, **values):
    for key, value in values.items():
        view.fields[key].widget.value = value
    view.save.click()


def test_reflection_opens_the_gate_on_a_resounding_yes(planned):
    view = ReflectionView(ReflectionController(planned, TODAY))
    answer(
        view,
        want_restart=True,
        conviction=9,
        keep_growing=True,
        felt_safe=True,
        accomplished="Ran 5 km",
        decision="I want to ask",
    )
    data = planned.record("reflection").data
    assert data["gate_open"] is True and data["conviction"] == 9
    assert data["accomplished"] == "Ran 5 km" and data["decision"] == "I want to ask"
    assert say("gate_open") in view.gate.value.replace("&#x27;", "'")


def test_reflection_conviction_eight_keeps_the_gate_closed(planned):
    view = ReflectionView(ReflectionController(planned, TODAY))
    answer(view, want_restart=True, conviction=8, keep_growing=True, felt_safe=True)
    data = planned.record("reflection").data
    assert data["gate_open"] is False and not data["show_help"]
    assert "8 out of 10" in view.gate.value and "Your next page: Keep going" in view.gate.value


def test_reflection_not_safe_shows_help_and_no_coaching(planned):
    view = ReflectionView(ReflectionController(planned, TODAY))
    answer(view, want_restart=True, conviction=10, keep_growing=True, felt_safe=False)
    assert planned.record("reflection").data["gate_open"] is False
    assert "116 123" in view.gate.value and "workbook-help" in view.gate.value
    reunion = ReunionController(planned, TODAY)
    assert not reunion.is_open and "116 123" in reunion.closed_html()
    assert not reunion.on_save(outcome="yes").ok
    assert planned.record("reunion") is None


def test_reflection_unanswered_safety_question_is_marked(planned):
    view = ReflectionView(ReflectionController(planned, TODAY))
    answer(view, want_restart=True, conviction=9, keep_growing=True)
    assert planned.record("reflection") is None
    assert "safe and respected" in view.fields["felt_safe"].error.value


def test_reflection_who5_compares_with_day_zero(planned):
    from workbook.core.model import Who5

    planned.save_who5(Who5(START - timedelta(days=1), (2, 2, 2, 2, 2)))
    view = ReflectionView(ReflectionController(planned, TODAY))
    for widget in view.who5.answers:
        widget.value = 4
    view.who5.save.click()
    assert "40 %" in view.who5.result.value and "80 %" in view.who5.result.value
    assert "up 40 points, a real change" in view.who5.result.value


def test_the_day_30_summary_follows_the_who5_once_saved(planned, capsys):
    from workbook.core.model import Who5
    from workbook.pages import reflection

    planned.save_who5(Who5(START - timedelta(days=1), (2, 2, 2, 2, 2)))
    reflection.show_numbers(planned.data_dir, TODAY.isoformat())
    (summary,) = reflection.SHOWN_NUMBERS
    assert "Take the day-30 WHO-5 below" in summary.value
    view = ReflectionView(ReflectionController(planned, TODAY))
    for widget in view.who5.answers:
        widget.value = 4
    view.who5.save.click()
    assert "Take the day-30 WHO-5" not in summary.value
    assert "40 %" in summary.value and "80 %" in summary.value


# --- 05 the reunion and 06 keep going --------------------------------------------------------


def test_reunion_script_uses_their_name_and_own_wins_then_records(planned):
    checkins = CheckinController(planned, TODAY)
    for n, win in ((3, "Made a <bowl>"), (9, "Deadlift PB")):
        checkins.on_save(
            {"date": START + timedelta(days=n), "mood": 6, "goals": ["Gym=30"], "win": win}
        )
    ReflectionController(planned, TODAY).on_save(
        want_restart="yes",
        conviction=10,
        keep_growing="yes",
        felt_safe="yes",
        accomplished="I feel like myself again",
    )
    controller = ReunionController(planned, TODAY)
    assert controller.is_open
    view = ReunionView(controller)
    script = view.fields["script"].widget.value
    assert script.startswith("Hi Jordan.") and "working on myself — gym" in script
    assert "I feel like myself again" in script
    page = view.box.children[0].value
    assert "Made a &lt;bowl&gt;" in page and "Deadlift PB" in page
    assert "% strength" not in page  # nothing clinical in the talking points
    assert "at a time that suits her" in page
    view.fields["script"].widget.value = "My own words"
    view.fields["outcome"].widget.value = "No"
    view.save.click()
    data = planned.record("reunion").data
    assert data["outcome"] == "no" and data["script"] == "My own words"
    assert "Keep going" in view.result.value and "06_keep_going" not in view.result.value
    words = KeepGoingController(planned, TODAY).encouragement()[0]
    assert words.startswith("What you keep") and "you will still be better off for it" in words


def test_keep_going_adds_a_goal_from_today_as_a_new_revision(planned):
    later = TODAY + timedelta(days=10)
    view = KeepGoingView(KeepGoingController(planned, later))
    view.name.value, view.times.value = "Choir", 1
    view.add.click()
    plans = planned.plan_history()
    assert len(plans) == 2
    assert plans[-1].goals[-1] == Goal("Choir", 1, since=later)
    assert plans[-1].goals[:2] == plans[0].goals
    view.name.value = "gym"
    view.add.click()
    assert len(planned.plan_history()) == 2
    assert "listed twice" in view.field.error.value


def test_keep_going_long_view_past_day_thirty(planned):
    controller = CheckinController(planned, date(2026, 12, 5))
    controller.on_save({"date": "2026-12-04", "mood": 8})
    html = KeepGoingController(planned, date(2026, 12, 5)).long_view_html()
    assert "Day 40. " in html and "8 since" in html and "Gym: 3 times a week" in html


def test_start_shows_and_keeps_the_users_own_goals(planned):
    planned.save_plan(
        replace(planned.plan(), goals=(Goal("Gym", 3), Goal("Choir", 1, since=TODAY)))
    )
    view = StartView(StartController(planned, TODAY))
    assert view.goal_rows["Choir"][0].value is True and view.goal_rows["Gym"][1].value == 3
    assert view.who5.values() == [None] * 5
    view.fields["why"].widget.value = "Still me"
    view.save.click()
    plan = planned.plan()
    assert plan.why == "Still me"
    assert plan.goals == (Goal("Gym", 3), Goal("Choir", 1, since=TODAY))


def test_reflection_page_shows_what_was_recorded(planned):
    ReflectionController(planned, TODAY).on_save(
        want_restart="no", conviction=3, keep_growing="yes", felt_safe="yes", discovered="A lot"
    )
    view = ReflectionView(ReflectionController(planned, TODAY))
    assert view.fields["want_restart"].widget.value is False
    assert view.fields["conviction"].widget.value == 3
    assert view.fields["discovered"].widget.value == "A lot"
    assert "really want to restart" in view.gate.value
    # No words of their own in the decision box: the date alone, no bare dash.
    assert "Your answers were recorded on" in view.gate.value
    assert "Recorded on" not in view.gate.value and ": —" not in view.gate.value

    ReflectionController(planned, TODAY).on_save(
        want_restart="no", conviction=3, keep_growing="yes", felt_safe="yes", decision="Not now"
    )
    gate = ReflectionView(ReflectionController(planned, TODAY)).gate.value
    assert "Recorded on" in gate and ": Not now" in gate


# --- The programme's calendar: day 30 opens on the last day ----------------------------------

COUNTS_THE_WHOLE_PROGRAMME = re.compile(
    r"\b30 days|thirty days|end of the break|end of your|first 30|day-30 WHO-5", re.IGNORECASE
)


def page_words(widget) -> str:
    """Every word a widget tree shows: HTML pieces, labels, button captions, text values."""
    words = [str(getattr(widget, name, "") or "") for name in ("value", "description")]
    return " ".join(words + [page_words(child) for child in getattr(widget, "children", ())])


def everything_shown(store, today) -> str:
    """Pages 04, 05 and 06 as their views show them on `today`."""
    reflection = ReflectionController(store, today)
    reunion = ReunionController(store, today)
    keep_going = KeepGoingController(store, today)
    parts = [
        reflection_numbers_html(store, today),
        page_words(ReflectionView(reflection).box),
        reunion.closed_html() if not reunion.is_open else page_words(ReunionView(reunion).box),
        keep_going.encouragement()[0],
        keep_going.long_view_html(),
        page_words(KeepGoingView(keep_going).box),
    ]
    return html.unescape(" ".join(parts))


def resounding_yes(store, today):
    return ReflectionController(store, today).on_save(
        want_restart="yes",
        conviction=10,
        keep_growing="yes",
        felt_safe="yes",
        accomplished="I ran 5 km",
        decision="I will ask",
    )


def test_day_21_of_30_the_reflection_waits_and_says_how_long(planned):
    day21 = START + timedelta(days=20)
    controller = ReflectionController(planned, day21)
    assert not controller.is_open
    shown = html.unescape(reflection_numbers_html(planned, day21))
    assert "day 21 of 30: 9 days to go" in shown and "Wed, 25 Nov 2026" in shown
    assert "keep checking in" in shown and "draft" in shown
    view = ReflectionView(controller)
    assert view.who5 is None and view.gate is None  # no day-30 WHO-5, no gate
    assert set(view.fields) == {"better_version", "accomplished", "discovered"}
    assert view.save.description == "Save my draft"
    outcome, reflection = resounding_yes(planned, day21)
    assert not outcome.ok and reflection is None
    assert "Nothing was decided" in outcome.message and "9 days from now" in outcome.message
    assert not controller.on_save_who5([5, 5, 5, 5, 5]).ok
    assert planned.record("reflection") is None and planned.who5s() == []


def test_day_21_a_draft_is_kept_and_opens_the_last_day(planned):
    day21 = START + timedelta(days=20)
    view = ReflectionView(ReflectionController(planned, day21))
    view.fields["accomplished"].widget.value = "Pottery, every week"
    view.save.click()
    assert "draft is saved" in view.result.value and "Nothing is decided" in view.result.value
    assert planned.record("reflection") is None
    assert planned.record("reflection_draft").data["accomplished"] == "Pottery, every week"
    again = ReflectionView(ReflectionController(planned, day21 + timedelta(days=1)))
    assert again.fields["accomplished"].widget.value == "Pottery, every week"
    last = ReflectionView(ReflectionController(planned, TODAY))
    assert last.who5 is not None and "want_restart" in last.fields
    assert last.fields["accomplished"].widget.value == "Pottery, every week"


def test_day_21_no_gate_no_reunion_no_thirty_days_anywhere(planned):
    day21 = START + timedelta(days=20)
    CheckinController(planned, day21).on_save({"date": day21, "mood": 7, "win": "Ran 5 km"})
    resounding_yes(planned, day21)
    assert planned.record("reflection") is None
    reunion = ReunionController(planned, day21)
    assert not reunion.is_open
    closed = html.unescape(reunion.closed_html())
    assert "opens on your last day, day 30: Wed, 25 Nov 2026, in 9 days" in closed
    assert not reunion.on_save(outcome="yes").ok and planned.record("reunion") is None
    shown = everything_shown(planned, day21)
    assert not COUNTS_THE_WHOLE_PROGRAMME.search(shown), COUNTS_THE_WHOLE_PROGRAMME.search(shown)
    assert "room to think" not in shown and "Calm, not desperate" not in shown
    assert "in your first 21 days so far" in shown


def test_the_reunion_stays_closed_before_the_last_day_even_with_a_decision(planned):
    """An import or an old workbook may hold a decision made early: the calendar still decides."""
    day29 = START + timedelta(days=28)
    planned.save_record(
        "reflection",
        day29,
        {"want_restart": True, "conviction": 10, "keep_growing": True, "felt_safe": True}
        | {"gate_open": True, "show_help": False, "gate_reasons": []},
    )
    reunion = ReunionController(planned, day29)
    assert not reunion.is_open and "in 1 day." in reunion.closed_html()
    assert not reunion.on_save(outcome="yes").ok and planned.record("reunion") is None
    waiting = html.unescape(reflection_numbers_html(planned, day29))
    assert "1 day to go" in waiting and "1 days" not in waiting
    assert "Recorded on" not in page_words(ReflectionView(ReflectionController(planned, day29)).box)
    assert ReunionController(planned, TODAY).is_open  # on the last day it opens as it is


@pytest.mark.parametrize("extra", [0, 1], ids=["day 30", "day 31"])
def test_from_the_last_day_the_gate_and_the_reunion_work_as_before(planned, extra):
    today = TODAY + timedelta(days=extra)
    shown = html.unescape(reflection_numbers_html(planned, today))
    assert "You made it to the end of your 30 days" in shown and "to go" not in shown
    outcome, reflection = resounding_yes(planned, today)
    assert outcome.ok and reflection.gate_open
    assert planned.record("reflection").data["gate_open"] is True
    reunion = ReunionController(planned, today)
    assert reunion.is_open and "These 30 days gave me room to think" in reunion.script()
    assert reunion.on_save(outcome="not yet").ok


def test_a_fourteen_day_plan_opens_on_its_own_last_day(store):
    start = TODAY - timedelta(days=13)  # TODAY is day 14 of 14
    store.save_plan(Plan(start_date=start, days=14, partner="Jordan", goals=(Goal("Gym", 3),)))
    day13 = TODAY - timedelta(days=1)
    assert not ReflectionController(store, day13).is_open
    assert "day 13 of 14: 1 day to go" in html.unescape(reflection_numbers_html(store, day13))
    assert not resounding_yes(store, day13)[0].ok and store.record("reflection") is None
    assert "in 1 day" in ReunionController(store, day13).closed_html()
    outcome, reflection = resounding_yes(store, TODAY)
    assert outcome.ok and reflection.gate_open
    shown = html.unescape(reflection_numbers_html(store, TODAY))
    assert "the end of your 14 days" in shown and "Your 14 days in numbers" in shown
    reunion = ReunionController(store, TODAY)
    assert reunion.is_open and "These 14 days gave me room" in reunion.script()
    reunion.on_save(outcome="no")
    words = KeepGoingController(store, TODAY).encouragement()[0]
    assert words.startswith("What you keep: 14 days")
    long_view = html.unescape(KeepGoingController(store, TODAY).long_view_html())
    assert "in the first 14 days" in long_view
    shown = everything_shown(store, TODAY)
    assert not re.search(r"\b30 days|thirty days|day-30 WHO|first 30", shown, re.IGNORECASE)


def test_the_script_greets_the_partner_by_the_name_they_use(planned):
    from workbook.pages.reunion import _greeting

    plan = planned.plan()
    assert _greeting(replace(plan, partner="Jordan Avery Lee")) == "Hi Jordan."
    assert _greeting(replace(plan, partner="your ex")) == "Hi."
