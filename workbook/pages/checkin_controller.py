"""02 · The daily check-in's behaviour: which day it is, what a day holds, and saving it.

No widget and no IPython here: the page's view and `workbook checkin` in a terminal call the same
controller, so a check-in is checked, saved and said in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from ..core import rules, steps
from ..core.messages import days_words, say
from ..core.model import Checkin
from ..core.records import StepDone
from ..core.validation import InputError, about, parse_date, parse_text, validate_checkin
from ..store import Store
from .outcome import Outcome

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
            text = say("programme_complete", days=days_words(self.plan.days))
            return f"{say('day_past_the_end', day=n)}. {text}", "success"
        return say("day_of", day=n, days=self.plan.days), "info"

    def on_pick_date(self, value, just_saved: bool = False) -> tuple[Checkin | None, str]:
        """What the chosen day already holds, and a sentence saying so (`just_saved`: as the
        calm note right after its save)."""
        try:
            day = parse_date(value or self.today, "The date", self.today)
        except InputError as error:
            return None, str(error)
        held = self.store.checkin_on(day)
        if held is None:
            return None, say("day_empty", date=day)
        goals = say("checkin_goal_part", goals=", ".join(held.goal_names)) if held.goals else ""
        key = "day_saved" if just_saved else "day_holds"
        return held, say(key, date=day, mood=held.mood, goals=goals)

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
        key += "_past_the_end" if n > self.plan.days else ""
        head = say(key, date=checkin.date, day=n, days=self.plan.days)
        return Outcome(True, f"{head} {_details(checkin)}")

    # --- today's step -------------------------------------------------------------------------

    def step(self, day: date) -> tuple[int, steps.Step] | None:
        """(day N, its step) for a date of the plan, or None outside it."""
        return steps.step_for(self.plan.start_date, self.plan.days, day) if self.plan else None

    def steps_done(self) -> dict[date, StepDone]:
        """Each day's step as last saved, by date."""
        found = self.store.records_by_day(StepDone.KIND)
        return {r.date: StepDone.from_record(r) for r in found}

    def steps_waiting(self, day: date) -> bool:
        """Whether a day of the plan before `day` has a step not marked done (to catch up, if
        the person wants to: never counted against them)."""
        if self.plan is None:
            return False
        done = {d for d, s in self.steps_done().items() if s.done}
        first, days = self.plan.start_date, (day - self.plan.start_date).days
        return any(first + timedelta(days=i) not in done for i in range(min(days, self.plan.days)))

    def on_save_step(self, day, done: bool, writing: str) -> Outcome:
        """Mark a day's step done (or not) and keep what was written for its prompt."""
        try:
            with about("date"):
                day = parse_date(day or self.today, "The date", self.today)
            with about("step_writing"):
                text = parse_text(writing, say("step_writing"))
        except InputError as error:
            return Outcome(False, str(error), error.field)
        found = self.step(day)
        if found is None:
            return Outcome(False, say("step_outside"), "date")
        self.store.save_record(StepDone.KIND, day, StepDone(bool(done), text).to_stored())
        key = "step_saved_done" if done else "step_saved"
        return Outcome(True, say(key, day=found[0]))


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
