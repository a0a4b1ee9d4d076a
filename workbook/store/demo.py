"""A deterministic, seeded, believable example workbook for tests, screenshots and benchmarks."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from ..core.model import Checkin, Goal, Plan, Who5
from . import Store

DEMO_GOALS = (
    Goal("Gym", 3),
    Goal("Pottery class", 2),
    Goal("Counselling", 1),
    Goal("Seeing friends", 2),
    Goal("Running", 2),
    Goal("Cooking", 3),
    Goal("Reading", 5),
    Goal("Meditation", 7),
)

# Wins worth telling at the reunion, by day of the programme.
WINS = {
    2: "Booked my first counselling session",
    4: "First pottery class: made a wonky bowl and loved it",
    7: "Went to the gym three times this week",
    10: "Told my sister the whole story and felt lighter",
    13: "Cooked a proper dinner for friends",
    16: "Deadlifted 60 kg for the first time",
    19: "Got the haircut I had been putting off for a year",
    21: "Three weeks without reaching out",
    24: "Glazed and fired my first real mug",
    27: "Ran 5 km without stopping",
    30: "Thirty days: I feel like myself again",
}
EMOTIONS = {
    "low": ["sad", "lonely", "anxious", "numb", "angry"],
    "mid": ["tired", "hopeful", "restless", "calm", "wistful"],
    "high": ["proud", "calm", "energised", "grateful", "hopeful"],
}
TRIGGERS = ["old photos", "our song", "a mutual friend's post", "Sunday evening", "their birthday"]
GRATITUDE = [
    "My sister's phone call",
    "Sunshine on the walk home",
    "A friend who listened",
    "Good coffee",
    "My own resilience",
    "The pottery teacher's patience",
]
NOTES = [
    "Hard morning, better evening.",
    "Kept busy, which helped.",
    "Noticed I didn't check their profile today.",
    "Felt the urge but went for a walk instead.",
    "Slept badly; still went to the gym.",
]


def demo_plan(today: date, days: int, n_goals: int) -> Plan:
    return Plan(
        start_date=today - timedelta(days=days - 1),
        days=30,
        name="Sam",
        partner="Alex",
        pronoun="they",
        why="I want to find out who I am on my own, and whether we can be better together.",
        goals=DEMO_GOALS[:n_goals],
    )


def demo_checkins(plan: Plan, days: int, seed: int) -> list[Checkin]:
    """Check-ins in the order they were saved, a correction included."""
    rng = random.Random(seed)
    checkins: list[Checkin] = []
    missed_day, slip_day, corrected_day = 9, 6, 12  # one of each, where a reader can find them
    for n in range(1, days + 1):
        day = plan.start_date + timedelta(days=n - 1)
        # Occasional missed days after the first month, and one on day 9.
        if n == missed_day or (n > 30 and rng.random() < 0.05):
            continue
        progress = min(n, 30) / 30
        mood = round(3.5 + 4 * progress + rng.gauss(0, 1.1))
        mood = max(1, min(10, mood))
        band = "low" if mood <= 4 else "mid" if mood <= 6 else "high"
        done = []
        for goal in plan.goals:
            chance = goal.target_per_week / 7 * (0.75 + 0.35 * progress)
            weekly_session = goal.target_per_week == 1 and n % 7 == 3
            if weekly_session or (goal.target_per_week > 1 and rng.random() < chance):
                done.append((goal.name, rng.choice([20, 30, 45, 60, 90])))
        slip = None
        if n == slip_day or (n > 30 and rng.random() < 0.01):
            slip = "They texted about picking up my jacket; I replied and we talked for an hour."
        checkins.append(
            Checkin(
                date=day,
                mood=mood,
                energy=max(1, min(10, mood + rng.choice([-1, 0, 0, 1]))),
                sleep_hours=round(rng.uniform(5.5, 8.5) * 2) / 2,
                emotions=tuple(rng.sample(EMOTIONS[band], 2)),
                slip=slip,
                slip_by="them" if slip else None,
                urge=max(0, min(10, round(8 - 6 * progress + rng.gauss(0, 1.2)))),
                trigger=rng.choice(TRIGGERS) if rng.random() < 0.6 else None,
                goals=tuple(done),
                win=WINS.get(n, "") if n <= 30 else "",
                note=rng.choice(NOTES),
                gratitude=rng.choice(GRATITUDE),
            )
        )
        if n == corrected_day:
            # Saved in a rush, then corrected later that evening: a second revision.
            first = checkins[-1]
            checkins[-1] = replace(first, mood=4, win="", note="Rough day.")
            checkins.append(
                replace(first, mood=max(first.mood, 6), win="Went to work and got through it")
            )
    return checkins


def demo_who5s(plan: Plan, days: int) -> list[Who5]:
    """WHO-5 on day 0, 14 and 30 (and every four weeks after that)."""
    answers = {0: (2, 1, 2, 1, 2), 14: (3, 2, 3, 2, 3), 30: (4, 3, 4, 3, 4)}
    for n in range(58, days + 1, 28):
        answers[n] = (4, 4, 4, 3, 4)
    return [
        Who5(date=plan.start_date + timedelta(days=n - 1), answers=a)
        for n, a in sorted(answers.items())
        if n <= days
    ]


def fill_demo(store: Store, today: date, days: int = 30, seed: int = 7, goals: int = 4) -> None:
    """Write the demo workbook into an empty store."""
    plan = demo_plan(today, days, goals)
    store.save_plan(plan)
    store.save_checkins(demo_checkins(plan, days, seed))
    for who5 in demo_who5s(plan, days):
        store.save_who5(who5)
    store.save_record(
        "break",
        plan.start_date - timedelta(days=1),
        {
            "answer": "agreed",
            "no_contact": True,
            "dating_allowed": False,
            "start_date": plan.start_date.isoformat(),
        },
    )
