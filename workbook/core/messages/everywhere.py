"""Said on any page and in the terminal: bad input, confirmations, WHO-5 and mood guidance, the gate."""

MESSAGES = {
    # Bad input: one kind, specific line each.
    "not_a_date": "{field} should be a date like 2026-11-25; “{value}” isn’t one.",
    "impossible_date": "{field}: {value} isn’t a day on the calendar — please check the month and day.",
    "future_date": "{field} is {value}, which hasn’t happened yet. You can only fill in today or earlier.",
    "before_start": "{value} is before your plan starts ({start}). Pick a day from {start} on.",
    "not_a_whole_number": "{field} should be a whole number from {low} to {high}; “{value}” isn’t one.",
    "not_a_number": "{field} should be a number from {low} to {high}; “{value}” isn’t one.",
    "out_of_range": "{field} goes from {low} to {high}; {value} is outside that.",
    "text_too_long": "{field} is very long ({length:,} characters). Please keep it under {limit:,}.",
    "text_nul": "{field} contains a hidden NUL character that can’t be stored; please retype it.",
    "text_required": "{field} can’t be empty.",
    "unknown_goal": "“{value}” isn’t one of your goals ({known}). Add it to your plan first, or check the spelling.",
    "no_goals_yet": "“{value}” isn’t one of your goals — your plan has no goals yet.",
    "bad_goal_spec": "A goal is written NAME:TIMES_PER_WEEK, like “Gym:3”; “{value}” isn’t.",
    "duplicate_goal": "The goal “{value}” is listed twice; each goal needs its own name.",
    "bad_minutes": "Minutes for “{goal}” should be a whole number from 0 to 1440; “{value}” isn’t.",
    "who5_count": "WHO-5 has five answers, each 0 to 5; you gave {count}.",
    "who5_range": "Each WHO-5 answer is a whole number from 0 to 5; “{value}” isn’t.",
    "no_plan": "There’s no plan yet. Set one up first: open Start here, or run `workbook plan --start YYYY-MM-DD`.",
    "bad_choice": "{field} should be one of: {choices}; “{value}” isn’t.",
    "demo_not_empty": "{path} already holds a workbook, so the demo won’t touch it. Choose an empty folder with --data-dir.",
    "plan_days": "The programme length should be a whole number of days from 1 to 3660; “{value}” isn’t.",
    # Confirmations.
    "plan_saved": "Your plan is saved: {days} from {start}, with {goals}.",
    "checkin_saved": "Saved your check-in for {date} (day {day} of {days}).",
    "checkin_saved_past_the_end": "Saved your check-in for {date} (day {day}).",
    "checkin_corrected": "Corrected {date} (day {day} of {days}). The earlier version is kept in its history.",
    "checkin_corrected_past_the_end": "Corrected {date} (day {day}). The earlier version is kept in its history.",
    "checkin_day_moved": (
        "Nothing was saved: the form was showing {shown}, and the date now says {date}. "
        "It shows {date} now; please check it and save again."
    ),
    "checkin_check_again": "Nothing was saved yet. The form now shows {date}; please check it and save again.",
    "who5_saved": "Saved your WHO-5 for {date}: {raw} of 25, which is {percent} %.",
    "demo_done": "Filled {path} with a {days}-day example workbook (seed {seed}), ending {today}.",
    # WHO-5 and mood guidance.
    "who5_professional": (
        "Your score suggests this has been a heavy fortnight. Talking to a counsellor or your doctor "
        "could really help — you deserve that support."
    ),
    "who5_strongly": (
        "Your score is low enough that we’d really encourage you to talk to a professional soon — "
        "your doctor, a counsellor, or a help line. You don’t have to carry this alone."
    ),
    "low_mood": (
        "Your mood has been very low for a few days. That’s a lot to carry. Please consider reaching "
        "out to someone you trust, a counsellor, or a help line — reaching out is a strong thing to do."
    ),
    "low_mood_who5": (
        "Your WHO-5 on {date} was {percent} %, which is low. That’s a lot to carry. Please consider "
        "reaching out to someone you trust, a counsellor, or a help line — reaching out is a strong "
        "thing to do."
    ),
    "help_resources": (
        "If you ever feel unsafe or think about harming yourself, call your local emergency number. "
        "In the UK and Ireland, Samaritans answer on 116 123; in the US, call or text 988; "
        "findahelpline.com lists free, confidential lines in other countries."
    ),
    # The gate.
    "gate_not_safe": (
        "You said you didn’t feel safe and respected. That matters more than anything here, so the "
        "workbook won’t coach a reunion. Please look at the help resources below."
    ),
    "gate_not_wanted": "You don’t really want to restart — and that’s a real, honest answer.",
    "gate_low_conviction": (
        "Your conviction is {conviction} out of 10. The reunion is for a resounding yes (9 or more)."
    ),
    "gate_not_growing": "You’re not sure you’d keep growing as your own person inside it.",
    "gate_open": "It’s a resounding yes. When you’re ready, the reunion page will help you prepare.",
    # What every page's widgets share (workbook/pages/common.py and forms.py).
    "something_went_wrong": (
        "Something went wrong on our side, and nothing you wrote was lost. "
        "Please try again; if it keeps happening, the details are in the notebook's log."
    ),
    "yes_no_answers": "Yes|No",
    "who5_choose": "Choose…",
    "who5_save": "Save my WHO-5",
    # An answer in a table or a report: yes or no, and a dash for nothing.
    "said_yes_no": "yes|no",
    "said_nothing": "—",
    # Counted messages: their plural forms, by CLDR category (see core.messages).
    "days": {"one": "{n} day", "other": "{n} days"},
    "goals": {"one": "{n} goal", "other": "{n} goals"},
    "times": {"one": "once", "=2": "twice", "other": "{n} times"},
    "checkins": {"one": "{n} check-in", "other": "{n} check-ins"},
    "points": {"one": "{n} point", "other": "{n} points"},
}
