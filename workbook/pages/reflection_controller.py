"""04 · The day-30 page's behaviour: the numbers, the WHO-5 against the baseline, the draft before
the last day, and recording the decision through the gate. No widget here: the view in
reflection.py builds on it.
"""

from __future__ import annotations

from datetime import date

from ..core import rules
from ..core.messages import counted, days_words, say
from ..core.records import GateAnswers, Reflection, ReflectionDraft
from ..core.validation import InputError, about, optional, parse_int, parse_text, validate_who5
from ..numbers import Numbers, build
from ..numbers.gate import decide
from ..store import Store
from ..views.templating import day_text
from .common import message_html
from .forms import help_html, required_yes_no
from .nav import stage_link_html, stage_titles
from .outcome import Outcome
from .safety import concern


def questions() -> list[tuple[str, str]]:
    """(key, question) for the open reflection questions."""
    parts = say("reflection_questions").split("|")
    return list(zip(parts[::2], parts[1::2], strict=True))


class ReflectionController:
    """The day-30 numbers, the WHO-5 comparison, and recording the decision through the gate."""

    def __init__(self, store: Store, today: date):
        self.store, self.today = store, today
        self.plan = plan = store.plan()
        self.calendar = (
            rules.programme_calendar(plan.start_date, plan.days, today) if plan else None
        )

    @property
    def is_open(self) -> bool:
        """From the last day on: the day-30 WHO-5, the decision and the gate."""
        return self.calendar is not None and self.calendar.last_day_reached

    def _when(self) -> dict:
        c = self.calendar
        return {
            "day": c.day,
            "days": c.days,
            "date": day_text(c.last_day),
            "remaining": days_words(c.days_remaining),
        }

    def waiting_html(self) -> str:
        """Before the last day: how many days remain, and what to do with them."""
        if self.calendar is None:
            return message_html(say("no_plan"), "warning")
        if self.calendar.day < 1:
            start = day_text(self.plan.start_date)
            return message_html(say("reflection_before_start", start=start, **self._when()), "info")
        return message_html(
            say("reflection_not_yet", **self._when()), "info", after=say("reflection_meanwhile")
        )

    def not_decided(self) -> str:
        """Why answers given before the last day were not recorded as a decision."""
        if self.calendar is None:
            return say("no_plan")
        return say("reflection_not_decided", **self._when())

    def numbers(self) -> Numbers:
        return build(self.store.snapshot(), self.today)

    def numbers_html(self) -> str:
        if not self.is_open:
            return self.waiting_html()
        n = self.numbers()
        if n.plan is None:
            return message_html(say("no_plan"), "warning")
        goals = [
            f"{g.name}: {g.days_done} days, {g.minutes} minutes, strength {g.strength:.0f} %"
            for g in n.goals
        ]
        mood = n.mood_mean
        rows = [
            f"{len(n.checkins)} check-ins; mood {mood if mood is not None else '—'} on average",
            f"No-contact: {n.no_contact_streak.current} days now, best {n.no_contact_streak.best}",
            f"Check-in streak: {n.checkin_streak.current} days now, best {n.checkin_streak.best}",
            f"{len(n.wins)} wins written down",
        ]
        head = say("numbers_intro", days=days_words(n.plan.days))
        welcome = message_html(say("reflection_welcome", days=days_words(n.plan.days)), "success")
        return welcome + message_html(lead=head, items=rows + goals)

    def who5_comparison(self) -> str:
        n = self.numbers()
        change = n.who5_change
        if change is None:
            day = n.plan.days if n.plan else 30
            return say("who5_take_now", day=day)
        if change.real_change:
            words = say(
                "who5_real_up" if change.points > 0 else "who5_real_down",
                points=counted(abs(change.points), "points"),
            )
        else:
            words = say("who5_small", points=counted(abs(change.points), "points"))
        first, last = change.before, change.after
        return say(
            "who5_compare",
            before=first.percent,
            before_date=first.date,
            after=last.percent,
            after_date=last.date,
            change=words,
        )

    def on_save_who5(self, answers) -> Outcome:
        if not self.is_open:
            if self.calendar is None:
                return Outcome(False, say("no_plan"))
            return Outcome(False, say("reflection_who5_not_yet", **self._when()))
        if any(optional(a) is None for a in answers):
            return Outcome(False, say("who5_pick_all"))
        try:
            who5 = validate_who5(answers, self.today, self.today)
        except InputError as error:
            return Outcome(False, str(error))
        self.store.save_who5(who5)
        return Outcome(True, say("who5_saved", date=who5.date, raw=who5.raw, percent=who5.percent))

    def on_save(self, **answers) -> tuple[Outcome, Reflection | None]:
        """Record the reflection; the gate, worked out once as it is saved, decides what is next.
        Before the last day nothing is recorded and the gate is not evaluated."""
        if not self.is_open:
            return Outcome(False, self.not_decided()), None
        try:
            with about("want_restart"):
                want = required_yes_no(answers.get("want_restart"), say("q_want_restart"))
            with about("conviction"):
                given = optional(answers.get("conviction"))
                conviction = parse_int(given if given is not None else 0, "Conviction", 0, 10)
            with about("keep_growing"):
                growing = required_yes_no(answers.get("keep_growing"), say("q_keep_growing"))
            with about("felt_safe"):
                safe = required_yes_no(answers.get("felt_safe"), say("q_felt_safe"))
            texts = {}
            for key, question in questions():
                with about(key):
                    texts[key] = parse_text(answers.get(key), question)
            with about("decision"):
                decision = parse_text(answers.get("decision"), say("q_decision"))
        except InputError as error:
            return Outcome(False, str(error), error.field), None
        reflection = decide(GateAnswers(want, conviction, growing, safe), texts, decision)
        self.store.save_record(Reflection.KIND, self.today, reflection.to_stored())
        return Outcome(True, say("reflection_saved")), reflection

    def draft(self) -> dict[str, str]:
        """The drafted answers, newest first: where the page starts when nothing is recorded."""
        found = ReflectionDraft.from_record(self.store.record(ReflectionDraft.KIND))
        return dict(found.texts) if found else {}

    def on_save_draft(self, **answers) -> Outcome:
        """Keep the open questions' words as a draft: no decision, no gate, any day."""
        if self.calendar is None:
            return Outcome(False, say("no_plan"))
        try:
            texts = {}
            for key, question in questions():
                with about(key):
                    texts[key] = parse_text(answers.get(key), question) or ""
        except InputError as error:
            return Outcome(False, str(error), error.field)
        if not any(texts.values()) and not self.draft():
            return Outcome(False, say("nothing_to_save"))
        self.store.save_record(ReflectionDraft.KIND, self.today, ReflectionDraft(texts).to_stored())
        when = self._when()
        return Outcome(True, say("reflection_draft_saved", days=when["days"], date=when["date"]))


def gate_html(reflection: Reflection, concern: bool = False) -> str:
    """What the gate said when the reflection was saved: open, or why not (kindly), with help
    when safety was missing; after a safety answer of yes or not sure, never the reunion."""
    if concern:
        body = message_html(say("reunion_closed_safety"), "help")
        return body + help_html(abuse=True) + message_html(say("reunion_go_on"))
    if reflection.gate_open:
        return message_html(say("gate_open"), "success")  # the page's own "Next" is the reunion
    conviction = reflection.answers.conviction
    body = message_html(
        kind="warning",
        items=[say(r, conviction=conviction) for r in reflection.gate_reasons],
        after=say("next_stage", title=stage_titles()["06_keep_going"]),
    )
    return (
        body
        + stage_link_html("06_keep_going")
        + (help_html(abuse=True) if reflection.show_help else "")
    )


def leads_on_to(store: Store) -> str | None:
    """Where the page leads once the reflection is recorded: Keep going when the gate is closed
    (or safety was a concern), else None (the reunion, the next stage in order)."""
    reflection = Reflection.from_record(store.record(Reflection.KIND))
    if reflection is None or (reflection.gate_open and not concern(store)):
        return None
    return "06_keep_going"


def recorded_html(store: Store) -> str:
    reflection = Reflection.from_record(store.record(Reflection.KIND))
    if reflection is None:
        return ""
    if reflection.decision:
        text = say("decision_recorded", date=reflection.recorded_on, decision=reflection.decision)
    else:  # no words of their own: the date alone, not a bare dash after a colon
        text = say("decision_recorded_no_words", date=reflection.recorded_on)
    return message_html(text) + gate_html(reflection, concern(store))
