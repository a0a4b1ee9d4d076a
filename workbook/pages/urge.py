"""08 · The moment of the urge: the steps from "I want to reach out" to what happened.

The timer is a bar the browser fills by itself (a CSS animation, views/urge_pieces.timer): the
kernel draws it once when the person presses start and is free while they breathe.
"""

from __future__ import annotations

from datetime import timedelta

from IPython.display import display

from ..core.messages import counted, say, say_parts
from ..core.urge import OUTCOMES, TIMER_MINUTES, newest_moments, parse_minutes
from ..core.validation import optional
from ..views.templating import say_isolated
from ..views.urge_pieces import breathe, kept_words, timer
from .common import (
    form_built_ahead,
    message_html,
    never_a_traceback,
    on_change,
    on_click,
    show_message,
    widgets,
)
from .context import open_store, resolve_today
from .forms import LAYOUT, WIDE, Field, toggles
from .outcome import Outcome
from .urge_controller import FIELDS, UrgeController
from .urge_draft import DraftKeeper

__all__ = ["FIELDS", "UrgeController", "UrgeView", "show"]


def kept_words_on_day_30(store, today) -> str:
    """The unsent words on the day-30 page: to re-read, collapsed; "" when there are none."""
    moments = [
        m for m in newest_moments(store.records("urge_moment")) if m.words and m.day <= today
    ]
    if not moments:
        return ""
    title = say("urge_reflection_title", moments=counted(len(moments), "urge_moments"))
    return kept_words(moments, title)


class UrgeView:
    """The widgets of the urge page, wired to an UrgeController."""

    def __init__(self, controller: UrgeController, minutes: int = TIMER_MINUTES):
        self.controller = controller
        slider = {"continuous_update": False, "layout": LAYOUT}
        goals = [(say("urge_goal_none"), "")] + [(g, g) for g in controller.goal_names()]
        self.yours = toggles(options=controller.triggers[:6] or [""], value=None)
        self.yours_box = Field(say("urge_triggers_yours"), self.yours).box
        self.yours_box.layout.display = "flex" if controller.triggers else "none"
        self.fields = {
            "before": Field(
                say("urge_label_before"), widgets.IntSlider(value=5, min=0, max=10, **slider)
            ),
            "trigger": Field(say("urge_label_trigger"), widgets.Text(layout=LAYOUT)),
            "feeling": Field(
                say("urge_label_feeling"),
                widgets.Text(placeholder=say("urge_feeling_example"), layout=LAYOUT),
            ),
            "words": Field(
                say("urge_label_words", **controller.forms()),
                widgets.Textarea(
                    value=controller.draft(),  # what a tab closed too soon left unsaved
                    layout={"width": "min(44em, 95%)", "height": "9em"},
                ),
            ),
            "plan": Field(
                say("urge_label_plan"),
                widgets.Textarea(placeholder=say("urge_plan_example"), layout=WIDE),
            ),
            "goal": Field(say("urge_label_goal"), widgets.Dropdown(options=goals, layout=LAYOUT)),
            "minutes": Field(
                say("urge_label_minutes"),
                widgets.BoundedIntText(value=minutes, min=1, max=60, layout={"width": "16em"}),
            ),
            "after": Field(
                say("urge_label_after"), widgets.IntSlider(value=5, min=0, max=10, **slider)
            ),
            "outcome": Field(
                say("urge_label_outcome"),
                toggles(
                    options=list(zip(say_parts("urge_outcomes"), OUTCOMES, strict=True)),
                    value=None,
                ),
            ),
        }
        self.plan_note = widgets.HTML(message_html(say("urge_plan_none"), "info"))
        self.support = widgets.HTML()
        self.timer = widgets.HTML()
        self.start = widgets.Button(
            description=say("urge_timer_start"), icon="play", layout={"width": "auto"}
        )
        self.save = widgets.Button(
            description=say("urge_save"), button_style="primary", icon="check"
        )
        self.result = widgets.HTML()
        self.kept = widgets.HTML()
        self.count = widgets.HTML()
        on_click(self.save, self.on_save, report_to=self.result)
        on_change(self.yours, self.on_pick_trigger, report_to=self.result)
        on_change(self.fields["trigger"].widget, self.on_trigger, report_to=self.result)
        on_click(self.start, self.on_start, report_to=self.result)
        self.draft = DraftKeeper(controller.save_draft)
        on_change(self.fields["words"].widget, self.on_words, report_to=self.result)
        f = {k: v.box for k, v in self.fields.items()}
        intro = message_html(say("urge_intro"), "help", lead=say("urge_intro_title"))
        self.box = widgets.VBox(
            [
                widgets.HTML(intro),
                self.count,
                f["before"],
                f["trigger"],
                self.yours_box,
                f["feeling"],
                f["words"],
                self.plan_note,
                f["plan"],
                self.support,
                f["goal"],
                widgets.HTML(message_html(say("urge_timer_intro"))),
                f["minutes"],
                self.start,
                self.timer,
                widgets.HTML(breathe(say("urge_breathe"))),
                f["after"],
                f["outcome"],
                self.save,
                self.result,
                self.kept,
            ]
        )
        self.show_state()

    def show_state(self) -> None:
        c = self.controller
        self.support.value = message_html([c.why(), c.days()], "success")
        self.count.value = message_html(c.today_count()) if c.today_count() else ""
        self.kept.value = kept_words(c.kept_words())

    def on_pick_trigger(self) -> None:
        if self.yours.value:
            self.fields["trigger"].widget.value = self.yours.value

    def on_trigger(self) -> None:
        trigger = self.fields["trigger"].widget.value.strip()
        plan = self.controller.plan_for(trigger)
        if plan:
            self.plan_note.value = message_html(
                say_isolated("urge_plan_yours", trigger=trigger, plan=plan), "success"
            )
            self.fields["plan"].widget.value = plan
        else:
            self.plan_note.value = message_html(say("urge_plan_none"), "info")

    def on_words(self) -> None:
        self.draft.changed(self.fields["words"].widget.value)

    def on_start(self) -> None:
        """Start (or start again) the timer: the browser counts it, the kernel is free."""
        minutes = parse_minutes(self.fields["minutes"].widget.value)
        ends = self.controller.now() + timedelta(minutes=minutes)
        self.timer.value = timer(
            minutes * 60,
            say("urge_timer_running", minutes=minutes, ends=f"{ends:%H:%M}"),
            say("urge_timer_done"),
            say("urge_timer_label"),
        )
        self.start.description = say("urge_timer_again")

    def values(self) -> dict:
        f = {k: v.widget for k, v in self.fields.items()}
        return {key: f[key].value for key in FIELDS if key in f}

    def on_save(self) -> Outcome:
        for field in self.fields.values():
            field.clear()
        self.draft.flush()  # kept until the moment is saved with them (then cleared)
        outcome = self.controller.on_save(self.values())
        if not outcome.ok and outcome.field in self.fields:
            self.fields[outcome.field].show_error(outcome.message)
        self.result.value = message_html(outcome.message, "success" if outcome.ok else "error")
        if outcome.ok:
            self.show_state()
        return outcome


# In the app, the page is built before anyone asks (with the timer's usual minutes), and shown if
# the workbook and the day are unchanged: a person in a hurry gets it at once. Its clock is read
# when a moment is saved or the timer starts, never while it is built (urge_controller.py).
PREPARED = form_built_ahead(lambda store, today: UrgeView(UrgeController(store, today)))


@never_a_traceback
def show(
    data_dir=None,
    today=None,
    at=None,
    before=None,
    trigger=None,
    feeling=None,
    words=None,
    plan=None,
    goal=None,
    after=None,
    outcome=None,
    minutes=TIMER_MINUTES,
):
    """The moment of the urge; with `before` given, saves the moment with no click."""
    day = resolve_today(today)  # in the app, after the wait for the request
    if optional(before) is None:
        chosen = parse_minutes(minutes)
        prepared = PREPARED.take(data_dir, day) if chosen == TIMER_MINUTES else None
        view = prepared or UrgeView(UrgeController(open_store(data_dir), day), chosen)
        display(view.box)
        return
    store = open_store(data_dir)
    controller = UrgeController(store, day)
    fields = dict(
        at=at,
        before=before,
        trigger=trigger,
        feeling=feeling,
        words=words,
        plan=plan,
        goal=goal,
        after=after,
        outcome=outcome,
    )
    result = controller.on_save(fields)
    show_message(result.message, "success" if result.ok else "error")
    store.close()
