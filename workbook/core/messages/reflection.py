"""04 · The day-30 reflection."""

MESSAGES = {
    # The day-30 reflection.
    "numbers_intro": "Your {days} in numbers",
    "who5_compare": "WHO-5: {before} % on {before_date}, {after} % on {after_date} — {change}.",
    "who5_real_up": "up {points}, a real change",
    "who5_real_down": "down {points}, a real change — please be gentle with yourself",
    "who5_small": "a change of {points}, within the normal ups and downs",
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
    "decision_recorded_no_words": "Your answers were recorded on {date}.",
    "reflection_welcome": (
        "You made it to the end of your {days}. Before anything else, look at what you "
        "did — then answer honestly. There are no wrong answers here."
    ),
    "reflection_not_yet": (
        "It’s day {day} of {days}: {remaining} to go. This page opens on day {days}, {date}."
    ),
    "reflection_meanwhile": (
        "Until then, keep working on yourself and keep checking in every day: those days are "
        "what you will look back on here. You may draft your answers below; they are kept as a "
        "draft, and nothing is decided before your last day."
    ),
    "reflection_before_start": (
        "Your plan starts on {start}. This page opens on your last day, day {days}: {date}."
    ),
    "reflection_draft_title": "Your draft, for day {days}",
    "reflection_draft_saved": (
        "Your draft is saved. Nothing is decided yet: on day {days} ({date}) you can finish it "
        "and decide."
    ),
    "reflection_not_decided": (
        "Nothing was decided or recorded as a decision: your decision and the gate open on "
        "your last day, day {days} ({date}), {remaining} from now."
    ),
    "reflection_who5_not_yet": (
        "This page’s WHO-5 is for your last day, day {days} ({date}), so it wasn’t saved today."
    ),
}
