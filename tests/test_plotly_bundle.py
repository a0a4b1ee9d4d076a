"""The smallest plotly.js that draws the workbook's charts (workbook/views/plotly_bundle.py)."""

from __future__ import annotations

from datetime import date

import pytest

from workbook.numbers import build
from workbook.pages.figures import PLOTLY_MIMETYPE, figure_bundle
from workbook.store import Store
from workbook.store.demo import fill_demo
from workbook.views import plotly_bundle
from workbook.views.charts import progress_figures

TODAY = date(2026, 11, 25)


def _demo_figures(tmp_path) -> list[dict]:
    """The demo month's charts as the progress page sends them (figure_bundle)."""
    with Store(tmp_path) as store:
        fill_demo(store, today=TODAY)
        snapshot = store.snapshot()
    figures = progress_figures(build(snapshot, TODAY)).values()
    return [figure_bundle(figure)[PLOTLY_MIMETYPE] for figure in figures]


def test_every_chart_is_drawn_by_a_trace_the_bundle_holds(tmp_path):
    used = plotly_bundle.trace_types(_demo_figures(tmp_path))
    assert used == plotly_bundle.BUNDLE_TRACES == {"scatter", "bar", "heatmap"}


def test_the_bundle_names_its_version_and_carries_plotlys_licence():
    head = plotly_bundle.BUNDLE.read_bytes()[:400]
    assert b"plotly.js (workbook: scatter, bar, heatmap - minified)" in head
    assert b"MIT license" in head
    assert plotly_bundle.version_of(plotly_bundle.BUNDLE) is not None
    licence = plotly_bundle.BUNDLE.parent / "plotly-workbook.LICENSE.txt"
    assert "Plotly" in licence.read_text() and "MIT" in licence.read_text()


def test_the_bundle_holds_the_traces_it_names_and_draws_every_chart(browser, tmp_path):
    """Read back from the built file in Chromium: the traces plotly.js registered are the ones
    BUNDLE_TRACES names (so `plotly_js` never hands it a trace it lacks), and each of the demo
    month's charts draws with it, without an error."""
    figures = _demo_figures(tmp_path)
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.set_content("<!doctype html><title>bundle</title><body></body>")
        page.add_script_tag(path=str(plotly_bundle.BUNDLE))
        traces = page.evaluate("Object.keys(Plotly.PlotSchema.get().traces)")
        drawn = page.evaluate(
            """async figures => {
                const drawn = [];
                for (const figure of figures) {
                    const chart = document.createElement('div');
                    document.body.appendChild(chart);
                    await Plotly.newPlot(chart, figure.data, figure.layout, figure.config);
                    drawn.push(chart.querySelectorAll('.main-svg .trace, .main-svg .hm').length);
                }
                return drawn;
            }""",
            figures,
        )
    finally:
        page.close()
    assert set(traces) == plotly_bundle.BUNDLE_TRACES
    assert errors == []
    assert len(drawn) == len(figures) and all(drawn), drawn


@pytest.mark.parametrize(
    ("full", "types", "chosen"),
    [
        ("same", {"scatter", "heatmap"}, "bundle"),
        ("same", {"scatter", "pie"}, "full"),  # in plotly.js's cartesian bundle, not in ours
        ("same", {"scatter", "sankey"}, "full"),  # a trace the bundle lacks
        ("newer", {"scatter"}, "full"),  # plotly upgraded, the bundle not yet
        (None, {"scatter"}, "full"),  # a full plotly.js that names no version
    ],
)
def test_the_bundle_only_where_it_is_the_same_plotly_js_and_knows_every_trace(
    monkeypatch, full, types, chosen
):
    ours = plotly_bundle.version_of(plotly_bundle.BUNDLE)
    theirs = {"same": ours, "newer": "99.0.0", None: None}[full]
    monkeypatch.setattr(
        plotly_bundle,
        "version_of",
        lambda path: ours if path == plotly_bundle.BUNDLE else theirs,
    )
    plotly_bundle.bundle_fits.cache_clear()
    try:
        picked = plotly_bundle.plotly_js(types)
    finally:
        plotly_bundle.bundle_fits.cache_clear()
    expected = {"bundle": plotly_bundle.BUNDLE, "full": plotly_bundle.full_plotly_js()}
    assert picked == expected[chosen]
