"""07 · The reflection report."""

MESSAGES = {
    # The reflection report (workbook/views/report.py, 07_report).
    "report_subtitle": "{days} for yourself, during a break from {partner}.",
    "report_not_started": "Your programme starts on {start}, so there is nothing to look back on yet.",
    "report_covers_partial": (
        "This report covers day {day} of {days}: {start} to {through}. Your programme is still "
        "going; make a fresh report on day {days} to see the whole of it."
    ),
    "report_covers_full": "This report covers all {days} of your programme: {start} to {end}.",
    "report_covers_beyond": "It also counts the {extra} you kept tracking after it, up to {today}.",
    "report_no_why": "You haven’t written down your why. It can be one sentence, whenever you’re ready.",
    "report_no_goals": "No goals in your plan yet.",
    "report_no_checkins": (
        "No check-ins yet. Your numbers and charts will fill in from your first one — "
        "a minute a day is plenty."
    ),
    "report_no_charts": "Your charts will appear here after your first check-in.",
    "report_trend_none": "A mood trend needs at least 7 check-ins; you have {count} so far.",
    "report_slips_none": "You kept no contact on every day you checked in.",
    "report_slips_some": (
        "Contact happened on {days}. It is recorded here honestly, and it doesn’t erase "
        "the days around it:"
    ),
    "report_strength_note": (
        "Strength is Loop Habit Tracker’s habit score: it rises with each day a goal is done, "
        "fades slowly on days it isn’t, and counts the target you set per week."
    ),
    "report_who5_none": "No WHO-5 yet. It takes a minute, and day 0, 14 and 30 show how things move.",
    "report_who5_one": "One WHO-5 so far: {percent} % on {date}. Taking it again on day 14 and day 30 shows the change.",
    "report_who5_real": (
        "From {first} % on {first_date} to {last} % on {last_date}: a change of {points}, "
        "which counts as a real change (10 points or more)."
    ),
    "report_who5_small": (
        "From {first} % on {first_date} to {last} % on {last_date}: a change of {points}, "
        "within the usual ups and downs (a real change is 10 points or more)."
    ),
    "report_who5_credit": "WHO-5 Well-Being Index: Psychiatric Centre North Zealand.",
    "report_no_wins": "No wins written down yet. They count even when they’re small.",
    "report_no_decision": "You haven’t recorded your day-{days} reflection yet. There’s no rush.",
    "report_closing": (
        "Whatever comes next, these {checkins} are yours. Each one was a day you "
        "showed up for yourself."
    ),
    "report_closing_yes": "{partner} said yes. Keep growing as your own person inside it — that is what brought you here.",
    "report_closing_no": "{partner} said no. That was theirs to decide, and it doesn’t undo a single thing you built.",
    "report_closing_not_yet": "{partner} hasn’t decided yet. Keep living your own life well in the meantime.",
    "report_closing_first_day": (
        "Every programme starts with a first day. When you’re ready, a check-in takes a minute, "
        "and this report will grow with you."
    ),
    "report_closing_keep_going": (
        "Keep the goals that helped, be patient with the days that were hard, and ask for support "
        "when you need it. You are worth the effort you have been making."
    ),
    "report_signoff": "With care, from your workbook.",
    "report_footer": "Made on your own computer on {today}. Nothing in this report was sent anywhere.",
    "report_fonts_missing": (
        "No font on this computer draws {chars}, so the PDF shows an empty box for each. "
        "Install fonts for them (on Debian or Ubuntu: sudo apt-get install fonts-noto-core "
        "fonts-noto-cjk fonts-noto-color-emoji) and make the report again."
    ),
    "report_saved": "Your report is ready: {path}. It stays in your own folder; share it only if you want to.",
    "report_choose": "Choose a format. The file is saved in your workbook’s folder, readable only by you.",
    "report_bad_format": "The format should be html, pdf or json; “{value}” isn’t one.",
    "report_whole_intro": (
        "Your whole workbook, every day and every revision: an export (one JSON file, to keep or "
        "to move to another computer with `workbook import`), or a backup copy. Both stay in your "
        "folder, readable only by you."
    ),
    "report_export_all": "Export everything",
    "report_backup": "Make a backup copy",
    "report_working": "Making your report… a PDF takes a few seconds.",
    # The recorded answers' labels in the report (workbook/views/report/html.py), in the order asked.
    "report_label_better_version": "Am I a better version of myself?",
    "report_label_accomplished": "What I accomplished",
    "report_label_discovered": "What I discovered",
    "report_label_want_restart": "Do I really want to start again?",
    "report_label_conviction": "How sure (0–10)",
    "report_label_keep_growing": "Would I keep growing inside it?",
    "report_label_felt_safe": "Did I feel safe and respected?",
    "report_label_gate_open": "A resounding yes?",
    "report_label_decision": "My decision",
    "report_label_outcome": "What they said",
    "report_label_script": "What I planned to say",
    "report_label_notes": "Notes",
    # The report's headings, labels and table headings (workbook/views/templates/report*.html.j2).
    "report_heading": "Your reflection report",
    "report_heading_plan": "The plan and the why",
    "report_fact_started": "Started",
    "report_fact_length": "Length",
    "report_fact_length_days": "{days} with no contact",
    "report_fact_break_from": "The break from",
    "report_heading_why": "My why",
    "report_heading_goals_chosen": "The goals I chose",
    "report_heading_numbers": "In numbers",
    "report_tile_checkins": "check-ins",
    "report_tile_mood_mean": "average mood (1–10)",
    "report_tile_mood_trend": "mood trend, points a week",
    "report_tile_mood_range": "lowest / highest mood",
    "report_tile_checkin_streak": "check-in streak now",
    "report_tile_checkin_best": "best check-in streak",
    "report_tile_no_contact_now": "no-contact days now",
    "report_tile_no_contact_best": "best no-contact run",
    "report_heading_goals": "Goals",
    "report_goals_columns": "Goal|a week|days done|minutes|strength",
    "report_heading_charts": "The charts",
    "report_heading_who5": "Wellbeing (WHO-5)",
    "report_who5_columns": "Taken on|day|score|percent",
    "report_heading_wins": "Wins and accomplishments",
    "report_heading_reflection": "The day-{days} reflection and the decision",
    "report_heading_reunion": "The reunion",
    "report_heading_closing": "To close",
    # The page's labels and buttons (workbook/pages/report.py).
    "report_paper": "Paper",
    "report_title": "Reflection report — {today}",
    "report_slips_more": "…and {count} more.",
}
