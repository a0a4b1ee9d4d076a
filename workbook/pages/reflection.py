"""04 · Day 30: the numbers, the WHO-5 against day 0, the questions, the safety question, the gate.

The page opens on the programme's last day (DESIGN.md, "Day 30 opens on the last day"). Before it,
the page says how many days remain and what to do with them, and the open questions may be drafted
(a `reflection_draft` record: words only); no WHO-5 is asked, no decision is recorded and the gate is
not evaluated, whatever the page is given.
"""

from __future__ import annotations

from datetime import date

from IPython.display import HTML, display

from ..core import rules
from ..core.messages import days_words, say
from ..core.records import GateAnswers, Reflection, ReflectionDraft
from ..core.validation import InputError, about, optional, parse_int, parse_text, validate_who5
from ..numbers import Numbers, build, decide
from ..store import Store
from ..views.templating import day_text
from .common import (
    close_widgets,
    message_html,
    never_a_traceback,
    on_click,
    show_message,
    widgets,
)
from .context import Ahead, open_store, resolve_today
from .forms import (
    LAYOUT,
    WIDE,
    Field,
    Outcome,
    Who5Form,
    help_html,
    required_yes_no,
    who5_feedback,
    yes_no,
)


def questions() -> list[tuple[str, str]]:
    """(key, question) for the open reflection questions."""
    parts = say("reflection_questions").split("|")
    return list(zip(parts[::2], parts[1::2], strict=True))


class ReflectionController:
    """The day-30 numbers, the WHO-5 comparison, and recording the decision through the gate."""

    def __init__(self, store: Store, today: date):
        self.store, self.today = store, today
        self.plan = plan = store.plan()
        self.calendar = (
            rules.programme_calendar(plan.start_date, plan.days, today) if plan else None
        )

    @property
    def is_open(self) -> bool:
        """From the last day on: the day-30 WHO-5, the decision and the gate."""
        return self.calendar is not None and self.calendar.last_day_reached

    def _when(self) -> dict:
        c = self.calendar
        return {
            "day": c.day,
            "days": c.days,
            "date": day_text(c.last_day),
            "remaining": days_words(c.days_remaining),
        }

    def waiting_html(self) -> str:
        """Before the last day: how many days remain, and what to do with them."""
        if self.calendar is None:
            return message_html(say("no_plan"), "warning")
        if self.calendar.day < 1:
            start = day_text(self.plan.start_date)
            return message_html(say("reflection_before_start", start=start, **self._when()), "info")
        return message_html(
            say("reflection_not_yet", **self._when()), "info", after=say("reflection_meanwhile")
        )

    def not_decided(self) -> str:
        """Why answers given before the last day were not recorded as a decision."""
        if self.calendar is None:
            return say("no_plan")
        return say("reflection_not_decided", **self._when())

    def numbers(self) -> Numbers:
        return build(self.store.snapshot(), self.today)

    def numbers_html(self) -> str:
        if not self.is_open:
            return self.waiting_html()
        n = self.numbers()
        if n.plan is None:
            return message_html(say("no_plan"), "warning")
        goals = [
            f"{g.name}: {g.days_done} days, {g.minutes} minutes, strength {g.strength:.0f} %"
            for g in n.goals
        ]
        mood = n.mood_mean
        rows = [
            f"{len(n.checkins)} check-ins; mood {mood if mood is not None else '—'} on average",
            f"No-contact: {n.no_contact_streak.current} days now, best {n.no_contact_streak.best}",
            f"Check-in streak: {n.checkin_streak.current} days now, best {n.checkin_streak.best}",
            f"{len(n.wins)} wins written down",
        ]
        head = say("numbers_intro", days=n.plan.days)
        welcome = message_html(say("reflection_welcome", days=n.plan.days), "success")
        return welcome + message_html(lead=head, items=rows + goals)

    def who5_comparison(self) -> str:
        n = self.numbers()
        change = n.who5_change
        if change is None:
            day = n.plan.days if n.plan else 30
            return say("who5_take_now", day=day)
        if change.real_change:
            words = say(
                "who5_real_up" if change.points > 0 else "who5_real_down", points=abs(change.points)
            )
        else:
            words = say("who5_small", points=change.points)
        first, last = change.before, change.after
        return say(
            "who5_compare",
            before=first.percent,
            before_date=first.date,
            after=last.percent,
            after_date=last.date,
            change=words,
        )

    def on_save_who5(self, answers) -> Outcome:
        if not self.is_open:
            if self.calendar is None:
                return Outcome(False, say("no_plan"))
            return Outcome(False, say("reflection_who5_not_yet", **self._when()))
        if any(optional(a) is None for a in answers):
            return Outcome(False, say("who5_pick_all"))
        try:
            who5 = validate_who5(answers, self.today, self.today)
        except InputError as error:
            return Outcome(False, str(error))
        self.store.save_who5(who5)
        return Outcome(True, say("who5_saved", date=who5.date, raw=who5.raw, percent=who5.percent))

    def on_save(self, **answers) -> tuple[Outcome, Reflection | None]:
        """Record the reflection; the gate, worked out once as it is saved, decides what is next.
        Before the last day nothing is recorded and the gate is not evaluated."""
        if not self.is_open:
            return Outcome(False, self.not_decided()), None
        try:
            with about("want_restart"):
                want = required_yes_no(answers.get("want_restart"), say("q_want_restart"))
            with about("conviction"):
                given = optional(answers.get("conviction"))
                conviction = parse_int(given if given is not None else 0, "Conviction", 0, 10)
            with about("keep_growing"):
                growing = required_yes_no(answers.get("keep_growing"), say("q_keep_growing"))
            with about("felt_safe"):
                safe = required_yes_no(answers.get("felt_safe"), say("q_felt_safe"))
            texts = {}
            for key, question in questions():
                with about(key):
                    texts[key] = parse_text(answers.get(key), question)
            with about("decision"):
                decision = parse_text(answers.get("decision"), say("q_decision"))
        except InputError as error:
            return Outcome(False, str(error), error.field), None
        reflection = decide(GateAnswers(want, conviction, growing, safe), texts, decision)
        self.store.save_record(Reflection.KIND, self.today, reflection.to_stored())
        return Outcome(True, say("reflection_saved")), reflection

    def draft(self) -> dict[str, str]:
        """The drafted answers, newest first: where the page starts when nothing is recorded."""
        found = ReflectionDraft.from_record(self.store.record(ReflectionDraft.KIND))
        return dict(found.texts) if found else {}

    def on_save_draft(self, **answers) -> Outcome:
        """Keep the open questions' words as a draft: no decision, no gate, any day."""
        if self.calendar is None:
            return Outcome(False, say("no_plan"))
        try:
            texts = {}
            for key, question in questions():
                with about(key):
                    texts[key] = parse_text(answers.get(key), question) or ""
        except InputError as error:
            return Outcome(False, str(error), error.field)
        if not any(texts.values()) and not self.draft():
            return Outcome(False, say("nothing_to_save"))
        self.store.save_record(ReflectionDraft.KIND, self.today, ReflectionDraft(texts).to_stored())
        when = self._when()
        return Outcome(True, say("reflection_draft_saved", days=when["days"], date=when["date"]))


def gate_html(reflection: Reflection) -> str:
    """What the gate said when the reflection was saved: open, or why not (kindly), with help
    when safety was missing."""
    if reflection.gate_open:
        return message_html(
            say("gate_open") + " " + say("next_stage", notebook="05_reunion"), "success"
        )
    conviction = reflection.answers.conviction
    body = message_html(
        kind="warning",
        items=[say(r, conviction=conviction) for r in reflection.gate_reasons],
        after=say("next_stage", notebook="06_keep_going"),
    )
    return body + (help_html() if reflection.show_help else "")


def recorded_html(store: Store) -> str:
    reflection = Reflection.from_record(store.record(Reflection.KIND))
    if reflection is None:
        return ""
    text = say(
        "decision_recorded", date=reflection.recorded_on, decision=reflection.decision or "—"
    )
    return message_html(text) + gate_html(reflection)


class ReflectionView:
    def __init__(self, controller: ReflectionController):
        self.controller = controller
        self.result = widgets.HTML()
        self.fields = {key: Field(q, widgets.Textarea(layout=WIDE)) for key, q in questions()}
        if not controller.is_open:
            self._build_draft()
            return
        self.who5 = Who5Form()
        on_click(self.who5.save, self.on_save_who5, report_to=self.who5.result)
        self.fields.update(
            {
                "want_restart": Field(say("q_want_restart"), yes_no()),
                "conviction": Field(
                    say("q_conviction"), widgets.IntSlider(value=5, min=0, max=10, layout=LAYOUT)
                ),
                "keep_growing": Field(say("q_keep_growing"), yes_no()),
                "felt_safe": Field(say("q_felt_safe"), yes_no()),
                "decision": Field(say("q_decision"), widgets.Textarea(layout=WIDE)),
            }
        )
        self.save = widgets.Button(description="Save my reflection", button_style="primary")
        on_click(self.save, self.on_save, report_to=self.result)
        self.gate = widgets.HTML(recorded_html(controller.store))
        recorded = controller.store.record(Reflection.KIND)
        # Come back to what you answered; or, the first time, to what you drafted.
        stored = Reflection.from_record(recorded).to_stored() if recorded else controller.draft()
        self._fill(stored)
        self.box = widgets.VBox(
            [self.who5.box]
            + [f.box for f in self.fields.values()]
            + [self.save, self.result, self.gate]
        )

    def _build_draft(self) -> None:
        """Before the last day: the open questions only, kept as a draft."""
        self.who5 = self.gate = None
        if self.controller.calendar is None:  # no plan: the page above says so, and no form
            self.save = widgets.Button(description="Save my draft", disabled=True)
            self.box = widgets.VBox([])
            return
        self._fill(self.controller.draft())
        self.save = widgets.Button(description="Save my draft", button_style="primary")
        on_click(self.save, self.on_save, report_to=self.result)
        days = self.controller.calendar.days
        title = widgets.HTML(message_html(lead=say("reflection_draft_title", days=days)))
        self.box = widgets.VBox(
            [title] + [f.box for f in self.fields.values()] + [self.save, self.result]
        )

    def _fill(self, stored: dict) -> None:
        for key, value in stored.items():
            if key in self.fields and value is not None:
                self.fields[key].widget.value = value

    def on_save_who5(self) -> Outcome:
        outcome = self.controller.on_save_who5(self.who5.values())
        text = outcome.message
        if outcome.ok:
            text += " " + self.controller.who5_comparison()
        self.who5.result.value = message_html(text, "success" if outcome.ok else "error")
        return outcome

    def on_save(self) -> Outcome:
        for f in self.fields.values():
            f.clear()
        values = {k: f.widget.value for k, f in self.fields.items()}
        if self.gate is None:  # before the last day: a draft
            outcome = self.controller.on_save_draft(**values)
        else:
            outcome, _gate = self.controller.on_save(**values)
        if not outcome.ok and outcome.field in self.fields:
            self.fields[outcome.field].show_error(outcome.message)
        self.result.value = message_html(outcome.message, "success" if outcome.ok else "error")
        if self.gate is not None:
            self.gate.value = recorded_html(self.controller.store) if outcome.ok else ""
        return outcome


def numbers_html(store: Store, today: date) -> str:
    """The programme's days in numbers, and the WHO-5 against day 0, as one piece of the page
    (before the last day: how many days remain, and what to do with them)."""
    controller = ReflectionController(store, today)
    if not controller.is_open:  # before the last day: the days to go, no day-30 WHO-5
        return controller.numbers_html()
    return controller.numbers_html() + message_html(controller.who5_comparison())


# In the app, the numbers and the form are built before anyone asks, and shown if the workbook
# and the day are unchanged (workbook/app/rehearsal.py).
PREPARED_NUMBERS = Ahead(numbers_html)
PREPARED_VIEW = Ahead(
    lambda store, today: ReflectionView(ReflectionController(store, today)),
    lambda view: close_widgets(view.box),
    keeps_store=True,
)


@never_a_traceback
def show_numbers(data_dir=None, today=None) -> None:
    """The programme's days in numbers, and the WHO-5 against day 0 (or the days to go)."""
    day = resolve_today(today)  # in the app, after the wait for the request
    html = PREPARED_NUMBERS.take(data_dir, day)
    if html is None:
        with open_store(data_dir) as store:
            html = numbers_html(store, day)
    display(HTML(html))


@never_a_traceback
def show(
    data_dir=None,
    today=None,
    who5=None,
    better_version=None,
    accomplished=None,
    discovered=None,
    want_restart=None,
    conviction=None,
    keep_growing=None,
    felt_safe=None,
    decision=None,
):
    """The questions and the gate; with the gate's answers given, records them with no click."""
    day = resolve_today(today)  # in the app, after the wait for the request
    gate_given = [optional(v) for v in (want_restart, keep_growing, felt_safe)]
    if who5 is None and all(v is None for v in gate_given):
        view = PREPARED_VIEW.take(data_dir, day)
        display((view or ReflectionView(ReflectionController(open_store(data_dir), day))).box)
        return
    store = open_store(data_dir)
    controller = ReflectionController(store, day)
    if not controller.is_open:
        _before_the_last_day(
            controller,
            who5,
            better_version=better_version,
            accomplished=accomplished,
            discovered=discovered,
        )
        store.close()
        return
    if who5 is not None:
        outcome = controller.on_save_who5(list(who5))
        show_message(outcome.message, "success" if outcome.ok else "error")
        if outcome.ok:
            show_message(controller.who5_comparison())
            text, kind = who5_feedback(who5)
            show_message(text, kind)
    if all(v is None for v in gate_given):
        store.close()
        return
    outcome, _gate = controller.on_save(
        want_restart=want_restart,
        conviction=conviction,
        keep_growing=keep_growing,
        felt_safe=felt_safe,
        better_version=better_version,
        accomplished=accomplished,
        discovered=discovered,
        decision=decision,
    )
    show_message(outcome.message, "success" if outcome.ok else "error")
    if outcome.ok:
        display(HTML(recorded_html(store)))
    store.close()


def _before_the_last_day(controller: ReflectionController, who5, **texts) -> None:
    """Answers given before the last day (papermill): the words kept as a draft, nothing decided,
    no WHO-5 saved, and the page says why."""
    if who5 is not None:
        show_message(controller.on_save_who5(list(who5)).message, "info")
    if any(optional(v) is not None for v in texts.values()):
        outcome = controller.on_save_draft(**texts)
        show_message(outcome.message, "success" if outcome.ok else "error")
    show_message(controller.not_decided(), "info")
