"""Moving between the stages, in JupyterLab and in the app alike: the top of every page, the map
of the stages on the start page, and the links back and on at the end of each page.

A relative link to a notebook resolves to lab/tree/NN.ipynb in JupyterLab and to
voila/render/NN.ipynb in the app, so one link serves both. Every link between stages carries
target="_self": JupyterLab opens it in its own tab of the same window, and the app in the same
browser tab (rendered HTML otherwise gets target="_blank" from the front end, one tab per step).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from IPython.display import HTML, display

from ..core import rules, stages
from ..core.messages import say
from ..core.model import Snapshot
from ..core.records import BreakAgreement, Reflection, ReunionOutcome
from ..views.html_pieces import page_piece
from ..views.quick_exit import quick_exit_html
from ..views.templating import day_text
from ..views.urge_pieces import urge_top_link
from .common import never_a_traceback, widgets
from .context import open_store, resolve_today

# The notebooks' names, in order (the one list: core/stages.py).
STAGES = stages.STAGE_NAMES
START = STAGES[0]


def stage_titles() -> dict[str, str]:
    return {stage.name: stage.title for stage in stages.STAGES}


# --- The top of every page ----------------------------------------------------------------------


def page_top_items(current: str) -> list[dict]:
    """What the top of the page `current` holds, left to right: each a dict for the template's
    "page_top" piece ({"kind": "link", "stage": ..., "words": ...}). One place to add to: a link
    for the moment of an urge, a quick exit."""
    items = []
    if current != START:
        items.append({"kind": "link", "stage": START, "words": say("nav_all_stages")})
    return items


def page_top_html(current: str) -> str:
    """The bar at the top of a stage page; "" when it holds nothing."""
    items = page_top_items(current)
    return page_piece("page_top", links=items) if items else ""


def page_top(current: str) -> None:
    """Show the top of the page (the first cell of every stage notebook)."""
    html = page_top_html(current)
    if html:
        display(HTML(html))
    if current != "08_urge":  # the way to the moment of an urge, on every other page
        display(HTML(urge_top_link()))


# --- Back and on, at the end of every page ------------------------------------------------------


# The pages whose next step depends on an answer, with the stages they may lead to (day 30: the
# reunion after a resounding yes, else Keep going), and where each leads now, set by the page in
# its own kernel. Their end holds a link to each, all but one hidden; a small style widget shows
# the one that holds now, so an answer changes it at once in JupyterLab and in the app alike. The
# links stay in the page's own HTML, where JupyterLab opens them in its own tabs.
_LED_BY_AN_ANSWER = stages.LED_BY_AN_ANSWER  # core/stages.py: heat_ahead reads it too
_LEADS_ON_TO: dict[str, str] = {}
_CHOICES: dict[str, object] = {}


def _next_of(current: str) -> str | None:
    at = STAGES.index(current)
    return _LEADS_ON_TO.get(current) or (STAGES[at + 1] if at + 1 < len(STAGES) else None)


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
    after = _next_of(current)
    for stage in _LED_BY_AN_ANSWER.get(current, (after,) if after else ()):
        link = _link(stage, say("stage_next", title=titles[stage]), primary=True)
        links.append({**link, "choice": current in _LED_BY_AN_ANSWER, "hidden": stage != after})
    return page_piece("stage_links", links=links, page=current)


def _choice_css(current: str) -> str:
    shown = _next_of(current)
    return (
        f"<style>nav.workbook-stages-{current} a.workbook-next-choice {{display:none !important}}"
        f" nav.workbook-stages-{current} a.workbook-next-{shown} {{display:inline !important}}"
        "</style>"
    )


def lead_on_to(current: str, stage: str | None) -> None:
    """The page `current` now leads on to `stage` (None: the next stage in order). The links at
    its end say so at once, so a page never offers two different "Next" links."""
    if stage is None:
        _LEADS_ON_TO.pop(current, None)
    else:
        _LEADS_ON_TO[current] = stage
    if current in _CHOICES:
        _CHOICES[current].value = _choice_css(current)


def _link(stage: str, words: str, primary: bool = False) -> dict:
    # The next stage sits on the right even when there is no previous one.
    return {"stage": stage, "words": words, "primary": primary, "choice": False, "hidden": False}


def stage_link_html(stage: str) -> str:
    """One link on to `stage`, by its title, for a page whose next step depends on an answer."""
    return page_piece(
        "stage_links", links=[_link(stage, say("stage_next", title=stage_titles()[stage]), True)]
    )


def next_stage_links(current: str) -> None:
    """Show the links at the end of a stage notebook, and the quick exit."""
    display(HTML(stage_links_html(current) + quick_exit_html()))
    if current in _LED_BY_AN_ANSWER:
        _CHOICES[current] = widgets.HTML(_choice_css(current))
        display(_CHOICES[current])


# --- The map of the stages, on the start page ---------------------------------------------------


@dataclass(frozen=True)
class StageState:
    """Where the person is with one stage: `state` is done, today, any_time, opens (on `day`),
    after_plan, after (another stage) or not_now."""

    stage: str
    state: str
    day: int | None = None
    on: date | None = None


def stage_states(snapshot: Snapshot, today: date) -> list[StageState]:
    """Each stage of core/stages.py, in order, with where the person is in it."""
    return [_state(name, snapshot, today) for name in STAGES]


def _state(name: str, snapshot: Snapshot, today: date) -> StageState:
    plan = snapshot.plan
    if name == START:
        return StageState(name, "done" if plan else "today")
    if plan is None:
        return StageState(name, "after_plan")
    calendar = rules.programme_calendar(plan.start_date, plan.days, today)
    last_day = StageState(name, "opens", calendar.days, calendar.last_day)
    record = snapshot.records.get
    if name == "01_the_break":
        return StageState(name, "done" if record(BreakAgreement.KIND) else "today")
    if name == "02_daily_checkin":
        if calendar.day < 1:
            return StageState(name, "opens", 1, plan.start_date)
        done = any(c.date == today for c in snapshot.checkins)
        return StageState(name, "done_today" if done else "today")
    if name == "04_day30_reflection":
        if record(Reflection.KIND):
            return StageState(name, "done")
        return StageState(name, "today") if calendar.last_day_reached else last_day
    if name == "05_reunion":
        if record(ReunionOutcome.KIND):
            return StageState(name, "done")
        if not calendar.last_day_reached:
            return last_day
        reflection = Reflection.from_record(record(Reflection.KIND))
        if reflection is None:
            return StageState(name, "after")
        return StageState(name, "today" if reflection.gate_open else "not_now")
    return StageState(name, "any_time")  # progress, keep going, the report, and any new stage


def state_words(state: StageState) -> str:
    """The few words beside a stage's name on the map."""
    if state.state == "opens":
        return say("nav_state_opens", day=state.day, date=day_text(state.on))
    if state.state == "after":
        return say("nav_state_after", title=stage_titles()["04_day30_reflection"])
    return say(f"nav_state_{state.state}")


def stage_map_html(snapshot: Snapshot, today: date) -> str:
    """Every stage as a link, with where the person is: done, today, opens on day N."""
    titles = stage_titles()
    rows = [
        {
            "stage": s.stage,
            "words": titles[s.stage],
            "state": state_words(s),
            "kind": s.state,
        }
        for s in stage_states(snapshot, today)
    ]
    return page_piece("stage_map", links=rows, summary=say("nav_map_title"))


@never_a_traceback
def show_stage_map(data_dir=None, today=None) -> None:
    """The map of the stages (the start page)."""
    day = resolve_today(today)
    with open_store(data_dir) as store:
        snapshot = store.snapshot()
    display(HTML(stage_map_html(snapshot, day)))
