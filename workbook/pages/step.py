"""Today's step, at the top of the daily page: the day's small action and writing prompt (time-
boxed, with a lighter choice), marked done and answered there. It follows the day picked on the
page, so an earlier day's step can be done or finished later; nothing counts a missed one."""

from __future__ import annotations

from datetime import date

from ..core.messages import say
from ..views.html_pieces import page_piece
from ..views.templating import day_text
from .checkin_controller import CheckinController
from .common import message_html, on_click, widgets
from .forms import WIDE, Field, Outcome


def step_html(controller: CheckinController, day: date) -> str:
    """The step for `day` as a calm box ("" outside the plan's days)."""
    found = controller.step(day)
    if found is None:
        return ""
    n, step = found
    days = controller.plan.days
    title = (
        say("step_title", day=n, days=days)
        if day == controller.today
        else say("step_title_other_day", day=n, days=days, date=day_text(day))
    )
    items = [(say("step_action_label"), step.action), (say("step_prompt_label"), step.prompt)]
    return message_html(
        lead=title, items=items, plain_list=True, after=f"{say('step_time_box')} {step.lighter}"
    )


class StepView:
    """The step's box, its done box, its writing and its own save (no mood needed)."""

    def __init__(self, controller: CheckinController):
        self.controller = controller
        self.text = widgets.HTML()
        self.done = widgets.Checkbox(description=say("step_done"), indent=False)
        self.field = Field(say("step_writing"), widgets.Textarea(layout=WIDE))
        self.writing = self.field.widget
        self.save = widgets.Button(description=say("step_save"), icon="check")
        self.result = widgets.HTML()
        self.catch_up = widgets.HTML()
        self.day: date | None = None
        on_click(self.save, self.on_save, report_to=self.result)
        self.box = widgets.VBox(
            [self.text, self.done, self.field.box, self.save, self.result, self.catch_up]
        )
        self.box.add_class("workbook-step")

    def show_day(self, day: date | None) -> None:
        """Show the step of `day` (None: a date that is no day, or outside the plan: hidden)."""
        self.day = day
        self.result.value = ""
        html = step_html(self.controller, day) if day else ""
        self.box.layout.display = "flex" if html else "none"
        if not html:
            return
        self.text.value = html
        held = self.controller.steps_done().get(day)
        self.done.value = bool(held and held.done)
        self.writing.value = held.writing if held else ""
        waiting = day == self.controller.today and self.controller.steps_waiting(day)
        self.catch_up.value = page_piece("small", text=say("step_catch_up")) if waiting else ""

    def on_save(self) -> Outcome:
        outcome = self.controller.on_save_step(self.day, self.done.value, self.writing.value)
        self.result.value = message_html(outcome.message, "success" if outcome.ok else "error")
        return outcome
