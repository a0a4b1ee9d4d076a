"""04 · Day 30: the numbers, the WHO-5 against day 0, the questions, the safety question, the gate."""

from __future__ import annotations

from datetime import date

from IPython.display import HTML, display

from .. import rules
from ..context import open_store, resolve_today
from ..messages import say
from ..rules import GateAnswers, reunion_gate
from ..store import Store
from ..summary import build_summary
from ..validation import InputError, optional, parse_int, parse_text, validate_who5
from .common import escape, message_html, never_a_traceback, show_message, widgets
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

GATE_FIELDS = ("want_restart", "conviction", "keep_growing", "felt_safe")


def questions() -> list[tuple[str, str]]:
    """(key, question) for the open reflection questions."""
    parts = say("reflection_questions").split("|")
    return list(zip(parts[::2], parts[1::2], strict=True))


class ReflectionController:
    """The day-30 numbers, the WHO-5 comparison, and recording the decision through the gate."""

    def __init__(self, store: Store, today: date):
        self.store, self.today = store, today

    def summary(self) -> dict:
        return build_summary(self.store.snapshot(), self.today)

    def numbers_html(self) -> str:
        s = self.summary()
        if s["programme"] is None:
            return message_html(say("no_plan"), "warning")
        goals = "".join(
            f"<li>{escape(g['name'])}: {g['days_done']} days, {g['minutes']} minutes, "
            f"strength {g['strength']:.0f} %</li>"
            for g in s["goals"]
        )
        st = s["streaks"]
        mood = s["mood"]["mean"]
        rows = [
            f"{s['checkins']} check-ins; mood {mood if mood is not None else '—'} on average",
            f"No-contact: {st['no_contact_current']} days now, best {st['no_contact_best']}",
            f"Check-in streak: {st['checkin_current']} days now, best {st['checkin_best']}",
            f"{len(s['accomplishments'])} wins written down",
        ]
        items = "".join(f"<li>{r}</li>" for r in rows)
        head = say("numbers_intro", days=s["programme"]["days"])
        return message_html(f"{head}<ul>{items}{goals}</ul>", "info", trusted_html=True)

    def who5_comparison(self) -> str:
        who5s = self.store.who5s()
        plan = self.store.plan()
        if len(who5s) < 2:
            day = plan.days if plan else 30
            return say("who5_take_now", day=day)
        change, real = rules.who5_change(who5s[0], who5s[-1])
        if real:
            words = say("who5_real_up" if change > 0 else "who5_real_down", points=abs(change))
        else:
            words = say("who5_small", points=change)
        return say(
            "who5_compare",
            before=who5s[0].percent,
            before_date=who5s[0].date,
            after=who5s[-1].percent,
            after_date=who5s[-1].date,
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

    def on_save(self, **answers) -> tuple[Outcome, rules.GateResult | None]:
        """Record the reflection; the gate decides what comes next."""
        labels = {
            "want_restart": say("q_want_restart"),
            "conviction": say("q_conviction"),
            "keep_growing": say("q_keep_growing"),
            "felt_safe": say("q_felt_safe"),
        }
        try:
            gate_answers = GateAnswers(
                want_restart=required_yes_no(answers.get("want_restart"), labels["want_restart"]),
                conviction=parse_int(
                    answers.get("conviction")
                    if optional(answers.get("conviction")) is not None
                    else 0,
                    "Conviction",
                    0,
                    10,
                ),
                keep_growing=required_yes_no(answers.get("keep_growing"), labels["keep_growing"]),
                felt_safe=required_yes_no(answers.get("felt_safe"), labels["felt_safe"]),
            )
            texts = {key: parse_text(answers.get(key), question) for key, question in questions()}
            decision = parse_text(answers.get("decision"), say("q_decision"))
        except InputError as error:
            field = next((k for k, v in labels.items() if v in str(error)), None)
            return Outcome(
                False, str(error), field or ("conviction" if "Conviction" in str(error) else None)
            ), None
        gate = reunion_gate(gate_answers)
        data = {
            "want_restart": gate_answers.want_restart,
            "conviction": gate_answers.conviction,
            "keep_growing": gate_answers.keep_growing,
            "felt_safe": gate_answers.felt_safe,
            "gate_open": gate.open,
            "show_help": gate.show_help,
            "reasons": [gate_sentence(r, gate_answers) for r in gate.reasons],
            "decision": decision,
            **texts,
        }
        self.store.save_record("reflection", self.today, data)
        return Outcome(True, say("reflection_saved")), gate


def gate_sentence(key: str, answers: GateAnswers) -> str:
    return say(key, conviction=answers.conviction)


def gate_html(gate: rules.GateResult, answers: GateAnswers) -> str:
    """What the gate says: open, or why not (kindly), with help when safety was missing."""
    if gate.open:
        return message_html(
            say("gate_open") + " " + say("next_stage", notebook="05_reunion"),
            "success",
            trusted_html=True,
        )
    reasons = "".join(f"<li>{escape(gate_sentence(r, answers))}</li>" for r in gate.reasons)
    body = message_html(
        f"<ul>{reasons}</ul>{say('next_stage', notebook='06_keep_going')}",
        "warning",
        trusted_html=True,
    )
    return body + (help_html() if gate.show_help else "")


def recorded_html(store: Store) -> str:
    record = store.record("reflection")
    if record is None:
        return ""
    data = record.data
    answers = GateAnswers(
        bool(data.get("want_restart")),
        int(data.get("conviction", 0)),
        bool(data.get("keep_growing")),
        bool(data.get("felt_safe")),
    )
    text = say("decision_recorded", date=record.date, decision=data.get("decision") or "—")
    return message_html(text) + gate_html(reunion_gate(answers), answers)


class ReflectionView:
    def __init__(self, controller: ReflectionController):
        self.controller = controller
        self.who5 = Who5Form()
        self.who5.save.on_click(lambda _: self.on_save_who5())
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
        self.save.on_click(lambda _: self.on_save())
        self.result = widgets.HTML()
        self.gate = widgets.HTML(recorded_html(controller.store))
        recorded = controller.store.record("reflection")
        for key, value in recorded.data.items() if recorded else ():
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


@never_a_traceback
def show_numbers(data_dir=None, today=None) -> None:
    """The thirty days in numbers, and the WHO-5 against day 0."""
    with open_store(data_dir) as store:
        controller = ReflectionController(store, resolve_today(today))
        display(HTML(controller.numbers_html() + message_html(controller.who5_comparison())))


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
    store = open_store(data_dir)
    controller = ReflectionController(store, resolve_today(today))
    if who5 is not None:
        outcome = controller.on_save_who5(list(who5))
        show_message(outcome.message, "success" if outcome.ok else "error")
        if outcome.ok:
            show_message(controller.who5_comparison())
            text, kind = who5_feedback(who5)
            show_message(text, kind)
    gate_given = [optional(v) for v in (want_restart, keep_growing, felt_safe)]
    if all(v is None for v in gate_given):
        if who5 is None:
            display(ReflectionView(controller).box)
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
