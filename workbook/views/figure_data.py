"""The same chart in fewer bytes, for long workbooks.

A ten-year workbook draws 3,650 days per line. Written out as they come, each day costs a
21-character timestamp ("2016-11-28T00:00:00") and each value an 8-byte float, which made the
10-year report 2.3 MB larger than plotly.js itself. `compact` rewrites a figure's data (a
`Figure.to_dict()`), in place, so the picture is unchanged:

- a run of consecutive days becomes its first day and a one-day step (`x0`, `dx`);
- other day-only dates are written as "YYYY-MM-DD";
- 8-byte floats become 4-byte floats (seven significant digits: more than any chart shows), or
  1-byte integers when every value is a small whole number (moods, urges).

`days_in_view` leaves out, for a picture that cannot be panned, the days outside the date axis's
range: a long history's charts open on their last three months (charts/base.py), and every mark
of the years before, drawn and clipped, was most of the 10-year report's size.
"""

from __future__ import annotations

import base64

import numpy as np

DAY_MS = 86_400_000  # plotly's step on a date axis is in milliseconds
DATE_KEYS = ("x",)
FLOAT_KEYS = ("y", "z")


def compact(figure: dict) -> dict:
    """Make `figure`'s traces smaller without changing what they draw; returns `figure`."""
    for trace in figure.get("data", []):
        for key in DATE_KEYS:
            _compact_dates(trace, key)
        for key in FLOAT_KEYS:
            if key in trace:
                trace[key] = _float32(trace[key])
    return figure


def days_in_view(figure: dict) -> dict:
    """Drop the points and bars of `figure` (a dict) dated outside its date axis's range, in place,
    keeping the one on each side of the range, so a line still runs on to the edge, and for a
    trace with none in view the one nearest, so its legend entry stays; returns `figure`. For the
    date charts, whose value axes have fixed ranges (charts/base.py), the picture is the same."""
    axis = figure.get("layout", {}).get("xaxis", {})
    if axis.get("type") != "date" or not axis.get("range"):
        return figure
    low, high = (np.datetime64(end) for end in axis["range"])
    for trace in figure.get("data", []):
        x = trace.get("x")
        if trace.get("type") not in ("scatter", "bar") or not _is_dates(x):
            continue
        inside = (x >= low) & (x <= high)
        keep = inside.copy()
        keep[1:] |= inside[:-1]  # the point after the last one inside
        keep[:-1] |= inside[1:]  # and the one before the first
        if not keep.any() and len(x):  # none in view: one, out of view, so its legend stays
            keep[_nearest(x, low)] = True
        if keep.all():
            continue
        for key, values in list(trace.items()):
            if isinstance(values, (np.ndarray, list)) and len(values) == len(x):
                trace[key] = _kept(values, keep)  # x, and its y, text and the like
    return figure


def _nearest(x: np.ndarray, low: np.datetime64) -> int:
    """The index of the last day before `low`, else of the first day."""
    before = np.flatnonzero(x < low)
    return int(before[np.argmax(x[before])]) if before.size else int(np.argmin(x))


def _is_dates(values) -> bool:
    return isinstance(values, np.ndarray) and np.issubdtype(values.dtype, np.datetime64)


def _kept(values, keep: np.ndarray):
    if isinstance(values, np.ndarray):
        return values[keep]
    return [value for value, kept in zip(values, keep, strict=True) if kept]


def _compact_dates(trace: dict, key: str) -> None:
    values = trace.get(key)
    if not isinstance(values, np.ndarray) or not np.issubdtype(values.dtype, np.datetime64):
        return
    days = values.astype("datetime64[D]")
    if len(days) == 0 or np.any(days != values):  # not whole days: leave as it is
        return
    steps = np.diff(days).astype(int)
    if len(days) >= 2 and np.all(steps == 1) and f"{key}0" not in trace and f"d{key}" not in trace:
        del trace[key]
        trace[f"{key}0"] = str(days[0])
        trace[f"d{key}"] = DAY_MS
        return
    trace[key] = np.datetime_as_string(days, unit="D").tolist()


def _float32(values):
    """8-byte floats as 4-byte floats (or 1-byte whole numbers when they all are, like moods),
    whether still an array or already plotly's base64 form."""
    if isinstance(values, np.ndarray) and values.dtype == np.float64:
        return _smaller(values)
    if isinstance(values, dict) and values.get("dtype") == "f8" and "bdata" in values:
        array = _smaller(np.frombuffer(base64.b64decode(values["bdata"]), dtype="<f8"))
        bdata = base64.b64encode(array.astype(array.dtype.newbyteorder("<")).tobytes())
        return {**values, "dtype": array.dtype.str.lstrip("<|"), "bdata": bdata.decode("ascii")}
    return values


def _smaller(array: np.ndarray) -> np.ndarray:
    whole = array.size and np.all(np.isfinite(array)) and np.all(array == np.round(array))
    if whole and array.min() >= -128 and array.max() <= 127:
        return array.astype(np.int8)
    return array.astype(np.float32)
