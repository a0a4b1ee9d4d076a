"""(Re)write the stage notebooks: warm words, one parameters cell, hidden code.

The stages, their order and their pages come from `workbook.core.stages`; the words are messages
(`notebook_*`, workbook/core/messages/notebooks.py). Each stage's parameters and calls come from its
functions' signatures in `workbook.pages`, so a new input of a stage reaches its notebook by running
this again:
`.venv/bin/python scripts/build_notebooks.py`. The notebooks come out with no outputs, no
execution counts, and every code cell hidden; a test checks the committed ones equal this output.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, replace
from importlib import import_module
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from workbook.core.messages import say
from workbook.core.stages import STAGES, Stage

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
HIDDEN = {"jupyter": {"source_hidden": True}}
ALWAYS = ("data_dir", "today")  # every notebook's parameters cell starts with these


@dataclass(frozen=True)
class Call:
    """One call into the stage's page; `inputs=True` for the call that takes the stage's inputs."""

    function: str
    inputs: bool = False
    module: str = ""  # the stage's page, filled in by `build`

    def signature(self) -> inspect.Signature:
        return inspect.signature(
            getattr(import_module(f"workbook.pages.{self.module}"), self.function)
        )

    def source(self) -> str:
        args = ", ".join(f"{n}={n}" for n in self.signature().parameters)
        return f"{self.module}.{self.function}({args})"


def parameters_cell(calls: list[Call]) -> str:
    """data_dir and today, then each input of the stage's main call with its default."""
    lines = [f"{name} = None" for name in ALWAYS]
    for call in calls:
        if call.inputs:
            for name, param in call.signature().parameters.items():
                if name not in ALWAYS:
                    lines.append(f"{name} = {param.default!r}")
    return "\n".join(lines)


CELLS = {
    "00_start_here": [
        say("notebook_start_intro"),
        Call("show_stage_map", module="nav"),  # first: a day's way on is one click away
        Call("show_programme"),
        Call("show_safety_question", inputs=True),
        say("notebook_start_plan"),
        Call("show", inputs=True),
        say("notebook_start_care"),
        Call("show_safety"),
    ],
    "01_the_break": [
        say("notebook_break_intro"),
        Call("show_script"),
        say("notebook_break_agreed"),
        Call("show", inputs=True),
    ],
    "02_daily_checkin": [
        say("notebook_checkin_intro"),
        Call("show", inputs=True),
    ],
    "03_progress": [
        say("notebook_progress_intro"),
        Call("show", inputs=True),
    ],
    "04_day30_reflection": [
        say("notebook_reflection_intro"),
        Call("show_numbers"),
        say("notebook_reflection_questions"),
        Call("show", inputs=True),
    ],
    "05_reunion": [
        say("notebook_reunion_intro"),
        Call("show", inputs=True),
    ],
    "06_keep_going": [
        say("notebook_keep_going_intro"),
        Call("show", inputs=True),
    ],
    "08_urge": [
        say("notebook_urge_intro"),
        Call("show", inputs=True),
    ],
    "07_report": [
        say("notebook_report_intro"),
        Call("show", inputs=True),
        say("notebook_report_share"),
    ],
}


def build(stage: Stage, items: list) -> nbformat.NotebookNode:
    name = stage.name
    notebook = new_notebook()
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        # Marks the workbook's own pages: JupyterLab runs them on opening (labextension/), and
        # reads plotly.js as it opens one that draws charts.
        "workbook": {"stage": name, **({"charts": True} if stage.charts else {})},
    }
    items = [
        replace(item, module=item.module or stage.page) if isinstance(item, Call) else item
        for item in items
    ]
    calls = [item for item in items if isinstance(item, Call)]
    # (is it code?, source): the top of the page (workbook.pages.nav.page_top), the words, the
    # parameters, the page's import and its calls, then the links on.
    modules = ", ".join(sorted({call.module for call in calls}))
    cells = [
        (True, f'from workbook.pages.nav import page_top\n\npage_top("{name}")'),
        (False, items[0]),
        (True, parameters_cell(calls)),
        (True, f"from workbook.pages import {modules}"),
    ]
    for item in items[1:]:
        if isinstance(item, Call):
            cells.append((True, item.source()))
        else:
            cells.append((False, item))
    # Every stage ends with links back and on (workbook.pages.nav), in JupyterLab and in the app.
    cells.append(
        (True, f'from workbook.pages.nav import next_stage_links\n\nnext_stage_links("{name}")')
    )
    for i, (is_code, source) in enumerate(cells):
        if is_code:
            cell = new_code_cell(source, metadata=dict(HIDDEN))
            if i == 2:
                cell.metadata["tags"] = ["parameters"]
        else:
            cell = new_markdown_cell(source)
        cell.id = f"{name[:2]}-{i:02d}"
        notebook.cells.append(cell)
    return notebook


def notebooks() -> dict[str, nbformat.NotebookNode]:
    """Every stage notebook, as this script writes it."""
    if set(CELLS) != {stage.name for stage in STAGES}:
        raise ValueError("CELLS needs one entry per stage of workbook.core.stages, and no other")
    return {stage.name: build(stage, CELLS[stage.name]) for stage in STAGES}


def main() -> None:
    for name, notebook in notebooks().items():
        nbformat.write(notebook, NOTEBOOKS / f"{name}.ipynb")


if __name__ == "__main__":
    main()
