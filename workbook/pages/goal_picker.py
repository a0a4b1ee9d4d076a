"""The start page's goals: the templates, the person's own goals already in the plan, and any
number of new goals of their own (one row to begin with, "Another goal of my own" adds one)."""

from __future__ import annotations

from ..core.messages import say
from ..core.model import GOAL_TEMPLATES
from .common import on_click, widgets

_WIDE = {"description_width": "8em"}


def _times(value: int) -> widgets.IntSlider:
    return widgets.IntSlider(
        value=value, min=1, max=7, description=say("start_label_times_a_week"), style=_WIDE
    )


class GoalPicker:
    def __init__(self, plan, dating_allowed: bool):
        existing = {g.name: g.current.target_per_week for g in plan.goals} if plan else {}
        self.goal_rows: dict[str, tuple[widgets.Checkbox, widgets.IntSlider]] = {}
        rows = []
        # The templates, then any goals of the saved plan that are the person's own.
        choices = dict(GOAL_TEMPLATES) | {
            n: t for n, t in existing.items() if n not in GOAL_TEMPLATES
        }
        for name, target in choices.items():
            chosen = widgets.Checkbox(
                value=name in existing,
                description=name,
                indent=False,
                layout=widgets.Layout(width="12em"),
            )
            times = _times(existing.get(name, target))
            if name == "Dating" and not dating_allowed:
                chosen.value, chosen.disabled = False, True
            self.goal_rows[name] = (chosen, times)
            rows.append(widgets.HBox([chosen, times]))
        self.own: list[tuple[widgets.Text, widgets.IntSlider]] = []
        self.own_box = widgets.VBox()
        self.more = widgets.Button(description=say("start_another_goal"), icon="plus")
        self.note = widgets.HTML()
        on_click(self.more, self.add_row, report_to=self.note)
        self.add_row()
        self.custom_name, self.custom_times = self.own[0]  # the first row of one's own
        self.box = widgets.VBox([*rows, self.own_box, self.more, self.note])

    def add_row(self) -> None:
        name = widgets.Text(
            placeholder=say("start_custom_goal_example"), layout=widgets.Layout(width="16em")
        )
        row = (name, _times(2))
        self.own.append(row)
        self.own_box.children = [
            *self.own_box.children,
            widgets.HBox(list(row), layout=widgets.Layout(flex_flow="wrap")),
        ]

    def specs(self) -> list[str]:
        specs = [
            f"{name}:{times.value}"
            for name, (chosen, times) in self.goal_rows.items()
            if chosen.value
        ]
        for name, times in self.own:
            if name.value.strip():
                specs.append(f"{name.value.strip()}:{times.value}")
        return specs
