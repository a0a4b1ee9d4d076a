"""If-then plans on the start page: one per trigger, written ahead, shown on the urge page.

The same `if_then_plan` record the urge page writes (core/urge.py): append-only, so a plan
written again for a trigger is the current one and the earlier ones are its history.
"""

from __future__ import annotations

from datetime import date

from ..core.errors import InputError
from ..core.messages import say, say_parts
from ..core.urge import IfThenPlan, current_plans, newest_moments, past_triggers
from ..core.validation import about, parse_text
from ..store import Store
from .common import message_html, on_change, on_click, widgets
from .forms import LAYOUT, WIDE, Field, toggles
from .outcome import Outcome


class IfThenController:
    """Writing an if-then plan for a trigger; no widget here."""

    def __init__(self, store: Store, today: date):
        self.store, self.today = store, today
        self.refresh()

    def refresh(self) -> None:
        self.plans = current_plans(self.store.records(IfThenPlan.KIND))

    def triggers(self) -> list[str]:
        """The person's own triggers first (moments, check-ins), then the programme's."""
        own = past_triggers(
            reversed(newest_moments(self.store.records("urge_moment"))),
            [c.trigger or "" for c in reversed(self.store.checkins())],
        )
        seen = {t.casefold() for t in own}
        return own[:6] + [t for t in say_parts("ifthen_common") if t.casefold() not in seen]

    def plan_for(self, trigger: str) -> str:
        found = self.plans.get((trigger or "").strip().casefold())
        return found.plan if found else ""

    def on_save(self, trigger, plan) -> Outcome:
        """Check and keep one plan; bad input changes nothing."""
        try:
            with about("trigger"):
                trigger = parse_text(trigger, say("urge_field_trigger"), 200, required=True)
            with about("plan"):
                plan = parse_text(plan, say("urge_field_plan"), required=True)
        except InputError as error:
            return Outcome(False, str(error), error.field)
        if plan == self.plan_for(trigger):
            return Outcome(True, say("ifthen_same", trigger=trigger))
        self.store.save_record(IfThenPlan.KIND, self.today, IfThenPlan(trigger, plan).to_stored())
        self.refresh()
        return Outcome(True, say("ifthen_saved", trigger=trigger))

    def kept(self) -> list[tuple[str, str]]:
        """(trigger, its current plan), by trigger: the person's words, escaped where shown."""
        return [
            (p.trigger, p.plan)
            for p in sorted(self.plans.values(), key=lambda p: p.trigger.casefold())
        ]


class IfThenPanel:
    """The optional section of the start page: pick or write a trigger, write its plan, keep it."""

    def __init__(self, controller: IfThenController):
        self.controller = controller
        self.pick = toggles(options=controller.triggers(), value=None)
        self.fields = {
            "trigger": Field(say("ifthen_label_trigger"), widgets.Text(layout=LAYOUT)),
            "plan": Field(
                say("ifthen_label_plan"),
                widgets.Textarea(placeholder=say("urge_plan_example"), layout=WIDE),
            ),
        }
        self.save = widgets.Button(description=say("ifthen_save"), icon="check")
        self.result = widgets.HTML()
        self.kept = widgets.HTML()
        on_change(self.pick, self.on_pick, report_to=self.result)
        on_change(self.fields["trigger"].widget, self.on_trigger, report_to=self.result)
        on_click(self.save, self.on_save, report_to=self.result)
        intro = message_html(say("ifthen_intro"), "help", lead=say("ifthen_title"))
        self.box = widgets.VBox(
            [widgets.HTML(intro), Field(say("ifthen_pick"), self.pick).box]
            + [f.box for f in self.fields.values()]
            + [self.save, self.result, self.kept]
        )
        self.show_kept()

    def show_kept(self) -> None:
        kept = self.controller.kept()
        self.kept.value = (
            message_html(items=kept, items_title=say("ifthen_kept_title")) if kept else ""
        )

    def on_pick(self) -> None:
        if self.pick.value:
            self.fields["trigger"].widget.value = self.pick.value

    def on_trigger(self) -> None:
        plan = self.controller.plan_for(self.fields["trigger"].widget.value)
        if plan:
            self.fields["plan"].widget.value = plan

    def on_save(self) -> Outcome:
        for field in self.fields.values():
            field.clear()
        f = {k: v.widget.value for k, v in self.fields.items()}
        outcome = self.controller.on_save(f["trigger"], f["plan"])
        if not outcome.ok and outcome.field in self.fields:
            self.fields[outcome.field].show_error(outcome.message)
        self.result.value = message_html(outcome.message, "success" if outcome.ok else "error")
        if outcome.ok:
            self.show_kept()
        return outcome
