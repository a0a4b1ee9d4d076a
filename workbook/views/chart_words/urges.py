"""The urge patterns in words: a sentence under each chart and its numbers as a table, and the
sentences on how often the wave passed and what was done when it did."""

from __future__ import annotations

from ...core.messages import say, say_parts
from ...core.urge import OUTCOMES
from ...numbers.urges import UrgePatterns
from .base import ChartWords, listed, words


def _hours(hours: list[int]) -> str:
    return listed([say("urge_hour", hour=h) for h in hours])


def urge_words(patterns: UrgePatterns) -> dict[str, ChartWords]:
    """Each urge chart's sentence and table, keyed as views.charts.urges.urge_figures."""
    days = say_parts("urge_weekdays")
    column = say("urge_count_label")
    triggers = [(t or say("urge_trigger_none"), n) for t, n in patterns.by_trigger]
    top = [f"“{t}”" for t in patterns.top_triggers]
    return {
        "urge_hours": words(
            "urge_hours",
            say("urge_pattern_hours", hours=_hours(patterns.peak_hours)),
            say("urge_chart_hours"),
            [say("urge_col_hour"), column],
            [(say("urge_hour", hour=h), n) for h, n in enumerate(patterns.by_hour) if n],
        ),
        "urge_weekdays": words(
            "urge_weekdays",
            say(
                "urge_pattern_weekdays", weekdays=listed([days[d] for d in patterns.peak_weekdays])
            ),
            say("urge_chart_weekdays"),
            [say("urge_col_day"), column],
            list(zip(days, patterns.by_weekday, strict=True)),
        ),
        "urge_triggers": words(
            "urge_triggers",
            say("urge_pattern_triggers", triggers=listed(top) or say("urge_trigger_none")),
            say("urge_chart_triggers"),
            [say("urge_col_trigger"), column],
            triggers,
        ),
    }


def wave_sentences(patterns: UrgePatterns) -> list[str]:
    """How often the wave passed, and what was done in the moments it did."""
    if not patterns.passed:
        return [say("urge_pattern_none_passed")]
    outcomes = dict(zip(OUTCOMES, say_parts("urge_done_parts"), strict=True))
    done = [f"{outcomes[code]} ({n})" for code, n in patterns.done_when_passed]
    return [
        say("urge_pattern_passed", passed=patterns.passed, rated=patterns.rated),
        say("urge_pattern_done", what=listed(done)),
    ]
