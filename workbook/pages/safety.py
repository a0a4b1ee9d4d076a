"""Safety from the first page: the private question, asked before the plan is saved, and what
every page does with its answer (no break script, no reunion, the domestic-abuse lines)."""

from __future__ import annotations

from datetime import date

from IPython.display import HTML, display

from ..core import rules
from ..core.messages import say, say_parts
from ..core.records import SAFETY_ANSWERS, SafetyAnswer
from ..core.validation import InputError, about, optional, parse_choice
from ..store import Store
from .common import message_html, never_a_traceback, on_click, show_message, widgets
from .context import Ahead, open_store, resolve_today
from .forms import Field, Outcome, help_html, parse_yes_no, pronoun_forms, toggles


def safety_answer(store: Store) -> SafetyAnswer | None:
    """The newest answer to the private question, or None when it was never answered."""
    return SafetyAnswer.from_record(store.record(SafetyAnswer.KIND))


def concern(store: Store) -> bool:
    """Yes or not sure: nothing coaches a conversation with the partner."""
    answer = safety_answer(store)
    return rules.safety_concern(answer.answer if answer else None)


class SafetyController:
    def __init__(self, store: Store, today: date):
        self.store, self.today = store, today

    def on_save(self, *, answer, in_report=False) -> Outcome:
        try:
            with about("answer"):
                if optional(answer) is None:
                    raise InputError(say("safety_pick_one"))
                chosen = parse_choice(answer, "Your answer", SAFETY_ANSWERS)
            with about("in_report"):
                wanted = parse_yes_no(in_report or False, say("safety_in_report"))
        except InputError as error:
            return Outcome(False, str(error), error.field or "answer")
        record = SafetyAnswer(chosen, wanted)
        self.store.save_record(SafetyAnswer.KIND, self.today, record.to_stored())
        if rules.safety_concern(chosen):
            forms = pronoun_forms(self.store.plan())
            return Outcome(True, say("safety_saved_concern", partner=forms["partner"]))
        return Outcome(True, say("safety_saved_ok"))


class SafetyView:
    """The question as four buttons, the report box, and where the help appears after a yes."""

    def __init__(self, controller: SafetyController):
        self.controller = controller
        held = safety_answer(controller.store)
        answers = list(zip(say_parts("safety_answers"), SAFETY_ANSWERS, strict=True))
        forms = pronoun_forms(controller.store.plan())
        self.field = Field(
            say("safety_question", partner=forms["partner"], object=forms["object"]),
            toggles(options=answers, value=held.answer if held else None),
        )
        self.in_report = widgets.Checkbox(
            value=bool(held and held.in_report), description=say("safety_in_report"), indent=False
        )
        self.save = widgets.Button(description=say("safety_save"), button_style="primary")
        self.result = widgets.HTML()
        self.help = widgets.HTML(help_html(abuse=True) if concern(controller.store) else "")
        on_click(self.save, self.on_save, report_to=self.result)
        intro = message_html(
            [say("safety_question_why"), say("quick_exit_hint")],
            "help",
            lead=say("safety_question_title"),
        )
        self.box = widgets.VBox(
            [widgets.HTML(intro), self.field.box, self.in_report, self.save, self.result, self.help]
        )

    def on_save(self) -> Outcome:
        self.field.clear()
        code = self.field.widget.value
        outcome = self.controller.on_save(answer=code, in_report=self.in_report.value)
        if not outcome.ok:
            self.field.show_error(outcome.message)
        self.result.value = message_html(outcome.message, "success" if outcome.ok else "error")
        concerned = outcome.ok and rules.safety_concern(code)
        self.help.value = help_html(abuse=True) if concerned else ""
        return outcome


@never_a_traceback
def show(
    data_dir=None, today=None, safety=None, safety_in_report=None, prepared: Ahead | None = None
) -> None:
    """The private question; with `safety` given, records it with no click. `prepared`: the
    question as the page's kernel built it ahead (pages/start.py), shown if still true."""
    day = resolve_today(today)  # in the app, after the wait for the request
    if optional(safety) is None:
        view = prepared.take(data_dir, day) if prepared else None
        display((view or SafetyView(SafetyController(open_store(data_dir), day))).box)
        return
    store = open_store(data_dir)
    controller = SafetyController(store, day)
    outcome = controller.on_save(answer=safety, in_report=safety_in_report)
    show_message(outcome.message, "success" if outcome.ok else "error")
    if outcome.ok and rules.safety_concern(safety_answer(store).answer):
        display(HTML(help_html(abuse=True)))
    store.close()
