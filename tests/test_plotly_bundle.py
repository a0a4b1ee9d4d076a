"""The smallest plotly.js that draws the workbook's charts (workbook/views/plotly_bundle.py)."""

from __future__ import annotations

from datetime import date

import pytest

from workbook.numbers import build
from workbook.store import Store
from workbook.store.demo import fill_demo
from workbook.views import plotly_bundle
from workbook.views.charts import progress_figures

TODAY = date(2026, 11, 25)


def test_every_chart_is_drawn_by_a_trace_the_cartesian_bundle_holds(tmp_path):
    with Store(tmp_path) as store:
        fill_demo(store, today=TODAY)
        snapshot = store.snapshot()
    figures = [f.to_dict() for f in progress_figures(build(snapshot, TODAY)).values()]
    used = plotly_bundle.trace_types(figures)
    assert {"scatter", "bar", "heatmap"} <= used
    assert used <= plotly_bundle.CARTESIAN_TRACES


def test_the_bundle_names_its_version_and_is_plotlys_own_build():
    head = plotly_bundle.CARTESIAN.read_bytes()[:400]
    assert b"plotly.js (cartesian - minified)" in head and b"MIT license" in head
    assert plotly_bundle.version_of(plotly_bundle.CARTESIAN) is not None
    assert (plotly_bundle.CARTESIAN.parent / "plotly-cartesian.LICENSE.txt").is_file()


@pytest.mark.parametrize(
    ("full", "types", "chosen"),
    [
        ("same", {"scatter", "heatmap"}, "cartesian"),
        ("same", {"scatter", "sankey"}, "full"),  # a trace the bundle lacks
        ("newer", {"scatter"}, "full"),  # plotly upgraded, the bundle not yet
        (None, {"scatter"}, "full"),  # a full plotly.js that names no version
    ],
)
def test_the_cartesian_bundle_only_where_it_is_the_same_plotly_js_and_knows_every_trace(
    monkeypatch, full, types, chosen
):
    ours = plotly_bundle.version_of(plotly_bundle.CARTESIAN)
    theirs = {"same": ours, "newer": "99.0.0", None: None}[full]
    monkeypatch.setattr(
        plotly_bundle,
        "version_of",
        lambda path: ours if path == plotly_bundle.CARTESIAN else theirs,
    )
    plotly_bundle.cartesian_fits.cache_clear()
    try:
        picked = plotly_bundle.plotly_js(types)
    finally:
        plotly_bundle.cartesian_fits.cache_clear()
    expected = {"cartesian": plotly_bundle.CARTESIAN, "full": plotly_bundle.full_plotly_js()}
    assert picked == expected[chosen]
