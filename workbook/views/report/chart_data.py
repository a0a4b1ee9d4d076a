"""A chart figure as the compact HTML block the report embeds (plotly.js itself is added once)."""

from __future__ import annotations

from markupsafe import Markup

from ..html_pieces import chart_words_html

# Fixed chart width: fits the printable width of both A4 and Letter (15 mm margins); heights are
# capped so that two charts fit on a Letter page and print never has to cut one.
CHART_WIDTH, CHART_HEIGHT, CHART_MAX_HEIGHT = 660, 320, 420


def figure_html(key: str, figure) -> Markup:
    """plotly's own <div> and <script> for one figure, sized for print; the figure is not changed.

    Markup because it is plotly's output, not a person's words: plotly writes the figure's data
    (which may hold goal names or triggers) as JSON with "<" and "/" escaped, so it stays data.
    """
    import plotly.io as pio

    from ..figure_data import compact

    figure = compact(figure.to_dict())  # a copy, made smaller: the caller's figure stays as it was
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
    return Markup(
        pio.to_html(
            figure,
            include_plotlyjs=False,
            include_mathjax=False,
            full_html=False,
            div_id=f"chart-{key}",
            default_width=f"{CHART_WIDTH}px",
            default_height=f"{height}px",
            config={"displayModeBar": False, "responsive": False, "staticPlot": False},
        )
    )


def figures_html(figures) -> dict[str, Markup]:
    """Each figure's HTML, keyed and ordered as given (charts' own order)."""
    return {key: figure_html(key, figure) for key, figure in figures.items()}


def plotly_js() -> Markup:
    """plotly.js itself, embedded once so the report opens offline; plotly's code, not user text."""
    from plotly.offline import get_plotlyjs

    return Markup(get_plotlyjs())


def words_html(words) -> dict[str, Markup]:
    """Each chart's sentence and table, keyed as the charts; only charts with something to say.

    Markup because it is our own rendered template, in which a person's words were escaped.
    """
    return {key: Markup(chart_words_html(said)) for key, said in words.items() if said}
