"""The urge patterns of a seeded month, worked out by hand; too few moments say so."""

from __future__ import annotations

from datetime import date, datetime

from test_charts import checked

from workbook.core.model import Plan
from workbook.numbers import build
from workbook.numbers.urges import PATTERN_MIN_MOMENTS
from workbook.pages.progress import page
from workbook.pages.urge_controller import UrgeController

END = date(2026, 11, 30)
# (local time, trigger, before, after, outcome). November 2026 starts on a Sunday.
MONTH = [
    # Five Sunday nights at 22:xx: each wave passed (8 → 4).
    *[
        (datetime(2026, 11, day, 22, minute), "Sunday night", 8, 4, outcome)
        for day, minute, outcome in (
            (1, 5, "did_not_reach_out"),
            (8, 40, "did_not_reach_out"),
            (15, 10, "wrote_here"),
            (22, 55, "did_not_reach_out"),
            (29, 30, "wrote_here"),
        )
    ],
    # Four weekday mornings at 08:xx: the wave did not pass (6 → 6).
    *[
        (datetime(2026, 11, day, 8, 15), "old photos", 6, 6, "need_more_time")
        for day in (2, 3, 4, 5)
    ],
    # Three lunchtimes at 13:xx, the trigger in another case: passed (7 → 2).
    (datetime(2026, 11, 10, 13, 0), "Our song", 7, 2, "wrote_here"),
    (datetime(2026, 11, 11, 13, 20), "our song", 7, 2, "wrote_here"),
    (datetime(2026, 11, 12, 13, 45), "our song", 7, 2, "reached_out"),
]


def seed(store, moments) -> None:
    store.save_plan(Plan(start_date=date(2026, 11, 1)))
    for at, trigger, before, after, outcome in moments:
        controller = UrgeController(store, at.date(), at)
        fields = {"before": before, "after": after, "trigger": trigger, "outcome": outcome}
        assert controller.on_save(fields).ok


def test_a_seeded_month_gives_the_patterns_worked_out_by_hand(store):
    seed(store, MONTH)
    numbers = build(store.snapshot(), END)
    p = numbers.urge_patterns
    assert p.total == 12 and p.enough
    assert p.by_hour[22] == 5 and p.by_hour[8] == 4 and p.by_hour[13] == 3 and sum(p.by_hour) == 12
    assert p.peak_hours == [22]
    # Monday first: Mon 2, Tue 3 + 10, Wed 4 + 11, Thu 5 + 12, Sun 1, 8, 15, 22, 29.
    assert p.by_weekday == (1, 2, 2, 2, 0, 0, 5)
    assert p.by_trigger == (("Sunday night", 5), ("old photos", 4), ("Our song", 3))
    assert (p.rated, p.passed) == (12, 8)
    assert p.done_when_passed == (("wrote_here", 4), ("did_not_reach_out", 3), ("reached_out", 1))
    # One reaching out on 12 November: 29 of 30 days slip-free; the run is 18 days since.
    assert numbers.slip_free == (29, 30)
    assert numbers.no_contact_streak.current == 18

    html = "\n".join(str(v) for kind, v in page(store.snapshot(), END) if kind == "html")
    assert "29 of 30 days without a contact slip so far." in html
    assert "Most urges came around 22:00." in html
    assert "The busiest day of the week: Sunday." in html
    assert "What set them off most: “Sunday night”." in html
    assert "The wave passed in 8 of 12 moments you rated again" in html
    assert (
        "you most often: wrote it here instead (4), did not reach out (3) and reached out "
        "anyway (1)." in html
    )
    figures = [v for kind, v in page(store.snapshot(), END) if kind == "figure"]
    assert len(figures) == 12  # the nine progress charts and the three of the urge patterns
    for figure in figures:
        checked(figure)  # every property one plotly knows, written as plotly writes it
    hours = next(f for f in figures if f["layout"]["title"]["text"] == "Urges by hour of the day")
    assert list(hours["data"][0]["y"])[22] == 5


def test_too_few_moments_say_so(store):
    seed(store, MONTH[: PATTERN_MIN_MOMENTS - 1])
    parts = page(store.snapshot(), END)
    html = "\n".join(str(v) for kind, v in parts if kind == "html")
    assert "Not enough moments yet to see a pattern: 9 so far, and patterns show from 10." in html
    assert "Most urges came around" not in html
    titles = [v["layout"]["title"]["text"] for kind, v in parts if kind == "figure"]
    assert not any(t.startswith("Urges by") for t in titles)
