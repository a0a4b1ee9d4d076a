"""02 · The daily check-in: today's page, or any earlier day to fill in or correct."""

from __future__ import annotations

from datetime import date

from IPython.display import HTML, display

from ..core.messages import say, say_parts
from ..core.model import Checkin
from ..core.validation import SLIP_BY_CHOICES, InputError, optional, parse_date
from .checkin_controller import FIELDS, NO_FORM, CheckinController
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
from .forms import LAYOUT, WIDE, Field, Outcome, toggles
from .reminders import reminder_panel
from .step import StepView

__all__ = ["FIELDS", "NO_FORM", "CheckinController", "CheckinView", "show"]


def _day_or_none(value, today: date) -> date | None:
    """The day a date box names (empty: today), or None while what is typed is not a date."""
    try:
        return parse_date(value or today, "The date", today)
    except InputError:
        return None


class CheckinView:
    """The widgets of the daily page, wired to a CheckinController."""

    def __init__(self, controller: CheckinController):
        self.controller = controller
        plan = controller.plan
        slider = {"continuous_update": False, "layout": LAYOUT}
        self.fields = {
            "date": Field(
                say("checkin_label_date"),
                widgets.DatePicker(value=controller.today),
            ),
            "mood": Field(
                say("checkin_label_mood"),
                widgets.IntSlider(value=5, min=1, max=10, **slider),
            ),
            "energy": Field(
                say("checkin_label_energy"), widgets.IntSlider(value=5, min=1, max=10, **slider)
            ),
            "sleep_hours": Field(
                say("checkin_label_sleep_hours"), widgets.FloatText(value=7.0, step=0.5)
            ),
            "emotions": Field(
                say("checkin_label_emotions"),
                widgets.Text(placeholder=say("checkin_emotions_example"), layout=LAYOUT),
            ),
            "kept": Field(
                say("checkin_label_kept"),
                toggles(
                    options=list(
                        zip(say_parts("checkin_kept_answers"), (True, False), strict=True)
                    ),
                    value=True,
                ),
            ),
            "slip_by": Field(
                say("checkin_label_slip_by"),
                toggles(
                    options=list(
                        zip(say_parts("checkin_slip_by_answers"), SLIP_BY_CHOICES, strict=True)
                    ),
                    value=None,
                ),
            ),
            "slip": Field(say("checkin_label_slip"), widgets.Textarea(layout=WIDE)),
            "urge": Field(
                say("checkin_label_urge"),
                widgets.IntSlider(value=0, min=0, max=10, **slider),
            ),
            "trigger": Field(say("checkin_label_trigger"), widgets.Text(layout=LAYOUT)),
        }
        self.goals = {}
        rows = []
        for goal in plan.goals if plan else ():
            done = widgets.Checkbox(
                description=goal.name, indent=False, layout=widgets.Layout(width="14em")
            )
            minutes = widgets.IntText(
                value=0,
                description=say("checkin_label_minutes"),
                layout=widgets.Layout(width="12em"),
                style={"description_width": "5em"},
            )
            self.goals[goal.name] = (done, minutes)
            rows.append(widgets.HBox([done, minutes]))
        self.fields["goals"] = Field(say("checkin_label_goals"), widgets.VBox(rows))
        self.fields["win"] = Field(say("checkin_label_win"), widgets.Text(layout=LAYOUT))
        self.fields["note"] = Field(say("checkin_label_note"), widgets.Textarea(layout=WIDE))
        self.fields["gratitude"] = Field(
            say("checkin_label_gratitude"), widgets.Text(layout=LAYOUT)
        )
        self.header = widgets.HTML()
        self.day_note = widgets.HTML()
        self.save = widgets.Button(
            description=say("checkin_save"), button_style="primary", icon="check"
        )
        self.result = widgets.HTML()
        self.shown_day: date | None = None  # the day whose values the form holds
        on_click(self.save, self.on_save, report_to=self.result)
        on_change(self.fields["date"].widget, self.on_pick_date, report_to=self.day_note)
        on_change(self.fields["kept"].widget, self._show_slip, report_to=self.result)
        boxes = [f.box for f in self.fields.values()]
        self.reminders = reminder_panel(controller.store)
        self.step = StepView(controller)  # today's step, at the top; it follows the picked day
        self.box = widgets.VBox(
            [self.header, self.step.box, *boxes[:1], self.day_note, *boxes[1:], self.save]
            + [self.result]
            + [self.reminders.box]
        )
        self.on_pick_date()

    def _show_slip(self) -> None:
        shown = "none" if self.fields["kept"].widget.value else "flex"
        for key in ("slip_by", "slip"):
            self.fields[key].box.layout.display = shown

    def on_pick_date(self) -> None:
        day = self.fields["date"].widget.value
        self.shown_day = None  # until the picked day's values are in the form
        self.result.value = ""
        held, sentence = self.controller.on_pick_date(day)
        self.load(held)
        self.shown_day = held.date if held else _day_or_none(day, self.controller.today)
        self.step.show_day(self.shown_day)
        if self.shown_day is not None:  # a date that cannot be a check-in's has no day number
            text, kind = self.controller.header(self.shown_day)
            self.header.value = f"<h3>{message_html(text, kind)}</h3>"
        self.day_note.value = message_html(sentence, "info" if held is None else "warning")

    def load(self, held: Checkin | None) -> None:
        """Fill the form with what a day holds (or the defaults for an empty day)."""
        f = {k: v.widget for k, v in self.fields.items()}
        f["mood"].value = held.mood if held else 5
        f["energy"].value = held.energy if held and held.energy else 5
        f["sleep_hours"].value = held.sleep_hours if held and held.sleep_hours is not None else 7.0
        f["emotions"].value = ", ".join(held.emotions) if held else ""
        f["kept"].value = not (held and held.contact)
        f["slip_by"].value = held.slip_by if held and held.contact else None
        f["slip"].value = held.slip or "" if held else ""
        f["urge"].value = held.urge if held and held.urge is not None else 0
        f["trigger"].value = held.trigger or "" if held else ""
        done = dict(held.goals) if held else {}
        for name, (box, minutes) in self.goals.items():
            box.value = name in done
            minutes.value = done.get(name) or 0
        f["win"].value = held.win if held else ""
        f["note"].value = held.note if held else ""
        f["gratitude"].value = held.gratitude if held else ""
        self._show_slip()

    def values(self) -> dict:
        f = {k: v.widget for k, v in self.fields.items()}
        kept = f["kept"].value
        return {
            "date": f["date"].value or "",
            "mood": f["mood"].value,
            "energy": f["energy"].value,
            "sleep_hours": f["sleep_hours"].value,
            "emotions": [w for w in f["emotions"].value.split(",") if w.strip()],
            "slip": None if kept else f["slip"].value,
            "slip_by": None if kept else f["slip_by"].value,
            "urge": f["urge"].value,
            "trigger": f["trigger"].value,
            "goals": [
                (name, minutes.value or None)
                for name, (box, minutes) in self.goals.items()
                if box.value
            ],
            "win": f["win"].value,
            "note": f["note"].value,
            "gratitude": f["gratitude"].value,
        }

    def on_save(self) -> Outcome:
        for field in self.fields.values():
            field.clear()
        outcome = self.controller.on_save(self.values(), self.shown_day)
        if not outcome.ok and outcome.field is None:
            self.on_pick_date()  # the form did not hold the picked day's values: fill it now
        if not outcome.ok and outcome.field in self.fields:
            self.fields[outcome.field].show_error(outcome.message)
        self.result.value = message_html(outcome.message, "success" if outcome.ok else "error")
        if outcome.ok:
            day = self.fields["date"].widget.value
            held, sentence = self.controller.on_pick_date(day, just_saved=True)
            self.day_note.value = message_html(sentence, "success")
        return outcome


# In the app, the form is built before anyone asks, and shown if the workbook is unchanged.
PREPARED = form_built_ahead(lambda store, today: CheckinView(CheckinController(store, today)))


@never_a_traceback
def show(
    data_dir=None,
    today=None,
    date=None,
    mood=None,
    energy=None,
    sleep_hours=None,
    emotions=None,
    slip=None,
    slip_by=None,
    urge=None,
    trigger=None,
    goals=None,
    win=None,
    note=None,
    gratitude=None,
):
    """The daily page; with `mood` given, saves the check-in with no click."""
    day = resolve_today(today)  # in the app, after the wait for the request
    if optional(mood) is None:
        view = PREPARED.take(data_dir, day) or CheckinView(
            CheckinController(open_store(data_dir), day)
        )
        if optional(date) is not None:
            view.fields["date"].widget.value = parse_date(date, "The date", day)
        display(view.box)
        return
    store = open_store(data_dir)
    controller = CheckinController(store, day)
    text, kind = controller.header(parse_date(optional(date) or controller.today, "The date"))
    display(HTML(f"<h3>{message_html(text, kind)}</h3>"))
    fields = dict(
        date=date,
        mood=mood,
        energy=energy,
        sleep_hours=sleep_hours,
        emotions=[emotions] if isinstance(emotions, str) else emotions,
        slip=slip,
        slip_by=slip_by,
        urge=urge,
        trigger=trigger,
        goals=[goals] if isinstance(goals, str) else goals,
        win=win,
        note=note,
        gratitude=gratitude,
    )
    outcome = controller.on_save(fields)
    show_message(outcome.message, "success" if outcome.ok else "error")
    store.close()
