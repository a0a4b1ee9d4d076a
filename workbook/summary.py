"""The summary a person sees in the report, as plain data (what `report --format json` prints).

Pure Python on purpose: the command line stays quick because pandas and plotly are not imported.
"""

from __future__ import annotations

from datetime import date, timedelta

from . import rules
from .model import Checkin, Plan, Who5
from .store import Snapshot


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def mood_trend_per_week(checkins: list[Checkin]) -> float | None:
    """Least-squares slope of mood against the date, in points per week (7+ check-ins)."""
    if len(checkins) < 7:
        return None
    xs = [c.date.toordinal() for c in checkins]
    ys = [c.mood for c in checkins]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mx) ** 2 for x in xs)
    if var == 0:
        return None
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var
    return round(slope * 7, 2)


def goal_rows(plan: Plan, checkins: list[Checkin], today: date) -> list[dict]:
    rows = []
    for goal in plan.goals:
        since = max(plan.start_date, goal.since or plan.start_date)
        done = [c for c in checkins if goal.name in c.goal_names and since <= c.date <= today]
        minutes = sum(m or 0 for c in done for name, m in c.goals if name == goal.name)
        strength = rules.goal_strength([c.date for c in done], goal.target_per_week, since, today)
        rows.append(
            {
                "name": goal.name,
                "target_per_week": goal.target_per_week,
                "days_done": len(done),
                "minutes": minutes,
                "strength": round(strength * 100, 1),
            }
        )
    return rows


def who5_rows(plan: Plan | None, who5s: list[Who5]) -> list[dict]:
    rows = []
    for w in who5s:
        flags = rules.who5_flags(w.answers)
        rows.append(
            {
                "date": w.date.isoformat(),
                "day": rules.day_number(plan.start_date, w.date) if plan else None,
                "answers": list(w.answers),
                "raw": w.raw,
                "percent": w.percent,
                "suggest_professional": flags.suggest_professional,
                "suggest_strongly": flags.suggest_strongly,
            }
        )
    return rows


def build_summary(snapshot: Snapshot, today: date) -> dict:
    """The report's numbers for `today` (only what had happened by then counts)."""
    plan = snapshot.plan
    if plan is None:
        return {"programme": None, "checkins": 0, "message": "no plan yet"}
    checkins = [c for c in snapshot.checkins if c.date <= today]
    who5s = [w for w in snapshot.who5s if w.date <= today]
    day = rules.day_number(plan.start_date, today)
    checkin_streak = rules.checkin_streak([c.date for c in checkins], today)
    slips = [c for c in checkins if c.contact and c.date >= plan.start_date]
    no_contact = rules.no_contact_streak(plan.start_date, [c.date for c in slips], today)
    moods = [c.mood for c in checkins]
    who5_change = None
    if len(who5s) >= 2:
        change, real = rules.who5_change(who5s[0], who5s[-1])
        who5_change = {"points": change, "real_change": real}
    reflection = snapshot.records.get("reflection")
    reunion = snapshot.records.get("reunion")
    return {
        "programme": {
            "start_date": plan.start_date.isoformat(),
            "days": plan.days,
            "day": day,
            "covers_through": min(
                today, plan.start_date + timedelta(days=plan.days - 1)
            ).isoformat()
            if day >= 1
            else None,
            "complete": rules.programme_complete(plan.start_date, plan.days, today),
            "today": today.isoformat(),
            "name": plan.name,
            "partner": plan.partner,
            "pronoun": plan.pronoun,
            "why": plan.why,
        },
        "checkins": len(checkins),
        "mood": {
            "mean": _mean(moods),
            "min": min(moods) if moods else None,
            "max": max(moods) if moods else None,
            "trend_per_week": mood_trend_per_week(checkins),
        },
        "streaks": {
            "checkin_current": checkin_streak.current,
            "checkin_best": checkin_streak.best,
            "no_contact_current": no_contact.current,
            "no_contact_best": no_contact.best,
        },
        "slips": [{"date": c.date.isoformat(), "what_happened": c.slip} for c in slips],
        "goals": goal_rows(plan, checkins, today),
        "who5": who5_rows(plan, who5s),
        "who5_change": who5_change,
        "low_mood_prompt": rules.low_mood_prompt(checkins, who5s[-1] if who5s else None),
        "decision": reflection.data if reflection else None,
        "reunion": reunion.data if reunion else None,
        "accomplishments": [
            {
                "date": c.date.isoformat(),
                "day": rules.day_number(plan.start_date, c.date),
                "win": c.win,
            }
            for c in checkins
            if c.win
        ],
    }
