"""A `Numbers` as the plain data a person sees in the report: what `report --format json` prints.

It only lays out numbers already worked out by `numbers.build`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core import rules
from ..core.messages import say, say_parts
from ..core.records import SAFETY_ANSWERS

if TYPE_CHECKING:
    from . import Numbers


def _iso(value):
    return value.isoformat() if value is not None else None


def low_mood_words(n: Numbers) -> str | None:
    """The low-mood prompt's sentence, naming what fired it (the WHO-5 by its date), or None."""
    if n.low_mood_reason == "who5":
        latest = n.who5s[-1]
        return say("low_mood_who5", date=latest.date, percent=latest.percent)
    return say("low_mood") if n.low_mood_reason else None


def _safety(answer: str) -> dict:
    words = dict(zip(SAFETY_ANSWERS, say_parts("safety_answers"), strict=True))
    return {
        "answer": answer,
        "words": words.get(answer, answer),
        "concern": rules.safety_concern(answer),
    }


def summary_json(n: Numbers) -> dict:
    plan = n.plan
    if plan is None:
        return {"programme": None, "checkins": 0, "message": "no plan yet"}
    reflection = n.reflection
    return {
        "programme": {
            "start_date": plan.start_date.isoformat(),
            "days": plan.days,
            "day": n.day,
            "covers_through": _iso(n.covers_through),
            "complete": n.complete,
            "today": n.today.isoformat(),
            "name": plan.name,
            "partner": plan.partner,
            "pronoun": plan.pronoun,
            "why": plan.why,
        },
        "checkins": len(n.checkins),
        "mood": {
            "mean": n.mood_mean,
            "min": n.mood_min,
            "max": n.mood_max,
            "trend_per_week": n.mood_trend.per_week if n.mood_trend else None,
        },
        "streaks": {
            "checkin_current": n.checkin_streak.current,
            "checkin_best": n.checkin_streak.best,
            "no_contact_current": n.no_contact_streak.current,
            "no_contact_best": n.no_contact_streak.best,
        },
        "slips": [{"date": c.date.isoformat(), "what_happened": c.slip} for c in n.slips],
        "goals": [
            {
                "name": g.name,
                "target_per_week": g.target_per_week,
                "days_done": g.days_done,
                "minutes": g.minutes,
                "strength": g.strength,
                "state": g.state,
                "changes": [
                    {
                        "date": c.day.isoformat(),
                        "state": c.state,
                        "target_per_week": c.target_per_week,
                    }
                    for c in g.goal.states
                ],
            }
            for g in n.goals
        ],
        "who5": [
            {
                "date": row.who5.date.isoformat(),
                "day": row.day,
                "answers": list(row.who5.answers),
                "raw": row.who5.raw,
                "percent": row.who5.percent,
                "suggest_professional": row.flags.suggest_professional,
                "suggest_strongly": row.flags.suggest_strongly,
            }
            for row in n.who5
        ],
        "who5_change": (
            {
                "points": n.who5_change.points,
                "real_change": n.who5_change.real_change,
                "from": {
                    "date": n.who5_change.before.date.isoformat(),
                    "percent": n.who5_change.before.percent,
                },
                "to": {
                    "date": n.who5_change.after.date.isoformat(),
                    "percent": n.who5_change.after.percent,
                },
            }
            if n.who5_change
            else None
        ),
        "low_mood_prompt": n.low_mood_prompt,
        "low_mood_words": low_mood_words(n),
        "decision": (
            {
                "date": _iso(reflection.recorded_on),
                **reflection.to_stored(),
                "gate": {
                    "open": reflection.gate_open,
                    "show_help": reflection.show_help,
                    "reasons": list(reflection.gate_reasons),
                },
            }
            if reflection
            else None
        ),
        "reunion": (
            {"date": _iso(n.reunion.recorded_on), **n.reunion.to_stored()} if n.reunion else None
        ),
        "steps": {"done": n.steps_done, "days": plan.days},
        # The private safety answer, only when the person ticked that they want it here.
        **({"safety": _safety(n.safety.answer)} if n.safety and n.safety.in_report else {}),
        "accomplishments": [
            {"date": c.date.isoformat(), "day": n.day_of(c.date), "win": c.win} for c in n.wins
        ],
    }
