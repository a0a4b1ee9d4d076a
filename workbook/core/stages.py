"""The stages of the programme, in order: one list that the notebook builder
(scripts/build_notebooks.py), the navigation (pages/nav.py) and the messages all read.

A stage is its notebook's name and its page's module; its title is the message
`stage_title_<name>`, so the words stay with every other sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from .messages import say


@dataclass(frozen=True)
class Stage:
    name: str  # the notebook, without ".ipynb": its number gives the order on disk
    page: str  # its module in workbook.pages
    # Whether its page draws plotly charts: in JupyterLab, such a page has plotly.js read while
    # its kernel works, before its first chart arrives (labextension/src/index.ts).
    charts: bool = False

    @property
    def title(self) -> str:
        return say(f"stage_title_{self.name}")


STAGES = (
    Stage("00_start_here", "start"),
    Stage("01_the_break", "the_break"),
    Stage("02_daily_checkin", "checkin"),
    Stage("03_progress", "progress", charts=True),
    Stage("04_day30_reflection", "reflection"),
    Stage("05_reunion", "reunion"),
    Stage("06_keep_going", "keep_going"),
    Stage("07_report", "report"),
    Stage("08_urge", "urge"),
)
STAGE_NAMES = tuple(stage.name for stage in STAGES)

# The stages whose next step depends on an answer, with the stages they may lead to (day 30: the
# reunion after a resounding yes, else Keep going); every other stage leads to the one after it.
LED_BY_AN_ANSWER = {"04_day30_reflection": ("05_reunion", "06_keep_going")}


def next_stages(name: str) -> tuple[str, ...]:
    """Every stage the "Next" link at the end of stage `name` may open."""
    if name in LED_BY_AN_ANSWER:
        return LED_BY_AN_ANSWER[name]
    at = STAGE_NAMES.index(name) + 1
    return STAGE_NAMES[at : at + 1]
