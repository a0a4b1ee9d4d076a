"""The `workbook` command: the daily page and the set-up for people who live in a terminal.

Bad input exits with status 2 and one kind line on stderr, and writes nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from . import validation
from .messages import say
from .paths import CHECKOUT, resolve_data_dir
from .validation import InputError

EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not a usage dump
        self.exit(
            EXIT_BAD_INPUT, f"workbook: {message} (see `workbook {self.prog.split()[-1]} --help`)\n"
        )


def _today(args) -> date:
    value = getattr(args, "today", None)
    if value is None:
        return date.today()
    return validation.parse_date(value, "--today", allow_future=True)


def _store(args, must_exist: bool = False):
    from .paths import DB_NAME
    from .store import Store

    if must_exist and not (resolve_data_dir(args.data_dir) / DB_NAME).exists():
        # Nothing to add to yet: say so without creating an empty workbook.
        raise InputError(say("no_plan"))
    return Store(args.data_dir)


# --- subcommands -----------------------------------------------------------------------------


def cmd_plan(args) -> int:
    plan = validation.validate_plan(
        start=args.start,
        days=args.days,
        name=args.name,
        partner=args.partner,
        pronoun=args.pronoun,
        why=args.why,
        goals=args.goal or (),
    )
    with _store(args) as store:
        store.save_plan(plan)
    print(say("plan_saved", days=plan.days, start=plan.start_date, goal_count=len(plan.goals)))
    return 0


def cmd_checkin(args) -> int:
    from . import rules

    today = _today(args)
    with _store(args, must_exist=True) as store:
        plan = store.plan()
        checkin = validation.validate_checkin(
            {
                "date": args.date,
                "mood": args.mood,
                "energy": args.energy,
                "sleep_hours": args.sleep,
                "emotions": args.emotion,
                "slip": args.slip,
                "slip_by": args.slip_by,
                "urge": args.urge,
                "trigger": args.trigger,
                "goals": args.goal,
                "win": args.win,
                "note": args.note,
                "gratitude": args.gratitude,
            },
            plan,
            today,
        )
        _, corrected = store.save_checkin(checkin)
    day = rules.day_number(plan.start_date, checkin.date)
    key = "checkin_corrected" if corrected else "checkin_saved"
    print(say(key, date=checkin.date, day=day, days=plan.days))
    return 0


def cmd_who5(args) -> int:
    today = _today(args)
    who5 = validation.validate_who5(args.answers, args.date, today)
    with _store(args) as store:
        store.save_who5(who5)
    print(say("who5_saved", date=who5.date, raw=who5.raw, percent=who5.percent))
    from . import rules

    flags = rules.who5_flags(who5.answers)
    if flags.suggest_strongly:
        print(say("who5_strongly"))
    elif flags.suggest_professional:
        print(say("who5_professional"))
    return 0


def cmd_demo(args) -> int:
    from .demo import fill_demo

    today = _today(args)
    days = validation.parse_int(args.days, "--days", 1, 3660)
    seed = validation.parse_int(args.seed, "--seed", 0, 2**31 - 1)
    goals = validation.parse_int(args.goals, "--goals", 1, 8)
    with _store(args) as store:
        if not store.is_empty():
            raise InputError(say("demo_not_empty", path=store.data_dir))
        fill_demo(store, today=today, days=days, seed=seed, goals=goals)
        path = store.data_dir
    print(say("demo_done", path=path, days=days, seed=seed, today=today))
    return 0


def cmd_report(args) -> int:
    today = _today(args)
    with _store(args) as store:
        snapshot = store.snapshot()
    if args.format == "json":
        from .numbers import build

        text = json.dumps(build(snapshot, today).summary(), indent=2, ensure_ascii=False) + "\n"
        if args.output:
            from . import output_files

            name = f"reflection-{today.isoformat()}.json"
            path = output_files.target_path(args.output, name, args.force)
            output_files.write_atomically(path, text.encode("utf-8"), args.force)
        else:
            sys.stdout.write(text)
        return 0
    from .report import write_report

    output = Path(args.output) if args.output else None
    path = write_report(
        snapshot,
        today,
        args.format,
        output,
        data_dir=resolve_data_dir(args.data_dir),
        paper=args.paper,
        force=args.force,
    )
    print(f"Your report is ready: {path}")
    return 0


def _jupyter_env(args) -> dict:
    env = dict(os.environ)
    env["WORKBOOK_DATA_DIR"] = str(resolve_data_dir(args.data_dir).resolve())
    # The project's own Jupyter settings (no news pop-ups, no update checks), not the user's home.
    env["JUPYTER_CONFIG_DIR"] = str(CHECKOUT / "jupyter_config")
    return env


def cmd_lab(args) -> int:
    from .paths import ensure_private_dir

    ensure_private_dir(resolve_data_dir(args.data_dir))
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--ip=127.0.0.1",
        f"--port={args.port}",
        f"--ServerApp.root_dir={CHECKOUT / 'notebooks'}",
        "--LabApp.default_url=/lab/tree/00_start_here.ipynb",
    ]
    if args.no_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers and CI machines often run as root
    print("Opening your workbook in JupyterLab; the address to open appears below.", flush=True)
    os.execvpe(command[0], command, _jupyter_env(args))


def cmd_app(args) -> int:
    from .paths import ensure_private_dir

    ensure_private_dir(resolve_data_dir(args.data_dir))
    command = [
        sys.executable,
        "-m",
        "voila",
        str(CHECKOUT / "notebooks"),
        "--Voila.ip=127.0.0.1",
        f"--port={args.port}",
    ]
    if args.no_browser:
        command.append("--no-browser")
    print("Opening your workbook as an app; the address to open appears below.", flush=True)
    os.execvpe(command[0], command, _jupyter_env(args))


# --- backups, restore, export and import ------------------------------------------------------


def _passphrase(args, confirm: bool = False) -> str | None:
    """From --passphrase-file, else $WORKBOOK_PASSPHRASE, else asked for in a terminal."""
    if getattr(args, "passphrase_file", None):
        path = Path(args.passphrase_file)
        if not path.is_file():
            raise InputError(say("file_missing", path=path))
        try:
            return path.read_text(encoding="utf-8").rstrip("\r\n")
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(say("file_unreadable", path=path, reason=error)) from None
    if os.environ.get("WORKBOOK_PASSPHRASE"):
        return os.environ["WORKBOOK_PASSPHRASE"]
    if not sys.stdin.isatty():
        raise InputError(say("passphrase_needed"))
    import getpass

    secret = getpass.getpass(say("passphrase_prompt"))
    if confirm and getpass.getpass(say("passphrase_again")) != secret:
        raise InputError(say("passphrase_mismatch"))
    return secret


def _existing_store(args):
    from .paths import DB_NAME
    from .store import Store

    folder = resolve_data_dir(args.data_dir)
    if not (folder / DB_NAME).exists():
        return None
    return Store(folder)


def cmd_backup(args) -> int:
    from . import backup

    output = Path(args.output) if args.output else None
    passphrase = _passphrase(args, confirm=True) if args.encrypt else None
    if passphrase is not None:
        backup.check_new_passphrase(passphrase)
    store = _existing_store(args)
    if store is None:
        raise InputError(say("backup_nothing", path=resolve_data_dir(args.data_dir)))
    with store:
        path = backup.make_backup(store, passphrase=passphrase, output=output, force=args.force)
    print(say("backup_encrypted_done" if args.encrypt else "backup_done", path=path))
    return 0


def cmd_restore(args) -> int:
    from . import backup

    db, safety = backup.restore(
        resolve_data_dir(args.data_dir), Path(args.path), passphrase=lambda: _passphrase(args)
    )
    print(say("restore_done", path=args.path))
    if safety is not None:
        print(say("restore_safety", path=safety))
    return 0


def cmd_export(args) -> int:
    from . import output_files, transfer
    from .paths import ensure_private_dir

    today = _today(args)  # checked before anything is written
    store = _existing_store(args)
    if store is None:
        raise InputError(say("export_empty", path=resolve_data_dir(args.data_dir)))
    with store:
        content = transfer.export(store, args.format)
        rows = sum(len(t["rows"]) for t in store.dump().values())
        folder = store.data_dir
    suffix = "zip" if args.format == "csv" else "json"
    if args.output:
        output = output_files.target_path(args.output, f"workbook-export.{suffix}", args.force)
    else:
        exports = ensure_private_dir(folder / "exports")
        output = output_files.free_path(exports, f"workbook-{today}.{suffix}")
    output_files.write_atomically(output, content, args.force)
    print(say("export_done", path=output, rows=rows))
    return 0


def cmd_import(args) -> int:
    from . import transfer
    from .dbfile import latest_schema_version
    from .store import Store

    path = Path(args.path)
    tables = transfer.read_export(path, latest_schema_version())  # checked before any folder exists
    with Store(args.data_dir) as store:
        if not store.is_empty():
            raise InputError(say("import_not_empty", path=store.data_dir))
        rows = store.load(tables)
        folder = store.data_dir
    print(say("import_done", rows=rows, path=folder))
    return 0


def cmd_remind(args) -> int:
    from datetime import UTC, datetime

    from .reminder_file import save_reminders
    from .reminders import parse_time

    at = parse_time(args.time, "--time")  # checked before the workbook is opened
    with _store(args, must_exist=True) as store:
        path, days = save_reminders(store, at, args.output, args.force, datetime.now(UTC))
    print(say("remind_done", path=path, time=at.strftime("%H:%M"), days=days))
    return 0


# --- the parser ------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", help="where your workbook lives (default: $WORKBOOK_DATA_DIR, else data/)"
    )
    dated = argparse.ArgumentParser(add_help=False)
    dated.add_argument("--today", metavar="YYYY-MM-DD", help="pretend today is this day")

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
    p.add_argument("--slip-by", metavar="me|them|both", help="who reached out")
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
