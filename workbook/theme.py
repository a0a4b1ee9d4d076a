"""One calm look for every chart: the Okabe–Ito palette (safe for colour-blind readers), system fonts."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

# Okabe & Ito (2008), "Color Universal Design". Yellow is left out of the line colours: it
# disappears on white paper.
BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
COLORWAY = [BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY_BLUE, BLACK, "#8C6D1F"]

INK = "#222222"
MUTED = "#666666"
GRID = "#E6E6E6"
EMPTY_CELL = "#EDEDED"
PAPER = "#FFFFFF"

# The system's own fonts: nothing is fetched from the web.
FONT_FAMILY = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", '
    '"Liberation Sans", Arial, sans-serif'
)

WIDTH_HINT = 1000  # what a 13-inch laptop shows comfortably beside JupyterLab's side bar
HEIGHT = 380

CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}

TEMPLATE = go.layout.Template(
    layout=go.Layout(
        font={"family": FONT_FAMILY, "size": 14, "color": INK},
        title={"font": {"size": 18, "color": INK}, "x": 0.01, "xanchor": "left", "y": 0.96},
        colorway=COLORWAY,
        paper_bgcolor=PAPER,
        plot_bgcolor=PAPER,
        height=HEIGHT,
        margin={"l": 64, "r": 24, "t": 96, "b": 56},
        hoverlabel={"font": {"family": FONT_FAMILY, "size": 14}},
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.01,
            "xanchor": "left",
            "x": 0,
            "font": {"size": 13},
            "bgcolor": "rgba(0,0,0,0)",
        },
        xaxis={
            "showgrid": False,
            "linecolor": "#BBBBBB",
            "ticks": "outside",
            "tickcolor": "#BBBBBB",
            "automargin": True,
            "title": {"standoff": 8},
        },
        yaxis={
            "gridcolor": GRID,
            "zeroline": False,
            "automargin": True,
            "title": {"standoff": 8},
        },
    )
)

pio.templates["workbook"] = TEMPLATE
