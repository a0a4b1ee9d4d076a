"""01 · The break: words for asking, and what was agreed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from IPython.display import HTML, display

from ..core.messages import days_words, say
from ..core.records import BREAK_ANSWERS, BreakAgreement
from ..core.validation import InputError, about, optional, parse_choice, parse_date
from ..store import Store
from ..views.html_pieces import page_piece
from .common import message_html, never_a_traceback, on_click, show_message, widgets
from .context import open_store, resolve_today
from .forms import Field, Outcome, help_html, parse_yes_no, pronoun_forms, toggles, yes_no
from .safety import concern

ANSWERS = BREAK_ANSWERS


class BreakController:
    """Recording the partner's answer and the terms of the break."""

    def __init__(self, store: Store, today: date):
        self.store, self.today = store, today

    def script(self) -> str:
        plan = self.store.plan()
        return say(
            "break_script", days=days_words(plan.days if plan else 30), **pronoun_forms(plan)
        )

    def on_save(
        self,
        *,
        answer,
        no_contact=True,
        dating_allowed=False,
        start_date=None,
        practical_allowed=False,
    ) -> Outcome:
        plan = self.store.plan()
        try:
            with about("answer"):
                chosen = parse_choice(answer, "Their answer", ANSWERS)
            with about("no_contact"):
                no_contact = parse_yes_no(True if no_contact is None else no_contact, "No contact")
            with about("dating_allowed"):
                dating = parse_yes_no(False if dating_allowed is None else dating_allowed, "Dating")
            with about("practical_allowed"):
                practical = parse_yes_no(
                    False if practical_allowed is None else practical_allowed,
                    say("break_field_practical"),
                )
            with about("start_date"):
                fallback = plan.start_date if plan else self.today
                start = parse_date(
                    optional(start_date) or fallback, "The start date", allow_future=True
                )
        except InputError as error:
            return Outcome(False, str(error), error.field)
        agreement = BreakAgreement(chosen, no_contact, dating, start, practical_allowed=practical)
        self.store.save_record(agreement.KIND, self.today, agreement.to_stored())
        words = say("break_" + chosen.replace(" ", "_"))
        forms = pronoun_forms(plan)
        text = say(
            "break_saved",
            partner=forms["partner_cap"],
            answer_words=words,
            no_contact="yes" if no_contact else "no",
            dating="allowed" if dating else "not allowed",
            start=start,
        )
        if plan is not None and plan.start_date != start:
            self.store.save_plan(replace(plan, start_date=start, revision=None))
            text += " " + say("break_plan_moved", start=start)
        days = plan.days if plan else 30
        return Outcome(True, text + " " + say("break_same_next", days=days_words(days)))


class BreakView:
    def __init__(self, controller: BreakController):
        self.controller = controller
        record = controller.store.record(BreakAgreement.KIND)
        data = BreakAgreement.from_record(record).to_stored() if record else {}
        plan = controller.store.plan()
        start = data.get("start_date") or (plan.start_date.isoformat() if plan else None)
        self.fields = {
            "answer": Field(
                say("break_label_answer"),
                toggles(
                    options=[a.capitalize() for a in ANSWERS],
                    value=data["answer"].capitalize() if data.get("answer") else None,
                ),
            ),
            "no_contact": Field(
                say("break_label_no_contact"), yes_no(data.get("no_contact", True))
            ),
            "dating_allowed": Field(
                say("break_label_dating"), yes_no(data.get("dating_allowed", False))
            ),
            "practical_allowed": Field(
                say("break_label_practical"), yes_no(data.get("practical_allowed", False))
            ),
            "start_date": Field(
                say("break_label_start"),
                widgets.DatePicker(value=date.fromisoformat(start) if start else controller.today),
            ),
        }
        self.save = widgets.Button(description=say("break_save"), button_style="primary")
        self.result = widgets.HTML()
        on_click(self.save, self.on_save, report_to=self.result)
        self.box = widgets.VBox([f.box for f in self.fields.values()] + [self.save, self.result])

    def on_save(self) -> Outcome:
        for f in self.fields.values():
            f.clear()
        values = {k: f.widget.value for k, f in self.fields.items()}
        if values["answer"] is None:
            outcome = Outcome(False, say("answer_needed", field="Their answer"), "answer")
        else:
            values["answer"] = values["answer"].casefold()
            outcome = self.controller.on_save(**values)
        if not outcome.ok and outcome.field in self.fields:
            self.fields[outcome.field].show_error(outcome.message)
        self.result.value = message_html(outcome.message, "success" if outcome.ok else "error")
        return outcome


@never_a_traceback
def show_script(data_dir=None) -> None:
    """The suggested words, with the partner's name."""
    with open_store(data_dir) as store:
        display(HTML(script_html(BreakController(store, resolve_today(None)))))


def script_html(controller: BreakController) -> str:
    """The words for asking; none after a safety answer of yes or not sure (no contact can start
    without a conversation): what to do instead, and help."""
    forms = pronoun_forms(controller.store.plan())
    if concern(controller.store):
        return message_html(say("break_for_you", **forms)) + help_html(abuse=True)
    return message_html(say("break_intro", **forms)) + page_piece("quote", text=controller.script())


@never_a_traceback
def show(
    data_dir=None,
    today=None,
    answer=None,
    no_contact=None,
    dating_allowed=None,
    start_date=None,
    practical_allowed=None,
):
    """The answer and the terms; with `answer` given, records them with no click."""
    store = open_store(data_dir)
    controller = BreakController(store, resolve_today(today))
    if optional(answer) is None:
        display(BreakView(controller).box)
        return
    outcome = controller.on_save(
        answer=answer,
        no_contact=no_contact,
        dating_allowed=dating_allowed,
        start_date=start_date,
        practical_allowed=practical_allowed,
    )
    show_message(outcome.message, "success" if outcome.ok else "error")
    store.close()
