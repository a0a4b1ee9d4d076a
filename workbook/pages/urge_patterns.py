"""The urge patterns on the progress page: only with enough moments (numbers/urges.py), each chart
with its words under it, as the page's other charts have."""

from __future__ import annotations

from ..core.messages import days_words, say
from ..numbers import Numbers
from ..numbers.urges import PATTERN_MIN_MOMENTS
from ..views.chart_words.urges import urge_words, wave_sentences
from ..views.charts.urges import urge_figures
from ..views.html_pieces import chart_words_html, message_box, page_piece


def slip_free_words(numbers: Numbers) -> str:
    """ "27 of 30 days slip-free": beside the streak, never taken away by a slip."""
    free, so_far = numbers.slip_free
    if not so_far:
        return ""
    text = say("progress_slip_free", free=free, counted=days_words(so_far))
    kinds = [c.slip_by for c in numbers.other_contact]
    if kinds.count("practical"):
        text += " " + say("progress_practical", days=days_words(kinds.count("practical")))
    looks = len(kinds) - kinds.count("practical")
    if looks:
        text += " " + say("progress_profile_looks", days=days_words(looks), **_forms(numbers))
    return text


def _forms(numbers: Numbers) -> dict:
    from .forms import pronoun_forms

    return pronoun_forms(numbers.plan)


def urge_pattern_parts(numbers: Numbers) -> list[tuple[str, object]]:
    """("html", str) and ("figure", Figure) parts, as progress.page lays them out."""
    patterns = numbers.urge_patterns
    parts: list[tuple[str, object]] = [
        ("html", page_piece("heading", text=say("urge_patterns_heading")))
    ]
    if not patterns.enough:
        text = say("urge_patterns_not_enough", have=patterns.total, need=PATTERN_MIN_MOMENTS)
        return [*parts, ("html", message_box(text, "info"))]
    figures, said = urge_figures(patterns), urge_words(patterns)
    for key, figure in figures.items():
        parts += [("figure", figure), ("html", chart_words_html(said[key]))]
    parts.append(("html", page_piece("list", items=wave_sentences(patterns))))
    return parts
