"""03 and 07 · Each chart in words."""

MESSAGES = {
    # Charts in words (chart_words): under each chart, what it shows for this person, then its
    # numbers in a table a screen reader can reach.
    "words_table_summary": "The numbers behind this chart, as a table",
    "words_table_latest": "{caption} (the latest {shown} of {total} rows)",
    "words_mood_one": "You have one check-in so far: mood {mood} on {date}.",
    "words_mood_few": (
        "Your mood was {first} on your first check-in and {last} on your latest ({count} "
        "so far; the overall trend appears from 7)."
    ),
    "words_mood_rose": (
        "Your mood rose from about {start} to about {end} over these {days} (the overall "
        "trend; single days went from {low} to {high})."
    ),
    "words_mood_fell": (
        "Your mood went from about {start} down to about {end} over these {days} (the overall "
        "trend; single days went from {low} to {high}). Hard stretches are part of this, and they "
        "don’t undo your work."
    ),
    "words_mood_level": (
        "Your mood stayed about level over these {days}, around {mean} on average (single "
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
    "words_triggers_even": "You noted {count}, each {times}; none stands out yet.",
    "words_triggers_top": "You noted {count}; the most frequent was “{top}” ({times}).",
    "words_triggers_one": "You noted one trigger, “{top}” ({times}).",
    "words_lift": {
        "one": (
            "{n} goal has enough days to compare. The difference is with {goal}: your mood was "
            "about {points} {direction} on days with it (likely between {low} and {high} points)."
        ),
        "other": (
            "{n} goals have enough days to compare. The clearest difference is with {goal}: your "
            "mood was about {points} {direction} on days with it (likely between {low} and {high} "
            "points)."
        ),
    },
    "words_lift_unsure": " That range includes zero, so there may be no real difference.",
    "words_who5": "You took the WHO-5 {count}: {scores}.",
    "weeks": {"one": "{n} week", "other": "{n} weeks"},
    "triggers_different": {"one": "{n} trigger", "other": "{n} different triggers"},
    "words_who5_score": "{percent} % on day {day}",
    "words_who5_real": " That is a real change: 10 points or more.",
    "words_who5_small": " That is within the usual ups and downs: under 10 points.",
    # The tables' headings and cells ("|" separates the columns, in the tables' order).
    "words_column_date": "Date",
    "words_column_week": "Week",
    "words_mood_columns": "Date|Day|Mood (1–10)|7-day average|Contact that day",
    "words_urges_columns": "Date|Day|Urge (0–10)|Contact",
    "words_triggers_columns": "Trigger|Times noted",
    "words_lift_columns": "Goal|Days with it|Days without|Difference in mood|Likely range",
    "words_lift_points": "{points:.1f} points",
    "words_lift_directions": "higher|lower",
    "words_lift_interval": "{low} to {high} points",
    "words_not_a_goal_yet": "not a goal yet",
    "words_calendar_done": "done",
    "words_calendar_done_for": "done, {time}",
    "words_calendar_not_done": "not done",
    "words_no_checkin": "no check-in",
    # A week's status: met, missed, so far (numbers.day_frames.weekly_targets), in that order.
    "words_week_statuses": "met|missed|so far",
    "words_week_cell": "{done} of {target}, {status}",
    "words_week_row": "Week {week}",
    "words_strength_columns": "Goal|Times a week|Days done|A week ago|Today",
    "words_minutes_columns": "Goal|Time|Minutes|Days done",
    "words_who5_columns": "Taken on|Day|Score|Percent",
    "words_who5_raw": "{raw} of 25",
    "words_percent": "{percent} %",
}
