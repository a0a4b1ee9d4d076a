"""The `workbook` command: the daily page and the set-up for people who live in a terminal.

Bad input exits with status 2 and one kind line on stderr, and writes nothing.
"""

from __future__ import annotations

import argparse
import sys

from ..core.errors import InputError
from .common import EXIT_BAD_INPUT
from .daily import cmd_checkin, cmd_demo, cmd_plan, cmd_remind, cmd_report, cmd_who5
from .files import cmd_backup, cmd_export, cmd_import, cmd_restore
from .goals import add_parser as add_goal_parser
from .hub import cmd_hub_singleuser
from .servers import cmd_app, cmd_lab
from .urge import add_parser as add_urge_parser


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not a usage dump
        self.exit(
            EXIT_BAD_INPUT, f"workbook: {message} (see `workbook {self.prog.split()[-1]} --help`)\n"
        )


# --- the parser ------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", help="where your workbook lives (default: $WORKBOOK_DATA_DIR, else data/)"
    )
    dated = argparse.ArgumentParser(add_help=False)
    dated.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="pretend today is this day (default: $WORKBOOK_TODAY, else the real date)",
    )

    parser = _Parser(prog="workbook", description="The 30-day break workbook.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("plan", parents=[common], help="set up or change your plan")
    p.add_argument("--start", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--days", default="30")
    p.add_argument("--name")
    p.add_argument("--partner")
    p.add_argument("--pronoun")
    p.add_argument("--why")
    p.add_argument("--goal", action="append", metavar="NAME:TIMES_PER_WEEK")
    p.set_defaults(func=cmd_plan)

    p = sub.add_parser("checkin", parents=[common, dated], help="the daily check-in")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="fill in or correct another day")
    p.add_argument("--mood", required=True, metavar="1-10")
    p.add_argument("--energy", metavar="1-10")
    p.add_argument("--sleep", metavar="HOURS")
    p.add_argument("--emotion", action="append", metavar="WORD")
    p.add_argument("--slip", metavar="TEXT", help="contact happened today: what happened")
    p.add_argument(
        "--slip-by",
        metavar="me|them|both|practical|profile",
        help="who reached out, or practical contact, or a look at their profile",
    )
    p.add_argument("--urge", metavar="0-10")
    p.add_argument("--trigger", metavar="TEXT")
    p.add_argument("--goal", action="append", metavar="NAME[=MINUTES]")
    p.add_argument("--win", metavar="TEXT")
    p.add_argument("--note", metavar="TEXT")
    p.add_argument("--gratitude", metavar="TEXT")
    p.set_defaults(func=cmd_checkin)

    p = sub.add_parser("who5", parents=[common, dated], help="the WHO-5 wellbeing check")
    p.add_argument("--date", metavar="YYYY-MM-DD")
    p.add_argument("answers", nargs="*", metavar="A B C D E")
    p.set_defaults(func=cmd_who5)

    add_urge_parser(sub, [common, dated])
    add_goal_parser(sub, [common, dated])

    p = sub.add_parser("demo", parents=[common, dated], help="fill an empty folder with an example")
    p.add_argument("--days", default="30")
    p.add_argument("--seed", default="7")
    p.add_argument("--goals", default="4", help="how many goals, 1 to 8")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("report", parents=[common, dated], help="your reflection report")
    p.add_argument("--format", choices=["html", "pdf", "json"], default="html")
    p.add_argument("--output", metavar="PATH")
    p.add_argument("--paper", choices=["A4", "Letter"], default="A4", help="paper size of a PDF")
    p.add_argument(
        "--include-words", action="store_true", help="put your unsent words in the report too"
    )
    p.add_argument(
        "--force", action="store_true", help="replace an existing file (or link) at --output"
    )
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("backup", parents=[common], help="a copy of your workbook, maybe encrypted")
    p.add_argument("--encrypt", action="store_true", help="protect the copy with a passphrase")
    p.add_argument("--passphrase-file", metavar="PATH", help="read the passphrase from a file")
    p.add_argument("--output", metavar="PATH", help="where to write it (default: backups/)")
    p.add_argument(
        "--force", action="store_true", help="replace an existing file (or link) at --output"
    )
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", parents=[common], help="go back to a backup")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--passphrase-file", metavar="PATH", help="for an encrypted backup")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("export", parents=[common, dated], help="everything, as CSV or JSON")
    p.add_argument("--format", choices=["csv", "json"], default="json")
    p.add_argument("--output", metavar="PATH")
    p.add_argument(
        "--force", action="store_true", help="replace an existing file (or link) at --output"
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", parents=[common], help="fill an empty workbook from an export")
    p.add_argument("path", metavar="PATH")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("remind", parents=[common], help="reminders for your own calendar (.ics)")
    p.add_argument("--time", default="20:00", metavar="HH:MM", help="when (default 20:00)")
    p.add_argument("--output", metavar="PATH", help="where to write it (default: the data folder)")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(func=cmd_remind)

    for name, func, port, what in (
        ("lab", cmd_lab, 8888, "open the workbook in JupyterLab"),
        ("app", cmd_app, 8866, "open the workbook as a code-free app"),
    ):
        p = sub.add_parser(name, parents=[common], help=what)
        p.add_argument("--port", type=int, default=port)
        p.add_argument("--no-browser", action="store_true")
        p.set_defaults(func=func)
    p = sub.add_parser("hub-singleuser", parents=[common], help="one person's server on JupyterHub")
    p.set_defaults(func=cmd_hub_singleuser)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except InputError as error:
        print(f"workbook: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
