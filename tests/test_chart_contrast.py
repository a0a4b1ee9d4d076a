"""Every chart reads at WCAG AA: text at least 4.5:1 and the lines, markers, bars and cells that
carry meaning at least 3:1 (1.4.11) against what they are drawn on, on the demo month and on empty
and nearly empty workbooks."""

from __future__ import annotations

import re
from datetime import date, timedelta

import plotly.graph_objects as go
import pytest

from workbook.core.model import Checkin, Goal, Plan, Snapshot
from workbook.numbers import build
from workbook.store import Store
from workbook.store.demo import fill_demo
from workbook.views import charts, theme

TODAY = date(2026, 11, 25)
TEXT, GRAPHIC = 4.5, 3.0
NAMED = {"white": "#FFFFFF", "black": "#000000"}
# Not information on their own: gridlines (each value is in the chart's table), a hover label
# (plotly picks its text colour against it), the legend's see-through box.
NOT_MEANING = {"gridcolor", "bgcolor", "bordercolor", "hoverlabel"}


def rgb(colour: str) -> tuple[float, float, float, float]:
    """A CSS colour plotly accepts here as (r, g, b, alpha), channels 0–255."""
    colour = NAMED.get(colour.strip().lower(), colour.strip())
    if colour.startswith("#"):
        digits = colour[1:]
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        return (*(int(digits[i : i + 2], 16) for i in (0, 2, 4)), 1.0)
    found = re.fullmatch(r"rgba?\(([^)]*)\)", colour)
    assert found, f"a colour this test can read: {colour!r}"
    parts = [float(p) for p in found.group(1).split(",")]
    return (*parts[:3], parts[3] if len(parts) == 4 else 1.0)


def over(colour: str, background: str, opacity: float = 1.0) -> tuple[float, float, float]:
    """The colour a person sees: `colour` at its alpha × `opacity`, over `background`."""
    *front, alpha = rgb(colour)
    back = rgb(background)[:3]
    a = alpha * opacity
    return tuple(a * f + (1 - a) * b for f, b in zip(front, back, strict=True))


def luminance(channels) -> float:
    def linear(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(colour: str, background: str, opacity: float = 1.0) -> float:
    """WCAG 2 contrast ratio of `colour` (at `opacity`) drawn on `background`."""
    light, dark = sorted(
        (luminance(over(colour, background, opacity)), luminance(over(background, "#FFFFFF"))),
        reverse=True,
    )
    return (light + 0.05) / (dark + 0.05)


def _effective(layout: dict, key: str, default: str) -> str:
    return layout.get(key) or layout.get("template", {}).get("layout", {}).get(key) or default


def _text_colours(value, path=()):
    """(where, colour) for every font colour in the figure, hover labels aside."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in NOT_MEANING:
                continue
            if (
                key.endswith("font")
                and isinstance(inner, dict)
                and isinstance(inner.get("color"), str)
            ):
                yield ".".join((*path, key)), inner["color"]
            yield from _text_colours(inner, (*path, key))
    elif isinstance(value, list | tuple):
        for i, inner in enumerate(value):
            yield from _text_colours(inner, (*path, str(i)))


def _axis_colours(layout: dict):
    for scope in (layout, layout.get("template", {}).get("layout", {})):
        for name, axis in scope.items():
            if name.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
                for key in ("linecolor", "tickcolor", "zerolinecolor"):
                    if isinstance(axis.get(key), str):
                        yield f"{name}.{key}", axis[key]


def _colours(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [v for v in value if isinstance(v, str)]
    return []


def _trace_marks(trace: dict, index: int, colorway: list[str]):
    """(where, colour, opacity) for each line, marker, bar or error bar a trace draws."""
    kind = trace.get("type", "scatter")
    opacity = trace.get("opacity", 1.0)
    mode = trace.get("mode", "lines+markers")
    marker, line = trace.get("marker", {}), trace.get("line", {})
    fallback = colorway[index % len(colorway)]
    if kind == "bar":
        for colour in _colours(marker.get("color")) or [fallback]:
            yield "bar", colour, opacity * marker.get("opacity", 1.0)
    if kind == "scatter":
        if "lines" in mode:
            yield "line", line.get("color") or fallback, opacity
        if "markers" in mode:
            for colour in _colours(marker.get("color")) or [line.get("color") or fallback]:
                yield "marker", colour, opacity * marker.get("opacity", 1.0)
    for bar in ("error_x", "error_y"):
        if trace.get(bar, {}).get("color"):
            yield bar, trace[bar]["color"], opacity


def contrast_problems(fig: go.Figure) -> list[str]:
    """Every piece of the figure below AA against what it is drawn on; [] when all pass."""
    data = fig.to_dict()
    layout = data.get("layout", {})
    paper = _effective(layout, "paper_bgcolor", "#FFFFFF")
    grounds = {paper, _effective(layout, "plot_bgcolor", "#E5ECF6")}
    # A shaded band under the data is a ground too: what sits on it must read there as well.
    grounds |= {s["fillcolor"] for s in layout.get("shapes", []) if s.get("fillcolor")}
    colorway = _effective(layout, "colorway", None) or theme.COLORWAY
    problems = []

    def check(where: str, colour: str, minimum: float, on=grounds, opacity: float = 1.0):
        for ground in on:
            ratio = contrast(colour, ground, opacity)
            if ratio < minimum:
                problems.append(f"{where}: {colour} on {ground} is {ratio:.2f}:1 < {minimum}")

    for where, colour in _text_colours(data):
        check(where, colour, TEXT)
    for where, colour in _axis_colours(layout):
        check(where, colour, GRAPHIC)
    for i, shape in enumerate(layout.get("shapes", [])):
        if shape.get("type") == "line":
            check(f"shapes.{i}.line", shape.get("line", {}).get("color", "#444444"), GRAPHIC)
    for i, trace in enumerate(data.get("data", [])):
        if trace.get("type") == "heatmap":
            cells = [c for _, c in trace["colorscale"]]
            if trace.get("texttemplate") or trace.get("text") is not None:
                text = trace.get("textfont", {}).get("color")
                assert text, "text on coloured cells says which colour it is"
                check(f"data.{i}.textfont", text, TEXT, on=set(cells))
            else:  # the cells' colour is the message: done against paper and against not done
                check(f"data.{i}.cells", cells[-1], GRAPHIC, on={paper, cells[0]})
            continue
        for where, colour, opacity in _trace_marks(trace, i, colorway):
            check(f"data.{i}.{where}", colour, GRAPHIC, opacity=opacity)
    return problems


# --- the formula and the walker themselves -----------------------------------------------------


def test_the_wcag_formula_gives_the_known_ratios():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast("#767676", "white") == pytest.approx(4.54, abs=0.01)
    assert contrast("#F0E442", "#FFFFFF") == pytest.approx(1.32, abs=0.01)  # Okabe-Ito yellow
    assert contrast("#0072B2", "#FFFFFF", opacity=0.5) < contrast("#0072B2", "#FFFFFF")


@pytest.mark.parametrize(
    "spoil",
    [
        lambda fig: fig.add_scatter(x=[1, 2], y=[1, 2], mode="lines", line={"color": "#F0E442"}),
        lambda fig: fig.add_bar(x=[1], y=[1], marker={"color": "#E69F00"}),
        lambda fig: fig.add_scatter(x=[1], y=[1], mode="markers", marker={"color": "#56B4E9"}),
        lambda fig: fig.update_layout(title_font_color="#AAAAAA"),
        lambda fig: fig.update_xaxes(linecolor="#CCCCCC"),
        lambda fig: fig.add_hline(y=1, line={"color": "#DDDDDD"}),
    ],
)
def test_the_walker_catches_a_faint_line_bar_marker_title_axis_or_rule(spoil):
    fig = go.Figure(layout={"template": theme.TEMPLATE, "title": {"text": "A chart"}})
    assert contrast_problems(fig) == []
    spoil(fig)
    assert contrast_problems(fig)


# --- every figure the charts make -------------------------------------------------------------


def _snapshots(tmp_path) -> list[tuple[str, Snapshot, date]]:
    with Store(tmp_path / "demo") as store:
        fill_demo(store, today=TODAY)
        demo = store.snapshot()
    start = TODAY - timedelta(days=2)
    plan = Plan(start_date=start, goals=(Goal("Gym", 3), Goal("Walk", 7)))
    return [
        ("demo month", demo, TODAY),
        ("demo, day 3", demo, TODAY - timedelta(days=27)),
        ("empty workbook", Snapshot(None, (), (), {}), TODAY),
        ("plan, no check-in", Snapshot(plan, (), (), {}), start),
        ("one day", Snapshot(plan, (Checkin(start, 5, urge=4, slip="hi"),), (), {}), start),
    ]


def test_every_chart_reads_at_aa_on_full_empty_and_nearly_empty_workbooks(tmp_path):
    seen = set()
    for name, snapshot, today in _snapshots(tmp_path):
        for key, fig in charts.progress_figures(build(snapshot, today)).items():
            seen.add(key)
            assert contrast_problems(go.Figure(fig)) == [], (name, key)
    assert seen == set(charts.FIGURE_KEYS)


def test_the_colorway_lines_all_reach_three_to_one_on_paper():
    for colour in theme.COLORWAY:
        assert contrast(colour, theme.PAPER) >= GRAPHIC, colour
