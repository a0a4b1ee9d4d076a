"""The report page: the words around the summary's numbers, rendered from `report.html.j2`.

Every number comes from the summary dict (`numbers.build(...).summary()`, what `report --format
json` prints) and every chart from the figures handed in; nothing here works a number out. What
this module adds is the choice of words: which sentence fits the summary, and the labels of the
recorded answers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from importlib import resources

from markupsafe import Markup

from ...core.messages import counted, days_words, say, say_parts
from ..html_pieces import streak_cards
from ..templating import day_text, render

# No network from the report, even if someone opens it in a browser that is online.
# No script either: the charts are SVG pictures (chart_data.py).
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"
# Shown inside their own section rather than among the charts.
SECTION_CHARTS = ("who5",)
SLIPS_LISTED = 12
# The recorded answers, in the order the questions were asked; each labelled by its message.
ANSWER_ORDER = (
    "better_version",
    "accomplished",
    "discovered",
    "want_restart",
    "conviction",
    "keep_growing",
    "felt_safe",
    "gate_open",
    "decision",
    "outcome",
    "script",
    "notes",
)
REFLECTION_LABELS = {key: say(f"report_label_{key}") for key in ANSWER_ORDER}
# The gate's own bookkeeping (shown as the "resounding yes?" answer and its words), and what is
# only bookkeeping: not rows of their own.
NOT_FACTS = ("gate", "gate_open", "show_help", "reasons", "gate_reasons", "date", "talking_points")


def answer_text(value) -> str:
    """A recorded answer in words: yes/no, lists joined, a dash for nothing."""
    if isinstance(value, bool):
        yes, no = say_parts("said_yes_no")
        return yes if value else no
    if isinstance(value, list | tuple):
        return ", ".join(answer_text(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{label(k)}: {answer_text(v)}" for k, v in value.items())
    return say("said_nothing") if value is None or value == "" else str(value)


def label(key: str) -> str:
    return REFLECTION_LABELS.get(key, key.replace("_", " ").capitalize())


def facts(data: Mapping) -> list[tuple[str, str]]:
    """(question, answer) rows in the order the questions were asked, then any others by name."""
    order = list(REFLECTION_LABELS)
    keys = sorted(data, key=lambda k: (order.index(k) if k in order else len(order), k))
    return [(label(k), answer_text(data[k])) for k in keys]


def covers_text(programme: dict) -> str:
    day, days = programme["day"], programme["days"]
    start = day_text(programme["start_date"])
    if day < 1:
        return say("report_not_started", start=start)
    through = day_text(programme["covers_through"])
    if day < days:
        return say("report_covers_partial", day=day, days=days, start=start, through=through)
    text = say("report_covers_full", days=days_words(days), start=start, end=through)
    if day > days:
        extra = say(
            "report_covers_beyond", extra=days_words(day - days), today=day_text(programme["today"])
        )
        text = f"{text} {extra}"
    return text


def trend_text(mood_sentence: str | None, checkins: int) -> str:
    """The mood chart's own sentence (its direction read from `MoodTrend.direction`, as the chart
    says it); before the first check-in, what a trend needs."""
    return mood_sentence or say("report_trend_none", count=checkins)


def who5_text(rows: list[dict], change: dict | None) -> str:
    if not rows:
        return say("report_who5_none")
    if len(rows) == 1 or change is None:
        newest = rows[-1]
        return say(
            "report_who5_one", percent=newest["percent"], date=date.fromisoformat(newest["date"])
        )
    key = "report_who5_real" if change["real_change"] else "report_who5_small"
    before, after = change["from"], change["to"]
    return say(
        key,
        first=before["percent"],
        first_date=date.fromisoformat(before["date"]),
        last=after["percent"],
        last_date=date.fromisoformat(after["date"]),
        points=counted(change["points"], "points"),
    )


def decision_view(decision: dict | None) -> dict | None:
    """The recorded answers as rows, and the gate's verdict in words (read, not re-evaluated)."""
    if not decision:
        return None
    gate = decision.get("gate")
    shown = {k: v for k, v in decision.items() if k not in NOT_FACTS}
    words: list[str] = []
    if gate is not None:
        shown["gate_open"] = gate["open"]
        if gate["open"]:
            words = [say("gate_open")]
        else:
            words = [say(r, conviction=decision.get("conviction")) for r in gate["reasons"]]
    return {"facts": facts(shown), "gate_words": words}


def closing_texts(summary: dict) -> list[str]:
    if summary["checkins"]:
        parts = [say("report_closing", checkins=counted(summary["checkins"], "checkins"))]
    else:
        parts = [say("report_closing_first_day")]
    outcome = str((summary["reunion"] or {}).get("outcome", "")).strip().lower()
    if outcome in ("yes", "no", "not yet"):
        key = f"report_closing_{outcome.replace(' ', '_')}"
        parts.append(say(key, partner=summary["programme"]["partner"]))
    parts.append(say("report_closing_keep_going"))
    return parts


def report_context(
    summary: dict,
    charts: Mapping[str, Markup],
    words: Mapping[str, Markup] | None = None,
    mood_sentence: str | None = None,
) -> dict:
    """Everything `report.html.j2` shows, from the summary and the charts' HTML and words."""
    programme = summary["programme"]
    slips = summary["slips"]
    reunion = summary["reunion"]
    return {
        "summary": summary,
        "programme": programme,
        "covers": covers_text(programme),
        "trend": trend_text(mood_sentence, summary["checkins"]),
        "slips": slips[:SLIPS_LISTED],
        "slips_more": max(0, len(slips) - SLIPS_LISTED),
        "slips_count": len(slips),
        "charts": {k: v for k, v in charts.items() if k not in SECTION_CHARTS},
        "who5_chart": charts.get("who5", ""),
        "words": {k: v for k, v in (words or {}).items() if k not in SECTION_CHARTS},
        "who5_text": who5_text(summary["who5"], summary["who5_change"]),
        # Our own rendered template (numbers only), not a person's words.
        "streak_cards": Markup(streak_cards(**summary["streaks"])),
        "decision": decision_view(summary["decision"]),
        "reunion_facts": facts({k: v for k, v in reunion.items() if k not in NOT_FACTS})
        if reunion
        else [],
        "closing": closing_texts(summary),
    }


def _css() -> Markup:
    # Our own stylesheet, shipped with the package: Markup so that "a > b" stays a selector.
    css = (
        resources.files("workbook.views")
        .joinpath("assets", "report.css")
        .read_text(encoding="utf-8")
    )
    return Markup(css)


def render_report(
    summary: dict,
    today: date,
    charts: Mapping[str, Markup] | None = None,
    words: Mapping[str, Markup] | None = None,
    mood_sentence: str | None = None,
    unsent_words: Sequence[tuple[str, str]] = (),
) -> str:
    """The whole report page for a summary, its charts' HTML and their words (see chart_data);
    `mood_sentence` is the mood chart's own sentence, which the report's numbers repeat;
    `unsent_words` (when, words) only when the person asked for them in."""
    common = {"csp": CSP, "css": _css(), "today": today.isoformat()}
    if summary["programme"] is None:
        return render("report_no_plan.html.j2", **common)
    context = report_context(summary, charts or {}, words, mood_sentence)
    return render("report.html.j2", **common, **context, unsent_words=list(unsent_words))
