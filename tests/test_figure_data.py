"""`figure_data.compact`: fewer bytes, the same data (read back, value for value)."""

from __future__ import annotations

import base64
import json
from datetime import date, timedelta

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio

from workbook.views.figure_data import DAY_MS, compact


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


def test_plain_lists_are_made_as_small_as_arrays():
    # The charts hand plotly lists of dates and of numbers, a gap as None (numbers/day_frames.py).
    days = [date(2016, 11, 28) + timedelta(days=i) for i in range(3650)]
    y = [None if i % 10 == 0 else i / 3 for i in range(3650)]
    as_lists = compact(go.Figure(go.Scatter(x=days, y=y)).to_dict())
    as_arrays = compact(
        go.Figure(go.Scatter(x=_days("2016-11-28", 3650), y=np.array(y, dtype=float))).to_dict()
    )
    trace = json.loads(pio.to_json(as_lists))["data"][0]
    assert trace["x0"] == "2016-11-28" and trace["dx"] == DAY_MS and "x" not in trace
    assert trace["y"]["dtype"] == "f4"
    assert pio.to_json(as_lists) == pio.to_json(as_arrays)
    z = [[1.0, 0.0, None], [None, 1.0, 0.0]]
    heat = compact(go.Figure(go.Heatmap(x=days[:3], y=["a", "b"], z=z)).to_dict())
    z_sent = json.loads(pio.to_json(heat))["data"][0]["z"]
    assert z_sent["dtype"] == "f4"
    assert np.array_equal(_floats(z_sent), [[1, 0, np.nan], [np.nan, 1, 0]], equal_nan=True)
    # Words stay words: a bar chart's categories are not numbers.
    bars = compact(go.Figure(go.Bar(x=[1, 2], y=["walk", "gym"])).to_dict())
    assert json.loads(pio.to_json(bars))["data"][0]["y"] == ["walk", "gym"]
