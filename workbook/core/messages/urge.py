"""08 · The moment of the urge: its page, `workbook urge`, its patterns and its unsent words.

The unsent words are the person's own; no sentence here carries them into a title or a reminder.
"""

MESSAGES = {
    "stage_title_08_urge": "When you want to reach out",
    # The link at the top of every page (workbook/pages/urge_link.py).
    "urge_top_link": "Want to reach out right now? Open this first",
    "notebook_urge_intro": (
        "# When you want to reach out\n\n"
        "For the moment itself: when a message is half typed, or your thumb is over their name. "
        "Write down what is happening, read your own plan and your own why, and ride the wave "
        "out with a timer. Nothing on this page is ever sent to anyone."
    ),
    "urge_intro": (
        "You opened this instead of sending something. That already counts. Take it one step "
        "at a time; nothing here is sent anywhere."
    ),
    "urge_intro_title": "This moment",
    # The steps, in order (labels of the page and prompts of `workbook urge`).
    "urge_label_at": "When",
    # The steps' short names, in a sentence about what is wrong with one.
    "urge_field_before": "The urge",
    "urge_field_after": "The urge afterwards",
    "urge_field_outcome": "What happened",
    "urge_field_trigger": "What set it off",
    "urge_field_feeling": "The feeling",
    "urge_field_words": "What you want to say",
    "urge_field_plan": "Your if-then plan",
    "urge_field_goal": "The goal",
    "urge_label_before": "How strong is the urge right now? (0 = none, 10 = overwhelming)",
    "urge_label_trigger": "What set it off?",
    "urge_triggers_yours": "Yours from before (tap one):",
    "urge_label_feeling": "What are you feeling?",
    "urge_feeling_example": "lonely, angry, scared",
    "urge_label_words": (
        "What do you want to say to {object}? Write it all here. It stays here, only for you, "
        "and is never sent."
    ),
    "urge_label_plan": "Your if-then plan for this",
    "urge_plan_yours": "Your plan for “{trigger}”: {plan}",
    "urge_plan_none": "No if-then plan for this yet. Write one now: “If …, then I …”.",
    "urge_plan_example": "If it’s Sunday night and I miss them, then I call my sister",
    "urge_label_goal": "One goal you could do right now",
    "urge_goal_none": "(none chosen)",
    "urge_why": "Your why, in your own words: “{why}”",
    "urge_why_none": "You have not written your why yet; the start page keeps it.",
    "urge_days": (
        "{free} of {counted} slip-free so far, and a current run of {run}. A slip never takes "
        "those days away."
    ),
    "urge_days_before_start": "Your plan has not started yet; every day from its start counts.",
    "urge_label_minutes": "Minutes on the timer",
    "urge_timer_intro": (
        "Now ride it out. An urge rises, crests and falls like a wave, often within minutes. "
        "Start the timer; it counts on its own while you breathe."
    ),
    "urge_timer_label": "Time riding the wave",
    "urge_timer_start": "Start the timer",
    "urge_timer_again": "Start the timer again",
    "urge_timer_running": "{minutes} min, until {ends}. Stay with your breath; the bar fills by itself.",
    "urge_breathe": "Breathe in slowly as the circle grows… and out as it shrinks.",
    "urge_timer_done": "The time is up. Notice where the urge is now, without judging it.",
    "urge_label_after": "And now: how strong is the urge? (0–10)",
    "urge_label_outcome": "What happened?",
    # One answer per code of core.urge.OUTCOMES, in its order.
    "urge_outcomes": (
        "I did not reach out|I wrote it here instead|I reached out anyway|I need more time"
    ),
    "urge_save": "Save this moment",
    "urge_saved_did_not_reach_out": "Saved. You let the wave pass{wave}. That is the whole skill.",
    "urge_saved_wrote_here": (
        "Saved. You wrote it here instead of sending it{wave}. It is kept in your workbook, only "
        "for you."
    ),
    "urge_saved_reached_out": (
        "Saved, and counted as contact on {date}. It happened, and it is information, not a "
        "failure: your slip-free days so far stay yours, and tomorrow counts again."
    ),
    "urge_saved_need_more_time": (
        "Saved. Take the time you need: start the timer again, or come back whenever the urge "
        "returns."
    ),
    "urge_wave_part": " (from {before} down to {after})",
    "urge_plan_saved": " Your if-then plan for “{trigger}” is kept.",
    "urge_bad_time": "{field} should be a local date and time like 2026-12-04T22:15, not “{value}”.",
    "urge_words_title_one": "What you wanted to say, kept here (1 moment)",
    "urge_words_title_many": "What you wanted to say, kept here ({n} moments)",
    "urge_words_item": "{at}:",
    "urge_today_count_one": "Moments today: 1. Come back as often as you need.",
    "urge_today_count_many": "Moments today: {n}. Come back as often as you need.",
    # `workbook urge` in a terminal.
    "urge_cli_pick": "Type a number, or your own words:",
    "urge_cli_outcome_pick": "Type 1, 2, 3 or 4:",
    "urge_cli_again": "That was not one of the answers; {problem}",
    "urge_cli_timer": "Riding the wave",
    "urge_cli_breathe": "Breathe in slowly for four counts… and out for six.",
    "urge_cli_timer_intro": (
        "Now ride it out for {minutes} min. An urge rises, crests and falls like a wave. "
        "Ctrl-C ends the timer early."
    ),
    "urge_cli_stopped": "Stopped. Nothing was written.",
    "urge_cli_no_tty": (
        "`workbook urge` asks its questions in a terminal; give --before and --outcome to record "
        "a moment without one."
    ),
    # Patterns, on the progress page (workbook/numbers/urges.py: the threshold and why).
    "urge_patterns_heading": "When the urge comes",
    "progress_practical": "Practical contact the break allows: {days}, recorded and not a slip.",
    "progress_profile_looks": (
        "You looked at {possessive} profile on {days}: counted apart, not as contact. Noticing it "
        "is a step; it often stirs the longing up again."
    ),
    "progress_slip_free": (
        "{free} of {counted} without a contact slip so far. A slip never takes those days away."
    ),
    "urge_patterns_not_enough": (
        "Not enough moments yet to see a pattern: {have} so far, and patterns show from {need}. "
        "Every moment you write down on the urge page helps."
    ),
    "urge_pattern_hours": "Most urges came around {hours}.",
    "urge_pattern_weekdays": "The busiest day of the week: {weekdays}.",
    "urge_pattern_triggers": "What set them off most: {triggers}.",
    "urge_pattern_passed": (
        "The wave passed in {passed} of {rated} moments you rated again (the urge afterwards "
        "lower than before)."
    ),
    "urge_pattern_done": "In the moments that passed, you most often: {what}.",
    # One part per code of core.urge.OUTCOMES, in its order, after "you most often:".
    "urge_done_parts": "did not reach out|wrote it here instead|reached out anyway|needed more time",
    "urge_pattern_none_passed": "No wave has passed yet in a moment you rated again.",
    "urge_weekdays": "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday",
    "urge_hour": "{hour:02d}:00",
    "urge_count_label": "Moments",
    "urge_col_hour": "Hour",
    "urge_col_day": "Day",
    "urge_col_trigger": "What set it off",
    "urge_chart_hours": "Urges by hour of the day",
    "urge_chart_weekdays": "Urges by day of the week",
    "urge_chart_triggers": "Urges by what set them off",
    "urge_trigger_none": "(not said)",
    # The unsent words on day 30 and in the report.
    "urge_reflection_title": (
        "Read what you wanted to say, and how it sits with you now ({moments})"
    ),
    "urge_moments_one": "1 moment",
    "urge_moments_many": "{n} moments",
    "report_include_words": "Include what I wanted to say (my unsent words) in the report",
    "report_words_heading": "What I wanted to say, and didn’t send",
    # If-then plans on the start page (pages/if_then.py): optional, one per trigger.
    "ifthen_title": "If-then plans (optional, any time)",
    "ifthen_intro": (
        "Some moments set off the urge to reach out again and again. A plan written ahead for one "
        "of them makes it easier to keep to when it comes: “If …, then I …”. You will see it on "
        "the page for the moment of an urge when that moment comes."
    ),
    "ifthen_pick": "Moments that often set it off (tap one, or write your own below):",
    "ifthen_common": (
        "Sunday night|Late at night, alone|Hearing our song|Seeing their photos|"
        "Seeing them online|After a drink"
    ),
    "ifthen_label_trigger": "When this happens",
    "ifthen_label_plan": "Your plan: “If …, then I …”",
    "ifthen_save": "Keep this plan",
    "ifthen_saved": "Your if-then plan for “{trigger}” is kept. The one before stays in its history.",
    "ifthen_same": "This is already your plan for “{trigger}”: nothing to change.",
    "ifthen_kept_title": "Your plans now",
}
