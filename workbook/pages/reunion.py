"""05 · The reunion: open only past the gate; talking points, a calm script, the outcome.

Closed before the programme's last day whatever is recorded (a decision cannot be made before it,
but an old workbook or an import may hold one): the page says when it opens.
"""

from __future__ import annotations

from datetime import date

from IPython.display import HTML, display

from ..core import rules
from ..core.messages import days_words, say
from ..core.records import REUNION_OUTCOMES, ReunionOutcome
from ..core.validation import InputError, about, optional, parse_choice, parse_text
from ..numbers import build
from ..store import Store
from ..views.templating import day_text, say_isolated
from .common import message_html, never_a_traceback, on_click, show_message, widgets
from .context import open_store, resolve_today
from .forms import Field, Outcome, help_html, pronoun_forms, toggles
from .safety import safety_answer

OUTCOMES = REUNION_OUTCOMES
AFTER = {"yes": "after_yes", "no": "after_no", "not yet": "after_not_yet"}


class ReunionController:
    """Whether the page is open, what to say, and recording the answer."""

    def __init__(self, store: Store, today: date):
        self.store, self.today = store, today
        self.numbers = build(store.snapshot(), today)
        self.plan = self.numbers.plan
        self.reflection = self.numbers.reflection
        answer = safety_answer(store)
        self.safety = answer.answer if answer else None
        self.calendar = (
            rules.programme_calendar(self.plan.start_date, self.plan.days, today)
            if self.plan
            else None
        )

    @property
    def last_day_reached(self) -> bool:
        return self.calendar is not None and self.calendar.last_day_reached

    @property
    def is_open(self) -> bool:
        gate_open = bool(self.reflection and self.reflection.gate_open)
        return rules.reunion_open(self.last_day_reached, gate_open, self.safety)

    def _days(self) -> int:
        return self.plan.days if self.plan else 30

    def not_yet(self) -> str:
        """Before the last day: when the page opens, and what to do until then."""
        c = self.calendar
        return say(
            "reunion_not_yet",
            days=c.days,
            date=day_text(c.last_day),
            remaining=days_words(c.days_remaining),
        )

    def closed_html(self) -> str:
        """Why the page stays closed, kindly, and where to go instead."""
        if self.plan is None:
            return message_html(say("no_plan"), "warning")
        if rules.safety_concern(self.safety):  # never coached, whatever the gate says
            body = message_html(say("reunion_closed_safety"), "help", after=say("reunion_go_on"))
            return body + help_html(abuse=True)
        if not self.last_day_reached:
            return message_html(self.not_yet(), "info")
        if self.reflection is None:
            return message_html(say("reunion_no_reflection", days=self._days()), "info")
        conviction = self.reflection.answers.conviction
        body = message_html(
            say("reunion_closed_intro", days=self._days()),
            "warning",
            items=[say(r, conviction=conviction) for r in self.reflection.gate_reasons],
            after=say("reunion_go_on"),
        )
        return body + (help_html() if self.reflection.show_help else "")

    def talking_sections(self) -> dict[str, list[str]]:
        """The user's own wins, goals and day-30 accomplishments, grouped, in their words."""
        goals = [
            say("talking_goal", goal=g.name, days=days_words(g.days_done))
            for g in self.numbers.goals
            if g.days_done
        ]
        accomplished = self.reflection.texts.get("accomplished") if self.reflection else None
        return {
            say("talking_wins"): [c.win for c in self.numbers.wins],
            say("talking_goals"): goals,
            say("talking_reflection"): [accomplished] if accomplished else [],
        }

    def talking_points(self) -> list[str]:
        return [p for points in self.talking_sections().values() for p in points]

    def script(self) -> str:
        """A calm first draft in the partner's name, built from the user's own goals and wins."""
        done = [g.name.casefold() for g in self.numbers.goals if g.days_done]
        goals_words = _join(done) if done else say("script_no_goals")
        wins = [c.win for c in self.numbers.wins]
        win_words = (
            f"One thing I’m proud of: {wins[-2] if len(wins) > 1 else wins[-1]}." if wins else ""
        )
        accomplished = ""
        if self.reflection and self.reflection.texts.get("accomplished"):
            accomplished = self.reflection.texts["accomplished"].strip() + "\n\n"
        return say(
            "reunion_script",
            greeting=_greeting(self.plan),
            days=days_words(self._days()),
            wins=say("script_wins", goals_words=goals_words, win_words=win_words).strip(),
            accomplished=accomplished,
        )

    def checklist(self) -> list[str]:
        return say("checklist", **pronoun_forms(self.plan)).split("|")

    def on_save(self, *, outcome, script=None) -> Outcome:
        if not self.is_open:
            if self.plan is None:
                return Outcome(False, say("no_plan"))
            if rules.safety_concern(self.safety):
                return Outcome(False, say("reunion_closed_safety"))
            if not self.last_day_reached:
                return Outcome(False, self.not_yet())
            return Outcome(
                False,
                say("reunion_no_reflection", days=self._days())
                if self.reflection is None
                else say("reunion_closed_intro", days=self._days()),
            )
        try:
            with about("outcome"):
                chosen = parse_choice(outcome, "Their answer", OUTCOMES)
            with about("script"):
                text = parse_text(script, "Your script") or self.script()
        except InputError as error:
            return Outcome(False, str(error), error.field)
        record = ReunionOutcome(chosen, text, tuple(self.talking_points()))
        self.store.save_record(ReunionOutcome.KIND, self.today, record.to_stored())
        return Outcome(True, say("reunion_saved", outcome=chosen, after=say(AFTER[chosen])))


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def page_html(controller: ReunionController) -> str:
    forms = pronoun_forms(controller.plan)
    points = [(title, items) for title, items in controller.talking_sections().items() if items]
    checks = [f"☐ {c}" for c in controller.checklist()]
    return message_html(
        say("talking_points_yours"),
        lead=say_isolated("talking_points_intro", partner=forms["partner"]),
        items=points,
        plain_list=True,
    ) + message_html(
        kind="success", lead=say("calm_checklist_title"), items=checks, plain_list=True
    )


class ReunionView:
    def __init__(self, controller: ReunionController):
        self.controller = controller
        self.fields = {
            "script": Field(
                "Your words — edit them until they sound like you",
                widgets.Textarea(
                    value=controller.script(),
                    layout=widgets.Layout(width="min(44em, 95%)", height="16em"),
                ),
            ),
            "outcome": Field(
                f"Afterwards: what did {pronoun_forms(controller.plan)['partner']} say?",
                toggles(options=[o.capitalize() for o in OUTCOMES], value=None),
            ),
        }
        self.save = widgets.Button(description="Save the answer", button_style="primary")
        self.result = widgets.HTML()
        on_click(self.save, self.on_save, report_to=self.result)
        self.box = widgets.VBox(
            [widgets.HTML(page_html(controller))]
            + [f.box for f in self.fields.values()]
            + [self.save, self.result]
        )

    def on_save(self) -> Outcome:
        for f in self.fields.values():
            f.clear()
        answer = self.fields["outcome"].widget.value
        if answer is None:
            outcome = Outcome(False, say("answer_needed", field="what did they say?"), "outcome")
        else:
            outcome = self.controller.on_save(
                outcome=answer.casefold(), script=self.fields["script"].widget.value
            )
        if not outcome.ok and outcome.field in self.fields:
            self.fields[outcome.field].show_error(outcome.message)
        self.result.value = message_html(outcome.message, "success" if outcome.ok else "error")
        return outcome


@never_a_traceback
def show(data_dir=None, today=None, outcome=None, script=None):
    """The reunion page; with `outcome` given, records it with no click."""
    store = open_store(data_dir)
    controller = ReunionController(store, resolve_today(today))
    if not controller.is_open:
        display(HTML(controller.closed_html()))
        store.close()
        return
    if optional(outcome) is None:
        display(ReunionView(controller).box)
        return
    display(HTML(page_html(controller)))
    result = controller.on_save(outcome=outcome, script=script)
    show_message(result.message, "success" if result.ok else "error")
    store.close()


def _greeting(plan) -> str:
    """ "Hi Sam." by the name the person gave for them (its first word, as one greets someone),
    or a plain "Hi." when they gave none."""
    name = plan.partner.strip() if plan else ""
    if not name or name.casefold() == "your ex":
        return say("script_greeting")
    return say("script_greeting_named", name=name.split()[0])
