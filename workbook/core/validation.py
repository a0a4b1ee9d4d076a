"""One gate for everything a person types: the command line, notebook parameters and widgets.

Each function returns a clean value or raises `InputError` with one kind, specific sentence.
Nothing here touches the store, so a rejected input can never write anything.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime

from .errors import InputError
from .messages import say
from .model import Checkin, Goal, Plan, Who5

TEXT_LIMIT = 10_000
SHORT_TEXT_LIMIT = 200
# Any date a person can mean: far enough back for a start long ago, far enough on for any plan.
EARLIEST_DATE, LATEST_DATE = date(1900, 1, 1), date(2199, 12, 31)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Who reached out (me, them, both: a contact slip), or another kind of contact: practical contact
# the break's terms allow (recorded, not a slip), looking at their profile (counted apart).
SLIP_BY_CHOICES = ("me", "them", "both", "practical", "profile")


@contextmanager
def about(field: str) -> Iterator[None]:
    """Name the field any InputError raised inside is about, so a page can mark that field."""
    try:
        yield
    except InputError as error:
        if error.field is None:
            error.field = field
        raise


def parse_date(value, field: str, today: date | None = None, allow_future: bool = False) -> date:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        parsed = value
    else:
        text = str(value).strip()
        if not ISO_DATE.match(text):
            raise InputError(say("not_a_date", field=field, value=text))
        try:
            parsed = date.fromisoformat(text)
        except ValueError:
            raise InputError(say("impossible_date", field=field, value=text)) from None
    if today is not None and not allow_future and parsed > today:
        raise InputError(say("future_date", field=field, value=parsed.isoformat()))
    if not EARLIEST_DATE <= parsed <= LATEST_DATE:
        raise InputError(
            say("date_out_of_range", field=field, value=parsed, low=EARLIEST_DATE, high=LATEST_DATE)
        )
    return parsed


def parse_int(value, field: str, low: int, high: int) -> int:
    if isinstance(value, bool):
        raise InputError(say("not_a_whole_number", field=field, low=low, high=high, value=value))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        number = value
    else:
        text = str(value).strip()
        if not re.fullmatch(r"[+-]?\d{1,12}", text):
            raise InputError(say("not_a_whole_number", field=field, low=low, high=high, value=text))
        number = int(text)
    if not low <= number <= high:
        raise InputError(say("out_of_range", field=field, low=low, high=high, value=number))
    return number


def parse_float(value, field: str, low: float, high: float) -> float:
    if isinstance(value, bool):
        raise InputError(say("not_a_number", field=field, low=low, high=high, value=value))
    try:
        number = float(str(value).strip()) if not isinstance(value, int | float) else float(value)
    except ValueError:
        raise InputError(
            say("not_a_number", field=field, low=low, high=high, value=value)
        ) from None
    if math.isnan(number) or math.isinf(number):
        raise InputError(say("not_a_number", field=field, low=low, high=high, value=value))
    if not low <= number <= high:
        raise InputError(say("out_of_range", field=field, low=low, high=high, value=value))
    return number


def parse_text(value, field: str, limit: int = TEXT_LIMIT, required: bool = False) -> str:
    text = "" if value is None else str(value)
    if "\x00" in text:
        raise InputError(say("text_nul", field=field))
    text = text.strip()
    if len(text) > limit:
        raise InputError(say("text_too_long", field=field, length=len(text), limit=limit))
    if required and not text:
        raise InputError(say("text_required", field=field))
    return text


def parse_choice(value, field: str, choices: Iterable[str]) -> str:
    choices = tuple(choices)
    text = parse_text(value, field, SHORT_TEXT_LIMIT).casefold()
    if text not in choices:
        raise InputError(say("bad_choice", field=field, choices=", ".join(choices), value=value))
    return text


def optional(value):
    """None for an absent widget or parameter value ("" or None)."""
    return None if value is None or (isinstance(value, str) and not value.strip()) else value


# --- The plan --------------------------------------------------------------------------------


def parse_goal_spec(spec, since: date | None = None) -> Goal:
    """ "Gym:3" → Goal("Gym", 3)."""
    text = parse_text(spec, "Goal", SHORT_TEXT_LIMIT)
    name, sep, times = text.rpartition(":")
    if not sep or not name.strip():
        raise InputError(say("bad_goal_spec", value=text))
    target = parse_int(times, f"Times per week for “{name.strip()}”", 1, 7)
    return Goal(name=name.strip(), target_per_week=target, since=since)


def validate_plan(
    *,
    start,
    days=30,
    name=None,
    partner=None,
    pronoun=None,
    why=None,
    goals: Iterable = (),
) -> Plan:
    with about("start"):
        start_date = parse_date(start, "The start date")
    with about("days"):
        try:
            length = parse_int(days, "The programme length", 1, 3660)
        except InputError:
            raise InputError(say("plan_days", value=days)) from None
    with about("goals"):
        parsed_goals = tuple(g if isinstance(g, Goal) else parse_goal_spec(g) for g in goals)
        seen = set()
        for goal in parsed_goals:
            key = goal.name.casefold()
            if key in seen:
                raise InputError(say("duplicate_goal", value=goal.name))
            seen.add(key)
    with about("name"):
        own_name = parse_text(name, "Your name", SHORT_TEXT_LIMIT)
    with about("partner"):
        partner_name = parse_text(partner, "Their name", SHORT_TEXT_LIMIT) or "your ex"
    with about("pronoun"):
        pronoun_word = parse_text(pronoun, "Their pronoun", 40) or "they"
    with about("why"):
        why_text = parse_text(why, "Your why")
    return Plan(
        start_date=start_date,
        days=length,
        name=own_name,
        partner=partner_name,
        pronoun=pronoun_word,
        why=why_text,
        goals=parsed_goals,
    )


# --- The daily check-in ----------------------------------------------------------------------


def parse_goal_done(spec, plan: Plan) -> tuple[str, int | None]:
    """ "Gym=45" or "Gym" → ("Gym", 45) / ("Gym", None), matched against the plan's goals."""
    if isinstance(spec, tuple | list):
        name, minutes = spec
    else:
        text = parse_text(spec, "Goal", SHORT_TEXT_LIMIT)
        name, _, minutes = text.partition("=")
    name = str(name).strip()
    goal = plan.goal_named(name)
    if goal is None:
        if not plan.goals:
            raise InputError(say("no_goals_yet", value=name))
        known = ", ".join(g.name for g in plan.goals)
        raise InputError(say("unknown_goal", value=name, known=known))
    minutes = optional(minutes)
    if minutes is None:
        return goal.name, None
    try:
        return goal.name, parse_int(minutes, "Minutes", 0, 1440)
    except InputError:
        raise InputError(say("bad_minutes", goal=goal.name, value=minutes)) from None


def validate_checkin(fields: Mapping, plan: Plan | None, today: date) -> Checkin:
    """A check-in from its fields as typed (strings or values); raises InputError on anything off."""
    if plan is None:
        raise InputError(say("no_plan"))
    with about("date"):
        day = parse_date(optional(fields.get("date")) or today, "The date", today)
        if day < plan.start_date:
            raise InputError(say("before_start", value=day.isoformat(), start=plan.start_date))

    def opt(key, parse, *args):
        value = optional(fields.get(key))
        with about(key):
            return None if value is None else parse(value, *args)

    with about("mood"):
        if optional(fields.get("mood")) is None:
            raise InputError(say("text_required", field="Mood"))
        mood = parse_int(fields.get("mood"), "Mood", 1, 10)
    energy = opt("energy", parse_int, "Energy", 1, 10)
    sleep_hours = opt("sleep_hours", parse_float, "Hours slept", 0, 24)
    with about("emotions"):
        emotions = tuple(
            e
            for e in (parse_text(x, "Emotion word", 60) for x in fields.get("emotions") or ())
            if e
        )
    slip = fields.get("slip")
    with about("slip"):
        slip_text = (
            None
            if slip is None or slip is False
            else parse_text("" if slip is True else slip, "What happened")
        )
    slip_by = opt("slip_by", parse_choice, "Who reached out", SLIP_BY_CHOICES)
    urge = opt("urge", parse_int, "Urge to make contact", 0, 10)
    trigger = opt("trigger", parse_text, "Trigger", SHORT_TEXT_LIMIT * 5)
    goals_done: dict[str, int | None] = {}
    with about("goals"):
        for spec in fields.get("goals") or ():
            name, minutes = parse_goal_done(spec, plan)
            goals_done[name] = minutes
    texts = {}
    for key, label in (
        ("win", "Today’s win"),
        ("note", "Journal note"),
        ("gratitude", "Gratitude"),
    ):
        with about(key):
            texts[key] = parse_text(fields.get(key), label)
    return Checkin(
        date=day,
        mood=mood,
        energy=energy,
        sleep_hours=sleep_hours,
        emotions=emotions,
        slip=slip_text,
        slip_by=slip_by,
        urge=urge,
        trigger=trigger,
        goals=tuple(goals_done.items()),
        **texts,
    )


# --- WHO-5 -----------------------------------------------------------------------------------


def validate_who5(answers, when, today: date) -> Who5:
    answers = list(answers)
    if len(answers) != 5:
        raise InputError(say("who5_count", count=len(answers)))
    parsed = []
    for value in answers:
        try:
            parsed.append(parse_int(value, "WHO-5 answer", 0, 5))
        except InputError:
            raise InputError(say("who5_range", value=value)) from None
    day = parse_date(optional(when) or today, "The date", today)
    return Who5(date=day, answers=tuple(parsed))


def parse_timestamp(value, field: str) -> datetime:
    """When a row was saved: an ISO date and time, as the store writes it."""
    text = value if isinstance(value, str) else ""
    try:
        when = datetime.fromisoformat(text) if len(text) <= 40 else None
    except ValueError:
        when = None
    if when is None:
        raise InputError(say("not_a_timestamp", field=field))
    parse_date(when.date(), field)
    return when
