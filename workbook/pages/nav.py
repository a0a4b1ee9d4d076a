"""Links to the stage before and after this one, working in JupyterLab and in the app alike.

A relative link to the next notebook resolves to lab/tree/NN.ipynb in JupyterLab (which opens it
in a new tab) and to voila/render/NN.ipynb in the app, so one link serves both.
"""

from __future__ import annotations

from IPython.display import HTML, display

from ..core import stages
from ..core.messages import say
from ..views.html_pieces import page_piece
from . import urge

# The notebooks' names, in order (the one list: core/stages.py).
STAGES = stages.STAGE_NAMES


def stage_titles() -> dict[str, str]:
    return {stage.name: stage.title for stage in stages.STAGES}


def stage_links_html(current: str) -> str:
    """A small bar: back to the previous stage, on to the next; unknown stages get none."""
    if current not in STAGES:
        return ""
    titles = stage_titles()
    at = STAGES.index(current)
    links = []
    if at > 0:
        before = STAGES[at - 1]
        links.append(_link(before, say("stage_previous", title=titles[before])))
    if at + 1 < len(STAGES):
        after = STAGES[at + 1]
        links.append(_link(after, say("stage_next", title=titles[after]), primary=True))
    return page_piece("stage_links", links=links)


def _link(stage: str, words: str, primary: bool = False) -> dict:
    # The next stage sits on the right even when there is no previous one.
    return {"stage": stage, "words": words, "primary": primary}


def top_of_page(current: str) -> None:
    """What the top of every stage page shows: the way to the moment of the urge."""
    urge.top_link(current)


def next_stage_links(current: str) -> None:
    """Show the links at the end of a stage notebook."""
    display(HTML(stage_links_html(current)))
