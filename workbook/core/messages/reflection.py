"""04 · The day-30 reflection."""

MESSAGES = {
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
}
