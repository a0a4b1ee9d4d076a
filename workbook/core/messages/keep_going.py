"""06 · Keep going."""

MESSAGES = {
    # Keep going.
    "keep_no": (
        "What you keep: {days} of showing up for yourself, and every habit, skill and friendship "
        "you built in them. It didn’t work out the way you hoped, and you will still be better off "
        "for it. The hope here is about your own life: the things you started are yours, whoever "
        "is in it. Your worth was never about being wanted by one person."
    ),
    "keep_yes": "You’re giving it another shot. Keep the habits that got you here — they are yours.",
    "keep_not_yet": (
        "No answer yet, and waiting is hard. What you keep either way: {days} of work on yourself, "
        "and you will still be better off for it, whatever comes. Keep living your own life well "
        "while you wait; your worth doesn’t hang on the answer."
    ),
    "keep_default": "Whatever comes next, keep working on yourself. It is the part that is always yours.",
    "long_view_title": "The long view:",
    "long_view": (
        "{checkins} check-ins since {start}; mood {first_mood} on average {first_days}{later}; "
        "{wins} wins; best no-contact run {best}."
    ),
    "long_view_later": ", {later_mood} since",
    "goals_added": "Added {goals}, counting from {date}.",
    "add_goal_title": "Add a new goal",
    "add_goal_intro": "— it counts from today.",
    "goals_now": "Your goals now",
    "long_view_first": "in the first {days}",
    "long_view_so_far": "in your first {days} so far",
}
