"""Showing a chart on a page (JupyterLab, the app): the light way, as plotly's own MIME bundle.

The figure goes out as data only. JupyterLab draws it with the workbook's plotly renderer
(labextension/plotly); the app draws it, once the page is shown, from the workbook's Voilà
template. Both fetch the smallest plotly.js that draws it (views/plotly_bundle.py) once and the
browser keeps it, so a page of nine charts is a few dozen KiB, not 5 MiB with plotly.js inside. The
HTML report is built elsewhere, its charts drawn once into SVG, so it opens offline as one file.
"""

from __future__ import annotations

from IPython.display import display

from ..views import theme
from ..views.plotly_json import plain

PLOTLY_MIMETYPE = "application/vnd.plotly.v1+json"


def figure_bundle(fig: dict) -> dict:
    """plotly's mimetype with the workbook's chart settings, and a line of text for plain viewers."""
    title = fig["layout"].get("title", {}).get("text") or "chart"
    return {
        PLOTLY_MIMETYPE: {**plain(fig), "config": theme.CONFIG},
        "text/plain": f"[{title}]",
    }


def show_figure(fig) -> None:
    display(figure_bundle(fig), raw=True)
