"""The moment of the urge: one moment's answers, and the if-then plans, as small typed records.

Both are kept as append-only stage records (`stage_records`, kinds `urge_moment` and
`if_then_plan`), so exports, imports and restores carry them with no table of their own. A moment
is named by its local time (`at`, "YYYY-MM-DDTHH:MM"); a plan by its trigger (ignoring case): a
later record of the same trigger is the plan shown, the earlier ones its history.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from .errors import InputError
from .messages import say
from .model import Record
from .validation import SHORT_TEXT_LIMIT, about, optional, parse_choice, parse_int, parse_text

# What happened: the codes stored, in the order the page offers them (words: urge_outcomes).
OUTCOMES = ("did_not_reach_out", "wrote_here", "reached_out", "need_more_time")
REACHED_OUT = "reached_out"
LOCAL_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")
TIMER_MINUTES = 10  # the timer's default: long enough for a wave to crest and fall
TIMER_MOST = 60


def parse_at(value, field: str = "The time") -> datetime:
    """A moment's local time, "YYYY-MM-DDTHH:MM" (a datetime is taken to the minute)."""
    if isinstance(value, datetime):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    text = str(value).strip() if isinstance(value, str) else ""
    try:
        if not LOCAL_TIME.match(text):
            raise ValueError
        return datetime.fromisoformat(text)
    except ValueError:
        raise InputError(say("urge_bad_time", field=field, value=str(value)[:40])) from None


def parse_urge(value, field: str) -> int:
    if isinstance(value, bool):
        raise InputError(say("record_whole", field=field))
    return parse_int(value, field, 0, 10)


def parse_minutes(value) -> int:
    return parse_int(value, say("urge_label_minutes"), 0, TIMER_MOST)


@dataclass(frozen=True)
class UrgeMoment:
    at: datetime  # local time, to the minute
    before: int  # 0–10
    trigger: str = ""
    feeling: str = ""
    words: str = ""  # what they wanted to say: kept here, never sent, never in titles or reminders
    plan: str = ""  # the if-then plan they read or wrote for this trigger
    goal: str = ""  # one goal they could do now
    after: int | None = None  # 0–10, after the timer
    outcome: str = "need_more_time"

    KIND = "urge_moment"
    CHECKS = {
        "at": lambda v: parse_at(v),
        "before": lambda v: parse_urge(v, "The urge"),
        "after": lambda v: parse_urge(v, "The urge afterwards"),
        "trigger": lambda v: parse_text(_string(v, "What set it off"), "What set it off", 200),
        "feeling": lambda v: parse_text(_string(v, "The feeling"), "The feeling", 200),
        "words": lambda v: parse_text(_string(v, "What you want to say"), "What you want to say"),
        "plan": lambda v: parse_text(_string(v, "Your if-then plan"), "Your if-then plan"),
        "goal": lambda v: parse_text(_string(v, "A goal"), "A goal", SHORT_TEXT_LIMIT),
        "outcome": lambda v: parse_choice(v, "What happened", OUTCOMES),
    }

    @property
    def day(self) -> date:
        return self.at.date()

    @property
    def passed(self) -> bool:
        """The wave passed: the urge afterwards lower than before."""
        return self.after is not None and self.after < self.before

    @property
    def reached_out(self) -> bool:
        return self.outcome == REACHED_OUT

    def to_stored(self) -> dict:
        return {
            "at": self.at.strftime("%Y-%m-%dT%H:%M"),
            "before": self.before,
            "after": self.after,
            "trigger": self.trigger,
            "feeling": self.feeling,
            "words": self.words,
            "plan": self.plan,
            "goal": self.goal,
            "outcome": self.outcome,
        }

    @classmethod
    def from_record(cls, record: Record) -> UrgeMoment:
        d = record.data
        return cls(
            at=parse_at(d["at"]),
            before=int(d["before"]),
            trigger=str(d.get("trigger") or ""),
            feeling=str(d.get("feeling") or ""),
            words=str(d.get("words") or ""),
            plan=str(d.get("plan") or ""),
            goal=str(d.get("goal") or ""),
            after=None if d.get("after") is None else int(d["after"]),
            outcome=str(d.get("outcome") or "need_more_time"),
        )


@dataclass(frozen=True)
class IfThenPlan:
    trigger: str
    plan: str
    recorded_on: date | None = None

    KIND = "if_then_plan"
    CHECKS = {
        "trigger": lambda v: parse_text(
            _string(v, "What sets it off"), "What sets it off", 200, True
        ),
        "plan": lambda v: parse_text(_string(v, "Your if-then plan"), "Your if-then plan"),
    }

    def to_stored(self) -> dict:
        return {"trigger": self.trigger, "plan": self.plan}

    @classmethod
    def from_record(cls, record: Record) -> IfThenPlan:
        d = record.data
        return cls(str(d.get("trigger") or ""), str(d.get("plan") or ""), record.date)


@dataclass(frozen=True)
class UrgeDraft:
    """The unsent words as they are typed, before the moment is saved (a tab closed too soon
    loses nothing): the newest record of the day is the draft, an empty one clears it. Never in a
    title, a reminder or the report; exports keep it, as everything."""

    words: str
    recorded_on: date | None = None

    KIND = "urge_draft"
    CHECKS = {"words": lambda v: parse_text(_string(v, "The words"), "The words")}

    def to_stored(self) -> dict:
        return {"words": self.words}

    @classmethod
    def from_record(cls, record: Record) -> UrgeDraft:
        return cls(str(record.data.get("words") or ""), record.date)


def _string(value, field: str) -> str:
    if not isinstance(value, str):
        raise InputError(say("record_text", field=field))
    return value


def validate_moment(fields: dict, now: datetime) -> UrgeMoment:
    """One moment from what a person gave (a page's widgets, parameters or the command line)."""

    def text(key: str, limit: int = 10_000) -> str:
        with about(key):
            return parse_text(fields.get(key), say(f"urge_field_{key}"), limit)

    with about("at"):
        at = parse_at(fields["at"]) if optional(fields.get("at")) is not None else parse_at(now)
    with about("before"):
        if optional(fields.get("before")) is None:
            raise InputError(say("answer_needed", field=say("urge_field_before")))
        before = parse_urge(fields.get("before"), say("urge_field_before"))
    with about("after"):
        after_value = optional(fields.get("after"))
        after = None if after_value is None else parse_urge(after_value, say("urge_field_after"))
    with about("outcome"):
        outcome_value = optional(fields.get("outcome"))
        if outcome_value is None:
            raise InputError(say("answer_needed", field=say("urge_field_outcome")))
        outcome = parse_choice(outcome_value, say("urge_field_outcome"), OUTCOMES)
    return UrgeMoment(
        at=at,
        before=before,
        trigger=text("trigger", 200),
        feeling=text("feeling", 200),
        words=text("words"),
        plan=text("plan"),
        goal=text("goal", SHORT_TEXT_LIMIT),
        after=after,
        outcome=outcome,
    )


def newest_moments(records) -> tuple[UrgeMoment, ...]:
    """The moments, each at its newest record (a moment saved again is a new record), by time."""
    by_time: dict[datetime, UrgeMoment] = {}
    for record in records:
        moment = UrgeMoment.from_record(record)
        by_time[moment.at] = moment
    return tuple(sorted(by_time.values(), key=lambda m: m.at))


def current_plans(records) -> dict[str, IfThenPlan]:
    """{trigger (casefolded): its newest plan}; an emptied plan is no plan."""
    plans: dict[str, IfThenPlan] = {}
    for record in records:
        plan = IfThenPlan.from_record(record)
        plans[plan.trigger.casefold()] = plan
    return {key: plan for key, plan in plans.items() if plan.plan}


def past_triggers(moments, checkin_triggers=()) -> list[str]:
    """The person's own triggers, the most frequent first (moments and check-ins alike)."""
    counts: dict[str, list] = {}
    for position, trigger in enumerate([m.trigger for m in moments] + list(checkin_triggers)):
        if not trigger or not trigger.strip():
            continue
        key = trigger.strip().casefold()
        entry = counts.setdefault(key, [0, position, trigger.strip()])
        entry[0] += 1
    return [e[2] for e in sorted(counts.values(), key=lambda e: (-e[0], e[1]))]
