"""`workbook urge`: the moment of the urge in a terminal, with the same steps as its page.

Each answer given as an option is checked before anything else; the rest are asked, one step at
a time (a wrong answer is asked again). The moment is saved once, at the end, by the page's own
controller: bad input exits with status 2 and writes nothing.
"""

from __future__ import annotations

import sys
import time

from ..core.errors import InputError
from ..core.messages import say, say_parts
from ..core.urge import OUTCOMES, TIMER_MINUTES, parse_at, parse_minutes, parse_urge
from ..core.validation import optional, parse_choice
from .common import store_for, today_of


def add_parser(sub, parents) -> None:
    p = sub.add_parser("urge", parents=parents, help="when you want to reach out: ride it out")
    p.add_argument("--at", metavar="YYYY-MM-DDTHH:MM", help="when (default: now, local time)")
    p.add_argument("--before", metavar="0-10", help="how strong the urge is now")
    p.add_argument("--trigger", metavar="TEXT", help="what set it off")
    p.add_argument("--feeling", metavar="TEXT")
    p.add_argument("--words", metavar="TEXT", help="what you want to say (kept, never sent)")
    p.add_argument("--plan", metavar="TEXT", help="your if-then plan for this trigger")
    p.add_argument("--goal", metavar="NAME", help="one goal you could do now")
    p.add_argument("--minutes", metavar="0-60", help=f"the timer (default {TIMER_MINUTES})")
    p.add_argument("--after", metavar="0-10", help="the urge after the timer")
    p.add_argument("--outcome", metavar="1-4|CODE", help=", ".join(OUTCOMES))
    p.set_defaults(func=cmd_urge)


def _outcome(value) -> str | None:
    if optional(value) is None:
        return None
    text = str(value).strip()
    if text in ("1", "2", "3", "4"):
        return OUTCOMES[int(text) - 1]
    return parse_choice(text, say("urge_field_outcome"), OUTCOMES)


def _checked(args) -> dict:
    """The options given, each checked now: nothing is asked or written after a bad one."""
    return {
        "at": parse_at(args.at) if args.at else None,
        "before": None if args.before is None else parse_urge(args.before, "--before"),
        "after": None if args.after is None else parse_urge(args.after, "--after"),
        "outcome": _outcome(args.outcome),
        "minutes": TIMER_MINUTES if args.minutes is None else parse_minutes(args.minutes),
        "trigger": args.trigger,
        "feeling": args.feeling,
        "words": args.words,
        "plan": args.plan,
        "goal": args.goal,
    }


def _ask(question: str, parse=lambda text: text):
    """Ask until the answer parses; end of input stops with nothing written."""
    while True:
        try:
            text = input(f"{question}\n> ")
        except EOFError:
            raise InputError(say("urge_cli_stopped")) from None
        try:
            return parse(text)
        except InputError as error:
            print(say("urge_cli_again", problem=error))


def _pick(question: str, options: list[str], text: str | None):
    """A numbered choice among `options`, or the person's own words."""
    if text is not None:
        return text
    lines = [question] + [f"  {i}. {option}" for i, option in enumerate(options, 1)]
    if options:
        lines.append(say("urge_cli_pick"))
    answer = _ask("\n".join(lines)).strip()
    if answer.isdigit() and 1 <= int(answer) <= len(options):
        return options[int(answer) - 1]
    return answer


def _ride_it_out(minutes: int) -> None:
    """The timer, as a progress bar; Ctrl-C ends it early and goes on."""
    if minutes <= 0:
        return
    from tqdm import tqdm

    print(say("urge_cli_timer_intro", minutes=minutes))
    print(say("urge_cli_breathe"))
    try:
        with tqdm(total=minutes * 60, desc=say("urge_cli_timer"), unit="s", ncols=72) as bar:
            for _ in range(minutes * 60):
                time.sleep(1)
                bar.update(1)
        print(say("urge_timer_done"))
    except KeyboardInterrupt:
        print()


def cmd_urge(args) -> int:
    from ..pages.urge_controller import UrgeController

    given = _checked(args)
    interactive = sys.stdin.isatty()
    if not interactive and (given["before"] is None or given["outcome"] is None):
        raise InputError(say("urge_cli_no_tty"))
    today = today_of(args)
    with store_for(args, must_exist=True) as store:
        controller = UrgeController(store, today, given["at"])
        if interactive and (given["before"] is None or given["outcome"] is None):
            _steps(controller, given)
        outcome = controller.on_save({k: v for k, v in given.items() if k != "minutes"})
    if not outcome.ok:
        raise InputError(outcome.message)
    print(outcome.message)
    return 0


def _steps(controller, given: dict) -> None:
    """Ask what the options left out, in the page's order."""
    print(say("urge_intro"))
    if given["before"] is None:
        given["before"] = _ask(
            say("urge_label_before"), lambda t: parse_urge(t, say("urge_field_before"))
        )
    given["trigger"] = _pick(say("urge_label_trigger"), controller.triggers[:6], given["trigger"])
    plan = controller.plan_for(given["trigger"])
    if given["feeling"] is None:
        given["feeling"] = _ask(say("urge_label_feeling"))
    if given["words"] is None:
        given["words"] = _ask(say("urge_label_words", **controller.forms()))
    if given["plan"] is None:
        if plan:
            print(say("urge_plan_yours", trigger=given["trigger"], plan=plan))
            given["plan"] = plan
        else:
            given["plan"] = _ask(say("urge_plan_none"))
    print(controller.why())
    print(controller.days())
    given["goal"] = _pick(say("urge_label_goal"), controller.goal_names(), given["goal"])
    _ride_it_out(given["minutes"])
    if given["after"] is None:
        given["after"] = _ask(
            say("urge_label_after"), lambda t: parse_urge(t, say("urge_field_after"))
        )
    if given["outcome"] is None:
        options = say_parts("urge_outcomes")
        question = "\n".join(
            [say("urge_label_outcome")]
            + [f"  {i}. {o}" for i, o in enumerate(options, 1)]
            + [say("urge_cli_outcome_pick")]
        )
        given["outcome"] = _ask(question, _outcome_or_again)


def _outcome_or_again(text: str) -> str:
    found = _outcome(text)
    if found is None:
        raise InputError(say("answer_needed", field=say("urge_field_outcome")))
    return found
