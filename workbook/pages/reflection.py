"""04 · Day 30: the numbers, the WHO-5 against day 0, the questions, the safety question, the gate."""

from __future__ import annotations

from datetime import date

from IPython.display import HTML, display

from ..core.messages import say
from ..core.records import GateAnswers, Reflection
from ..core.validation import InputError, about, optional, parse_int, parse_text, validate_who5
from ..numbers import Numbers, build, decide
from ..store import Store
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

    def numbers(self) -> Numbers:
        return build(self.store.snapshot(), self.today)

    def numbers_html(self) -> str:
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
        return message_html(lead=head, items=rows + goals)

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
        if any(optional(a) is None for a in answers):
            return Outcome(False, say("who5_pick_all"))
        try:
            who5 = validate_who5(answers, self.today, self.today)
        except InputError as error:
            return Outcome(False, str(error))
        self.store.save_who5(who5)
        return Outcome(True, say("who5_saved", date=who5.date, raw=who5.raw, percent=who5.percent))

    def on_save(self, **answers) -> tuple[Outcome, Reflection | None]:
        """Record the reflection; the gate, worked out once as it is saved, decides what is next."""
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
        self.who5 = Who5Form()
        on_click(self.who5.save, self.on_save_who5, report_to=self.who5.result)
        self.fields = {key: Field(q, widgets.Textarea(layout=WIDE)) for key, q in questions()}
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
        self.result = widgets.HTML()
        on_click(self.save, self.on_save, report_to=self.result)
        self.gate = widgets.HTML(recorded_html(controller.store))
        recorded = controller.store.record(Reflection.KIND)
        stored = Reflection.from_record(recorded).to_stored() if recorded else {}
        for key, value in stored.items():
            if key in self.fields and value is not None:  # come back to what you answered
                self.fields[key].widget.value = value
        self.box = widgets.VBox(
            [self.who5.box]
            + [f.box for f in self.fields.values()]
            + [self.save, self.result, self.gate]
        )

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
        outcome, _gate = self.controller.on_save(**values)
        if not outcome.ok and outcome.field in self.fields:
            self.fields[outcome.field].show_error(outcome.message)
        self.result.value = message_html(outcome.message, "success" if outcome.ok else "error")
        self.gate.value = recorded_html(self.controller.store) if outcome.ok else ""
        return outcome


def numbers_html(store: Store, today: date) -> str:
    """The thirty days in numbers, and the WHO-5 against day 0, as one piece of the page."""
    controller = ReflectionController(store, today)
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
    """The thirty days in numbers, and the WHO-5 against day 0."""
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
