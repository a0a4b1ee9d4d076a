"""00 · Start here: how the programme works, the plan, the goals, the day-0 WHO-5."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from IPython.display import HTML, display

from ..core import goal_states
from ..core.messages import days_words, goals_words, say, say_parts
from ..core.records import BreakAgreement
from ..core.validation import InputError, optional, validate_plan, validate_who5
from ..store import Store
from . import safety as safety_page
from .common import (
    form_built_ahead,
    message_html,
    never_a_traceback,
    on_click,
    show_message,
    widgets,
)
from .context import open_store, resolve_today
from .forms import Field, Outcome, Who5Form, help_html, pronoun_forms, who5_feedback
from .goal_picker import GoalPicker
from .if_then import IfThenController, IfThenPanel
from .plan_form import PlanForm
from .reminders import reminder_panel
from .who5_panel import Who5Panel


class StartController:
    """Saving the plan and the WHO-5 (the first one is the baseline)."""

    def __init__(self, store: Store, today: date):
        self.store, self.today = store, today

    @property
    def plan(self):
        return self.store.plan()

    def dating_allowed(self) -> bool:
        agreement = BreakAgreement.from_record(self.store.record(BreakAgreement.KIND))
        return agreement is None or agreement.dating_allowed

    def on_save_plan(
        self, *, start, days=30, name=None, partner=None, pronoun=None, why=None, goals=()
    ) -> Outcome:
        try:
            plan = validate_plan(
                start=start,
                days=days,
                name=name,
                partner=partner,
                pronoun=pronoun,
                why=why,
                goals=goals,
            )
        except InputError as error:
            return Outcome(False, str(error), error.field)
        before = self.plan
        changes = []
        if before is not None:  # a goal kept from the saved plan keeps the day it was added
            old = {g.name.casefold(): g for g in before.goals}
            kept = []
            for goal in plan.goals:
                was = old.get(goal.name.casefold())
                if was is not None and was.states:  # changed since: a new target counts from today
                    try:
                        if goal.target_per_week != was.current.target_per_week:
                            change = goal_states.change(
                                was, "target", self.today, goal.target_per_week
                            )
                            changes.append((was.name, change))
                    except InputError as error:
                        return Outcome(False, str(error), "goals")
                    goal = replace(goal, target_per_week=was.target_per_week)
                # A goal new to the plan, added once the break has begun, counts from today (as on
                # keep going), not from the start: the days before it existed are not days missed.
                late = self.today if self.today > plan.start_date else None
                kept.append(replace(goal, since=was.since if was else late))
            plan = replace(plan, goals=tuple(kept))
        self.store.save_plan(plan)
        for name, change in changes:
            self.store.save_goal_state(name, change)
        return Outcome(
            True,
            say(
                "plan_saved",
                days=days_words(plan.days),
                start=plan.start_date,
                goals=goals_words(len(plan.goals)),
            ),
        )

    def latest_who5(self):
        """The newest WHO-5 (the one pages read), or None before the first."""
        who5s = self.store.who5s()  # oldest day first
        return who5s[-1] if who5s else None

    def on_save_who5(self, answers) -> Outcome:
        plan = self.plan
        if plan is None:
            return Outcome(False, say("no_plan"))
        if any(optional(a) is None for a in answers):
            return Outcome(False, say("who5_pick_all"))
        try:
            who5 = validate_who5(answers, self.today, self.today)  # dated the day it is taken
        except InputError as error:
            return Outcome(False, str(error))
        self.store.save_who5(who5)
        return Outcome(True, say("who5_saved", date=who5.date, raw=who5.raw, percent=who5.percent))


class StartView:
    """The plan and the WHO-5 (each form at once the first time, a click away once saved),
    reminders and the if-then plans, wired to a StartController."""

    def __init__(self, controller: StartController):
        self.controller = controller
        plan = controller.plan
        self.result = widgets.HTML()
        self.form: PlanForm | None = None
        self.form_box = widgets.VBox()
        self.change = widgets.Button(
            description=say("start_change_plan"), icon="pencil", layout={"width": "auto"}
        )
        on_click(self.change, self.open_plan_form, report_to=self.result)
        intro = (
            say(
                "plan_exists",
                days=days_words(plan.days),
                start=plan.start_date,
                goals=goals_words(len(plan.goals)),
            )
            if plan
            else say("plan_intro")
        )
        self.who5_panel = Who5Panel(controller.latest_who5(), self.on_save_who5)
        self.reminders = reminder_panel(controller.store, visible=plan is not None)
        self.if_then = IfThenPanel(IfThenController(controller.store, controller.today))
        self.box = widgets.VBox(
            [widgets.HTML(message_html(intro)), self.change, self.form_box, self.result]
            + [self.reminders.box, self.who5_panel.box, self.if_then.box]
        )
        if plan is None:
            self.open_plan_form()

    def open_plan_form(self) -> PlanForm:
        """The plan's form, built and shown the first time it is asked for."""
        if self.form is None:
            self.form = PlanForm(self.controller, self.result, self.reminders.show)
            self.form_box.children = self.form.parts
            self.change.layout.display = "none"
            if self.controller.plan is not None:  # asked for by a click: where the words go next
                self.form.fields["name"].widget.focus()
        return self.form

    @property
    def who5(self) -> Who5Form:
        return self.who5_panel.open()

    # The form's parts, as the page's own (built on first use, as a click on "Change my plan" does).
    @property
    def fields(self) -> dict[str, Field]:
        return self.open_plan_form().fields

    @property
    def goals(self) -> GoalPicker:
        return self.open_plan_form().goals

    @property
    def goal_rows(self):
        return self.goals.goal_rows

    @property
    def custom_name(self) -> widgets.Text:
        return self.goals.custom_name

    @property
    def custom_times(self) -> widgets.IntSlider:
        return self.goals.custom_times

    @property
    def save(self) -> widgets.Button:
        return self.open_plan_form().save

    def goal_specs(self) -> list[str]:
        return self.goals.specs()

    def on_save(self) -> Outcome:
        return self.open_plan_form().on_save()

    def on_save_who5(self) -> Outcome:
        outcome = self.controller.on_save_who5(self.who5.values())
        kind = "success" if outcome.ok else "error"
        self.who5.result.value = message_html(outcome.message, kind)
        return outcome


# In the app, the form is built before anyone asks, and shown if the workbook is unchanged.
PREPARED = form_built_ahead(lambda store, today: StartView(StartController(store, today)))


@never_a_traceback
def show_programme(data_dir=None) -> None:
    """The five steps, in the partner's name."""
    with open_store(data_dir) as store:
        plan, for_you = store.plan(), safety_page.concern(store)
    forms = pronoun_forms(plan)
    # With a safety answer of yes or not sure, the programme is thirty days for the person.
    key = "programme_steps_for_you" if for_you else "programme_steps"
    parts = say_parts(key, **forms)
    steps = list(zip(parts[::2], parts[1::2], strict=True))
    days = plan.days if plan else 30
    title = (
        say("programme_steps_for_you_title", days=days_words(days))
        if for_you
        else say("programme_steps_title")
    )
    display(HTML(message_html(lead=title, items=steps, ordered=True)))


# The private question, before the plan; in the app built before anyone asks, like the plan's form
# (its 25 widgets made after the request cost the page 0.05 s).
SAFETY_QUESTION = form_built_ahead(
    lambda store, today: safety_page.SafetyView(safety_page.SafetyController(store, today))
)


def show_safety_question(data_dir=None, today=None, safety=None, safety_in_report=None) -> None:
    safety_page.show(data_dir, today, safety, safety_in_report, prepared=SAFETY_QUESTION)


@never_a_traceback
def show(
    data_dir=None,
    today=None,
    start_date=None,
    days=None,
    name=None,
    partner=None,
    pronoun=None,
    why=None,
    goals=None,
    who5=None,
):
    """The set-up page; with start_date and/or who5 given, records them with no click."""
    day = resolve_today(today)  # in the app, after the wait for the request
    if optional(start_date) is None and who5 is None:
        view = PREPARED.take(data_dir, day) or StartView(StartController(open_store(data_dir), day))
        display(view.box)
        return
    store = open_store(data_dir)
    controller = StartController(store, day)
    if optional(start_date) is not None:
        outcome = controller.on_save_plan(
            start=start_date,
            days=30 if days is None else days,
            name=name,
            partner=partner,
            pronoun=pronoun,
            why=why,
            goals=goals or (),
        )
        show_message(outcome.message, "success" if outcome.ok else "error")
        if not outcome.ok:
            return
    if who5 is not None:
        outcome = controller.on_save_who5(list(who5))
        show_message(outcome.message, "success" if outcome.ok else "error")
        if outcome.ok:
            text, kind = who5_feedback(who5)
            show_message(text, kind)
    store.close()


def show_safety() -> None:
    display(
        HTML(
            message_html(say("safety_note"), "help", lead=say("safety_note_title"))
            + help_html(abuse=True)
        )
    )
