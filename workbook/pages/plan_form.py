"""The start page's plan: who, when, how long, why and the goals, with its Save button.

A person setting up sees it at once. A person coming back sees their plan in a sentence and a
"Change my plan" button: the form is some 150 widgets (a checkbox and a slider for every goal), and
building and drawing them on every visit made the page they open most days the slowest to show.
"""

from __future__ import annotations

from collections.abc import Callable

from ..core.messages import say
from ..views.html_pieces import page_piece
from .common import message_html, on_click, widgets
from .forms import LAYOUT, WIDE, Field, Outcome
from .goal_picker import GoalPicker


class PlanForm:
    """The plan's fields and goals, saved through `save_plan` (StartController.on_save_plan);
    `result` shows the outcome and `saved` is called after a save that worked."""

    def __init__(self, controller, result: widgets.HTML, saved: Callable[[], None]):
        self.controller, self.result, self._saved = controller, result, saved
        plan, today = controller.plan, controller.today
        self.fields = {
            "name": Field(
                say("start_label_name"),
                widgets.Text(value=plan.name if plan else "", layout=LAYOUT),
            ),
            "partner": Field(
                say("start_label_partner"),
                widgets.Text(
                    value=plan.partner if plan else "",
                    placeholder=say("start_partner_example"),
                    layout=LAYOUT,
                ),
            ),
            "pronoun": Field(
                say("start_label_pronoun"),
                widgets.Combobox(
                    value=plan.pronoun if plan else "they",
                    options=["they", "she", "he"],
                    ensure_option=False,
                    layout=LAYOUT,
                ),
            ),
            "start": Field(
                say("start_label_start"),
                widgets.DatePicker(value=plan.start_date if plan else today),
            ),
            "days": Field(
                say("start_label_days"),
                widgets.BoundedIntText(value=plan.days if plan else 30, min=1, max=3660),
            ),
            "why": Field(
                say("start_label_why"),
                widgets.Textarea(value=plan.why if plan else "", layout=WIDE),
            ),
        }
        self.goals = GoalPicker(plan, controller.dating_allowed())
        self.fields["goals"] = Field(say("goals_intro"), self.goals.box)
        dating_note = say("dating_note" if controller.dating_allowed() else "dating_locked")
        self.save = widgets.Button(description=say("start_save"), button_style="primary")
        self.parts = [
            *(f.box for f in self.fields.values()),
            widgets.HTML(page_piece("small", text=dating_note)),
            self.save,
        ]
        on_click(self.save, self.on_save, report_to=result)

    def on_save(self) -> Outcome:
        for field in self.fields.values():
            field.clear()
        values = {key: f.widget.value for key, f in self.fields.items() if key != "goals"}
        if values["start"] is None:
            values["start"] = ""
        outcome = self.controller.on_save_plan(**values, goals=self.goals.specs())
        if not outcome.ok and outcome.field in self.fields:
            self.fields[outcome.field].show_error(outcome.message)
        self.result.value = message_html(outcome.message, "success" if outcome.ok else "error")
        if outcome.ok:
            self._saved()
        return outcome
