"""06 · Keep going."""

MESSAGES = {
    # Keep going.
    "keep_no": (
        "All hope is not lost. You have spent {days} becoming someone you are proud of, and "
        "that person is still here. Keep following through: people want to be around people "
        "who are ambitious and happy."
    ),
    "keep_yes": "You’re giving it another shot. Keep the habits that got you here — they are yours.",
    "keep_not_yet": "No answer yet. Keep living your own life well while you wait.",
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
