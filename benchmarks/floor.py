"""The floor both page benchmarks measure against: a one-cell notebook that prints one line."""

from __future__ import annotations

from pathlib import Path

FLOOR_TEXT = "one cell, shown"


def one_cell_notebook(folder: Path) -> Path:
    """`folder`/one_cell.ipynb: one code cell printing FLOOR_TEXT, on the stock python3 kernel."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(f"print({FLOOR_TEXT!r})")]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = folder / "one_cell.ipynb"
    nbformat.write(nb, path)
    return path
