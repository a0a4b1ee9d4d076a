"""One calm look for every chart: the Okabe–Ito palette (safe for colour-blind readers), system fonts."""

from __future__ import annotations

# Okabe & Ito (2008), "Color Universal Design", with the lighter hues darkened just enough that a
# line, marker or bar stands out from the white paper by at least 3:1 (WCAG 1.4.11), each keeping
# its hue so the palette stays the colour-blind-safe one. Yellow is left out of the chart colours:
# no yellow reaches 3:1 on white and still looks yellow (the olive below is its dark stand-in).
BLACK = "#000000"
ORANGE = "#BA7F00"  # Okabe-Ito #E69F00 is 2.3:1 on white
SKY_BLUE = "#3D8CC6"  # #56B4E9 is 2.3:1
GREEN = "#009E73"  # 3.4:1 as it is
YELLOW = "#F0E442"  # 1.3:1: never for ink or lines
BLUE = "#0072B2"  # 5.2:1 as it is
VERMILLION = "#B04A00"  # #D55E00 is 3.9:1; darker still, so it stays apart from the orange
PURPLE = "#B5508A"  # #CC79A7 is 3.1:1, too close to call
OLIVE = "#8C6D1F"
COLORWAY = [BLUE, ORANGE, GREEN, VERMILLION, PURPLE, BLACK, OLIVE, SKY_BLUE]

INK = "#222222"  # 15.9:1 on white
MUTED = "#666666"  # 5.7:1: small text still reads
AXIS = "#8A8A8A"  # 3.5:1: axis lines and ticks show where the scale is
GRID = "#E6E6E6"  # gridlines only help the eye; the values are in each chart's table
EMPTY_CELL = "#EDEDED"  # "not done": a quiet fill, told apart from the done colour by 4.6:1
DONE_CELL = "#007A5A"  # a darker Okabe-Ito green: 5.3:1 on white, 4.6:1 against EMPTY_CELL
SO_FAR_CELL = "#BFE1F5"  # weekly targets: each cell also says "2 of 3" in INK (11.6:1)
PAPER = "#FFFFFF"

# The system's own fonts: nothing is fetched from the web. After the usual ones, the fonts that
# draw every script a person may write in, by name (scripts/ensure-fonts.sh installs them on
# Debian; macOS and Windows have their own for each), then colour emoji; the same list is in the
# report's stylesheet (views/assets/report.css) and the pages' (the Voilà template's
# workbook-fonts.css).
SCRIPT_FONTS = (
    '"Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Devanagari", "Noto Sans Bengali", '
    '"Noto Sans Gurmukhi", "Noto Sans Gujarati", "Noto Sans Oriya", "Noto Sans Tamil", '
    '"Noto Sans Telugu", "Noto Sans Kannada", "Noto Sans Malayalam", "Noto Sans Sinhala", '
    '"Noto Sans Thai", "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK KR", '
    '"PingFang SC", "Hiragino Sans", "Microsoft YaHei", "Yu Gothic", "Malgun Gothic", '
    '"Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji"'
)
FONT_FAMILY = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", '
    f'"Liberation Sans", Arial, {SCRIPT_FONTS}, sans-serif'
)

WIDTH_HINT = 1000  # what a 13-inch laptop shows comfortably beside JupyterLab's side bar
HEIGHT = 380

CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}

# plotly's template as a plain dict (plotly.js applies it): the figures are built as dicts,
# unchecked at run time, and every one is checked by plotly's own validators in the tests.
TEMPLATE = {
    "layout": {
        "font": {"family": FONT_FAMILY, "size": 14, "color": INK},
        "title": {"font": {"size": 18, "color": INK}, "x": 0.01, "xanchor": "left", "y": 0.96},
        "colorway": COLORWAY,
        "paper_bgcolor": PAPER,
        "plot_bgcolor": PAPER,
        "height": HEIGHT,
        "margin": {"l": 64, "r": 24, "t": 96, "b": 56},
        "hoverlabel": {"font": {"family": FONT_FAMILY, "size": 14}},
        "legend": {
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.01,
            "xanchor": "left",
            "x": 0,
            "font": {"size": 13},
            "bgcolor": "rgba(0,0,0,0)",
        },
        "xaxis": {
            "showgrid": False,
            "linecolor": AXIS,
            "ticks": "outside",
            "tickcolor": AXIS,
            "automargin": True,
            "ticklabeloverflow": "allow",
            "title": {"standoff": 8},
        },
        "yaxis": {
            "gridcolor": GRID,
            "zeroline": False,
            "automargin": True,
            "ticklabeloverflow": "allow",
            "title": {"standoff": 8},
        },
    }
}
