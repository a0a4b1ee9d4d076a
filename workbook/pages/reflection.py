"""04 · Day 30: the numbers, the WHO-5 against day 0, the questions, the safety question, the gate.

The page opens on the programme's last day (DESIGN.md, "Day 30 opens on the last day"). Before it,
the page says how many days remain and what to do with them, and the open questions may be drafted
(a `reflection_draft` record: words only); no WHO-5 is asked, no decision is recorded and the gate is
not evaluated, whatever the page is given.
"""

from __future__ import annotations

from datetime import date

from IPython.display import HTML, display

from ..core.messages import say
from ..core.records import Reflection
from ..core.validation import optional
from ..store import Store
from . import nav, urge
from .common import (
    form_built_ahead,
    message_html,
    never_a_traceback,
    on_click,
    show_message,
    widgets,
)
from .context import Ahead, open_store, resolve_today
from .forms import (
    LAYOUT,
    WIDE,
    Field,
    Outcome,
    Who5Form,
    who5_feedback,
    yes_no,
)
from .reflection_controller import (  # noqa: F401 — the page's names, where callers look
    ReflectionController,
    gate_html,
    leads_on_to,
    questions,
    recorded_html,
)

STAGE = "04_day30_reflection"


class ReflectionView:
    def __init__(self, controller: ReflectionController):
        self.controller = controller
        self.result = widgets.HTML()
        self.fields = {key: Field(q, widgets.Textarea(layout=WIDE)) for key, q in questions()}
        if not controller.is_open:
            self._build_draft()
            return
        self.who5 = Who5Form()
        on_click(self.who5.save, self.on_save_who5, report_to=self.who5.result)
        self.fields.update(
            {
                "want_restart": Field(say("q_want_restart"), yes_no()),
                "conviction": Field(
                    say("q_conviction"), widgets.IntSlider(value=5, min=0, max=10, layout=LAYOUT)
                ),
                "keep_growing": Field(say("q_keep_growing"), yes_no()),
                "felt_safe": Field(say("q_felt_safe"), yes_no()),
                "decision": Field(say("q_decision"), widgets.Textarea(layout=WIDE)),
            }
        )
        self.save = widgets.Button(description="Save my reflection", button_style="primary")
        on_click(self.save, self.on_save, report_to=self.result)
        self.gate = widgets.HTML(recorded_html(controller.store))
        nav.lead_on_to(STAGE, leads_on_to(controller.store))
        recorded = controller.store.record(Reflection.KIND)
        # Come back to what you answered; or, the first time, to what you drafted.
        stored = Reflection.from_record(recorded).to_stored() if recorded else controller.draft()
        self._fill(stored)
        self.box = widgets.VBox(
            [self.who5.box]
            + [f.box for f in self.fields.values()]
            + [self.save, self.result, self.gate]
        )

    def _build_draft(self) -> None:
        """Before the last day: the open questions only, kept as a draft."""
        self.who5 = self.gate = None
        if self.controller.calendar is None:  # no plan: the page above says so, and no form
            self.save = widgets.Button(description="Save my draft", disabled=True)
            self.box = widgets.VBox([])
            return
        self._fill(self.controller.draft())
        self.save = widgets.Button(description="Save my draft", button_style="primary")
        on_click(self.save, self.on_save, report_to=self.result)
        days = self.controller.calendar.days
        title = widgets.HTML(message_html(lead=say("reflection_draft_title", days=days)))
        self.box = widgets.VBox(
            [title] + [f.box for f in self.fields.values()] + [self.save, self.result]
        )

    def _fill(self, stored: dict) -> None:
        for key, value in stored.items():
            if key in self.fields and value is not None:
                self.fields[key].widget.value = value

    def on_save_who5(self) -> Outcome:
        outcome = self.controller.on_save_who5(self.who5.values())
        text = outcome.message
        if outcome.ok:
            text += " " + self.controller.who5_comparison()
            # The summary above follows: the new WHO-5 against day 0, no "take it below".
            for shown in SHOWN_NUMBERS:
                shown.value = numbers_html(self.controller.store, self.controller.today)
        self.who5.result.value = message_html(text, "success" if outcome.ok else "error")
        return outcome

    def on_save(self) -> Outcome:
        for f in self.fields.values():
            f.clear()
        values = {k: f.widget.value for k, f in self.fields.items()}
        if self.gate is None:  # before the last day: a draft
            outcome = self.controller.on_save_draft(**values)
        else:
            outcome, _gate = self.controller.on_save(**values)
        if not outcome.ok and outcome.field in self.fields:
            self.fields[outcome.field].show_error(outcome.message)
        self.result.value = message_html(outcome.message, "success" if outcome.ok else "error")
        if self.gate is not None:
            self.gate.value = recorded_html(self.controller.store) if outcome.ok else ""
            nav.lead_on_to(STAGE, leads_on_to(self.controller.store))
        return outcome


def numbers_html(store: Store, today: date) -> str:
    """The programme's days in numbers, and the WHO-5 against day 0, as one piece of the page
    (before the last day: how many days remain, and what to do with them)."""
    controller = ReflectionController(store, today)
    if not controller.is_open:  # before the last day: the days to go, no day-30 WHO-5
        return controller.numbers_html()
    return (
        controller.numbers_html()
        + message_html(controller.who5_comparison())
        + urge.kept_words_on_day_30(store, today)
    )


# The summary shown at the top of the page, which a WHO-5 saved below brings up to date.
SHOWN_NUMBERS: list = []

# In the app, the numbers and the form are built before anyone asks, and shown if the workbook
# and the day are unchanged (workbook/app/rehearsal.py).
PREPARED_NUMBERS = Ahead(numbers_html)
PREPARED_VIEW = form_built_ahead(
    lambda store, today: ReflectionView(ReflectionController(store, today))
)


@never_a_traceback
def show_numbers(data_dir=None, today=None) -> None:
    """The programme's days in numbers, and the WHO-5 against day 0 (or the days to go)."""
    day = resolve_today(today)  # in the app, after the wait for the request
    html = PREPARED_NUMBERS.take(data_dir, day)
    if html is None:
        with open_store(data_dir) as store:
            html = numbers_html(store, day)
    shown = widgets.HTML(html)
    SHOWN_NUMBERS[:] = [shown]  # the one this page shows now, for the WHO-5 form below to update
    # A widget where widgets are drawn (so it can follow); its words as HTML where they are not
    # (a notebook papermill ran, an export of it).
    display({**shown._repr_mimebundle_(), "text/html": html}, raw=True)


@never_a_traceback
def show(
    data_dir=None,
    today=None,
    who5=None,
    better_version=None,
    accomplished=None,
    discovered=None,
    want_restart=None,
    conviction=None,
    keep_growing=None,
    felt_safe=None,
    decision=None,
):
    """The questions and the gate; with the gate's answers given, records them with no click."""
    day = resolve_today(today)  # in the app, after the wait for the request
    gate_given = [optional(v) for v in (want_restart, keep_growing, felt_safe)]
    if who5 is None and all(v is None for v in gate_given):
        view = PREPARED_VIEW.take(data_dir, day)
        display((view or ReflectionView(ReflectionController(open_store(data_dir), day))).box)
        return
    store = open_store(data_dir)
    controller = ReflectionController(store, day)
    if not controller.is_open:
        _before_the_last_day(
            controller,
            who5,
            better_version=better_version,
            accomplished=accomplished,
            discovered=discovered,
        )
        store.close()
        return
    if who5 is not None:
        outcome = controller.on_save_who5(list(who5))
        show_message(outcome.message, "success" if outcome.ok else "error")
        if outcome.ok:
            show_message(controller.who5_comparison())
            text, kind = who5_feedback(who5)
            show_message(text, kind)
    if all(v is None for v in gate_given):
        store.close()
        return
    outcome, _gate = controller.on_save(
        want_restart=want_restart,
        conviction=conviction,
        keep_growing=keep_growing,
        felt_safe=felt_safe,
        better_version=better_version,
        accomplished=accomplished,
        discovered=discovered,
        decision=decision,
    )
    show_message(outcome.message, "success" if outcome.ok else "error")
    if outcome.ok:
        display(HTML(recorded_html(store)))
    nav.lead_on_to(STAGE, leads_on_to(store))
    store.close()


def _before_the_last_day(controller: ReflectionController, who5, **texts) -> None:
    """Answers given before the last day (papermill): the words kept as a draft, nothing decided,
    no WHO-5 saved, and the page says why."""
    if who5 is not None:
        show_message(controller.on_save_who5(list(who5)).message, "info")
    if any(optional(v) is not None for v in texts.values()):
        outcome = controller.on_save_draft(**texts)
        show_message(outcome.message, "success" if outcome.ok else "error")
    show_message(controller.not_decided(), "info")
