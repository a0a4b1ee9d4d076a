"""The programme's reminders as an iCalendar file (RFC 5545), for the person's own calendar.

Pure: a plan, a time of day and a time zone in; events out. No clock, no I/O.

One VEVENT per day rather than one repeating event: each day's check-in then has its own UID
(programme + kind + day), so a longer or shorter plan adds or drops days without touching the
others, a day can say what else it holds, and every calendar program reads plain events alike.
The words are neutral on purpose (calendars are often synced to a cloud service): never the
partner's name, a goal, a note, a win or a mood.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # icalendar takes ~1 s to import: only saving the file loads it
    from icalendar import Alarm, Calendar

from ..core.errors import InputError
from ..core.messages import say
from ..core.model import Plan

# Not the project's name: "break" would say what these reminders are about on a synced calendar.
PRODID = "-//workbook//reminders//EN"
UID_DOMAIN = "workbook-reminders"
DEFAULT_TIME = "20:00"
REVIEW_DAYS = (7, 14, 21)  # as on the progress page
MIDWAY_WHO5_DAY = 14
MINUTES = {"checkin": 10, "review": 20, "who5": 10, "reflection": 45}

_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


def parse_time(text, field: str) -> time:
    """A time of day on the 24-hour clock, "HH:MM"; anything else is refused kindly."""
    value = "" if text is None else str(text).strip()
    if not value:
        raise InputError(say("remind_time_needed", field=field), "time")
    match = _TIME.fullmatch(value)
    if match is None:
        raise InputError(say("remind_bad_time", field=field, value=value), "time")
    return time(int(match[1]), int(match[2]))


def programme_key(first_plan: Plan) -> str:
    """A short, stable name for this programme: from the first plan ever saved, which never
    changes, so every later version of the plan keeps the same UIDs. A hash, so nothing of the
    plan can be read back from it."""
    seed = f"{UID_DOMAIN}|{first_plan.start_date.isoformat()}"
    return hashlib.sha256(seed.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Reminder:
    """One event: what it is, on which day of the programme, and its words."""

    kind: str  # checkin, review, who5, reflection
    day: int
    slot: str  # the day's part of the UID: its number, or "last" for what moves with the end
    summary: str
    details: str


def schedule(plan: Plan) -> list[Reminder]:
    """Every reminder of the programme, in day order: a check-in each day, the weekly reviews,
    WHO-5 midway and on the last day, and the reflection on the last day."""
    last = plan.days
    items = [
        Reminder("checkin", day, str(day), say("remind_checkin"), say("remind_checkin_details"))
        for day in range(1, last + 1)
    ]
    items += [
        Reminder("review", day, str(day), say("remind_review"), say("remind_review_details"))
        for day in REVIEW_DAYS
        if day < last
    ]
    if last > MIDWAY_WHO5_DAY:
        day = MIDWAY_WHO5_DAY
        items.append(
            Reminder("who5", day, str(day), say("remind_who5"), say("remind_who5_details"))
        )
    items.append(Reminder("who5", last, "last", say("remind_who5"), say("remind_who5_details")))
    items.append(
        Reminder(
            "reflection",
            last,
            "last",
            say("remind_reflection", day=last),
            say("remind_reflection_details"),
        )
    )
    order = {"checkin": 0, "review": 1, "who5": 2, "reflection": 3}
    return sorted(items, key=lambda r: (r.day, order[r.kind]))


def uid(key: str, reminder: Reminder) -> str:
    return f"{key}-{reminder.kind}-{reminder.slot}@{UID_DOMAIN}"


def build_calendar(
    plan: Plan, at: time, zone: tzinfo | None, stamp: datetime, key: str
) -> Calendar:
    """The calendar: events at `at` local time in `zone` (None: floating local time, which a
    calendar shows at that hour wherever it is). `stamp` (UTC) is when it was made."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    items = schedule(plan)
    extras_on = {}
    for reminder in items:
        if reminder.kind != "checkin":
            extras_on.setdefault(reminder.day, []).append(reminder.summary)
    for reminder in items:
        day = plan.start_date + timedelta(days=reminder.day - 1)
        event = Event()
        event.add("uid", uid(key, reminder))
        event.add("dtstamp", stamp)
        # Each saved plan is a new, higher revision: calendars take the newer version on import.
        event.add("sequence", plan.revision or 0)
        event.add("dtstart", datetime.combine(day, at, tzinfo=zone))
        event.add("duration", timedelta(minutes=MINUTES[reminder.kind]))
        event.add("summary", reminder.summary)
        event.add("description", reminder.details)
        event.add("class", "PRIVATE")
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
        if reminder.kind == "checkin":
            event.add_component(_alarm(reminder.summary, extras_on.get(reminder.day, [])))
        calendar.add_component(event)
    if zone is not None:
        calendar.add_missing_timezones(
            first_date=plan.start_date - timedelta(days=366),
            last_date=plan.end_date + timedelta(days=366),
        )
    return calendar


def _alarm(summary: str, extras: list[str]) -> Alarm:
    """One alarm a day, at the check-in's time; the day's other events ride along in its words
    rather than ringing on their own."""
    from icalendar import Alarm

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", timedelta(0))
    text = summary
    if extras:
        text += ". " + say("remind_also_today", events=", ".join(extras))
    alarm.add("description", text)
    return alarm


def calendar_bytes(plan: Plan, at: time, zone: tzinfo | None, stamp: datetime, key: str) -> bytes:
    """The .ics file's content."""
    return build_calendar(plan, at, zone, stamp, key).to_ical()
