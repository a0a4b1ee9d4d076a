"""03_progress: streaks, mood, goals, urges, what lifts the mood, WHO-5 and wins, on one page.

`page(snapshot, today)` lays the page out as plain parts ("html" or "figure"), so tests can read
it without a kernel; `show` only displays those parts.
"""

from __future__ import annotations

from datetime import date

from IPython.display import HTML, display

from ..core.messages import days_words, say
from ..numbers import Numbers, build
from ..numbers.summary import low_mood_words
from ..views import charts
from ..views.chart_words import words_for
from ..views.html_pieces import chart_words_html, low_mood_box, page_piece, streak_cards
from .common import message_html, never_a_traceback
from .context import Ahead, open_store, resolve_today
from .figures import show_figure
from .urge_patterns import slip_free_words, urge_pattern_parts

REVIEW_DAYS = (7, 14, 21)
WHO5_NUDGE_DAY = 14


def _heading(key: str) -> tuple[str, str]:
    return "html", page_piece("heading", text=say(key))


def _paragraph(text: str, muted: bool = False) -> tuple[str, str]:
    return "html", page_piece("paragraph", text=text, muted=muted)


def _list(items: list[str]) -> tuple[str, str]:
    return "html", page_piece("list", items=items)


def _signed(value: float) -> str:
    return f"{value:+.1f}".replace("-", "−")


def mood_lift_sentences(rows) -> list[str]:
    """One plain sentence per goal, never claiming more than the numbers show."""
    sentences = []
    for row in (r.as_dict() for r in rows):
        counts = {
            "days_done": days_words(row["days_done"]),
            "days_not": days_words(row["days_not"]),
        }
        if not row["enough_data"]:
            sentences.append(say("progress_mood_lift_short", goal=row["goal"], **counts))
            continue
        low, high = _signed(row["low"]), _signed(row["high"])
        difference = row["difference"]
        if abs(difference) < 0.05:
            sentences.append(
                say("progress_mood_lift_same", goal=row["goal"], low=low, high=high, **counts)
            )
            continue
        points = abs(difference)
        sentences.append(
            say(
                "progress_mood_lift_row",
                goal=row["goal"],
                difference=say("words_lift_points", points=points),
                direction="higher" if difference > 0 else "lower",
                low=low,
                high=high,
                **counts,
            )
        )
    return sentences


def _formula_details() -> tuple[str, str]:
    return "html", page_piece(
        "details", summary=say("progress_strength_how"), text=say("progress_strength_formula")
    )


def page(snapshot, today: date) -> list[tuple[str, object]]:
    """The progress page as ("html", str) and ("figure", Figure) parts, top to bottom."""
    numbers = build(snapshot, today)
    if numbers.plan is None:
        return [("html", message_html(say("no_plan"), "info"))]
    frames = numbers.frames
    figures = charts.figures_for(frames)
    words = words_for(numbers)

    def chart(key: str) -> list[tuple[str, object]]:
        """The chart, then what it shows in words and its numbers as a table."""
        said = chart_words_html(words[key])
        return [("figure", figures[key])] + ([("html", said)] if said else [])

    parts: list[tuple[str, object]] = []

    day = numbers.day
    if day in REVIEW_DAYS:
        parts.append(("html", message_html(say(f"progress_review_{day}"), "info")))
    if day == WHO5_NUDGE_DAY:
        parts.append(("html", message_html(say("progress_who5_nudge"), "info")))
    if numbers.low_mood_prompt:
        parts.append(("html", low_mood_html(numbers)))

    parts += [_heading("progress_heading_streaks")]
    parts.append(("html", streak_cards_html(numbers)))
    parts.append(_paragraph(say("steps_done", done=numbers.steps_done, days=numbers.plan.days)))
    parts += [_paragraph(slip_free_words(numbers))] if numbers.slip_free[1] else []

    parts += [_heading("progress_heading_mood"), *chart("mood")]

    parts += [
        _heading("progress_heading_goals"),
        *chart("goal_calendar"),
        *chart("weekly_targets"),
        *chart("goal_strength"),
    ]
    if numbers.goals:
        parts.append(_formula_details())
    parts += chart("minutes")

    parts += [_heading("progress_heading_urges"), *chart("urges"), *chart("triggers")]
    slips = numbers.slips
    if slips:
        parts.append(
            _list(
                [
                    say(
                        "progress_slip_row",
                        date=s.date,
                        day=numbers.day_of(s.date),
                        what=s.slip or "",
                    )
                    for s in slips
                ]
            )
        )
        parts.append(_paragraph(say("progress_slips_kind"), muted=True))
    elif len(frames.days):
        parts.append(_paragraph(say("progress_no_slips")))

    parts += urge_pattern_parts(numbers)

    parts += [_heading("progress_heading_mood_lift"), *chart("mood_lift")]
    rows = numbers.mood_lift
    if rows:
        parts.append(_list(mood_lift_sentences(rows)))
        if any(row.enough_data for row in rows):
            parts.append(_paragraph(say("progress_mood_lift_caveat"), muted=True))

    parts += [_heading("progress_heading_who5"), *chart("who5")]
    if numbers.who5:
        latest = numbers.who5[-1].flags
        if latest.suggest_strongly:
            parts.append(("html", message_html(say("who5_strongly"), "help")))
        elif latest.suggest_professional:
            parts.append(("html", message_html(say("who5_professional"), "help")))

    parts.append(_heading("progress_heading_wins"))
    wins = numbers.wins
    if wins:
        parts.append(
            _list(
                [
                    say(
                        "progress_win_row",
                        date=w.date,
                        day=numbers.day_of(w.date),
                        win=w.win,
                    )
                    for w in wins
                ]
            )
        )
    else:
        parts.append(_paragraph(say("progress_no_wins")))
    return parts


@never_a_traceback
def show(data_dir=None, today=None) -> None:
    """Display the progress page for `today` (None: the real date)."""
    day = resolve_today(today)  # in the app, after the wait for the request
    parts = PREPARED.take(data_dir, day)
    if parts is None:
        with open_store(data_dir) as store:
            snapshot = store.snapshot()
        parts = page(snapshot, day)
    for kind, payload in parts:
        if kind == "figure":
            show_figure(payload)
        else:
            display(HTML(payload))


def streak_cards_html(numbers: Numbers) -> str:
    """The four streak cards (check-in and no-contact, current and best)."""
    return streak_cards(
        numbers.checkin_streak.current,
        numbers.checkin_streak.best,
        numbers.no_contact_streak.current,
        numbers.no_contact_streak.best,
    )


def low_mood_html(numbers: Numbers) -> str:
    """A warm box with where to find help, saying why, for when the low-mood rule fires."""
    return low_mood_box(low_mood_words(numbers))


# In the app, the page itself is built before anyone asks, and shown if the workbook is unchanged.
PREPARED = Ahead(lambda store, today: page(store.snapshot(), today), draws_charts=True)
