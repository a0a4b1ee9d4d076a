"""08 · The moment of the urge, its behaviour: what to offer, what to show, and saving a moment.

No widget and no IPython here: the page and `workbook urge` in a terminal call the same
controller, so a moment is checked, saved and said in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from ..core.errors import InputError
from ..core.messages import counted, days_words, say
from ..core.urge import (
    IfThenPlan,
    UrgeDraft,
    UrgeMoment,
    current_plans,
    newest_moments,
    past_triggers,
    validate_moment,
)
from ..numbers import build
from ..store import Store
from .forms import pronoun_forms
from .outcome import Outcome

FIELDS = ("at", "before", "trigger", "feeling", "words", "plan", "goal", "after", "outcome")


class UrgeController:
    """The urge page's behaviour; `now` is the local time a moment is saved at (None: the clock)."""

    def __init__(self, store: Store, today: date, now: datetime | None = None):
        self.store, self.today = store, today
        self._now = now
        self.refresh()

    def refresh(self) -> None:
        snapshot = self.store.snapshot()
        self.plan = snapshot.plan
        self.numbers = build(snapshot, self.today)
        self.moments = newest_moments(snapshot.moments)
        self.plans = current_plans(self.store.records(IfThenPlan.KIND))
        self.triggers = past_triggers(
            reversed(self.moments), [c.trigger or "" for c in reversed(snapshot.checkins)]
        )

    def now(self) -> datetime:
        if self._now is not None:
            return self._now
        clock = datetime.now()
        # A page for another day (the `today` parameter) saves its moments on that day.
        return clock if clock.date() == self.today else datetime.combine(self.today, clock.time())

    # --- what the page shows ---------------------------------------------------------------------

    def forms(self) -> dict[str, str]:
        return pronoun_forms(self.plan)

    def plan_for(self, trigger: str) -> str:
        """The if-then plan written for this trigger, or ""."""
        found = self.plans.get((trigger or "").strip().casefold())
        return found.plan if found else ""

    def why(self) -> str:
        if self.plan is None or not self.plan.why:
            return say("urge_why_none")
        return say("urge_why", why=self.plan.why)

    def days(self) -> str:
        """The slip-free days of the programme beside the current run: "27 of 30 days"."""
        free, so_far = self.numbers.slip_free
        if self.plan is None or so_far == 0:
            return say("urge_days_before_start")
        return say(
            "urge_days",
            free=free,
            counted=days_words(so_far),
            run=days_words(self.numbers.no_contact_streak.current),
        )

    def goal_names(self) -> list[str]:
        return [g.name for g in self.plan.goals] if self.plan else []

    def today_count(self) -> str:
        n = sum(1 for m in self.moments if m.day == self.today)
        return counted(n, "urge_today_count") if n else ""

    def kept_words(self) -> list[UrgeMoment]:
        """The moments with unsent words, newest first: shown only on this page and on day 30."""
        return [m for m in reversed(self.moments) if m.words]

    def draft(self) -> str:
        """Today's unsent words not yet saved with a moment (a tab closed too soon), or ""."""
        record = self.store.record(UrgeDraft.KIND)
        return UrgeDraft.from_record(record).words if record and record.date == self.today else ""

    def save_draft(self, words) -> None:
        """Keep the words as they are typed; the same words again write nothing."""
        try:
            words = UrgeDraft.CHECKS["words"](words if isinstance(words, str) else "")
        except InputError:  # too long or not text: saving the moment says so, kindly
            return
        if words != self.draft():
            self.store.save_record(UrgeDraft.KIND, self.today, UrgeDraft(words).to_stored())

    # --- saving ----------------------------------------------------------------------------------

    def on_save(self, fields: Mapping) -> Outcome:
        """Check and save one moment (and the if-then plan, when it is new for its trigger)."""
        try:
            moment = validate_moment(dict(fields), self.now())
        except InputError as error:
            return Outcome(False, str(error), error.field)
        new_plan = moment.trigger and moment.plan and moment.plan != self.plan_for(moment.trigger)
        self.store.save_record(UrgeMoment.KIND, moment.day, moment.to_stored())
        self.save_draft("")  # the words are kept with the moment now
        if new_plan:
            plan = IfThenPlan(moment.trigger, moment.plan)
            self.store.save_record(IfThenPlan.KIND, moment.day, plan.to_stored())
        self.refresh()
        return Outcome(True, self.saved_words(moment, bool(new_plan)))

    def saved_words(self, moment: UrgeMoment, new_plan: bool) -> str:
        wave = (
            say("urge_wave_part", before=moment.before, after=moment.after) if moment.passed else ""
        )
        text = say(f"urge_saved_{moment.outcome}", wave=wave, date=moment.day)
        if new_plan:
            text += say("urge_plan_saved", trigger=moment.trigger)
        return text
