"""What the workbook leaves out of every process that imports it first (workbook/__init__.py), and
the launcher that starts JupyterLab and JupyterHub's single-user server that way
(workbook/app/launch.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]

# What a server (or a report's export) sees of jsonschema once it is imported.
PROBE = """
import json, sys
import jsonschema
print(json.dumps({
    "argv": sys.argv,
    "name": __name__,
    "parsers compiled": sys.modules.get("rfc3987_syntax") is not None,
    "iri checked": "iri" in jsonschema.FormatChecker.checkers,
    "uri checked": "uri" in jsonschema.FormatChecker.checkers,
}))
"""


def _run(args: list[str], cwd: Path) -> dict:
    done = subprocess.run(
        [sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_a_process_that_imports_the_workbook_first_compiles_no_iri_parsers(tmp_path):
    seen = _run(["-c", "import workbook\n" + PROBE], tmp_path)
    assert not seen["parsers compiled"]
    assert not seen["iri checked"]
    assert seen["uri checked"], "only the two IRI formats are left out"


def test_without_the_workbook_jsonschema_compiles_them_here(tmp_path):
    """The control: where rfc3987-syntax is installed, as with Jupyter's servers, jsonschema
    imports it (and so the test above would fail without workbook/__init__.py's line)."""
    try:
        metadata.distribution("rfc3987-syntax")
    except metadata.PackageNotFoundError:
        pytest.skip("rfc3987-syntax is not installed here: nothing to leave out")
    seen = _run(["-c", PROBE], tmp_path)
    assert seen["parsers compiled"]
    assert seen["iri checked"]


def test_the_launcher_runs_a_module_as_python_m_would(tmp_path):
    (tmp_path / "probe_server.py").write_text(PROBE)
    seen = _run(["-m", "workbook.app.launch", "probe_server", "--port=1", "x y"], tmp_path)
    assert seen["name"] == "__main__"
    assert seen["argv"][1:] == ["--port=1", "x y"]
    assert seen["argv"][0].endswith("probe_server.py")
    assert not seen["parsers compiled"]


def test_the_launcher_without_a_module_says_how_to_use_it(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "workbook.app.launch"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode != 0
    assert "usage: python -m workbook.app.launch MODULE" in done.stderr


def test_jupyterlab_starts_through_the_launcher(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "workbook.app.launch", "jupyterlab", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    import jupyterlab

    assert done.stdout.strip() == jupyterlab.__version__


def test_every_stage_notebook_still_validates_without_them():
    """nbformat validates with jsonschema; the stage notebooks use no IRI format either way."""
    import workbook  # noqa: F401

    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nbformat.validate(nbformat.read(path, as_version=4))
