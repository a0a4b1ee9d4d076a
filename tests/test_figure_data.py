"""`figure_data.compact`: fewer bytes, the same data (read back, value for value); `days_in_view`:
only what a picture that cannot be panned shows."""

from __future__ import annotations

import base64
import copy
import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio

from workbook.views.figure_data import DAY_MS, compact, days_in_view


def _days(first: str, count: int, step: int = 1) -> np.ndarray:
    return np.datetime64(first, "s") + np.arange(0, count * step, step).astype("timedelta64[D]")


def _floats(value) -> np.ndarray:
    if isinstance(value, dict):
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        return (
            array.reshape([int(n) for n in value["shape"].split(",")])
            if "shape" in value
            else array
        )
    return np.asarray(value, dtype=float)


def test_a_run_of_days_becomes_its_first_day_and_a_one_day_step():
    y = np.linspace(0, 100, 3650) / 3
    fig = go.Figure(go.Scatter(x=_days("2016-11-28", 3650), y=y))
    before = len(fig.to_json())
    figure = compact(fig.to_dict())
    trace = figure["data"][0]
    assert "x" not in trace and trace["x0"] == "2016-11-28" and trace["dx"] == DAY_MS
    assert np.allclose(_floats(trace["y"]), y, rtol=1e-6)
    assert len(pio.to_json(figure)) < before / 2


def test_days_with_gaps_keep_every_day_written_short():
    x = np.array(["2026-11-01", "2026-11-02", "2026-11-05"], dtype="datetime64[s]")
    trace = compact(go.Figure(go.Bar(x=x, y=[1, 2, 3])).to_dict())["data"][0]
    assert trace["x"] == ["2026-11-01", "2026-11-02", "2026-11-05"] and "x0" not in trace


def test_times_of_day_and_plain_numbers_are_left_alone():
    x = np.array(["2026-11-01T10:00", "2026-11-02T10:00"], dtype="datetime64[s]")
    trace = compact(go.Figure(go.Scatter(x=x, y=[1, 2])).to_dict())["data"][0]
    assert list(trace["x"]) == list(x)
    trace = compact(go.Figure(go.Scatter(x=[1, 2, 3], y=[4, 5, 6])).to_dict())["data"][0]
    assert list(trace["x"]) == [1, 2, 3]


def test_a_heatmap_keeps_its_shape_and_its_gaps():
    z = np.array([[1.0, 0.0, np.nan], [np.nan, 1.0, 0.0]])
    fig = go.Figure(go.Heatmap(x=_days("2026-11-01", 3), y=["a", "b"], z=z))
    trace = json.loads(pio.to_json(compact(fig.to_dict())))["data"][0]
    assert trace["x0"] == "2026-11-01" and trace["z"]["dtype"] == "f4"
    assert np.array_equal(_floats(trace["z"]), z, equal_nan=True)


def test_small_whole_numbers_take_one_byte_each():
    moods = np.array([1.0, 7.0, 10.0, 3.0])
    fig = go.Figure(go.Scatter(x=[1, 2, 3, 4], y=moods))
    trace = json.loads(pio.to_json(compact(fig.to_dict())))["data"][0]
    assert trace["y"]["dtype"] == "i1" and np.array_equal(_floats(trace["y"]), moods)
    halves = compact(go.Figure(go.Scatter(y=[1.5, 2.0])).to_dict())["data"][0]["y"]
    assert np.array_equal(_floats(halves), [1.5, 2.0])  # not whole: kept as floats


def _charts_of_a_demo(tmp_path, days: int) -> dict:
    from datetime import date

    from workbook.numbers import build
    from workbook.store import Store
    from workbook.store.demo import fill_demo
    from workbook.views.charts import progress_figures

    today = date(2026, 11, 25)
    with Store(tmp_path / f"demo{days}") as store:
        fill_demo(store, today=today, days=days)
        return progress_figures(build(store.snapshot(), today))


def test_a_long_history_keeps_the_days_in_view_and_one_each_side(tmp_path):
    charts = _charts_of_a_demo(tmp_path, 200)  # opens on its last three months
    for key in ("mood", "urges", "goal_strength"):
        chart = charts[key]
        kept = days_in_view(copy.deepcopy(chart))
        low, high = (np.datetime64(end) for end in chart["layout"]["xaxis"]["range"])
        for before, after in zip(chart["data"], kept["data"], strict=True):
            days = list(before["x"])
            near = [
                i
                for i in range(len(days))
                if any(low <= days[j] <= high for j in (i - 1, i, i + 1) if 0 <= j < len(days))
            ]
            assert list(after["x"]) == [days[i] for i in near], key
            assert list(after["y"]) == [before["y"][i] for i in near], key  # each its own value
        points = kept["data"][0]["x"]
        assert len(points) < len(chart["data"][0]["x"]) / 2, key  # the months before, left out
        assert points[0] < low <= points[1] and points[-1] <= high, key  # the day before, kept


def test_a_month_in_view_is_left_whole(tmp_path):
    for key, chart in _charts_of_a_demo(tmp_path, 30).items():
        before = pio.to_json(chart, validate=False)
        assert pio.to_json(days_in_view(copy.deepcopy(chart)), validate=False) == before, key


def test_a_trace_with_no_day_in_view_keeps_the_nearest_so_its_legend_stays():
    days = _days("2026-01-01", 5, step=7)  # all long before the range
    figure = {
        "data": [{"type": "scatter", "x": days, "y": [1, 2, 3, 4, 5], "name": "Contact that day"}],
        "layout": {"xaxis": {"type": "date", "range": ["2026-11-01T12:00", "2026-11-30T12:00"]}},
    }
    (trace,) = days_in_view(figure)["data"]
    assert list(trace["x"]) == [days[-1]] and trace["y"] == [5]
