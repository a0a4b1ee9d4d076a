"""Today's step on the daily page (workbook/pages/step.py); the steps themselves are data
(workbook/core/steps.toml)."""

MESSAGES = {
    "step_title": "Today’s step · day {day} of {days}",
    "step_title_other_day": "The step for day {day} of {days} ({date})",
    "step_action_label": "A small action",
    "step_prompt_label": "A few lines to write",
    "step_time_box": (
        "Write for ten to fifteen minutes, then stop, even mid-sentence. If it stirs up more than "
        "it settles, the lighter choice is just as good:"
    ),
    "step_done": "I did today’s step",
    "step_writing": "My writing (kept in this day’s journal)",
    "step_save": "Keep my step",
    "step_saved_done": "Saved: the step for day {day} is done. Well done for showing up.",
    "step_saved": "Saved your step for day {day}. Come back to it whenever you like.",
    "step_catch_up": (
        "Earlier days’ steps are always here: pick a day in the date box to do or finish one. "
        "There is nothing to catch up on unless you want to."
    ),
    "step_outside": "There is no step for this day: it is outside your plan’s days.",
    "steps_done_label": "steps done",
    "steps_done": "Today’s steps done so far: {done} of {days}.",
}
