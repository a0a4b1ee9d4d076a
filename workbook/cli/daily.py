"""The daily page and the set-up on the command line: plan, checkin, who5, demo, report, remind."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..core import validation
from ..core.errors import InputError
from ..core.messages import days_words, goals_words, say
from ..store.paths import resolve_data_dir
from .common import store_for, today_of


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
    with store_for(args) as store:
        store.save_plan(plan)
    print(
        say(
            "plan_saved",
            days=days_words(plan.days),
            start=plan.start_date,
            goals=goals_words(len(plan.goals)),
        )
    )
    return 0


def cmd_checkin(args) -> int:
    # The daily page's own controller: the same checks, the same save, the same sentence.
    from ..pages.checkin_controller import CheckinController

    today = today_of(args)
    with store_for(args, must_exist=True) as store:
        outcome = CheckinController(store, today).on_save(
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
            }
        )
    if not outcome.ok:
        raise InputError(outcome.message)
    print(outcome.message)
    return 0


def cmd_who5(args) -> int:
    today = today_of(args)
    who5 = validation.validate_who5(args.answers, args.date, today)
    with store_for(args) as store:
        store.save_who5(who5)
    print(say("who5_saved", date=who5.date, raw=who5.raw, percent=who5.percent))
    from ..core import rules

    flags = rules.who5_flags(who5.answers)
    if flags.suggest_strongly:
        print(say("who5_strongly"))
    elif flags.suggest_professional:
        print(say("who5_professional"))
    return 0


def cmd_demo(args) -> int:
    from ..store.demo import fill_demo

    today = today_of(args)
    days = validation.parse_int(args.days, "--days", 1, 3660)
    seed = validation.parse_int(args.seed, "--seed", 0, 2**31 - 1)
    goals = validation.parse_int(args.goals, "--goals", 1, 8)
    with store_for(args) as store:
        if not store.is_empty():
            raise InputError(say("demo_not_empty", path=store.data_dir))
        fill_demo(store, today=today, days=days, seed=seed, goals=goals)
        path = store.data_dir
    print(say("demo_done", path=path, days=days, seed=seed, today=today))
    return 0


def cmd_report(args) -> int:
    today = today_of(args)
    with store_for(args) as store:
        snapshot = store.snapshot()
    if args.format == "json":
        from ..numbers import build

        text = json.dumps(build(snapshot, today).summary(), indent=2, ensure_ascii=False) + "\n"
        if args.output:
            from ..store import output_files

            name = f"reflection-{today.isoformat()}.json"
            path = output_files.target_path(args.output, name, args.force)
            output_files.write_atomically(path, text.encode("utf-8"), args.force)
        else:
            sys.stdout.write(text)
        return 0
    from ..views.report import write_report

    output = Path(args.output) if args.output else None
    path = write_report(
        snapshot,
        today,
        args.format,
        output,
        data_dir=resolve_data_dir(args.data_dir),
        paper=args.paper,
        force=args.force,
        include_words=args.include_words,
    )
    print(f"Your report is ready: {path}")
    if args.format == "pdf":
        from ..views.report.fonts import missing_characters, shown, workbook_texts

        missing = missing_characters(workbook_texts(snapshot))
        if missing:
            print(say("report_fonts_missing", chars=shown(missing)), file=sys.stderr)
    return 0


def cmd_remind(args) -> int:
    from datetime import UTC, datetime

    from ..views.calendar import parse_time
    from ..views.calendar_file import save_reminders

    at = parse_time(args.time, "--time")  # checked before the workbook is opened
    with store_for(args, must_exist=True) as store:
        path, days = save_reminders(store, at, args.output, args.force, datetime.now(UTC))
    print(say("remind_done", path=path, time=at.strftime("%H:%M"), days=days_words(days)))
    return 0
