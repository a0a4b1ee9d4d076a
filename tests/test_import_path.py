"""The command line stays light: the heavy libraries load only where a chart or a table needs them.

`workbook checkin` is meant to be as quick as a plain journal (see benchmarks/run.py); importing
plotly or numpy on the way would triple its start-up. Checked in a fresh interpreter.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

HEAVY = ("pandas", "plotly", "numpy", "ipywidgets", "IPython", "cryptography")
LIGHT_MODULES = (
    "workbook.cli",
    "workbook.core.validation",
    "workbook.store",
    "workbook.core.model",
    "workbook.core.rules",
    "workbook.core.messages",
    "workbook.core.errors",
    "workbook.core.records",
    "workbook.numbers",
    "workbook.numbers.summary",
)


def loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return {name.split(".")[0] for name in json.loads(result.stdout.splitlines()[-1])}


def test_the_command_line_modules_load_no_heavy_library():
    loaded = loaded_after("\n".join(f"import {m}" for m in LIGHT_MODULES))
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_a_checkin_from_the_command_line_loads_no_heavy_library(tmp_path):
    # The whole `workbook checkin` path, not only its imports: plan, save, the kind line.
    code = (
        "from workbook.cli import main\n"
        f"d = {str(tmp_path)!r}\n"
        "assert main(['plan', '--data-dir', d, '--start', '2026-11-01', '--goal', 'Gym:3']) == 0\n"
        "assert main(['checkin', '--data-dir', d, '--mood', '6', '--today', '2026-11-25']) == 0"
    )
    loaded = loaded_after(code)
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_the_probe_sees_a_heavy_library_when_one_is_loaded():
    # The check above could pass by looking at nothing: make sure it can fail.
    assert "numpy" in loaded_after("import workbook.views.charts")


def _progress_page_shown(tmp_path) -> str:
    """The progress page built for the demo month, each chart written as the page sends it."""
    return (
        "from datetime import date\n"
        "from workbook.pages.progress import page\n"
        "from workbook.store import Store\n"
        "from workbook.store.demo import fill_demo\n"
        "today = date(2026, 11, 25)\n"
        f"with Store({str(tmp_path)!r}) as store:\n"
        "    fill_demo(store, today=today)\n"
        "    parts = page(store.snapshot(), today)\n"
        "kinds = [kind for kind, _ in parts]\n"
        "assert kinds.count('figure') == 9, kinds\n"
        "assert sum('workbook-chart-words' in str(p) for _, p in parts) >= 8\n"
        "from workbook.pages.figures import figure_bundle\n"
        "assert all(figure_bundle(p) for kind, p in parts if kind == 'figure')"
    )


def test_the_progress_pages_charts_load_no_plotly(tmp_path):
    # The charts are plotly's figures as dicts, written as plotly's JSON without plotly (0.2 s of
    # a new kernel's first progress page, its validators and their imports); the browser draws
    # them. plotly itself checks every chart in the tests (test_charts.checked).
    loaded = loaded_after(_progress_page_shown(tmp_path))
    assert "numpy" in loaded  # the figures were built
    assert "plotly" not in loaded and "narwhals" not in loaded


def test_the_progress_pages_charts_and_their_words_load_no_pandas(tmp_path):
    # The day frames are plain Python: the kernel drawing the charts saves pandas' ~40 MiB. The
    # workbook no longer depends on pandas; where it is installed anyway, nothing may load it.
    if importlib.util.find_spec("pandas") is None:
        pytest.skip("pandas is not installed here, so nothing can load it")
    assert "pandas" not in loaded_after(_progress_page_shown(tmp_path))


def test_a_stage_page_run_with_its_answers_loads_no_widget_library(tmp_path):
    # papermill passes the answers as parameters: nothing to click, so ipywidgets stays unloaded.
    stages = "checkin, keep_going, reflection, report, reunion, start, the_break"
    code = (
        f"from workbook.pages import {stages}\n"
        "from workbook.cli import main\n"
        f"d = {str(tmp_path)!r}\n"
        "assert main(['plan', '--data-dir', d, '--start', '2026-11-01', '--goal', 'Gym:3']) == 0\n"
        "checkin.show(data_dir=d, today='2026-11-25', mood=6)"
    )
    assert "ipywidgets" not in loaded_after(code)
    assert "ipywidgets" in loaded_after(code + "\ncheckin.show(data_dir=d, today='2026-11-25')")
