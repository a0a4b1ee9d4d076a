"""02 · The daily check-in: today's page, or any earlier day to fill in or correct."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from IPython.display import HTML, display

from ..core import rules
from ..core.messages import say
from ..core.model import Checkin
from ..core.validation import SLIP_BY_CHOICES, InputError, optional, parse_date, validate_checkin
from ..store import Store
from .common import message_html, never_a_traceback, on_change, on_click, show_message, widgets
from .context import open_store, resolve_today
from .forms import LAYOUT, WIDE, Field, Outcome, toggles
from .reminders import reminder_panel

FIELDS = (
    "date",
    "mood",
    "energy",
    "sleep_hours",
    "emotions",
    "slip",
    "slip_by",
    "urge",
    "trigger",
    "goals",
    "win",
    "note",
    "gratitude",
)


NO_FORM = object()  # a save given as parameters (papermill): no form, so no day it was filled from


class CheckinController:
    """The daily page's behaviour: which day it is, what a day holds, and saving it."""

    def __init__(self, store: Store, today: date):
        self.store, self.today = store, today
        self.plan = store.plan()

    def header(self, day: date | None = None) -> tuple[str, str]:
        """'Day N of 30' (or why there is no day number), and its box kind."""
        day = day or self.today
        if self.plan is None:
            return say("no_plan"), "warning"
        n = rules.day_number(self.plan.start_date, day)
        if n < 1:
            return say("day_before_start", start=self.plan.start_date), "info"
        if n > self.plan.days:
            text = say("programme_complete", days=self.plan.days)
            return f"{say('day_of', day=n, days=self.plan.days)}. {text}", "success"
        return say("day_of", day=n, days=self.plan.days), "info"

    def on_pick_date(self, value) -> tuple[Checkin | None, str]:
        """What the chosen day already holds, and a sentence saying so."""
        try:
            day = parse_date(value or self.today, "The date", self.today)
        except InputError as error:
            return None, str(error)
        held = self.store.checkin_on(day)
        if held is None:
            return None, say("day_empty", date=day)
        goals = say("checkin_goal_part", goals=", ".join(held.goal_names)) if held.goals else ""
        return held, say("day_holds", date=day, mood=held.mood, goals=goals)

    def on_save(self, fields: Mapping, shown_day: date | None | object = NO_FORM) -> Outcome:
        """Save `fields` as their day's check-in. From the form, `shown_day` is the day its values
        were filled from (None: no day's yet), and a save for any other day is refused: it would
        carry that day's words onto this one."""
        try:
            checkin = validate_checkin(fields, self.plan, self.today)
        except InputError as error:
            return Outcome(False, str(error), error.field)
        if shown_day is None:
            return Outcome(False, say("checkin_check_again", date=checkin.date))
        if shown_day is not NO_FORM and checkin.date != shown_day:
            return Outcome(False, say("checkin_day_moved", shown=shown_day, date=checkin.date))
        _, corrected = self.store.save_checkin(checkin)
        n = rules.day_number(self.plan.start_date, checkin.date)
        key = "checkin_corrected" if corrected else "checkin_saved"
        head = say(key, date=checkin.date, day=n, days=self.plan.days)
        return Outcome(True, f"{head} {_details(checkin)}")


def _day_or_none(value, today: date) -> date | None:
    """The day a date box names (empty: today), or None while what is typed is not a date."""
    try:
        return parse_date(value or today, "The date", today)
    except InputError:
        return None


def _details(checkin: Checkin) -> str:
    goals = ", ".join(name if m is None else f"{name} ({m} min)" for name, m in checkin.goals)
    return say(
        "saved_details",
        mood=checkin.mood,
        energy=say("checkin_energy_part", energy=checkin.energy) if checkin.energy else "",
        goals=say("checkin_goal_part", goals=goals) if goals else "",
        slip=say("checkin_slip_part") if checkin.contact else "",
        win=say("checkin_win_part", win=checkin.win) if checkin.win else "",
    )


class CheckinView:
    """The widgets of the daily page, wired to a CheckinController."""

    def __init__(self, controller: CheckinController):
        self.controller = controller
        plan = controller.plan
        slider = {"continuous_update": False, "layout": LAYOUT}
        self.fields = {
            "date": Field(
                "Which day? (pick an earlier one to fill it in or correct it)",
                widgets.DatePicker(value=controller.today),
            ),
            "mood": Field(
                "Mood (1 = very low, 10 = great)",
                widgets.IntSlider(value=5, min=1, max=10, **slider),
            ),
            "energy": Field("Energy (1–10)", widgets.IntSlider(value=5, min=1, max=10, **slider)),
            "sleep_hours": Field("Hours slept", widgets.FloatText(value=7.0, step=0.5)),
            "emotions": Field(
                "A few words for how you feel (separated by commas)",
                widgets.Text(placeholder="hopeful, tired", layout=LAYOUT),
            ),
            "kept": Field(
                "Did you keep no contact today?",
                toggles(options=[("Yes", True), ("No, there was contact", False)], value=True),
            ),
            "slip_by": Field(
                "Who reached out?",
                toggles(options=[(c.capitalize(), c) for c in SLIP_BY_CHOICES], value=None),
            ),
            "slip": Field("What happened?", widgets.Textarea(layout=WIDE)),
            "urge": Field(
                "Urge to make contact (0 = none, 10 = overwhelming)",
                widgets.IntSlider(value=0, min=0, max=10, **slider),
            ),
            "trigger": Field("What set the urge off, if anything?", widgets.Text(layout=LAYOUT)),
        }
        self.goals = {}
        rows = []
        for goal in plan.goals if plan else ():
            done = widgets.Checkbox(
                description=goal.name, indent=False, layout=widgets.Layout(width="14em")
            )
            minutes = widgets.IntText(
                value=0,
                description="minutes",
                layout=widgets.Layout(width="12em"),
                style={"description_width": "5em"},
            )
            self.goals[goal.name] = (done, minutes)
            rows.append(widgets.HBox([done, minutes]))
        self.fields["goals"] = Field("Your goals today", widgets.VBox(rows))
        self.fields["win"] = Field("Today’s win, however small", widgets.Text(layout=LAYOUT))
        self.fields["note"] = Field("Journal", widgets.Textarea(layout=WIDE))
        self.fields["gratitude"] = Field(
            "One thing you are grateful for", widgets.Text(layout=LAYOUT)
        )
        self.header = widgets.HTML()
        self.day_note = widgets.HTML()
        self.save = widgets.Button(description="Save", button_style="primary", icon="check")
        self.result = widgets.HTML()
        self.shown_day: date | None = None  # the day whose values the form holds
        on_click(self.save, self.on_save, report_to=self.result)
        on_change(self.fields["date"].widget, self.on_pick_date, report_to=self.day_note)
        on_change(self.fields["kept"].widget, self._show_slip, report_to=self.result)
        boxes = [f.box for f in self.fields.values()]
        self.reminders = reminder_panel(controller.store)
        self.box = widgets.VBox(
            [self.header, *boxes[:1], self.day_note, *boxes[1:], self.save, self.result]
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
            held, sentence = self.controller.on_pick_date(self.fields["date"].widget.value)
            self.day_note.value = message_html(sentence, "warning")
        return outcome


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
    store = open_store(data_dir)
    controller = CheckinController(store, resolve_today(today))
    if optional(mood) is None:
        view = CheckinView(controller)
        if optional(date) is not None:
            view.fields["date"].widget.value = parse_date(date, "The date", controller.today)
        display(view.box)
        return
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
