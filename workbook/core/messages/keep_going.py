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
        "{checkins} since {start}; mood {first_mood} on average {first_days}{later}; "
        "{wins} wins; best no-contact run {best}."
    ),
    "long_view_later": ", {later_mood} since",
    "goals_added": "Added {goals}, counting from {date}.",
    "goals_added_one": "{goal} ({times} a week)",
    "add_goal_title": "Add a new goal",
    "add_goal_intro": "— it counts from today.",
    "goals_now": "Your goals now",
    "long_view_first": "in the first {days}",
    "long_view_so_far": "in your first {days} so far",
    # Goals that follow a life (core.goal_states, the keep-going page, `workbook goal`).
    "goal_verb_unknown": "“{value}” isn’t something a goal can do: add, target, pause, retire or resume.",
    "goal_cannot_target_retired": "“{goal}” is retired. Bring it back first, then change its target.",
    "goal_cannot_pause_paused": "“{goal}” is already paused. Nothing changed.",
    "goal_cannot_pause_retired": "“{goal}” is retired, so there is nothing to pause. Nothing changed.",
    "goal_cannot_retire_retired": "“{goal}” is already retired. Nothing changed.",
    "goal_cannot_resume_active": "“{goal}” is already going. Nothing changed.",
    "goal_change_before": "“{goal}” last changed on {date}; a change can only count from then on. Nothing changed.",
    "goal_target_range": "A weekly target for “{goal}” is a whole number from 1 to 7; “{value}” isn’t. Nothing changed.",
    "goal_target_same": "“{goal}” already aims for {times} a week. Nothing changed.",
    "goal_state_bad": "A goal is active, paused or retired; “{value}” isn’t.",
    "goal_changed_target": "“{goal}” now aims for {times} a week, from {date}.",
    "goal_changed_pause": "“{goal}” is paused from {date}. Its strength waits for you; bring it back when you are ready.",
    "goal_changed_retire": "“{goal}” is retired from {date}. What you did for it still counts.",
    "goal_changed_resume": "“{goal}” is back from {date}.",
    "goal_line_active": "{goal}: {times} a week, done on {days}, strength {strength} %",
    "goal_line_paused": "{goal} (paused): done on {days}, strength {strength} %",
    "goal_line_retired": "{goal} (retired): done on {days}, strength {strength} %",
    "goal_change_title": "Change a goal",
    "goal_change_intro": "— a new target, a pause, retiring it or bringing it back; what it held is kept.",
    "goal_change_which": "Goal",
    "goal_change_field": "The goal to change, and a new target if you want one",
    "goal_change_target_label": "times a week",
    "goal_button_target": "Change target",
    "goal_button_pause": "Pause",
    "goal_button_retire": "Retire",
    "goal_button_resume": "Bring back",
    "goal_pick_one": "Choose a goal first.",
    "goal_new_label": "A new goal",
    "goal_cli_verbs": (
        "add NAME TIMES, target NAME TIMES (a new weekly target), pause NAME, retire NAME, "
        "resume NAME (bring it back); each counts from today"
    ),
    "goal_new_example": "e.g. Evening class",
    "goal_button_add": "Add this goal",
}
