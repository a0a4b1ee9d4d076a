"""`plotly_json.plain`: a chart dict written as plotly itself writes it, for every kind of value.

The charts' own figures are compared with plotly's writer in test_charts (`checked`); here each
kind of value plotly treats its own way, including ones today's charts do not use yet."""

from __future__ import annotations

import json
from datetime import date, datetime

import numpy as np
import plotly.graph_objects as go
import pytest

from workbook.core.messages import say
from workbook.views import theme
from workbook.views.plotly_json import plain

DAYS = np.array([date(2026, 11, 1), date(2026, 11, 2)], dtype="datetime64[ns]")

TRACES = [
    {"type": "scatter", "x": DAYS, "y": np.array([1.5, np.nan])},  # a gap
    {"type": "scatter", "x": [1, 2], "y": np.array([3, 4])},  # int64, small
    {"type": "scatter", "x": [1, 2], "y": np.array([300, -4])},  # int16
    {"type": "scatter", "x": [1, 2], "y": np.array([70_000, 1])},  # int32
    {"type": "scatter", "x": [1, 2], "y": np.array([2**40, 1])},  # too big: a list
    {"type": "scatter", "x": [1, 2], "y": np.array([1, 2], dtype=np.uint64)},
    {"type": "scatter", "x": [1, 2], "y": np.array([1.5, 2], dtype=np.float32)},
    {"type": "scatter", "x": [], "y": np.array([], dtype=float)},  # empty
    {"type": "scatter", "x": [1], "y": [float("nan")], "text": say("days", n=2)},
    {
        "type": "heatmap",
        "x0": date(2026, 11, 1),
        "dx": 86_400_000,
        "z": np.array([[0.0, 1.0, np.nan], [1.0, 0.0, 0.5]]),
        "customdata": np.array([["done", "not done", ""], ["a", "b", "c"]]),
        "text": np.array([[1, 2, 3], [4, 5, 6]]),
    },
    {"type": "bar", "x": [np.int64(3)], "y": [np.float64(2.5)], "marker": {"color": ["#000"]}},
]
LAYOUT = {
    "template": theme.TEMPLATE,  # as every chart has (else plotly adds its own)
    "title": {"text": say("progress_title_mood")},
    "xaxis": {"type": "date", "range": [datetime(2026, 11, 1, 12), datetime(2026, 11, 3, 12)]},
    "yaxis": {"range": np.array([0.5, 10.5]), "tickvals": np.array([1, 5, 10])},
    "shapes": [{"type": "line", "x0": 0, "x1": 1, "y0": np.float64("inf"), "y1": 2}],
}


@pytest.mark.parametrize("trace", TRACES, ids=range(len(TRACES)))
def test_each_kind_of_value_is_written_as_plotly_writes_it(trace):
    chart = {"data": [trace], "layout": LAYOUT}
    written = plain(chart)
    assert written == json.loads(go.Figure(chart).to_json())
    # JSON's own types only: what Jupyter's messages carry, with no NaN in them
    assert json.loads(json.dumps(written, allow_nan=False)) == written


def test_the_chart_is_left_as_it_was():
    trace = {"type": "scatter", "x": DAYS, "y": np.array([1.5, 2.5])}
    plain({"data": [trace], "layout": {}})
    assert isinstance(trace["x"], np.ndarray) and isinstance(trace["y"], np.ndarray)
