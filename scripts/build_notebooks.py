"""(Re)write the stage notebooks 00–02 and 04–06: warm words, one parameters cell, hidden code.

Run `.venv/bin/python scripts/build_notebooks.py` after changing a stage's words or parameters;
the notebooks come out with no outputs, no execution counts, and every code cell hidden.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from workbook.ui.checkin import FIELDS as CHECKIN_FIELDS

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
HIDDEN = {"jupyter": {"source_hidden": True}}


def params(**inputs) -> str:
    lines = ["data_dir = None", "today = None"]
    lines += [f"{name} = {value!r}" for name, value in inputs.items()]
    return "\n".join(lines)


def call(module: str, function: str, *names: str) -> str:
    args = ", ".join(f"{n}={n}" for n in names)
    return f"{module}.{function}({args})"


STAGES = {
    "00_start_here": [
        "# Start here\n\nThis is your workbook for the next thirty days. It is private: everything "
        "you write stays on this computer. Take a breath — you don’t have to get anything right "
        "today. Press **Run → Run All Cells** to see the page.",
        params(
            start_date=None,
            days=None,
            name=None,
            partner=None,
            pronoun=None,
            why=None,
            goals=None,
            who5=None,
        ),
        "from workbook.ui import start",
        "start.show_programme(data_dir)",
        "## Your plan\n\nWho you are doing this for is you. Fill in what you like and press "
        "**Save my plan**; you can come back and change it whenever you want.",
        call(
            "start",
            "show",
            "data_dir",
            "today",
            "start_date",
            "days",
            "name",
            "partner",
            "pronoun",
            "why",
            "goals",
            "who5",
        ),
        "## Looking after yourself",
        "start.show_safety()",
    ],
    "01_the_break": [
        "# The break\n\nAsking for a break instead of an ending gives you both room to breathe. "
        "Here are some words to start from, and a place to note what was agreed.",
        params(answer=None, no_contact=None, dating_allowed=None, start_date=None),
        "from workbook.ui import the_break",
        "the_break.show_script(data_dir)",
        "## What was agreed",
        call(
            "the_break",
            "show",
            "data_dir",
            "today",
            "answer",
            "no_contact",
            "dating_allowed",
            "start_date",
        ),
    ],
    "02_daily_checkin": [
        "# Today’s check-in\n\nTwo minutes for yourself. Move the sliders, tick what you did, "
        "write one small win, and press **Save**. To fill in or correct another day, pick it "
        "in the date box.",
        params(**dict.fromkeys(CHECKIN_FIELDS)),
        "from workbook.ui import checkin",
        call(
            "checkin",
            "show",
            "data_dir",
            "today",
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
        ),
    ],
    "04_day30_reflection": [
        "# Day 30: a real think\n\nYou made it to the end of the break. Before anything else, "
        "look at what you did — then answer honestly. There are no wrong answers here.",
        params(
            who5=None,
            better_version=None,
            accomplished=None,
            discovered=None,
            want_restart=None,
            conviction=None,
            keep_growing=None,
            felt_safe=None,
            decision=None,
        ),
        "from workbook.ui import reflection",
        "reflection.show_numbers(data_dir, today)",
        "## Your reflection\n\nGo on to the reunion only if the answer is a resounding yes.",
        call(
            "reflection",
            "show",
            "data_dir",
            "today",
            "who5",
            "better_version",
            "accomplished",
            "discovered",
            "want_restart",
            "conviction",
            "keep_growing",
            "felt_safe",
            "decision",
        ),
    ],
    "05_reunion": [
        "# The reunion\n\nArrive calm, head high, accomplishments in tow. Share what you have been "
        "working on and ask — without pressure — whether they would like to try again. What they "
        "choose is up to them.",
        params(outcome=None, script=None),
        "from workbook.ui import reunion",
        call("reunion", "show", "data_dir", "today", "outcome", "script"),
    ],
    "06_keep_going": [
        "# Keep going\n\nWhatever the answer, you keep growing. Your check-ins carry on past day "
        "30, and you can add new goals whenever you like.",
        params(new_goals=None),
        "from workbook.ui import keep_going",
        call("keep_going", "show", "data_dir", "today", "new_goals"),
    ],
}


def build(name: str, cells: list[str]) -> nbformat.NotebookNode:
    notebook = new_notebook()
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    # Every stage ends with links back and on (workbook.ui.nav), in JupyterLab and in the app.
    nav = f'from workbook.ui.nav import next_stage_links\n\nnext_stage_links("{name}")'
    for i, source in enumerate([*cells, nav]):
        if source.startswith("#") or source.startswith("## "):
            cell = new_markdown_cell(source)
        else:
            cell = new_code_cell(source, metadata=dict(HIDDEN))
            if i == 1:
                cell.metadata["tags"] = ["parameters"]
        cell.id = f"{name[:2]}-{i:02d}"
        notebook.cells.append(cell)
    return notebook


def main() -> None:
    for name, cells in STAGES.items():
        nbformat.write(build(name, cells), NOTEBOOKS / f"{name}.ipynb")


if __name__ == "__main__":
    main()
