"""05 · The reunion."""

MESSAGES = {
    # The reunion.
    "reunion_closed_intro": (
        "The reunion page is for a resounding yes on day {days}, and that isn’t where you are "
        "— which is completely fine."
    ),
    "reunion_no_reflection": (
        "The reunion page opens after your day-{days} reflection. Take it on "
        "Day 30: a real think first — and if you already know it’s not for you, Keep going "
        "is there for you."
    ),
    "reunion_go_on": "Your next page is Keep going.",
    "talking_points_intro": "What you could tell {partner}",
    "talking_points_yours": "— all of it yours:",
    "calm_checklist_title": "Calm, not desperate",
    "talking_goal": "{goal}, on {days}",
    "reunion_script": (
        "{greeting} Thank you for meeting me.\n\nThese {days} gave me room to think, and "
        "I used them. {wins}\n\n{accomplished}I’m not asking you to decide anything today. I’d "
        "like to know whether you would be willing to give us another shot — and if the answer "
        "is no, I’ll respect that, and I’ll keep going with everything I’ve started."
    ),
    "script_wins": "I’ve been working on myself — {goals_words}. {win_words}",
    "script_no_goals": "one day at a time",
    "script_greeting": "Hi.",
    "script_greeting_named": "Hi {name}.",
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
    "after_yes": "Wonderful. Keep growing as your own person inside it — Keep going helps.",
    "after_no": (
        "That hurts, and it’s all right that it does. What you built in these days is yours to "
        "keep, and you will still be better off for it. Keep going is there when you’re ready."
    ),
    "after_not_yet": (
        "Waiting is hard. What you built is yours whatever the answer, and your own life goes on "
        "growing in the meantime (Keep going)."
    ),
    "reunion_not_yet": (
        "The reunion page opens on your last day, day {days}: {date}, in {remaining}. Until "
        "then, keep working on yourself and keep checking in; your day-{days} reflection comes "
        "first."
    ),
}
