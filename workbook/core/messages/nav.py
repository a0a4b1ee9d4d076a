"""Moving between the stages."""

MESSAGES = {
    # Moving between the stages (workbook/pages/nav.py), in JupyterLab and in the app.
    # Each stage's title, by its notebook's name (the stages and their order: core/stages.py).
    "stage_title_00_start_here": "Start here",
    "stage_title_01_the_break": "The break",
    "stage_title_02_daily_checkin": "Today’s check-in",
    "stage_title_03_progress": "Your progress",
    "stage_title_04_day30_reflection": "Day 30: a real think",
    "stage_title_05_reunion": "The reunion",
    "stage_title_06_keep_going": "Keep going",
    "stage_title_07_report": "Your report",
    "stage_previous": "← Back: {title}",
    "stage_next": "Next: {title} →",
    # The top of every page, and the map of every stage on the start page (pages/nav.py).
    "nav_all_stages": "☰ All stages",
    "nav_map_title": "Every stage, and where you are",
    "nav_state_done": "✓ done",
    "nav_state_done_today": "✓ done for today",
    "nav_state_today": "today",
    "nav_state_any_time": "any time",
    "nav_state_opens": "opens on day {day}, {date}",
    "nav_state_after_plan": "once your plan is saved",
    "nav_state_after": "after {title}",
    "nav_state_not_now": "not on your path now",
}
