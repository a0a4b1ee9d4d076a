"""Each chart in words: the sentence says what it shows for this person with its real numbers, the
table holds the chart's numbers, and the progress page and the report carry both, escaped."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest
from markupsafe import escape
from test_numbers import TODAY, save_hand_workbook

from workbook.core.model import Checkin, Goal, Plan, Snapshot
from workbook.numbers import build
from workbook.pages import progress
from workbook.store import Store
from workbook.store.demo import fill_demo
from workbook.views import charts
from workbook.views.chart_words import CHART_KEYS, words_for
from workbook.views.chart_words.base import MAX_ROWS
from workbook.views.report import render_html

START = date(2026, 11, 1)
HOSTILE = "<img src=x onerror=alert(1)>"
GYM = (Goal("Gym", 3),)


def month(moods, goals=GYM, **checkin) -> tuple[Snapshot, date]:
    """A plan from START with one check-in a day holding `moods` (None: no check-in that day)."""
    checkins = tuple(
        Checkin(START + timedelta(days=i), mood, **checkin)
        for i, mood in enumerate(moods)
        if mood is not None
    )
    plan = Plan(start_date=START, goals=goals)
    return Snapshot(plan, checkins, (), {}), START + timedelta(days=len(moods) - 1)


def said(snapshot, today) -> dict:
    return words_for(build(snapshot, today))


def sentence(snapshot, today, key="mood") -> str:
    return said(snapshot, today)[key].sentence


# --- the sentences ----------------------------------------------------------------------------


def test_a_rising_month_says_from_about_what_to_about_what():
    assert sentence(*month([3, 3, 4, 4, 5, 5, 6, 6, 7, 7])) == (
        "Your mood rose from about 3 to about 7 over these 10 days (the overall trend; "
        "single days went from 3 to 7)."
    )


def test_a_falling_month_says_so_kindly():
    text = sentence(*month([7, 7, 6, 6, 5, 5, 4, 4, 3, 3]))
    assert text.startswith("Your mood went from about 7 down to about 3 over these 10 days")
    assert "don’t undo your work" in text


def test_a_flat_month_says_level_with_its_average():
    snapshot, today = month([5, 6, 4, 5, 6, 5, 4, 6, 5, 5])
    assert build(snapshot, today).mood_trend.direction == "level"
    assert sentence(snapshot, today) == (
        "Your mood stayed about level over these 10 days, around 5.1 on average "
        "(single days went from 4 to 6)."
    )


def test_a_small_rise_shows_its_decimals_rather_than_the_same_number_twice():
    text = sentence(*month([5, 5, 5, 6, 5, 4, 5, 5, 6, 5]))
    assert "rose from about 5.0 to about 5.2" in text


def test_one_day_and_a_few_days_say_what_there_is_and_no_trend():
    assert sentence(*month([5])) == "You have one check-in so far: mood 5 on Sun, 1 Nov 2026."
    assert sentence(*month([4, None, 6, 5])) == (
        "Your mood was 4 on your first check-in and 5 on your latest (3 check-ins so far; "
        "the overall trend appears from 7)."
    )


def test_contact_days_are_counted_in_the_mood_and_urge_sentences():
    snapshot, today = month([4, 5, 6], urge=6, slip="They called")
    words = said(snapshot, today)
    assert words["mood"].sentence.endswith("Contact happened on 3 days.")
    assert words["urges"].sentence == (
        "You noted the urge on 3 days. It was strongest on Sun, 1 Nov 2026 (6 of 10); on your "
        "latest, Tue, 3 Nov 2026, it was 6 of 10. Contact happened on 3 days."
    )


@pytest.mark.parametrize("kind", ["no plan", "before start", "plan without goals"])
def test_an_empty_workbook_has_no_words_beyond_the_charts_own_sentence(kind):
    plan = None if kind == "no plan" else Plan(start_date=START + timedelta(days=3))
    if kind == "plan without goals":
        plan = Plan(start_date=START)
    snapshot = Snapshot(plan, (), (), {})
    numbers = build(snapshot, START)
    words = words_for(numbers)
    assert list(words) == list(CHART_KEYS) == list(charts.FIGURE_KEYS)
    assert all(w is None for w in words.values())
    assert all(charts.is_empty(f) for f in charts.progress_figures(numbers).values())


def test_the_hand_workbook_reads_every_number_from_the_builder(tmp_path):
    snapshot = save_hand_workbook(tmp_path / "hand")
    numbers = build(snapshot, TODAY)
    words = words_for(numbers)
    gym, walk = numbers.goals
    assert words["goal_calendar"].sentence == (
        f"So far you did Gym on {gym.days_done} days and Walk on {walk.days_done} days."
    )
    assert words["minutes"].sentence == (
        "The time you noted: Gym 2 h 15 min over 4 days and Walk 20 min over 6 days."
    )
    assert f"Gym {gym.strength:.0f} %" in words["goal_strength"].sentence
    assert words["goal_strength"].table.rows[0][-1] == f"{gym.strength:.0f} %"
    assert words["triggers"].sentence == (
        "You noted 2 different triggers; the most frequent was “Old photos” (twice)."
    )
    assert words["who5"].sentence == (
        "You took the WHO-5 twice: 40 % on day 0 and 60 % on day 10. "
        "That is a real change: 10 points or more."
    )
    assert words["weekly_targets"].table.rows[0] == ("Week 1", "2 of 2, met", "4 of 7, missed")
    # The mood table holds the chart's own points, corrected day 5 included, gaps left out.
    mood = words["mood"].table
    assert mood.caption == "Your mood each day, with its 7-day average"
    assert [row[2] for row in mood.rows] == [str(c.mood) for c in numbers.checkins]
    assert mood.rows[3][:3] == ("Thu, 5 Nov 2026", "5", "6")


def test_every_chart_with_something_to_show_has_words_and_no_other(tmp_path):
    with Store(tmp_path / "demo") as store:
        fill_demo(store, today=TODAY)
        demo = store.snapshot()
    for snapshot, today in [
        (demo, TODAY),
        (demo, TODAY - timedelta(days=27)),
        (save_hand_workbook(tmp_path / "hand"), date(2026, 11, 10)),
        month([5]),
    ]:
        numbers = build(snapshot, today)
        figures = charts.progress_figures(numbers)
        for key, words in words_for(numbers).items():
            assert (words is None) == charts.is_empty(figures[key]), (key, today)
            if words is not None:
                assert len(words.sentence) > 20 and words.table.rows, key
                assert all(len(row) == len(words.table.columns) for row in words.table.rows)
                assert not re.search(r"\bnan\b|\bNone\b", words.sentence + str(words.table))


def test_a_long_history_tables_its_latest_days_and_says_so(tmp_path):
    with Store(tmp_path / "long") as store:
        fill_demo(store, today=TODAY, days=200)
        numbers = build(store.snapshot(), TODAY)
    table = words_for(numbers)["mood"].table
    assert len(table.rows) == MAX_ROWS
    assert table.rows[-1][0] == "Tue, 10 Nov 2026"  # today
    assert f"the latest {MAX_ROWS} of {len(numbers.checkins)} rows" in table.caption


# --- on the page and in the report ----------------------------------------------------------


class Tables(HTMLParser):
    """The chart words blocks of a page: their sentences, captions and header scopes."""

    def __init__(self):
        super().__init__()
        self.keys, self.scopes, self.captions, self.open_details = [], set(), [], []
        self._in_caption = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "data-chart-words" in attrs:
            self.keys.append(attrs["data-chart-words"])
        if tag == "th":
            self.scopes.add(attrs.get("scope"))
        if tag == "details":
            self.open_details.append("open" in attrs)
        self._in_caption = tag == "caption"

    def handle_data(self, data):
        if self._in_caption:
            self.captions.append(data)
            self._in_caption = False


def test_the_progress_page_puts_each_charts_words_right_under_it(tmp_path):
    snapshot = save_hand_workbook(tmp_path / "hand")
    parts = progress.page(snapshot, TODAY)
    kinds = [kind for kind, _ in parts]
    words = words_for(build(snapshot, TODAY))
    for key in CHART_KEYS:
        if words[key] is None:
            continue
        at = next(i for i, (k, p) in enumerate(parts) if k == "html" and f'"{key}"' in p)
        assert kinds[at - 1] == "figure" and parts[at - 1][1]["layout"]["title"]["text"]
        assert escape(words[key].sentence) in parts[at][1]
    page = Tables()
    page.feed("".join(p for kind, p in parts if kind == "html"))
    assert page.keys == [k for k in CHART_KEYS if words[k] is not None]
    assert page.scopes == {"col", "row"}
    assert page.open_details and not any(page.open_details)  # collapsed until asked for
    assert "What you did for each goal, day by day" in page.captions


def test_user_text_in_the_words_stays_text_on_the_page_and_in_the_report():
    checkins = (
        Checkin(START, 5, urge=5, trigger="<b>bold</b>", goals=((HOSTILE, 20),)),
        Checkin(START + timedelta(days=1), 6, urge=4, trigger="<b>bold</b>", goals=((HOSTILE, 5),)),
    )
    snapshot = Snapshot(Plan(start_date=START, goals=(Goal(HOSTILE, 3),)), checkins, (), {})
    today = START + timedelta(days=1)
    page = "".join(p for kind, p in progress.page(snapshot, today) if kind == "html")
    report = render_html(snapshot, today)
    for html in (page, report):
        assert "&lt;img src=x onerror=alert(1)&gt; on 2 days" in html
        assert "“&lt;b&gt;bold&lt;/b&gt;” (twice)" in html
        assert "<b>bold</b>" not in html and "<img src=x" not in html


def test_the_report_says_each_chart_in_words_with_its_table(tmp_path):
    snapshot = save_hand_workbook(tmp_path / "hand")
    html = render_html(snapshot, TODAY)
    words = words_for(build(snapshot, TODAY))
    report = Tables()
    report.feed(html)
    # The WHO-5 section's own table and sentence say that chart in words.
    assert sorted(report.keys) == sorted(k for k in CHART_KEYS if words[k] and k != "who5")
    assert not any(report.open_details)
    for key in report.keys:
        # Each block sits right after its own chart, the WHO-5 in its own section.
        chart_at = html.index(f'data-chart="{key}"')
        words_at = html.index(f'data-chart-words="{key}"')
        next_chart = html.find('data-chart="', chart_at + 1)
        assert chart_at < words_at and (next_chart == -1 or words_at < next_chart), key
        assert escape(words[key].sentence) in html
    assert "Your WHO-5 wellbeing score (0–100 %)" in report.captions
    assert "40 % on day 0" not in html  # no second copy of the WHO-5 in words


def test_triggers_all_noted_once_are_not_listed_and_a_clear_top_one_is_named():
    triggers = ["photos", "songs", "late night", "payday", "a friend", "weekend", "their street"]
    checkins = tuple(
        Checkin(START + timedelta(days=i), 5, urge=6, trigger=t) for i, t in enumerate(triggers)
    )
    snapshot = Snapshot(Plan(start_date=START, goals=GYM), checkins, (), {})
    text = sentence(snapshot, START + timedelta(days=6), "triggers")
    assert text == "You noted 7 different triggers, each once; none stands out yet."
    again = Checkin(START + timedelta(days=7), 5, urge=6, trigger="Photos")
    snapshot = Snapshot(snapshot.plan, (*checkins, again), (), {})
    text = sentence(snapshot, START + timedelta(days=7), "triggers")
    assert text == "You noted 7 different triggers; the most frequent was “photos” (twice)."
