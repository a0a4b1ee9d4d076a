"""A chart (views/charts: plotly's figure as a dict) as the JSON plotly writes for it, without
loading plotly.

plotly's own writer (a `Figure`'s `to_json`, or `plotly.io.to_json` after its base64 step) needs
plotly imported, and with it its validators and narwhals: 0.11 s of a fresh kernel's first chart,
on the path of every progress page a person opens in a new JupyterLab tab. The charts hold only a
few kinds of value, and this writes each exactly as plotly does (the tests compare the two on every
chart of many workbooks, value for value):

- a numeric numpy array that is a dict's value: plotly.js's typed array, {"dtype": "f8",
  "bdata": base64, "shape": "rows, columns" for a grid}, whole numbers in the fewest bytes;
  under "range" and the like plotly keeps a list, and so does an array inside a list;
- days and times, in arrays or alone: ISO text;
- a number that is not finite: null (JSON has no NaN);
- text (a `Sentence` too) as plain str.
"""

from __future__ import annotations

import base64
import math
from datetime import date

import numpy as np

# Keys under which plotly leaves arrays as lists (_plotly_utils.utils.is_skipped_key).
AS_LISTS = frozenset({"geojson", "layer", "layers", "range"})
# numpy's dtypes plotly.js reads as typed arrays, by plotly.js's short names.
TYPED = {
    "int8": "i1",
    "uint8": "u1",
    "int16": "i2",
    "uint16": "u2",
    "int32": "i4",
    "uint32": "u4",
    "float32": "f4",
    "float64": "f8",
}
WHOLE = (np.int8, np.int16, np.int32)  # a big int array as the smallest that holds it
WHOLE_UNSIGNED = (np.uint8, np.uint16, np.uint32)


def plain(figure: dict) -> dict:
    """`figure` as JSON's own types (dict, list, str, int, float, bool, None), as plotly writes it;
    the figure itself is left as it was."""
    return _plain(figure, typed=True, in_dict=False)


def _plain(value, typed: bool, in_dict: bool):
    """`typed`: arrays below may become typed arrays; `in_dict`: `value` is a dict's value."""
    if isinstance(value, dict):
        return {
            key: _plain(item, typed and key not in AS_LISTS, True) for key, item in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [_plain(item, typed, False) for item in value]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, np.ndarray):
        return _array(value, typed and in_dict)
    if isinstance(value, np.generic):
        return _plain(value.item(), typed, in_dict)
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, date):  # a datetime too
        return value.isoformat()
    return value


def _array(array: np.ndarray, typed: bool):
    if array.dtype.kind == "M":
        return np.datetime_as_string(array).tolist()
    if typed and array.size:
        array = _narrowed(array)
        if array.dtype.name in TYPED:
            spec = {
                "dtype": TYPED[array.dtype.name],
                "bdata": base64.b64encode(np.ascontiguousarray(array)).decode("ascii"),
            }
            if array.ndim > 1:
                spec["shape"] = ", ".join(str(n) for n in array.shape)
            return spec
    return _plain(array.tolist(), typed=False, in_dict=False)


def _narrowed(array: np.ndarray) -> np.ndarray:
    """A 64-bit integer array as the smallest integers that hold it (plotly.js has no int64)."""
    if array.dtype == np.int64:
        kinds = WHOLE
    elif array.dtype == np.uint64:
        kinds = WHOLE_UNSIGNED
    else:
        return array
    low, high = array.min(), array.max()
    for kind in kinds:
        if np.iinfo(kind).min <= low and high <= np.iinfo(kind).max:
            return array.astype(kind)
    return array
