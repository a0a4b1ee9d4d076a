"""06 · Keep going: whatever the answer, tracking goes on; new goals; the long view."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from IPython.display import HTML, display

from ..core import goal_states, rules
from ..core.messages import counted, days_words, say, times_words
from ..core.records import ReunionOutcome
from ..core.validation import InputError, optional, parse_goal_spec, validate_plan
from ..numbers import build
from ..store import Store
from .common import message_html, never_a_traceback, on_click, show_message, widgets
from .context import open_store, resolve_today
from .forms import Field, Outcome

WORDS = {"no": "keep_no", "yes": "keep_yes", "not yet": "keep_not_yet"}


class KeepGoingController:
    """The words after the reunion, the long view, and new goals (a new plan revision)."""

    def __init__(self, store: Store, today: date):
        self.store, self.today = store, today

    def encouragement(self) -> tuple[str, str]:
        plan = self.store.plan()
        reunion = ReunionOutcome.from_record(self.store.record(ReunionOutcome.KIND))
        key = WORDS.get(reunion.outcome, "keep_default") if reunion else "keep_default"
        days = days_words(_days_counted(plan, self.today)) if plan else ""
        return say(key, days=days), "success" if key != "keep_no" else "help"

    def long_view_html(self) -> str:
        plan = self.store.plan()
        if plan is None:
            return message_html(say("no_plan"), "warning")
        checkins = [c for c in self.store.checkins() if c.date <= self.today]
        end = plan.start_date + timedelta(days=plan.days - 1)
        first = [c.mood for c in checkins if c.date <= end]
        later = [c.mood for c in checkins if c.date > end]
        numbers = build(self.store.snapshot(), self.today)
        text, kind = _day_line(plan, self.today)
        body = say(
            "long_view",
            checkins=counted(len(checkins), "checkins"),
            start=plan.start_date,
            first_mood=_mean(first),
            first_days=_first_days(plan, self.today),
            later=say("long_view_later", later_mood=_mean(later)) if later else "",
            wins=len(numbers.wins),
            best=days_words(numbers.no_contact_streak.best),
        )
        goals = [
            say(
                f"goal_line_{g.state}",
                goal=g.name,
                times=times_words(g.target_per_week),
                days=days_words(g.days_done),
                strength=f"{g.strength:.0f}",
            )
            for g in numbers.goals
        ]
        return message_html(text, kind) + message_html(
            body, lead=say("long_view_title"), items=goals, items_title=say("goals_now")
        )

    def on_add_goals(self, specs) -> Outcome:
        """Add goals counting from today: a new plan revision, the old one kept."""
        plan = self.store.plan()
        if plan is None:
            return Outcome(False, say("no_plan"))
        try:
            new = [parse_goal_spec(spec, since=self.today) for spec in specs if optional(spec)]
            if not new:
                return Outcome(False, say("nothing_to_save"), "goal")
            validate_plan(start=plan.start_date, days=plan.days, goals=[*plan.goals, *new])
        except InputError as error:
            return Outcome(False, str(error), "goal")
        self.store.save_plan(replace(plan, goals=(*plan.goals, *new), revision=None))
        # each name a value of its own sentence, so each sits in its own <bdi> on the page
        added = [
            say("goals_added_one", goal=g.name, times=times_words(g.target_per_week)) for g in new
        ]
        names = added[0]
        for one in added[1:]:
            names = names + ", " + one
        return Outcome(True, say("goals_added", goals=names, date=self.today))

    def goal_names(self) -> list[str]:
        plan = self.store.plan()
        return [g.name for g in plan.goals] if plan else []

    def on_change_goal(self, name, verb: str, target=None) -> Outcome:
        """Change a goal from today (core.goal_states): a new target, pause, retire, bring back.
        A new dated row; nothing earlier changes. Bad input: a kind sentence, nothing saved."""
        plan = self.store.plan()
        if plan is None:
            return Outcome(False, say("no_plan"))
        if verb == "add":
            return self.on_add_goals([f"{name}:{target}" if name else ""])
        if not optional(name):
            return Outcome(False, say("goal_pick_one"), "goal")
        goal = plan.goal_named(str(name))
        if goal is None:
            known = ", ".join(g.name for g in plan.goals)
            key = "unknown_goal" if known else "no_goals_yet"
            return Outcome(False, say(key, value=str(name).strip()[:80], known=known), "goal")
        try:
            change = goal_states.change(goal, verb, self.today, target)
        except InputError as error:
            return Outcome(False, str(error), "goal")
        self.store.save_goal_state(goal.name, change)
        times = times_words(change.target_per_week)
        return Outcome(
            True, say(f"goal_changed_{verb}", goal=goal.name, date=self.today, times=times)
        )


def _mean(values: list[int]) -> str:
    # Rounded as the report and the day-30 page round it, so the same mean reads the same.
    return f"{round(sum(values) / len(values), 2):g}" if values else "—"


def _days_counted(plan, today: date) -> int:
    """Day N so far, or the plan's length once its last day is reached."""
    return rules.programme_calendar(plan.start_date, plan.days, today).days_counted


def _first_days(plan, today: date) -> str:
    """ "in the first 30 days" once they are over; "in your first 21 days so far" until then."""
    calendar = rules.programme_calendar(plan.start_date, plan.days, today)
    key = "long_view_first" if calendar.last_day_reached else "long_view_so_far"
    return say(key, days=days_words(calendar.days_counted))


def _day_line(plan, today: date) -> tuple[str, str]:
    n = rules.day_number(plan.start_date, today)
    if n > plan.days:
        return f"{say('day_past_the_end', day=n)}. " + say(
            "programme_complete", days=days_words(plan.days)
        ), "success"
    return say("day_of", day=max(n, 0), days=plan.days), "info"


class KeepGoingView:
    """The long view (refreshed after every change), a new goal, and a goal's changes."""

    def __init__(self, controller: KeepGoingController):
        self.controller = controller
        self.summary = widgets.HTML(self._summary())
        self.name = widgets.Text(
            placeholder=say("goal_new_example"), layout=widgets.Layout(width="16em")
        )
        self.times = widgets.IntSlider(
            value=2, min=1, max=7, description=say("goal_change_target_label"), style=_WIDE
        )
        self.field = Field(
            say("goal_new_label"),
            widgets.HBox([self.name, self.times], layout=widgets.Layout(flex_flow="wrap")),
        )
        self.add = widgets.Button(description=say("goal_button_add"), button_style="primary")
        self.result = widgets.HTML()
        on_click(self.add, self.on_add, report_to=self.result)
        self.which = widgets.Dropdown(
            options=controller.goal_names(), value=None, description=say("goal_change_which")
        )
        self.new_target = widgets.IntSlider(
            value=3, min=1, max=7, description=say("goal_change_target_label"), style=_WIDE
        )
        self.change_field = Field(
            say("goal_change_field"), widgets.VBox([self.which, self.new_target])
        )
        self.buttons = {}
        for verb in ("target", "pause", "retire", "resume"):
            button = widgets.Button(description=say(f"goal_button_{verb}"))
            on_click(button, lambda verb=verb: self.on_change(verb), report_to=self.result)
            self.buttons[verb] = button
        self.box = widgets.VBox(
            [
                self.summary,
                widgets.HTML(message_html(say("add_goal_intro"), lead=say("add_goal_title"))),
                self.field.box,
                self.add,
                widgets.HTML(message_html(say("goal_change_intro"), lead=say("goal_change_title"))),
                self.change_field.box,
                widgets.HBox(list(self.buttons.values()), layout=widgets.Layout(flex_flow="wrap")),
                self.result,
            ]
        )

    def _summary(self) -> str:
        text, kind = self.controller.encouragement()
        return message_html(text, kind) + self.controller.long_view_html()

    def _after(self, outcome: Outcome, field: Field) -> Outcome:
        if outcome.ok:
            self.summary.value = self._summary()  # the list shows what just changed
            chosen = self.which.value
            self.which.options = self.controller.goal_names()
            self.which.value = chosen if chosen in self.which.options else None
        else:
            field.show_error(outcome.message)
        self.result.value = message_html(outcome.message, "success" if outcome.ok else "error")
        return outcome

    def on_add(self) -> Outcome:
        self.field.clear()
        spec = f"{self.name.value.strip()}:{self.times.value}" if self.name.value.strip() else ""
        outcome = self.controller.on_add_goals([spec])
        if outcome.ok:
            self.name.value = ""
        return self._after(outcome, self.field)

    def on_change(self, verb: str) -> Outcome:
        self.change_field.clear()
        outcome = self.controller.on_change_goal(self.which.value, verb, self.new_target.value)
        return self._after(outcome, self.change_field)


_WIDE = {"description_width": "8em"}


@never_a_traceback
def show(data_dir=None, today=None, new_goals=None):
    """The page; with `new_goals` ("NAME:TIMES" strings) given, adds them with no click."""
    store = open_store(data_dir)
    controller = KeepGoingController(store, resolve_today(today))
    if not new_goals:
        display(KeepGoingView(controller).box)
        return
    text, kind = controller.encouragement()
    display(HTML(message_html(text, kind) + controller.long_view_html()))
    specs = [new_goals] if isinstance(new_goals, str) else list(new_goals)
    outcome = controller.on_add_goals(specs)
    show_message(outcome.message, "success" if outcome.ok else "error")
    store.close()
