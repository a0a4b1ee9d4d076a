"""Chart figures as the report's static SVG pictures, drawn once by plotly.js in headless Chromium.

The report carries no plotly.js (megabytes, and seconds to open): each figure is drawn once, here,
by plotly.js's own SVG export (`Plotly.toImage`, the figure exactly as JupyterLab and the app draw
it, by the smallest plotly.js that draws it: views/plotly_bundle.py), and the SVG is kept inline in
the page. The page opens at once, prints as drawn, and holds no script. Chromium is the one the
PDF is printed with (pdf.py): the PDF's charts are drawn in the very page it is printed from.
"""

from __future__ import annotations

import copy
import re
import tempfile
from pathlib import Path
from urllib.parse import unquote

from markupsafe import Markup

from ..html_pieces import chart_words_html
from ..plotly_bundle import plotly_js, trace_types

# Fixed chart width: fits the printable width of both A4 and Letter (15 mm margins); heights are
# capped so that two charts fit on a Letter page and print never has to cut one.
CHART_WIDTH, CHART_HEIGHT, CHART_MAX_HEIGHT = 660, 320, 420
TO_SVG = """async ([figures]) => {
  const out = [];
  for (const [figure, width, height] of figures) {
    out.push(await Plotly.toImage(JSON.parse(figure), {format: 'svg', width, height}));
  }
  return out;
}"""
# In an HTML page an inline <svg> needs no namespace declarations; dropped so the file names no URL.
NAMESPACES = re.compile(r'\s+xmlns(?::xlink)?="http://www\.w3\.org/[0-9]+/(?:svg|xlink)"')


def print_figure(figure) -> tuple[dict, int]:
    """The figure as drawn in the report, sized for print, and its height; a copy, made smaller:
    the caller's figure stays as it was."""
    from ..figure_data import compact, days_in_view

    figure = compact(days_in_view(copy.deepcopy(figure)))
    layout = figure.setdefault("layout", {})
    # The chart's own height when it set one (it grows with the number of goals), within reason.
    height = min(int(layout.get("height") or CHART_HEIGHT), CHART_MAX_HEIGHT)
    layout.update(width=CHART_WIDTH, height=height, autosize=False)
    named = [
        t for t in figure.get("data", []) if t.get("name") and t.get("showlegend") is not False
    ]
    if len(named) > 4:  # a legend across the top would wrap into the title at print width
        layout["legend"] = {
            **layout.get("legend", {}),
            "orientation": "v",
            "x": 1.02,
            "xanchor": "left",
            "y": 1,
            "yanchor": "top",
        }
    layout.setdefault("paper_bgcolor", "white")
    return figure, height


def _title(figure: dict) -> str:
    title = figure.get("layout", {}).get("title")
    text = title.get("text") if isinstance(title, dict) else title
    return re.sub(r"<[^>]*>", " ", str(text or "")).strip()


def _drawn(browser, sized: list[tuple[dict, int]]) -> list[str]:
    from .pdf import offline_page

    page = offline_page(browser)
    try:
        return draw_in(page, sized)
    finally:
        page.close()


def draw_in(page, sized: list[tuple[dict, int]]) -> list[str]:
    """Each figure as plotly.js's SVG, drawn in `page` (an offline page: pdf.offline_page)."""
    import plotly.io as pio

    with tempfile.TemporaryDirectory() as folder:
        # Chromium reads plotly.js from disk itself: several times faster than handing its
        # megabytes through the driver as a script tag's text; the smallest that draws these.
        bundle = plotly_js(trace_types(figure for figure, _height in sized))
        host = Path(folder) / "charts.html"
        host.write_text(
            f'<!doctype html><title>charts</title><script src="{bundle.as_uri()}"></script>',
            encoding="utf-8",
        )
        page.goto(host.as_uri(), wait_until="load")
    urls = page.evaluate(
        TO_SVG,
        [[[pio.to_json(fig, validate=False), CHART_WIDTH, height] for fig, height in sized]],
    )
    return [unquote(url.split(",", 1)[1]) for url in urls]


def figures_svg(figures, browser=None, page=None) -> dict[str, Markup]:
    """Each figure as an inline SVG picture, keyed and ordered as given (charts' own order);
    drawn in `page` when given (the page the PDF is then printed from), else in a page of its own.

    Markup because it is plotly.js's own drawing, serialised by the browser: a goal name or a
    trigger in it is the text of an SVG <text> element, escaped as such, so it stays words.
    The picture is named by the chart's title; its sentence and table follow it in the page.
    """
    from .pdf import in_chromium

    keys = list(figures)
    sized = [print_figure(figures[key]) for key in keys]
    if page is not None:
        svgs = draw_in(page, sized)
    else:
        svgs = in_chromium(lambda b: _drawn(b, sized), browser)
    charts = {}
    for key, (figure, _height), svg in zip(keys, sized, svgs, strict=True):
        svg = NAMESPACES.sub("", svg)
        # As wide as the print width allows, narrower on a phone: the viewBox keeps its shape.
        label = Markup.escape(_title(figure))
        svg = svg.replace(
            "<svg ",
            f'<svg role="img" aria-label="{label}" style="width:100%;height:auto;display:block" ',
            1,
        ).replace(' style=""', "", 1)
        charts[key] = Markup(
            f'<div class="plotly-graph-div" id="chart-{key}" '
            f'style="max-width:{CHART_WIDTH}px">{svg}</div>'
        )
    return charts


def words_html(words) -> dict[str, Markup]:
    """Each chart's sentence and table, keyed as the charts; only charts with something to say.

    Markup because it is our own rendered template, in which a person's words were escaped.
    """
    return {key: Markup(chart_words_html(said)) for key, said in words.items() if said}
