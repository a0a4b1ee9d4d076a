"""The moment of the urge: a moment saved and read back, if-then plans with their history, a
moment that ended in contact, `workbook urge` in a real terminal and its refusals."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import threading
from datetime import date, datetime, time, timedelta

import pytest

from tests.conftest import TODAY, db_digest
from workbook.core.urge import IfThenPlan, newest_moments
from workbook.numbers import build
from workbook.pages.urge_controller import UrgeController
from workbook.store import Store

T = f"--today={TODAY}"
NIGHT = datetime(2026, 11, 25, 23, 10)


def test_a_moment_is_saved_and_read_back(demo_dir):
    with Store(demo_dir) as store:
        before = build(store.snapshot(), TODAY)
        c = UrgeController(store, TODAY, NIGHT)
        assert c.triggers, "the demo's own triggers are offered"
        outcome = c.on_save(
            {
                "before": 8, "trigger": "Sunday night", "feeling": "lonely",
                "words": "I miss you <b>so</b> much", "plan": "If Sunday night, then I call Sam",
                "goal": "Exercise", "after": 3, "outcome": "wrote_here",
            }
        )  # fmt: skip
        assert outcome.ok and "from 8 down to 3" in outcome.message
        rows = store.conn.execute(
            "SELECT day, json_extract(data, '$.at'), json_extract(data, '$.words'),"
            " json_extract(data, '$.outcome') FROM stage_records WHERE kind = 'urge_moment'"
        ).fetchall()
        assert [tuple(r) for r in rows] == [
            ("2026-11-25", "2026-11-25T23:10", "I miss you <b>so</b> much", "wrote_here")
        ]
        # The plan for that trigger is kept, and shown whatever the case it is typed in.
        again = UrgeController(store, TODAY, datetime(2026, 11, 25, 23, 40))
        assert again.plan_for("sunday NIGHT") == "If Sunday night, then I call Sam"
        assert "Sunday night" in again.triggers[:6]
        # A new plan for the same trigger is the one shown; the first stays in its history.
        assert again.on_save(
            {"before": 6, "trigger": "Sunday night", "plan": "If Sunday night, then I run",
             "after": 6, "outcome": "need_more_time"}
        ).ok  # fmt: skip
        history = [IfThenPlan.from_record(r).plan for r in store.records("if_then_plan")]
        assert history == ["If Sunday night, then I call Sam", "If Sunday night, then I run"]
        assert UrgeController(store, TODAY).plan_for("Sunday night").endswith("then I run")
        assert "moments today: 2" in UrgeController(store, TODAY).today_count().lower()
        # Kept no contact: the streak and the slip-free days are as before.
        after = build(store.snapshot(), TODAY)
        assert after.no_contact_streak == before.no_contact_streak
        assert after.slip_free == before.slip_free


def test_reaching_out_is_that_days_contact_and_takes_no_day_away(data_dir, run_cli):
    assert run_cli("plan", "--data-dir", data_dir, "--start", "2026-11-01").code == 0
    with Store(data_dir) as store:
        assert build(store.snapshot(), TODAY).slip_free == (25, 25)
        c = UrgeController(store, TODAY, datetime(2026, 11, 20, 22, 0))
        outcome = c.on_save({"before": 9, "after": 9, "outcome": "reached_out"})
        assert outcome.ok and "counted as contact on Fri, 20 Nov 2026" in outcome.message
        numbers = build(store.snapshot(), TODAY)
    assert numbers.slip_free == (24, 25)  # "24 of 25 days": the days before stay
    assert numbers.no_contact_streak.current == 5  # 21–25 November
    assert numbers.no_contact_streak.best == 19  # 1–19 November


@pytest.mark.parametrize(
    "bad",
    [
        ["--before", "11", "--outcome", "1"],
        ["--before", "seven", "--outcome", "1"],
        ["--before", "7", "--outcome", "5"],
        ["--before", "7", "--outcome", "1", "--after", "-1"],
        ["--before", "7", "--outcome", "1", "--at", "tonight"],
        ["--before", "7", "--outcome", "1", "--minutes", "61"],
        ["--before", "7", "--outcome", "1", "--trigger", "x" * 201],
        ["--before", "7"],  # no terminal to ask in, and no outcome
    ],
)
def test_workbook_urge_refuses_bad_input_and_writes_nothing(run_cli, demo_dir, bad):
    digest = db_digest(demo_dir)
    result = run_cli("urge", "--data-dir", demo_dir, T, *bad)
    assert result.code == 2 and result.err.startswith("workbook: ") and result.err[-1] == "\n"
    assert result.err.count("\n") == 1
    assert db_digest(demo_dir) == digest


def _read_until(fd: int, wanted: str, seen: list[str], timeout: float = 20) -> None:
    text = ""
    while wanted not in text:
        ready, _, _ = select.select([fd], [], [], timeout)
        assert ready, f"waited for {wanted!r}; the terminal shows:\n{''.join(seen)}"
        chunk = os.read(fd, 4096).decode("utf-8", "replace")
        seen.append(chunk)
        text += chunk


def test_workbook_urge_asks_each_step_in_a_terminal(demo_dir):
    """The whole moment typed into a real terminal (a pty), a wrong answer asked again."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "workbook", "urge", "--data-dir", str(demo_dir), T,
         "--at", "2026-11-25T21:30", "--minutes", "0"],
        stdin=follower, stdout=follower, stderr=follower, close_fds=True,
    )  # fmt: skip
    os.close(follower)
    seen: list[str] = []
    steps = [
        ("How strong is the urge right now?", "12"),  # asked again
        ("goes from 0 to 10", "8"),
        ("What set it off?", "1"),  # the first of their own triggers
        ("What are you feeling?", "alone"),
        ("What do you want to say", "Please call me"),
        ("If …, then I …", "If that happens, then I text Mum"),
        ("One goal you could do right now", "1"),
        ("And now: how strong is the urge?", "4"),
        ("What happened?", "1"),
    ]
    for question, answer in steps:
        _read_until(leader, question, seen)
        os.write(leader, f"{answer}\r".encode())
    _read_until(leader, "Saved.", seen)
    assert process.wait(timeout=20) == 0
    os.close(leader)
    with Store(demo_dir) as store:
        moment = UrgeController(store, TODAY).moments[-1]
        first_trigger = UrgeController(store, TODAY).plan_for(moment.trigger)
    assert (moment.at, moment.before, moment.after) == (datetime(2026, 11, 25, 21, 30), 8, 4)
    assert moment.words == "Please call me" and moment.outcome == "did_not_reach_out"
    assert moment.feeling == "alone" and moment.goal and moment.trigger
    assert first_trigger == "If that happens, then I text Mum"
    assert moment.day == date(2026, 11, 25)


UNSENT = ["I still love you", "Why did you <b>leave</b>?", "Call me & we’ll talk"]


def test_the_report_leaves_the_unsent_words_out_unless_asked(run_cli, demo_dir, tmp_path):
    with Store(demo_dir) as store:
        for hour, words in enumerate(UNSENT, start=20):
            at = datetime(2026, 11, 20 + hour - 20, hour, 0)
            fields = {"before": 7, "after": 5, "words": words, "outcome": "wrote_here"}
            assert UrgeController(store, TODAY, at).on_save(fields).ok
    plain, asked = tmp_path / "plain.html", tmp_path / "asked.html"
    assert run_cli("report", "--data-dir", demo_dir, T, "--output", plain).code == 0
    r = run_cli("report", "--data-dir", demo_dir, T, "--output", asked, "--include-words")
    assert r.code == 0, r.err
    plain_html, asked_html = plain.read_text(), asked.read_text()
    for words in ("I still love you", "Why did you", "we’ll talk"):
        assert words not in plain_html
    assert "What I wanted to say" not in plain_html
    assert "I still love you" in asked_html
    assert "Why did you &lt;b&gt;leave&lt;/b&gt;?" in asked_html  # as text, never markup
    assert "Call me &amp; we’ll talk" in asked_html
    # The JSON summary never carries them; the export keeps every one.
    summary = run_cli("report", "--data-dir", demo_dir, T, "--format", "json").out
    assert "I still love you" not in summary
    export = tmp_path / "export.json"
    assert run_cli("export", "--data-dir", demo_dir, T, "--output", export).code == 0
    assert all(
        json.dumps(words, ensure_ascii=False)[1:-1] in export.read_text() for words in UNSENT
    )
    # On day 30, the reflection shows them, collapsed.
    from workbook.pages.reflection import numbers_html

    with Store(demo_dir) as store:
        day30 = numbers_html(store, TODAY)
    assert "<details" in day30 and "<details open" not in day30
    assert "Read what you wanted to say, and how it sits with you now (3 moments)" in day30
    assert "Why did you &lt;b&gt;leave&lt;/b&gt;?" in day30


def test_contact_comes_in_kinds(run_cli, data_dir):
    """Practical contact the break allows is recorded, not a slip; a look at their profile is
    counted apart; a slip takes away only its own day."""
    from workbook.pages.the_break import BreakController

    assert run_cli("plan", "--data-dir", data_dir, "--start", "2026-11-01").code == 0
    for day, kind in (("2026-11-05", "practical"), ("2026-11-06", "profile"), ("2026-11-07", "me")):
        r = run_cli("checkin", "--data-dir", data_dir, T, "--date", day, "--mood", "5",
                    "--slip", "what happened", "--slip-by", kind)  # fmt: skip
        assert r.code == 0, r.err
    with Store(data_dir) as store:
        strict = build(store.snapshot(), TODAY)
        assert BreakController(store, TODAY).on_save(answer="agreed", practical_allowed="yes").ok
        allowed = build(store.snapshot(), TODAY)
    # Without the terms allowing it, practical contact is a slip; a look at the profile never is.
    assert [c.slip_by for c in strict.slips] == ["practical", "me"]
    assert strict.slip_free == (23, 25)
    assert [c.slip_by for c in allowed.slips] == ["me"]
    assert allowed.slip_free == (24, 25) and allowed.no_contact_streak.current == 18
    assert [c.slip_by for c in allowed.other_contact] == ["practical", "profile"]
    from workbook.pages.urge_patterns import slip_free_words

    words = slip_free_words(allowed)
    assert words.startswith("24 of 25 days without a contact slip so far.")
    assert "Practical contact the break allows: 1 day" in words
    assert "You looked at their profile on 1 day" in words


def test_if_then_plans_written_on_the_start_page(demo_dir):
    """The start page's plans are the urge page's: one current per trigger, history kept."""
    from workbook.pages.if_then import IfThenController, IfThenPanel
    from workbook.pages.start import StartController, StartView

    with Store(demo_dir) as store:
        view = StartView(StartController(store, TODAY)).if_then
        controller = view.controller
        assert "Sunday night" in controller.triggers()
        before = db_digest(demo_dir)
        for trigger, plan, field in (
            ("  ", "then I walk", "trigger"),
            ("Sunday night", "", "plan"),
        ):
            outcome = controller.on_save(trigger, plan)
            assert not outcome.ok and outcome.field == field, outcome
        assert db_digest(demo_dir) == before  # bad input: nothing changes
        view.pick.value = "Sunday night"
        view.fields["plan"].widget.value = "If it's Sunday night, then I call my sister"
        assert view.on_save().ok
        assert view.on_save().message.startswith("This is already your plan")
        assert "call my sister" in view.kept.value
        assert controller.on_save("sunday NIGHT ", "If it's Sunday night, then I go out").ok
        plans = [IfThenPlan.from_record(r) for r in store.records(IfThenPlan.KIND)]
        ours = [p.plan for p in plans if p.trigger.casefold() == "sunday night"]
        assert ours[-2:] == [
            "If it's Sunday night, then I call my sister",
            "If it's Sunday night, then I go out",
        ]
        # The urge page shows the current one when that trigger comes up.
        assert UrgeController(store, TODAY).plan_for("Sunday Night") == ours[-1]
        # A trigger with a plan fills the plan box when picked again.
        fresh = IfThenPanel(IfThenController(store, TODAY))
        fresh.fields["trigger"].widget.value = "Sunday night"
        assert fresh.fields["plan"].widget.value == ours[-1]


def test_unsent_words_are_kept_as_a_draft_until_the_moment_is_saved(run_cli, demo_dir, tmp_path):
    """Typed words survive a page closed too soon; saving the moment clears the draft; the
    draft is the person's own, so an export keeps it (and imports back) and the report never
    shows it."""
    from workbook.pages.urge import UrgeView
    from workbook.store.transfer import export_json, import_into

    words = "I miss you, I <b>want</b>"

    def typed(widget, value):
        # Typed where no event loop runs (as in papermill), so the words are written at once.
        # Not on this thread: where a browser test ran first, Playwright's sync API leaves an
        # event loop marked as running on it, which would only time the write for later.
        typing = threading.Thread(target=setattr, args=(widget, "value", value))
        typing.start()
        typing.join()

    with Store(demo_dir) as store:
        view = UrgeView(UrgeController(store, TODAY))
        typed(view.fields["words"].widget, "I miss you")
        typed(view.fields["words"].widget, words)
        assert [r.data["words"] for r in store.records("urge_draft")] == ["I miss you", words]
        typed(view.fields["words"].widget, words + "  ")  # the same words: nothing new written
        assert len(store.records("urge_draft")) == 2
        # The page opened again the same day starts from them; another day does not.
        assert UrgeView(UrgeController(store, TODAY)).fields["words"].widget.value == words
        assert UrgeController(store, TODAY + timedelta(days=1)).draft() == ""
    report = tmp_path / "report.html"
    r = run_cli("report", "--data-dir", demo_dir, T, "--output", report, "--include-words")
    assert r.code == 0, r.err
    assert "I miss you" not in report.read_text()  # a draft is no moment: never reported
    export = tmp_path / "export.json"
    with Store(demo_dir) as store:
        export.write_bytes(export_json(store))
    with Store(tmp_path / "copy") as copy:
        import_into(copy, export)  # each record checked on the way in (core.records)
        assert UrgeController(copy, TODAY).draft() == words
    with Store(demo_dir) as store:
        again = UrgeView(UrgeController(store, TODAY, datetime.combine(TODAY, time(23, 5))))
        again.fields["before"].widget.value = 7
        again.fields["outcome"].widget.value = "wrote_here"
        assert again.on_save().ok
        assert UrgeController(store, TODAY).draft() == ""
        assert newest_moments(store.records("urge_moment"))[-1].words == words
