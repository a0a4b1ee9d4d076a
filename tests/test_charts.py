"""The progress charts: the numbers each one draws, its words, and its empty state."""

from __future__ import annotations

import json
import math
import re
from datetime import timedelta

import numpy as np
import plotly.graph_objects as go
import pytest
from hypothesis import HealthCheck, given, settings
from test_numbers import TODAY, day, save_hand_workbook, workbooks

from workbook.core.model import Checkin, Goal, Plan, Who5
from workbook.numbers import build, day_frames
from workbook.pages.progress import low_mood_html, streak_cards_html
from workbook.store import Store
from workbook.views import charts
from workbook.views.plotly_json import plain

NAN_WORD = re.compile(r"\bnan\b|\bNone\b|\binf\b", re.IGNORECASE)


def user_strings(fig: go.Figure) -> list[str]:
    """Every piece of text a person can read on the figure: titles, labels, annotations, hovers."""
    found: list[str] = []

    def walk(value, key=""):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list | tuple | np.ndarray):
            if key in {"x", "y", "z"}:  # the data themselves (NaN there is a gap, by design)
                return
            for v in value:
                walk(v, key)
        elif isinstance(value, str):
            found.append(value)

    walk(fig.to_dict())
    return found


def assert_readable(fig: go.Figure) -> None:
    assert fig.layout.title.text, "every chart says what it shows"
    for text in user_strings(fig):
        assert not NAN_WORD.search(text), text


@pytest.fixture
def hand(tmp_path):
    return save_hand_workbook(tmp_path / "hand")


def checked(chart: dict) -> go.Figure:
    """A chart (plotly's figure as a dict, built unchecked) as a plotly Figure: plotly's own
    validators check every property as it is made (an unknown one, or a value of the wrong kind,
    raises), and the page's JSON for it is exactly the JSON plotly writes for it."""
    fig = go.Figure(chart)
    assert plain(chart) == json.loads(fig.to_json())
    return fig


def empty(fig: go.Figure) -> bool:
    return charts.is_empty(fig.to_plotly_json())


def figures_of(snapshot, today):
    return {
        key: checked(chart)
        for key, chart in charts.progress_figures(build(snapshot, today)).items()
    }


def cards_of(snapshot, today) -> str:
    return streak_cards_html(build(snapshot, today))


def low_box_of(snapshot, today) -> str:
    numbers = build(snapshot, today)
    return low_mood_html(numbers) if numbers.low_mood_prompt else ""


@pytest.fixture
def figs(hand):
    return figures_of(hand, TODAY)


def test_keys_titles_and_order(figs):
    assert list(figs) == list(charts.FIGURE_KEYS)
    for fig in figs.values():
        assert isinstance(fig, go.Figure)
        assert_readable(fig)
        assert not empty(fig)


def test_mood_chart_points_average_trend_and_slips(figs):
    points, average, trend, slips = figs["mood"].data
    assert [str(x)[:10] for x in points.x] == [str(day(n)) for n in (1, 2, 3, 5, 6, 8, 9, 10)]
    assert list(points.y) == [4, 3, 3, 6, 5, 7, 8, 6]
    assert len(average.x) == 10 and average.connectgaps is False
    # The 7-day average needs 4 check-ins among its 7 days: not yet on day 4 (3 of them), and on
    # day 7 it runs through the missed days 4 and 7 (days 1, 2, 3, 5, 6).
    assert math.isnan(average.y[3]) and average.y[6] == pytest.approx((4 + 3 + 3 + 6 + 5) / 5)
    assert average.y[-1] == pytest.approx(6.4)
    assert trend.line.dash == "dash" and len(trend.y) == 10
    assert [str(x)[:10] for x in slips.x] == [str(day(3)), str(day(9))]
    assert list(slips.y) == [3, 8]
    assert "a week" in figs["mood"].layout.title.subtitle.text


def test_goal_calendar_weekly_targets_strength_minutes(figs, hand):
    calendar = figs["goal_calendar"].data[0]
    gym, walk = calendar.z
    assert np.isnan(gym[3]) and np.isnan(gym[6])  # no check-in: blank, not "not done"
    assert list(np.nan_to_num(gym, nan=-1)) == [1, 0, 0, -1, 1, 0, -1, 1, 1, 0]
    assert calendar.customdata[0][0] == "done 30 min"
    weekly = figs["weekly_targets"].data[0]
    assert [list(row) for row in weekly.text] == [["2 of 2", "2 of 2"], ["4 of 7", "2 of 7"]]
    assert [list(row) for row in weekly.z] == [[1.0, 1.0], [0.0, 0.5]]
    strength = figs["goal_strength"].data
    n = build(hand, TODAY)
    today = {g.name: g.strength for g in n.goals}
    assert [t.y[-1] for t in strength] == pytest.approx([today["Gym"], today["Walk"]], abs=0.05)
    assert strength[0].name.startswith("Gym (")
    minutes = figs["minutes"].data[0]
    assert list(minutes.x) == [135, 20] and list(minutes.text) == ["2 h 15 min", "20 min"]


def test_urges_triggers_mood_lift_who5(figs):
    urges = figs["urges"].data[0]
    assert list(urges.y) == [8, 7, 9, 4, 3, 2]
    assert [str(x)[:10] for x in figs["urges"].data[1].x] == [str(day(3)), str(day(9))]
    triggers = figs["triggers"].data[0]
    assert list(triggers.y) == ["Old photos", "Sunday evening"] and list(triggers.x) == [2, 1]
    lift, short = figs["mood_lift"].data
    assert list(lift.y) == ["Gym"] and list(lift.x) == [2.0]
    assert lift.error_x.array[0] > 0 and lift.error_x.arrayminus[0] > 0
    assert list(short.y) == ["Walk"] and list(short.text) == ["not enough data yet"]
    who5 = figs["who5"]
    assert list(who5.data[0].x) == [0, 10] and list(who5.data[0].y) == [40, 60]
    assert [shape.y0 for shape in who5.layout.shapes if shape.type == "line"] == [50, 28]
    assert "20 points higher" in who5.layout.title.subtitle.text
    assert "real change" in who5.layout.title.subtitle.text


def test_small_who5_change_is_called_ordinary_ups_and_downs(tmp_path):
    with Store(tmp_path / "w") as store:
        store.save_plan(Plan(start_date=day(1)))
        store.save_who5(Who5(day(0), (3, 3, 3, 3, 3)))
        store.save_who5(Who5(day(14), (3, 3, 3, 3, 5)))
        snap = store.snapshot()
    fig = figures_of(snap, day(14))["who5"]
    assert "8 points" in fig.layout.title.subtitle.text
    assert "usual ups and downs" in fig.layout.title.subtitle.text


def test_streak_cards_and_low_mood_box(hand, tmp_path):
    cards = cards_of(hand, TODAY)
    numbers = re.findall(r"font-size:2rem[^>]*>(\d+)<", cards)
    assert numbers == ["3", "3", "1", "5"]
    for label in ("Check-in streak", "Best check-in streak", "Days without contact"):
        assert label in cards
    assert low_box_of(hand, TODAY) == ""
    with Store(tmp_path / "low") as store:
        store.save_plan(Plan(start_date=day(1), partner="<script>x</script>"))
        for n in (1, 2, 3):
            store.save_checkin(Checkin(day(n), 2))
        low = store.snapshot()
    box = low_box_of(low, day(3))
    assert "116 123" in box and "988" in box and "help line" in box
    assert "<script>" not in box


def test_names_are_escaped_in_charts(tmp_path):
    with Store(tmp_path / "x") as store:
        store.save_plan(Plan(start_date=day(1), goals=(Goal("<img src=x onerror=alert(1)>", 3),)))
        store.save_checkin(
            Checkin(day(1), 5, trigger="<b>bold</b>", goals=(("<img src=x onerror=alert(1)>", 10),))
        )
        snap = store.snapshot()
    figs = figures_of(snap, day(1))
    for fig in figs.values():
        for text in user_strings(fig):
            assert "<img" not in text and "<b>bold" not in text


@pytest.mark.parametrize("kind", ["no plan", "before start", "one day", "goals but no check-in"])
def test_empty_and_one_day_workbooks_give_kind_figures(tmp_path, kind):
    with Store(tmp_path / "w") as store:
        if kind != "no plan":
            start = TODAY + timedelta(days=2) if kind == "before start" else TODAY
            store.save_plan(Plan(start_date=start, goals=(Goal("Gym", 3),)))
        if kind == "one day":
            store.save_checkin(Checkin(TODAY, 5))
        snap = store.snapshot()
    figs = figures_of(snap, TODAY)
    assert list(figs) == list(charts.FIGURE_KEYS)
    for key, fig in figs.items():
        assert_readable(fig)
        if empty(fig):
            (note,) = fig.layout.annotations
            assert len(note.text) > 10, key
        else:
            assert fig.data, key  # never a blank frame
    if kind == "one day":
        assert not empty(figs["mood"])
        assert list(figs["mood"].data[0].y) == [5]
        assert empty(figs["mood_lift"])
        assert "Not enough data yet" in figs["mood_lift"].layout.annotations[0].text
        assert empty(figs["who5"])
    if kind in ("no plan", "before start"):
        assert all(empty(f) for f in figs.values())
    assert low_box_of(snap, TODAY) == ""
    assert ">0<" in cards_of(snap, TODAY) or kind == "one day"


def test_the_day_frame_is_built_once(hand, monkeypatch):
    calls = []
    real = day_frames.build_frames

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(day_frames, "build_frames", counting)
    figures_of(hand, TODAY)
    assert len(calls) == 1


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workbooks())
def test_random_workbooks_always_give_nine_readable_figures(case):
    snapshot, today = case
    figs = figures_of(snapshot, today)
    assert list(figs) == list(charts.FIGURE_KEYS)
    for fig in figs.values():
        assert_readable(fig)
        assert fig.data or empty(fig)
        fig.to_json()  # serialisable, so it can be shown
    for text in (cards_of(snapshot, today), low_box_of(snapshot, today)):
        assert not NAN_WORD.search(text)


# --- The 03_progress page --------------------------------------------------------------------


def page_html(snapshot, today) -> str:
    from workbook.pages import progress

    return "".join(p for kind, p in progress.page(snapshot, today) if kind == "html")


def test_page_shows_each_section_with_slips_and_wins_escaped(hand):
    from workbook.pages import progress

    parts = progress.page(hand, TODAY)
    figures = [p for kind, p in parts if kind == "figure"]
    assert len(figures) == len(charts.FIGURE_KEYS)
    text = page_html(hand, TODAY)
    assert "&lt;b&gt;texted&lt;/b&gt; back" in text and "<b>texted" not in text
    assert "Tue, 10 Nov 2026 (day 10)" not in text  # day 10 has no win
    assert "Sun, 8 Nov 2026 (day 8): Ran 5 km" in text
    assert "<details" in text and "How is this worked out?" in text and "0.5 ^ (√f ÷ 13)" in text
    assert "On days with Gym, your mood was on average 2.0 points higher" in text
    assert "Walk: not enough data yet (6 days with it, 2 days without" in text
    assert "not what caused what" in text
    assert "help line" not in text  # the low-mood rule does not fire here


@pytest.mark.parametrize(
    ("day_n", "expected"),
    [
        (7, ["One week done"]),
        (14, ["Two weeks in", "WHO-5 questions again"]),
        (21, ["Three weeks"]),
    ],
)
def test_weekly_review_prompts_on_days_7_14_21(tmp_path, day_n, expected):
    with Store(tmp_path / "w") as store:
        store.save_plan(Plan(start_date=day(1)))
        snap = store.snapshot()
    for n in (day_n - 1, day_n, day_n + 1):
        text = page_html(snap, day(n))
        for words in expected:
            assert (words in text) == (n == day_n), (n, words)


def test_low_mood_and_low_who5_bring_help(tmp_path):
    with Store(tmp_path / "w") as store:
        store.save_plan(Plan(start_date=day(1)))
        for n in (1, 2, 3):
            store.save_checkin(Checkin(day(n), 3))
        store.save_who5(Who5(day(3), (1, 1, 1, 1, 1)))
        snap = store.snapshot()
    text = page_html(snap, day(3))
    assert "Your mood has been very low for a few days" in text
    assert "116 123" in text
    assert "encourage you to talk to a professional soon" in text


def test_no_plan_page_is_one_kind_message(tmp_path):
    from workbook.pages import progress

    with Store(tmp_path / "w") as store:
        snap = store.snapshot()
    parts = progress.page(snap, TODAY)
    assert len(parts) == 1 and "no plan yet" in parts[0][1]


@pytest.mark.slow
def test_notebook_sends_charts_as_plotly_data_without_plotly_js(tmp_path):
    import nbformat
    import papermill

    from workbook.pages.common import SOMETHING_WENT_WRONG

    data = tmp_path / "one"
    with Store(data) as store:
        store.save_plan(Plan(start_date=TODAY, goals=(Goal("Gym", 3),)))
        store.save_checkin(Checkin(TODAY, 5, goals=(("Gym", 30),)))
    out = tmp_path / "out.ipynb"
    papermill.execute_notebook(
        "notebooks/03_progress.ipynb",
        str(out),
        parameters={"data_dir": str(data), "today": TODAY.isoformat()},
        kernel_name="python3",
        progress_bar=False,
    )
    outputs = [o for cell in nbformat.read(out, 4).cells for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    bundles = [o["data"] for o in outputs if "application/vnd.plotly.v1+json" in o.get("data", {})]
    assert len(bundles) == len(charts.FIGURE_KEYS)
    # Drawn by plotly's installed renderer: the page carries the data, never plotly.js itself.
    assert all(set(b) == {"application/vnd.plotly.v1+json", "text/plain"} for b in bundles)
    assert all("layout" in b["application/vnd.plotly.v1+json"] for b in bundles)
    assert len(json.dumps(bundles)) < 300_000
    assert SOMETHING_WENT_WRONG not in str(outputs)
