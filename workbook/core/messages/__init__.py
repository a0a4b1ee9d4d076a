"""Every sentence the workbook says to its user, in one place, so the tone stays one voice."""

from __future__ import annotations

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
    "no_plan": "There’s no plan yet. Set one up first: open 00_start_here, or run `workbook plan --start YYYY-MM-DD`.",
    "bad_choice": "{field} should be one of: {choices}; “{value}” isn’t.",
    "demo_not_empty": "{path} already holds a workbook, so the demo won’t touch it. Choose an empty folder with --data-dir.",
    "plan_days": "The programme length should be a whole number of days from 1 to 3660; “{value}” isn’t.",
    # Confirmations.
    "plan_saved": "Your plan is saved: {days} days from {start}, with {goal_count} goal(s).",
    "checkin_saved": "Saved your check-in for {date} (day {day} of {days}).",
    "checkin_corrected": "Corrected {date} (day {day} of {days}). The earlier version is kept in its history.",
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
    # --- The stage pages 00–02 and 04–06 (notebooks and workbook/pages/) ---------------------------
    # Plain text only, everywhere: pages put the bold leads and lists in from templates.
    "programme_steps_title": "How the next thirty days work",
    # Lead|text pairs, one per step (split before filling in, so a name may hold "|").
    "programme_steps": (
        "Ask for a break instead.|Suggest thirty days with no contact at all, then "
        "revisit how you both feel. {partner_cap} may agree or not; either way, the next step is "
        "the same.|"
        "Work on yourself, every day.|A new hobby, the gym, a counsellor, a haircut — "
        "whatever makes a real, noticeable change. A check-in takes two minutes.|"
        "Day 30: a real think.|Are you a better version of yourself? What did you "
        "accomplish and discover? Do you really, really want to start again — and would you keep "
        "growing as your own person inside it? Go on only on a resounding yes.|"
        "The reunion.|Arrive calm, head high, accomplishments in tow; share what you have "
        "been working on and ask, without pressure, whether {partner} would like to try again. "
        "What {partner} chooses is up to {object}.|"
        "Keep going, whatever the answer.|Keep working on yourself. People love being "
        "around someone who is growing and happy — and so will you."
    ),
    "plan_intro": "Let’s set up your plan. Only the start date is needed; everything else helps.",
    "plan_exists": "You already have a plan: {days} days from {start} with {goal_count} goal(s). "
    "Saving again keeps the old one in its history.",
    "goals_intro": "Pick the goals that would make a real, noticeable change, and how many times a week.",
    "dating_locked": "Dating is off the list: your break agreement says no dating others.",
    "dating_note": "Dating only if your break agreement allows it.",
    "who5_intro_title": "How have you been? (WHO-5)",
    "who5_intro": (
        "Over the last two weeks… Five short questions; you will "
        "answer them again on day 14 and day 30, so you can see the change."
    ),
    "who5_credit": "The WHO-5 Well-Being Index is © Psychiatric Centre North Zealand.",
    "who5_items": (
        "I have felt cheerful and in good spirits|I have felt calm and relaxed|"
        "I have felt active and vigorous|I woke up feeling fresh and rested|"
        "My daily life has been filled with things that interest me"
    ),
    "who5_labels": (
        "At no time|Some of the time|Less than half of the time|More than half of the time|"
        "Most of the time|All of the time"
    ),
    "who5_pick_all": "Please answer all five WHO-5 questions.",
    "who5_ok": "That sounds like a steadier fortnight. Keep looking after yourself.",
    "safety_note_title": "Your safety comes first.",
    "safety_note": (
        "This workbook is for a break between two people who were "
        "safe with each other. If you have felt afraid, controlled or hurt, the programme is not "
        "about getting back together: please reach out for support."
    ),
    "next_stage": "Next: open {notebook}.",
    "yes_or_no": "{field} should be yes or no; “{value}” isn’t.",
    "answer_needed": "Please answer: {field}",
    "nothing_to_save": "Nothing to save yet — fill in the form above first.",
    # The break.
    "break_intro": "Here are some words you could use to ask {partner} for a break. Make them yours.",
    "break_script": (
        "“{partner}, I hear you, and I don’t want to fight it. Could we take thirty days apart — no "
        "calls, no messages — so we both have room to think? After that, let’s see how we each "
        "feel. Whatever you decide then, I’ll respect it.”"
    ),
    "break_saved": "Saved: {partner} {answer_words}. No contact: {no_contact}. Dating others: "
    "{dating}. The break starts {start}.",
    "break_agreed": "agreed to the break",
    "break_declined": "declined the break",
    "break_did_not_ask": "was not asked — and that’s fine",
    "break_same_next": "Either way, the next step is the same: thirty days of working on yourself.",
    "break_plan_moved": "Your plan now starts on {start}, the first day of the break.",
    # The daily check-in.
    "day_of": "Day {day} of {days}",
    "day_before_start": "Your plan starts on {start}; check-ins open then.",
    "programme_complete": (
        "Your {days} days are complete — well done for getting here. Tracking goes on: keep "
        "checking in as long as it helps."
    ),
    "day_holds": "{date} already holds a check-in (mood {mood}{goals}). Change anything and "
    "save to correct it; the earlier version is kept.",
    "day_empty": "Nothing saved for {date} yet.",
    "saved_details": "Mood {mood}{energy}{goals}{slip}{win}.",
    "checkin_goal_part": "; goals: {goals}",
    "checkin_slip_part": "; contact recorded",
    "checkin_win_part": "; your win: “{win}”",
    "checkin_energy_part": ", energy {energy}",
    # The day-30 reflection.
    "numbers_intro": "Your {days} days in numbers",
    "who5_compare": "WHO-5: {before} % on {before_date}, {after} % on {after_date} — {change}.",
    "who5_real_up": "up {points} points, a real change",
    "who5_real_down": "down {points} points, a real change — please be gentle with yourself",
    "who5_small": "a change of {points} points, within the normal ups and downs",
    "who5_take_now": "Take the day-{day} WHO-5 below, so you can compare it with day 0.",
    "reflection_questions": "better_version|Am I a better version of myself? How?|"
    "accomplished|What did I accomplish?|discovered|What did I discover about myself?",
    "q_want_restart": "Do I really, really want to start this relationship again?",
    "q_conviction": "How sure am I, from 0 to 10?",
    "q_keep_growing": "Would I keep growing as my own person inside it?",
    "q_felt_safe": "Did you feel safe and respected in this relationship?",
    "q_decision": "What I have decided, in my own words",
    "reflection_saved": "Your reflection is saved.",
    "decision_recorded": "Recorded on {date}: {decision}",
    # The reunion.
    "reunion_closed_intro": "The reunion page is for a resounding yes on day 30, and that isn’t "
    "where you are — which is completely fine.",
    "reunion_no_reflection": "The reunion page opens after your day-30 reflection. Take it in "
    "04_day30_reflection first — and if you already know it’s not for you, 06_keep_going is "
    "there for you.",
    "reunion_go_on": "Your next page is 06_keep_going.",
    "talking_points_intro": "What you could tell {partner}",
    "talking_points_yours": "— all of it yours:",
    "calm_checklist_title": "Calm, not desperate",
    "talking_goal": "{goal}: {days_done} days ({strength} % strength)",
    "reunion_script": (
        "Hi {partner}. Thank you for meeting me.\n\n"
        "These thirty days gave me room to think, and I used them. {wins}\n\n"
        "{accomplished}"
        "I’m not asking you to decide anything today. I’d like to know whether you would be "
        "willing to give us another shot — and if the answer is no, I’ll respect that, and I’ll "
        "keep going with everything I’ve started."
    ),
    "script_wins": "I’ve been working on myself — {goals_words}. {win_words}",
    "script_no_goals": "one day at a time",
    "talking_wins": "Your wins, day by day",
    "talking_goals": "Your goals",
    "talking_reflection": "What you said you accomplished",
    "checklist": (
        "Meet somewhere neutral and calm, at a time that suits {object}.|"
        "Lead with what you’ve been working on, not with what you’ve missed.|"
        "Say it once, clearly; no pleading, no deadlines.|"
        "Listen to {possessive} answer without arguing with it.|"
        "Whatever {partner} decides is {possessive} choice to make.|"
        "Plan something kind for yourself afterwards, whatever happens."
    ),
    "reunion_saved": "Saved: the answer was “{outcome}”. {after}",
    "after_yes": "Wonderful. Keep growing as your own person inside it — 06_keep_going helps.",
    "after_no": "That hurts. Open 06_keep_going: all hope is not lost.",
    "after_not_yet": "Give it time. Keep going with your own life in the meantime (06_keep_going).",
    # Keep going.
    "keep_no": (
        "All hope is not lost. You have spent {days} days becoming someone you are proud of, and "
        "that person is still here. Keep following through: people want to be around people who "
        "are ambitious and happy."
    ),
    "keep_yes": "You’re giving it another shot. Keep the habits that got you here — they are yours.",
    "keep_not_yet": "No answer yet. Keep living your own life well while you wait.",
    "keep_default": "Whatever comes next, keep working on yourself. It is the part that is always yours.",
    "long_view_title": "The long view:",
    "long_view": "{checkins} check-ins since {start}; mood {first_mood} on "
    "average in the first {first_days} days{later}; {wins} wins; best no-contact run {best} days.",
    "long_view_later": ", {later_mood} since",
    "goals_added": "Added {goals}, counting from {date}.",
    "add_goal_title": "Add a new goal",
    "add_goal_intro": "— it counts from today.",
    "goals_now": "Your goals now",
    # Progress (03_progress): chart titles, empty states, streaks, what lifts the mood.
    "progress_no_plan": "Once your plan is set up in 00_start_here, your progress will appear here.",
    "progress_before_start": "Your plan starts on {start}. Your progress will appear here from then on.",
    "progress_title_mood": "Your mood each day, with its 7-day average",
    "progress_mood_trend": "The dashed line is the overall trend: about {change} a week so far.",
    "progress_mood_trend_level": "The dashed line is the overall trend: about level so far.",
    "progress_mood_few_days": "The trend line appears once you have 7 days of check-ins.",
    "progress_no_checkins": "Nothing to draw yet: your first check-in will start this chart.",
    "progress_title_goal_calendar": "What you did for each goal, day by day",
    "progress_title_weekly_targets": "Weekly targets: each week, did you reach them?",
    "progress_title_goal_strength": "How strong each goal has become (0–100 %)",
    "progress_title_minutes": "Minutes you have given to each goal",
    "progress_no_goals": "Your plan has no goals yet. Add one in 00_start_here and it will show up here.",
    "progress_no_minutes": "No minutes noted yet. When you note how long you spent on a goal, it adds up here.",
    "progress_title_urges": "How strong the urge to make contact was each day (0–10)",
    "progress_no_urges": "No urges noted yet.",
    "progress_title_triggers": "What set off the urges, and how often",
    "progress_no_triggers": "No triggers noted yet.",
    "progress_title_mood_lift": "Your mood on days with each goal, compared with days without",
    "progress_mood_lift_empty": (
        "Not enough data yet: this needs at least 3 check-in days with a goal and 3 without it."
    ),
    "progress_not_enough_data": "not enough data yet",
    "progress_mood_lift_row": (
        "On days with {goal}, your mood was on average {difference} {direction} than on days "
        "without it (90 % interval: {low} to {high}; {days_done} days with, {days_not} without)."
    ),
    "progress_mood_lift_same": (
        "On days with {goal}, your mood was about the same as on days without it "
        "(90 % interval: {low} to {high}; {days_done} days with, {days_not} without)."
    ),
    "progress_mood_lift_short": (
        "{goal}: not enough data yet ({days_done} days with, {days_not} without; 3 of each are needed)."
    ),
    "progress_mood_lift_caveat": (
        "This shows what went together, not what caused what: a good day can make a goal easier as "
        "much as a goal can lift a day. When the interval crosses zero, there may be no difference at all."
    ),
    "progress_title_who5": "Your WHO-5 wellbeing score (0–100 %)",
    "progress_no_who5": "Your WHO-5 will appear here once you answer it (on days 0, 14 and 30).",
    "progress_who5_real_change": (
        "Your score is {points} points {direction} than on {first_date}: a change of 10 points or "
        "more counts as a real change."
    ),
    "progress_who5_small_change": (
        "Your score moved {points} points since {first_date}; changes under 10 points are part of "
        "the usual ups and downs."
    ),
    "progress_streak_checkin": "Check-in streak",
    "progress_streak_checkin_best": "Best check-in streak",
    "progress_streak_contact": "Days without contact",
    "progress_streak_contact_best": "Longest run without contact",
    "progress_heading_streaks": "How you’re doing",
    "progress_heading_mood": "Your mood",
    "progress_heading_goals": "Your goals",
    "progress_heading_urges": "Urges and slips",
    "progress_heading_mood_lift": "What lifts your mood?",
    "progress_heading_who5": "WHO-5 wellbeing",
    "progress_heading_wins": "What you’ve accomplished",
    "progress_strength_how": "How is this worked out?",
    "progress_strength_formula": (
        "Goal strength is Loop Habit Tracker’s habit score. Each day from the goal’s start to today, "
        "strength = yesterday’s strength × m + today’s check × (1 − m), starting from 0. "
        "m = 0.5 ^ (√f ÷ 13), where f is your weekly target ÷ 7. For a daily goal, today’s check is 1 "
        "when you did it and 0 when you didn’t. For goals less often than daily, today’s check is the "
        "days done in the last 14 days ÷ twice the weekly target (at most 1). Days without a check-in "
        "count as not done. So one missed day only dents it, and steady weeks build it up slowly."
    ),
    "progress_slip_row": "{date} (day {day}): {what}",
    "progress_no_slips": "No contact recorded. Every one of those days counts.",
    "progress_slips_kind": (
        "A slip doesn’t undo the days before it. Notice what led up to it, and carry on from today."
    ),
    "progress_win_row": "{date} (day {day}): {win}",
    "progress_no_wins": "Your wins will collect here as you note them. Small ones count too.",
    "progress_review_7": (
        "One week done. Take a few quiet minutes: what went better than you expected? What was hard? "
        "Which goal would you like to lean into next week?"
    ),
    "progress_review_14": (
        "Two weeks in, halfway there. Look back at your wins so far: which of them surprised you? "
        "What do you want the second half to hold?"
    ),
    "progress_review_21": (
        "Three weeks. Look at how far you’ve come since day 1. What are you proud of? What would make "
        "the last stretch feel good?"
    ),
    "progress_who5_nudge": (
        "It’s day 14: a good day to answer the five WHO-5 questions again. They ask about the last "
        "two weeks, so you can see how things have moved since day 0."
    ),
    # Charts in words (chart_words): under each chart, what it shows for this person, then its
    # numbers in a table a screen reader can reach.
    "words_table_summary": "The numbers behind this chart, as a table",
    "words_table_latest": "{caption} (the latest {shown} of {total} rows)",
    "words_mood_one": "You have one check-in so far: mood {mood} on {date}.",
    "words_mood_few": (
        "Your mood was {first} on your first check-in and {last} on your latest ({count} check-ins "
        "so far; the overall trend appears from 7)."
    ),
    "words_mood_rose": (
        "Your mood rose from about {start} to about {end} over these {days} days (the overall "
        "trend; single days went from {low} to {high})."
    ),
    "words_mood_fell": (
        "Your mood went from about {start} down to about {end} over these {days} days (the overall "
        "trend; single days went from {low} to {high}). Hard stretches are part of this, and they "
        "don’t undo your work."
    ),
    "words_mood_level": (
        "Your mood stayed about level over these {days} days, around {mean} on average (single "
        "days went from {low} to {high})."
    ),
    "words_mood_slips": "Contact happened on {count}.",
    "words_calendar": "So far you did {goals}.",
    "words_calendar_goal": "{goal} on {days}",
    "words_weekly": "Weekly targets reached: {goals}.",
    "words_weekly_goal": "{goal} in {met} of {weeks}",
    "words_weekly_goal_first": "{goal} {done} of {target} so far this week",
    "words_strength": "Where your goals stand today: {goals}.",
    "words_strength_goal": "{goal} {now} %",
    "words_strength_goal_week": "{goal} {now} % ({direction} from {before} % a week ago)",
    "words_strength_goal_same": "{goal} {now} % (the same as a week ago)",
    "words_minutes": "The time you noted: {goals}.",
    "words_minutes_goal": "{goal} {time} over {days}",
    "words_urges": (
        "You noted the urge on {days}. It was strongest on {peak_date} ({peak} of 10); on your "
        "latest, {latest_date}, it was {latest} of 10."
    ),
    "words_triggers": "You noted {count}; the most frequent: {top} ({times} each).",
    "words_triggers_top": "You noted {count}; the most frequent was “{top}” ({times}).",
    "words_triggers_one": "You noted one trigger, “{top}” ({times}).",
    "words_lift": (
        "{enough} of your {total} goals have enough days to compare. The clearest difference is "
        "with {goal}: your mood was about {points} {direction} on days with it (90 % interval: "
        "{low} to {high})."
    ),
    "words_lift_unsure": " The interval crosses zero, so there may be no real difference.",
    "words_who5": "You took the WHO-5 {count}: {scores}.",
    "words_who5_score": "{percent} % on day {day}",
    "words_who5_real": " That is a real change: 10 points or more.",
    "words_who5_small": " That is within the usual ups and downs: under 10 points.",
    # The reflection report (workbook/views/report.py, 07_report).
    "report_subtitle": "{days} days for yourself, during a break from {partner}.",
    "report_not_started": "Your programme starts on {start}, so there is nothing to look back on yet.",
    "report_covers_partial": (
        "This report covers day {day} of {days}: {start} to {through}. Your programme is still "
        "going; make a fresh report on day {days} to see the whole of it."
    ),
    "report_covers_full": "This report covers all {days} days of your programme: {start} to {end}.",
    "report_covers_beyond": "It also counts the {extra} days you kept tracking after it, up to {today}.",
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
        "Contact happened on {count} day(s). It is recorded here honestly, and it doesn’t erase "
        "the days around it:"
    ),
    "report_strength_note": (
        "Strength is Loop Habit Tracker’s habit score: it rises with each day a goal is done, "
        "fades slowly on days it isn’t, and counts the target you set per week."
    ),
    "report_who5_none": "No WHO-5 yet. It takes a minute, and day 0, 14 and 30 show how things move.",
    "report_who5_one": "One WHO-5 so far: {percent} % on {date}. Taking it again on day 14 and day 30 shows the change.",
    "report_who5_real": (
        "From {first} % on {first_date} to {last} % on {last_date}: a change of {points} points, "
        "which counts as a real change (10 points or more)."
    ),
    "report_who5_small": (
        "From {first} % on {first_date} to {last} % on {last_date}: a change of {points} points, "
        "within the usual ups and downs (a real change is 10 points or more)."
    ),
    "report_who5_credit": "WHO-5 Well-Being Index: Psychiatric Centre North Zealand.",
    "report_no_wins": "No wins written down yet. They count even when they’re small.",
    "report_no_decision": "You haven’t recorded your day-30 reflection yet. There’s no rush.",
    "report_closing": (
        "Whatever comes next, these {checkins} check-ins are yours. Each one was a day you "
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
    "report_saved": "Your report is ready: {path}. It stays in your own folder; share it only if you want to.",
    "report_choose": "Choose a format. The file is saved in your workbook’s folder, readable only by you.",
    "report_bad_format": "The format should be html, pdf or json; “{value}” isn’t one.",
    "report_working": "Making your report… a PDF takes a few seconds.",
    # Reliability: damage, backups, restore, export and import.
    "damaged_with_backup": (
        "Your workbook file ({path}) looks damaged, so the workbook has left it exactly as it is. "
        "Your newest good backup is {backup}; to go back to it, run `workbook restore {backup}` "
        "(the damaged file is kept, not deleted)."
    ),
    "damaged_no_backup": (
        "Your workbook file ({path}) looks damaged, so the workbook has left it exactly as it is. "
        "There’s no backup to go back to yet; if you exported or backed up elsewhere, "
        "`workbook restore PATH` or `workbook import PATH` into a new folder will bring it back."
    ),
    "backup_done": "Your workbook is backed up: {path}. It is readable only by you.",
    "backup_encrypted_done": (
        "Your workbook is backed up and encrypted: {path}. Keep your passphrase somewhere safe — "
        "without it, nobody (not even you) can open this backup."
    ),
    "backup_nothing": "There’s no workbook in {path} yet, so there’s nothing to back up.",
    "restore_done": "Your workbook is back as it was in {path}.",
    "restore_safety": "What was there before is kept, just in case: {path}.",
    "restore_damaged": "That backup is damaged and can’t be restored ({problem}). Nothing was changed.",
    "restore_newer": (
        "That backup comes from a newer version of the workbook. Please update the workbook first; "
        "nothing was changed."
    ),
    "not_a_backup": "{path} isn’t a workbook backup, so nothing was changed.",
    "backup_damaged": "That encrypted backup is damaged or incomplete, so it can’t be opened. Nothing was changed.",
    "backup_newer": "That backup was made by a newer version of the workbook. Please update first; nothing was changed.",
    "wrong_passphrase": "That passphrase doesn’t open this backup. Nothing was changed — please try again.",
    "passphrase_needed": (
        "This backup is encrypted. Give its passphrase with --passphrase-file PATH or the "
        "WORKBOOK_PASSPHRASE environment variable, or run the command in a terminal to be asked."
    ),
    "passphrase_short": "Please choose a passphrase of at least {minimum} characters.",
    "passphrase_mismatch": "The two passphrases don’t match, so nothing was written. Please try again.",
    "passphrase_prompt": "Passphrase for this backup: ",
    "passphrase_again": "The same passphrase again: ",
    "file_missing": "There’s no file at {path}. Please check the name and folder.",
    "file_unreadable": "{path} can’t be read ({reason}).",
    "folder_missing": "The folder {path} doesn’t exist. Please create it first or choose another.",
    "file_exists": "{path} already exists, and the workbook won’t write over it. Choose another name.",
    "export_done": "Your workbook is exported to {path} ({rows} rows, every revision included).",
    "export_empty": "There’s no workbook in {path} yet, so there’s nothing to export.",
    "import_done": "Imported {rows} rows into {path}. Your workbook is back, every revision included.",
    "import_not_ours": "{path} isn’t a workbook export, so nothing was imported.",
    "import_damaged": "{path} is a workbook export, but it is damaged or incomplete ({problem}). Nothing was imported.",
    "import_newer": "{path} comes from a newer version of the workbook. Please update first; nothing was imported.",
    "import_not_empty": (
        "{path} already holds a workbook. Import only fills an empty one, so nothing was changed: "
        "choose a new folder with --data-dir, or back up and restore instead."
    ),
    "import_unknown_table": "The export has a table this workbook doesn’t know (“{table}”), so nothing was imported.",
    "import_unknown_column": "The export has a column this workbook doesn’t know (“{table}.{column}”), so nothing was imported.",
    # Moving between the stages (workbook/pages/nav.py), in JupyterLab and in the app.
    "stage_titles": (
        "Start here|The break|Today’s check-in|Your progress|Day 30: a real think|The reunion|"
        "Keep going|Your report"
    ),
    "stage_previous": "← Back: {title}",
    "stage_next": "Next: {title} →",
    # Reminders in the person's own calendar (workbook/views/calendar.py, `workbook remind`), and the
    # output files every command writes (workbook/store/output_files.py). The events' own words are
    # neutral on purpose: calendars are often synced to a cloud service.
    # Hostile input (issue 13): imports and restores checked row by row, output files, a full disk.
    "date_out_of_range": "{field} is {value}; the workbook keeps days from {low} to {high}.",
    "not_a_timestamp": "{field} should be a date and time like 2026-11-25T08:30:00+00:00.",
    "record_kind": "“{value}” isn’t a stage the workbook records (those are: {kinds}).",
    "record_not_object": "The {kind} record should be a set of named answers.",
    "record_key": "The {kind} record has an answer the workbook doesn’t know (“{name}”).",
    "record_yes_no": "{field} should be yes or no.",
    "record_text": "{field} should be text.",
    "record_whole": "{field} should be a whole number.",
    "record_list": "{field} should be a list of texts.",
    "record_not_json": "The stage’s answers aren’t readable JSON.",
    "emotions_bad": "The emotion words should be a JSON list of words.",
    "cell_empty": "this can’t be empty",
    "cell_wrong_type": "this should be {kind}",
    "cell_problem": "in {table}, row {row}, {column}: {problem}",
    "row_problem": "in {table}, row {row}: {problem}",
    "row_malformed": "in {table}, row {row} has the wrong number of cells",
    "table_missing": "the table “{table}” is missing",
    "table_malformed": "the table “{table}” isn’t a list of columns and rows",
    "column_missing": "the column “{table}.{column}” is missing",
    "id_range": "an id should be a whole number from 1 to {high:,}",
    "id_twice": "the id {id} is used twice",
    "dangling": "this points to a row of {table} that isn’t there",
    "position_bad": "the goal’s position is repeated or out of range",
    "sequence_bad": "SQLite’s row counter for “{table}” is out of range",
    "import_refused": "{path} can’t be imported: {problem}. Nothing was imported.",
    "import_too_big": "{path} is larger than any workbook export ({limit} MB), so nothing was imported.",
    "restore_not_ours": (
        "That backup isn’t exactly a workbook ({problem}), so it can’t be restored. "
        "Nothing was changed."
    ),
    "restore_bad_rows": "That backup holds rows the workbook can’t accept ({problem}). Nothing was changed.",
    "output_exists": (
        "{path} already exists, and the workbook won’t write over it. Choose another name, "
        "or add --force to replace it."
    ),
    "remind_bad_time": "{field} should be a time on the 24-hour clock, like 20:00; “{value}” isn’t one.",
    "remind_time_needed": "{field}: please choose a time for your reminders, like 20:00.",
    "remind_done": (
        "Your reminders are saved: {path}. Open or import it in your calendar for a reminder at "
        "{time} on each of your {days} days. Made again after a change to your plan, it updates "
        "those reminders instead of doubling them."
    ),
    "remind_page_title": "A reminder in your own calendar.",
    "remind_page_intro": (
        "Choose a time and save a calendar file; open it "
        "with your calendar app. Its words are neutral — “Your daily check-in” — so nothing "
        "private shows, even on a synced calendar."
    ),
    "remind_checkin": "Your daily check-in",
    "remind_checkin_details": "Two minutes for yourself: open your workbook and fill in today.",
    "remind_review": "Your weekly look back",
    "remind_review_details": "Open your workbook’s progress page and look back on your week.",
    "remind_who5": "Your wellbeing check (WHO-5)",
    "remind_who5_details": "Five short questions about the last two weeks, in your workbook.",
    "remind_reflection": "Your day-{day} reflection",
    "remind_reflection_details": "The last day: take your time with the reflection in your workbook.",
    "remind_also_today": "Also today: {events}.",
    "output_is_link": (
        "{path} is a link to another file, and the workbook won’t write through it. Choose "
        "another name, or add --force to replace the link itself."
    ),
    "output_not_a_file": "{path} isn’t an ordinary file, so the workbook won’t write there.",
    "folder_read_only": "The workbook can’t write in {path} (the folder is read-only). Nothing was written.",
    "write_failed": "{path} couldn’t be written ({reason}). Nothing was written.",
    "disk_full": (
        "The disk holding {path} is full, so nothing was saved and nothing was lost. "
        "Free some space and try again."
    ),
    "workbook_unreachable": (
        "Your workbook at {path} can’t be opened just now ({reason}). It hasn’t been changed."
    ),
    # The app's door, for a browser that came without the token (it shows nothing of the workbook).
    "app_login_title": "Your workbook is locked",
    "app_login_why": "This workbook opens only for the person who started it.",
    "app_login_how": (
        "Open the address that `workbook app` printed where you started it: it ends in "
        "?token=… and lets you straight in. Or copy the part after token= and paste it here."
    ),
    "app_login_label": "Token",
    "app_login_button": "Open my workbook",
    "app_login_wrong": "That token doesn’t open this workbook. Check that you copied all of it.",
}


def say(key: str, **values) -> str:
    """The user-facing sentence for `key`, filled in."""
    return MESSAGES[key].format(**values)


def say_parts(key: str, **values) -> list[str]:
    """A "|"-separated message as its parts, each filled in (split first: values may hold "|")."""
    return [part.format(**values) for part in MESSAGES[key].split("|")]
