"""Which plotly.js draws the workbook's charts where the workbook draws them itself (the report's
pictures, the app's pages).

Every chart is a scatter, bar or heatmap (views/charts), and the bundle holds those three and
nothing else: 1.2 MB against the full 4.7 MB the plotly package ships, and read by a browser in
0.17 s against 0.48 s for plotly.js's own cartesian bundle (1.5 MB, twelve traces) and 1.3 s for
the full one (headless Chromium here, before any chart is drawn; `make bench`, measure 8). It is
plotly.js's own code (MIT, kept in assets/ with its licence) at the version the installed plotly
package ships, bundled by esbuild from plotly.js's core and its bar and heatmap modules
(plotlyjs/, `make plotly-bundle`). Where those versions differ (plotly upgraded, the bundle not
yet) or a figure holds a trace the bundle lacks, the full plotly.js of the plotly package draws
it instead, as before: never a chart drawn by a plotly.js that does not know it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

BUNDLE = Path(__file__).resolve().parent / "assets" / "plotly-workbook.min.js"
# The trace modules the bundle holds (plotlyjs/entry.js; scatter is in plotly.js's core).
BUNDLE_TRACES = frozenset({"bar", "heatmap", "scatter"})
_VERSION = re.compile(rb"\* plotly\.js (?:\([^)]*\) )?v(\d+\.\d+\.\d+)")


def full_plotly_js() -> Path:
    """plotly.js as the plotly package ships it (the very file `get_plotlyjs` reads)."""
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def version_of(path: Path) -> str | None:
    """The plotly.js version a bundle names in its first lines, or None."""
    try:
        with open(path, "rb") as bundle:
            found = _VERSION.search(bundle.read(400))
    except OSError:
        return None
    return found.group(1).decode() if found else None


@functools.cache
def bundle_fits() -> bool:
    """Whether the bundle is the plotly.js the installed plotly package is made for."""
    ours = version_of(BUNDLE)
    return ours is not None and ours == version_of(full_plotly_js())


def plotly_js(trace_types: Iterable[str] = BUNDLE_TRACES) -> Path:
    """The smallest plotly.js that draws figures holding these trace types."""
    if bundle_fits() and set(trace_types) <= BUNDLE_TRACES:
        return BUNDLE
    return full_plotly_js()


def trace_types(figures: Iterable[dict]) -> set[str]:
    """Every trace type in figures given as plotly JSON dicts (a trace without one is a scatter)."""
    return {trace.get("type", "scatter") for figure in figures for trace in figure.get("data", [])}
