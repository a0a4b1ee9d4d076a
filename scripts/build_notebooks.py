"""(Re)write the eight stage notebooks: warm words, one parameters cell, hidden code.

Each stage's parameters and calls come from its functions' signatures in `workbook.pages`, so a new
input of a stage reaches its notebook by running this again:
`.venv/bin/python scripts/build_notebooks.py`. The notebooks come out with no outputs, no
execution counts, and every code cell hidden; a test checks the committed ones equal this output.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
HIDDEN = {"jupyter": {"source_hidden": True}}
ALWAYS = ("data_dir", "today")  # every notebook's parameters cell starts with these


@dataclass(frozen=True)
class Call:
    """One call into a stage's module; `inputs=True` for the call that takes the stage's inputs."""

    module: str
    function: str
    inputs: bool = False

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


STAGES = {
    "00_start_here": [
        "# Start here\n\nThis is your workbook for the days of your break. It is private: everything "
        "you write is kept in a folder only you can open, and nothing is sent anywhere else. "
        "Take a breath — you don’t have to get anything right "
        "today.",
        "from workbook.pages import start",
        Call("start", "show_programme"),
        "## Your plan\n\nWho you are doing this for is you. Fill in what you like and press "
        "**Save my plan**; you can come back and change it whenever you want.",
        Call("start", "show", inputs=True),
        "## Looking after yourself",
        Call("start", "show_safety"),
    ],
    "01_the_break": [
        "# The break\n\nAsking for a break instead of an ending gives you both room to breathe. "
        "Here are some words to start from, and a place to note what was agreed.",
        "from workbook.pages import the_break",
        Call("the_break", "show_script"),
        "## What was agreed",
        Call("the_break", "show", inputs=True),
    ],
    "02_daily_checkin": [
        "# Today’s check-in\n\nTwo minutes for yourself. Move the sliders, tick what you did, "
        "write one small win, and press **Save**. To fill in or correct another day, pick it "
        "in the date box.",
        "from workbook.pages import checkin",
        Call("checkin", "show", inputs=True),
    ],
    "03_progress": [
        "# Your progress\n\nHere is how your days have gone, in pictures: your mood, your "
        "goals, the urges you rode out, and what you have accomplished. Nothing here is a "
        "grade. Look at it with the same kindness you would show a friend.",
        "from workbook.pages import progress",
        Call("progress", "show", inputs=True),
    ],
    "04_day30_reflection": [
        # What the page offers depends on the day (workbook.pages.reflection): the words do too.
        "# Day 30: a real think",
        "from workbook.pages import reflection",
        Call("reflection", "show_numbers"),
        "## Your reflection\n\nGo on to the reunion only if the answer is a resounding yes.",
        Call("reflection", "show", inputs=True),
    ],
    "05_reunion": [
        "# The reunion\n\nArrive calm, head high, accomplishments in tow. Share what you have been "
        "working on and ask — without pressure — whether they would like to try again. What they "
        "choose is up to them.",
        "from workbook.pages import reunion",
        Call("reunion", "show", inputs=True),
    ],
    "06_keep_going": [
        "# Keep going\n\nWhatever the answer, you keep growing. Your check-ins carry on past "
        "your last day, and you can add new goals whenever you like.",
        "from workbook.pages import keep_going",
        Call("keep_going", "show", inputs=True),
    ],
    "07_report": [
        "# Your reflection report\n\nEverything from your programme in one place: your "
        "plan and your why, the numbers, the charts, your WHO-5, your wins, your "
        "reflection, and a few words to close.\n\nChoose **HTML** to open it in any browser "
        "(it works offline), **PDF** to print it or show a counsellor, or **JSON** for "
        "the plain numbers. The file is saved in your workbook's folder, readable only by "
        "you; nothing is sent anywhere.",
        "from workbook.pages import report",
        Call("report", "show", inputs=True),
        "Share it only if you want to, and only with people you trust. If you make a "
        "report before your last day, it says which day it covers; you can make a fresh one any "
        "time.",
    ],
}


def build(name: str, items: list) -> nbformat.NotebookNode:
    notebook = new_notebook()
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        # Marks the workbook's own pages: JupyterLab runs them on opening (labextension/).
        "workbook": {"stage": name},
    }
    calls = [item for item in items if isinstance(item, Call)]
    # (is it code?, source): the words, the parameters, imports and calls, then the links on.
    cells = [(False, items[0]), (True, parameters_cell(calls))]
    for item in items[1:]:
        if isinstance(item, Call):
            cells.append((True, item.source()))
        else:
            cells.append((item.startswith(("from ", "import ")), item))
    # Every stage ends with links back and on (workbook.pages.nav), in JupyterLab and in the app.
    cells.append(
        (True, f'from workbook.pages.nav import next_stage_links\n\nnext_stage_links("{name}")')
    )
    for i, (is_code, source) in enumerate(cells):
        if is_code:
            cell = new_code_cell(source, metadata=dict(HIDDEN))
            if i == 1:
                cell.metadata["tags"] = ["parameters"]
        else:
            cell = new_markdown_cell(source)
        cell.id = f"{name[:2]}-{i:02d}"
        notebook.cells.append(cell)
    return notebook


def notebooks() -> dict[str, nbformat.NotebookNode]:
    """Every stage notebook, as this script writes it."""
    return {name: build(name, items) for name, items in STAGES.items()}


def main() -> None:
    for name, notebook in notebooks().items():
        nbformat.write(notebook, NOTEBOOKS / f"{name}.ipynb")


if __name__ == "__main__":
    main()
