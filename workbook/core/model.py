"""The plain nouns of the workbook: no I/O, no clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

GOAL_TEMPLATES = {
    "New hobby": 3,
    "Exercise": 3,
    "Counselling": 1,
    "New look": 1,
    "Social life": 2,
    "Dating": 1,
}


@dataclass(frozen=True)
class GoalState:
    """From `day` on, a goal is "active", "paused" or "retired", with this weekly target."""

    day: date
    state: str
    target_per_week: int


@dataclass(frozen=True)
class Goal:
    name: str
    target_per_week: int  # the target it was set up with; `target_on(day)` for a later one
    since: date | None = None  # goals added after the start count from the day they were added
    states: tuple[GoalState, ...] = ()  # its changes, oldest first (see core.goal_states)

    def state_on(self, day: date) -> GoalState:
        """Its state and target on `day`: the newest change on or before it."""
        found = GoalState(self.since or date.min, "active", self.target_per_week)
        for change in self.states:
            if change.day > day:
                break
            found = change
        return found

    @property
    def current(self) -> GoalState:
        return (
            self.states[-1] if self.states else GoalState(date.min, "active", self.target_per_week)
        )


@dataclass(frozen=True)
class Plan:
    start_date: date
    days: int = 30
    name: str = ""
    partner: str = "your ex"
    pronoun: str = "they"
    why: str = ""
    goals: tuple[Goal, ...] = ()
    revision: int | None = None

    @property
    def end_date(self) -> date:
        return self.start_date + timedelta(days=self.days - 1)

    def goal_named(self, name: str) -> Goal | None:
        """The goal with this name, ignoring case and surrounding spaces."""
        wanted = name.strip().casefold()
        return next((g for g in self.goals if g.name.casefold() == wanted), None)


@dataclass(frozen=True)
class Checkin:
    date: date
    mood: int
    energy: int | None = None
    sleep_hours: float | None = None
    emotions: tuple[str, ...] = ()
    slip: str | None = None  # what happened, when contact happened that day; None = kept no contact
    slip_by: str | None = None  # who reached out: "me", "them", "both"
    urge: int | None = None
    trigger: str | None = None
    goals: tuple[tuple[str, int | None], ...] = ()  # (goal name, minutes or None)
    win: str = ""
    note: str = ""
    gratitude: str = ""
    revision: int | None = None
    saved_at: str | None = None

    @property
    def contact(self) -> bool:
        return self.slip is not None

    @property
    def goal_names(self) -> frozenset[str]:
        return frozenset(name for name, _ in self.goals)


@dataclass(frozen=True)
class Who5:
    date: date
    answers: tuple[int, int, int, int, int]
    revision: int | None = None

    @property
    def raw(self) -> int:
        return sum(self.answers)

    @property
    def percent(self) -> int:
        return self.raw * 4


@dataclass(frozen=True)
class Record:
    """A stage's recorded answers (the break, the day-30 reflection, the reunion)."""

    kind: str
    date: date
    data: dict = field(default_factory=dict)
    revision: int | None = None
    saved_at: str | None = None


@dataclass(frozen=True)
class Snapshot:
    """Everything the rules and charts need, read from the store in one go."""

    plan: Plan | None
    checkins: tuple[Checkin, ...]
    who5s: tuple[Who5, ...]
    records: dict[str, Record]
    steps: tuple[Record, ...] = ()  # today's step: the newest record of each day
    moments: tuple[Record, ...] = ()  # every record of the moments of the urge (core/urge.py)
