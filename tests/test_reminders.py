"""The reminders file, read back with `icalendar`: every day, the extra events, time zones, UIDs,
and neutral words only."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from workbook.core.errors import InputError
from workbook.core.model import Goal, Plan
from workbook.views.calendar import build_calendar, calendar_bytes, parse_time, programme_key

BERLIN = ZoneInfo("Europe/Berlin")
# Berlin leaves summer time on 2026-10-25, day 11 of a programme starting on 2026-10-15.
START = date(2026, 10, 15)
STAMP = datetime(2026, 10, 14, 9, 30, tzinfo=UTC)
PRIVATE = {
    "name": "Morgana",
    "partner": "Alexandrine",
    "why": "Quetzalcoatl gardens",
    "goals": ("Kickboxing", "Pottery wheel"),
}
PLAN = Plan(
    start_date=START,
    name=PRIVATE["name"],
    partner=PRIVATE["partner"],
    pronoun="she",
    why=PRIVATE["why"],
    goals=tuple(Goal(g, 3) for g in PRIVATE["goals"]),
    revision=1,
)
KEY = programme_key(PLAN)


def events(calendar: Calendar) -> list:
    return list(calendar.walk("VEVENT"))


def read(plan=PLAN, at=time(20, 0), zone=BERLIN) -> Calendar:
    """Made, written out and parsed again, as a calendar program would see it."""
    return Calendar.from_ical(calendar_bytes(plan, at, zone, STAMP, KEY))


def by_kind(calendar: Calendar) -> dict[str, list]:
    kinds: dict[str, list] = {}
    for event in events(calendar):
        kind = str(event["uid"]).split("-")[1]
        kinds.setdefault(kind, []).append(event)
    return kinds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20:00", time(20, 0)),
        ("7:05", time(7, 5)),
        ("00:00", time(0, 0)),
        (" 23:59 ", time(23, 59)),
    ],
)
def test_a_time_on_the_24_hour_clock_is_read(text, expected):
    assert parse_time(text, "--time") == expected


@pytest.mark.parametrize("text", ["25:00", "24:00", "8pm", "20:60", "20:00:00", "20h", "2000", ""])
def test_anything_else_is_refused_with_one_kind_line(text):
    with pytest.raises(InputError) as caught:
        parse_time(text, "--time")
    message = str(caught.value)
    assert "--time" in message and "20:00" in message and "\n" not in message
    assert caught.value.field == "time"


def test_every_day_of_the_programme_has_a_check_in_at_that_local_time_with_an_alarm():
    checkins = by_kind(read(at=time(20, 0)))["checkin"]
    days = {}
    for event in checkins:
        start = event.decoded("dtstart")
        assert start.tzinfo is not None and start.time() == time(20, 0)
        assert event.decoded("duration") == timedelta(minutes=10)
        assert str(event["summary"]) == "Your daily check-in"
        (alarm,) = event.walk("VALARM")
        assert str(alarm["action"]) == "DISPLAY" and alarm.decoded("trigger") == timedelta(0)
        assert str(alarm["description"]).startswith("Your daily check-in")
        days[start.date()] = event
    assert sorted(days) == [START + timedelta(days=n) for n in range(30)]


def day_of(event) -> int:
    return (event.decoded("dtstart").date() - START).days + 1


def test_reviews_who5_and_the_reflection_fall_on_their_days_without_alarms_of_their_own():
    kinds = by_kind(read())
    assert sorted(day_of(e) for e in kinds["review"]) == [7, 14, 21]
    assert sorted(day_of(e) for e in kinds["who5"]) == [14, 30]
    assert [day_of(e) for e in kinds["reflection"]] == [30]
    assert str(kinds["reflection"][0]["summary"]) == "Your day-30 reflection"
    assert sum(len(k) for k in kinds.values()) == 30 + 3 + 2 + 1
    for kind in ("review", "who5", "reflection"):
        assert all(not e.walk("VALARM") for e in kinds[kind])
    # The day's single alarm says what else the day holds.
    (day14,) = [e for e in kinds["checkin"] if day_of(e) == 14]
    alarm_text = str(day14.walk("VALARM")[0]["description"])
    assert "weekly look back" in alarm_text and "WHO-5" in alarm_text


def test_a_shorter_plan_keeps_only_the_days_it_has():
    kinds = by_kind(read(replace(PLAN, days=10)))
    assert len(kinds["checkin"]) == 10
    assert len(kinds["review"]) == 1  # day 7
    assert len(kinds["who5"]) == 1  # the last day only: day 14 is past the end


def test_the_local_time_holds_across_the_change_from_summer_time():
    calendar = read()
    (zone,) = calendar.timezones
    assert zone.tz_name == "Europe/Berlin"
    # The file's own VTIMEZONE, not Python's: what a calendar program reads.
    own_rules = zone.to_tz()
    at_utc = {}
    for event in by_kind(calendar)["checkin"]:
        start = event.decoded("dtstart")
        assert event["dtstart"].params["TZID"] == "Europe/Berlin"
        local = start.replace(tzinfo=None)
        assert local.time() == time(20, 0)
        at_utc[local.date()] = local.replace(tzinfo=own_rules).astimezone(UTC).hour
    assert at_utc[date(2026, 10, 24)] == 18  # summer time, UTC+2
    assert at_utc[date(2026, 10, 25)] == 19  # winter time, UTC+1
    assert {at_utc[d] for d in at_utc if d < date(2026, 10, 25)} == {18}
    assert {at_utc[d] for d in at_utc if d >= date(2026, 10, 25)} == {19}


def test_without_a_named_zone_the_time_floats_with_the_calendar():
    calendar = read(zone=None)
    assert calendar.timezones == []
    for event in events(calendar):
        start = event.decoded("dtstart")
        assert start.tzinfo is None and start.time() == time(20, 0)


def test_after_the_plan_changes_the_same_events_keep_their_uids():
    before = {str(e["uid"]): e for e in events(read())}
    changed = replace(
        PLAN,
        start_date=START + timedelta(days=2),
        days=31,
        partner="Someone else",
        goals=(Goal("Running", 2),),
        revision=4,
    )
    after = {str(e["uid"]): e for e in events(read(changed))}
    assert len(before) == 36 and len(after) == 37  # no UID twice in a file
    assert set(before) < set(after)
    # The moved day keeps its UID with a higher SEQUENCE, so a calendar updates it.
    uid = next(u for u in before if u.endswith("-checkin-1@workbook-reminders"))
    assert after[uid].decoded("dtstart").date() == START + timedelta(days=2)
    assert int(after[uid]["sequence"]) > int(before[uid]["sequence"])
    reflection = next(u for u in after if "-reflection-" in u)
    assert reflection in before  # the last day's events move with the end
    assert after[reflection].decoded("dtstart").date() == START + timedelta(days=32)


def test_uids_come_from_the_programme_not_chance():
    assert calendar_bytes(PLAN, time(20), BERLIN, STAMP, KEY) == calendar_bytes(
        PLAN, time(20), BERLIN, STAMP, KEY
    )
    assert programme_key(replace(PLAN, partner="x", revision=9)) == KEY
    assert programme_key(replace(PLAN, start_date=START + timedelta(days=1))) != KEY


def test_no_private_word_and_nothing_that_names_the_break_appears():
    text = calendar_bytes(PLAN, time(20), BERLIN, STAMP, KEY).decode("utf-8")
    unfolded = text.replace("\r\n ", "")  # long lines are folded; a word may straddle a fold
    for word in (PRIVATE["name"], PRIVATE["partner"], PRIVATE["why"], *PRIVATE["goals"]):
        assert word.casefold() not in unfolded.casefold()
    for word in ("partner", "break", "contact", "relationship", "reunion", "mood", "ex", "she"):
        assert not re.search(rf"\b{word}\b", unfolded, re.IGNORECASE), word
    # Nothing links anywhere online.
    assert not re.search(r"https?:|^URL|^ATTACH|^ORGANIZER|^ATTENDEE", unfolded, re.M | re.I)
    for event in events(Calendar.from_ical(text)):
        assert str(event["class"]) == "PRIVATE"


def test_the_calendar_object_is_the_same_before_writing():
    calendar = build_calendar(PLAN, time(6, 45), BERLIN, STAMP, KEY)
    assert str(calendar["version"]) == "2.0" and "workbook" in calendar["prodid"]
    assert all(e.decoded("dtstamp") == STAMP for e in events(calendar))
