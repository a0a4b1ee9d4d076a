"""03 · Your progress: chart titles, empty states, streaks, what lifts the mood."""

MESSAGES = {
    # Progress (03_progress): chart titles, empty states, streaks, what lifts the mood.
    "progress_no_plan": "Once your plan is set up on Start here, your progress will appear here.",
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
    "progress_no_goals": "Your plan has no goals yet. Add one on Start here or Keep going and it will show up here.",
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
        "without it (likely between {low} and {high} points; {days_done} with it, {days_not} without)."
    ),
    "progress_mood_lift_same": (
        "On days with {goal}, your mood was about the same as on days without it "
        "(likely between {low} and {high} points; {days_done} with it, {days_not} without)."
    ),
    "progress_mood_lift_short": (
        "{goal}: not enough data yet ({days_done} with it, {days_not} without; 3 of each are needed)."
    ),
    "progress_mood_lift_caveat": (
        "This shows what went together, not what caused what: a good day can make a goal easier as "
        "much as a goal can lift a day. When the likely range includes zero, there may be no difference at all."
    ),
    "progress_title_who5": "Your WHO-5 wellbeing score (0–100 %)",
    "progress_no_who5": "Your WHO-5 will appear here once you answer it (on days 0, 14 and 30).",
    "progress_who5_real_change": (
        "Your score is {points} {direction} than on {first_date}: a change of 10 points or "
        "more counts as a real change."
    ),
    "progress_who5_small_change": (
        "Your score moved {points} since {first_date}; changes under 10 points are part of "
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
    # Short labels on the charts' axes and legends (workbook/views/charts/base.py LABELS).
    "chart_label_checkin": "Each check-in",
    "chart_label_avg7": "7-day average",
    "chart_label_trend": "Overall trend",
    "chart_label_contact": "Contact that day",
    "chart_label_mood_axis": "Mood (1 low – 10 high)",
    "chart_label_urge_axis": "Urge (0–10)",
    "chart_label_urge": "Urge",
    "chart_label_strength_axis": "Strength",
    "chart_label_minutes_axis": "Minutes in total",
    "chart_label_times_axis": "Times noted",
    "chart_label_lift_axis": "Difference in mean mood (points)",
    "chart_label_who5_axis": "WHO-5 score",
    "chart_label_day_axis": "Day of the programme",
    "chart_label_week_axis": "Week of the programme",
    "chart_label_calendar_key": "Green: done · grey: not done · blank: no check-in",
    "chart_label_weekly_key": "Green: target met · blue: this week so far · grey: not met",
    "chart_label_who5_50": "50 %: talking to someone could help",
    "chart_label_who5_28": "28 %: please do reach out",
    "chart_label_interval": "Likely range",
    "chart_label_lift_key": "Right of the line: higher mood on days with the goal · bars: the likely range",
}
