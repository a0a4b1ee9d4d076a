"""Every stage notebook: its parameters, clean and hidden when committed, and run by papermill."""

from __future__ import annotations

from pathlib import Path

import nbformat
import papermill
import pytest

from tests.conftest import TODAY
from workbook.pages.common import SOMETHING_WENT_WRONG

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
NAMES = [p.stem for p in NOTEBOOKS]
NEVER_SHOWN = ("Traceback", SOMETHING_WENT_WRONG[:60])


def shown_text(notebook) -> list[str]:
    """Everything a notebook's outputs show, as text (errors included)."""
    texts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                texts.append(f"ERROR {output.get('ename')}: {output.get('evalue')}")
            texts.append(str(output.get("text", "")))
            texts.extend(str(v) for v in output.get("data", {}).values())
    return texts


def run_notebook(notebook: str, out_dir: Path, **parameters):
    """Run a notebook with papermill (kernel python3, cwd notebooks/); fail on anything raw."""
    name = notebook
    out = out_dir / f"{name}-{len(list(out_dir.glob('*.ipynb')))}.ipynb"
    executed = papermill.execute_notebook(
        str(NOTEBOOK_DIR / f"{name}.ipynb"),
        str(out),
        parameters={k: v for k, v in parameters.items()},
        kernel_name="python3",
        cwd=str(NOTEBOOK_DIR),
        progress_bar=False,
        log_output=False,
    )
    for text in shown_text(executed):
        assert "ERROR" not in text[:6], f"{name}: {text}"
        for bad in NEVER_SHOWN:
            assert bad not in text, f"{name} showed {bad!r}: {text[:500]}"
    return executed


def test_there_are_stage_notebooks():
    for stage in (
        "00_start_here",
        "01_the_break",
        "02_daily_checkin",
        "04_day30_reflection",
        "05_reunion",
        "06_keep_going",
    ):
        assert stage in NAMES


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_parameters_and_committed_form(path: Path):
    parameters = papermill.inspect_notebook(str(path))
    assert {"data_dir", "today"} <= set(parameters)
    for name in ("data_dir", "today"):
        assert parameters[name]["default"] == "None"
    notebook = nbformat.read(path, as_version=4)
    assert notebook.metadata["kernelspec"]["name"] == "python3"
    # The top of the page (links, pages/nav.py page_top), then the page's words.
    assert 'page_top("' in notebook.cells[0].source
    assert notebook.cells[1].cell_type == "markdown"
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert "parameters" in code[1].metadata.get("tags", [])
    for cell in code:
        assert cell.outputs == [], f"{path.name} has outputs committed"
        assert cell.execution_count is None
        assert cell.metadata.get("jupyter", {}).get("source_hidden") is True, cell.source


STAGE_PARAMETERS = {
    "00_start_here": {"start_date", "days", "name", "partner", "pronoun", "why", "goals", "who5"},
    "01_the_break": {"answer", "no_contact", "dating_allowed", "start_date", "practical_allowed"},
    "02_daily_checkin": {
        "date",
        "mood",
        "energy",
        "sleep_hours",
        "emotions",
        "slip",
        "slip_by",
        "urge",
        "trigger",
        "goals",
        "win",
        "note",
        "gratitude",
    },
    "04_day30_reflection": {
        "who5",
        "better_version",
        "accomplished",
        "discovered",
        "want_restart",
        "conviction",
        "keep_growing",
        "felt_safe",
        "decision",
    },
    "05_reunion": {"outcome", "script"},
    "06_keep_going": {"new_goals"},
}


@pytest.mark.parametrize("stage", sorted(STAGE_PARAMETERS))
def test_stage_inputs_are_parameters(stage):
    parameters = papermill.inspect_notebook(str(NOTEBOOK_DIR / f"{stage}.ipynb"))
    assert STAGE_PARAMETERS[stage] <= set(parameters)


@pytest.mark.slow
@pytest.mark.parametrize("data", ["empty", "demo"])
@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_runs_without_showing_an_error(path: Path, data: str, tmp_path, demo_dir):
    data_dir = demo_dir if data == "demo" else tmp_path / "empty"
    executed = run_notebook(path.stem, tmp_path, data_dir=str(data_dir), today=TODAY.isoformat())
    shown = "\n".join(shown_text(executed))
    assert shown.strip(), f"{path.stem} showed nothing at all"


def test_committed_notebooks_are_what_the_builder_writes():
    """The eight notebooks come from one source (scripts/build_notebooks.py and the stage
    functions' signatures): run it after changing a stage, and this test stays green."""
    import importlib.util
    import sys

    script = Path(__file__).resolve().parent.parent / "scripts" / "build_notebooks.py"
    spec = importlib.util.spec_from_file_location("build_notebooks", script)
    builder = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = builder  # its dataclasses look themselves up there
    spec.loader.exec_module(builder)
    built = builder.notebooks()
    committed = sorted(p.stem for p in builder.NOTEBOOKS.glob("*.ipynb"))
    assert sorted(built) == committed and len(committed) == 9
    for name, notebook in built.items():
        on_disk = nbformat.read(builder.NOTEBOOKS / f"{name}.ipynb", as_version=4)
        assert nbformat.writes(notebook) == nbformat.writes(on_disk), name


@pytest.mark.slow
def test_day_21_of_30_the_notebooks_record_no_decision_and_say_why(tmp_path):
    """Answers given as parameters before the last day: the words kept as a draft, no decision,
    no WHO-5, no gate, the reunion closed and saying when it opens, no "30 days" anywhere."""
    import re
    from datetime import timedelta

    from workbook.core.model import Goal, Plan
    from workbook.store import Store

    data = tmp_path / "data"
    start = TODAY - timedelta(days=20)  # TODAY is day 21 of 30
    with Store(data) as store:
        store.save_plan(Plan(start_date=start, partner="Jordan", goals=(Goal("Gym", 3),)))
    common = {"data_dir": str(data), "today": TODAY.isoformat()}
    reflection = run_notebook(
        "04_day30_reflection",
        tmp_path,
        **common,
        who5=[5, 5, 5, 5, 5],
        accomplished="Pottery, every week",
        want_restart="yes",
        conviction=10,
        keep_growing="yes",
        felt_safe="yes",
        decision="I will ask",
    )
    reunion = run_notebook("05_reunion", tmp_path, **common, outcome="yes")
    keep_going = run_notebook("06_keep_going", tmp_path, **common)
    shown = {
        name: "\n".join(shown_text(nb)).replace("&#x27;", "'")
        for name, nb in (("04", reflection), ("05", reunion), ("06", keep_going))
    }
    assert "day 21 of 30: 9 days to go" in shown["04"]
    assert "Nothing was decided" in shown["04"] and "draft is saved" in shown["04"]
    assert "in 9 days" in shown["05"] and "room to think" not in shown["05"]
    with Store(data) as store:
        assert store.record("reflection") is None and store.record("reunion") is None
        assert store.who5s() == []
        assert store.record("reflection_draft").data["accomplished"] == "Pottery, every week"
    markdown = {
        name: "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        for name, nb in (("04", reflection), ("05", reunion), ("06", keep_going))
    }
    counting = re.compile(r"\b30 days|thirty days|end of the break|first 30", re.IGNORECASE)
    for name in shown:
        page = shown[name] + "\n" + markdown[name]
        assert not counting.search(page), (name, counting.search(page))
