"""`workbook goal`: the keep-going page's goal changes on the command line, through its own
controller (the same checks, the same save, the same sentence)."""

from __future__ import annotations

from ..core.errors import InputError
from ..core.messages import say
from .common import store_for, today_of

VERBS = ("add", "target", "pause", "retire", "resume")


def cmd_goal(args) -> int:
    from ..pages.keep_going import KeepGoingController

    today = today_of(args)
    with store_for(args, must_exist=True) as store:
        outcome = KeepGoingController(store, today).on_change_goal(args.name, args.verb, args.times)
    if not outcome.ok:
        raise InputError(outcome.message)
    print(outcome.message)
    return 0


def add_parser(sub, parents) -> None:
    p = sub.add_parser(
        "goal", parents=parents, help="add a goal, change its target, pause, retire or resume it"
    )
    p.add_argument("verb", choices=VERBS, help=say("goal_cli_verbs"))
    p.add_argument("name", metavar="NAME")
    p.add_argument("times", nargs="?", metavar="TIMES_PER_WEEK", help="for add and target, 1-7")
    p.set_defaults(func=cmd_goal)
