"""The stage notebooks' own words (scripts/build_notebooks.py): Markdown, headings included."""

MESSAGES = {
    "notebook_start_intro": (
        "# Start here\n\nThis is your workbook for the days of your break. It is private: "
        "everything you write is kept in a folder only you can open, and nothing is sent "
        "anywhere else. Take a breath — you don’t have to get anything right today."
    ),
    "notebook_start_plan": (
        "## Your plan\n\nWho you are doing this for is you. Fill in what you like and press "
        "**Save my plan**; come back and press **Change my plan** whenever you want."
    ),
    "notebook_start_care": "## Looking after yourself",
    "notebook_break_intro": (
        "# The break\n\nAsking for a break instead of an ending gives you both room to "
        "breathe. Here are some words to start from, and a place to note what was agreed."
    ),
    "notebook_break_agreed": "## What was agreed",
    "notebook_checkin_intro": (
        "# Today’s check-in\n\nTwo minutes for yourself. Move the sliders, tick what you "
        "did, write one small win, and press **Save**. To fill in or correct another day, "
        "pick it in the date box."
    ),
    "notebook_progress_intro": (
        "# Your progress\n\nHere is how your days have gone, in pictures: your mood, your "
        "goals, the urges you rode out, and what you have accomplished. Nothing here is a "
        "grade. Look at it with the same kindness you would show a friend."
    ),
    "notebook_reflection_intro": (
        # What the page offers depends on the day (workbook/pages/reflection.py): the words too.
        "# Day 30: a real think"
    ),
    "notebook_reflection_questions": (
        "## Your reflection\n\nGo on to the reunion only if the answer is a resounding yes."
    ),
    "notebook_reunion_intro": (
        "# The reunion\n\nArrive calm, head high, accomplishments in tow. Share what you "
        "have been working on and ask — without pressure — whether they would like to try "
        "again. What they choose is up to them."
    ),
    "notebook_keep_going_intro": (
        "# Keep going\n\nWhatever the answer, you keep growing. Your check-ins carry on past "
        "your last day, and you can add new goals whenever you like."
    ),
    "notebook_report_intro": (
        "# Your reflection report\n\nEverything from your programme in one place: your "
        "plan and your why, the numbers, the charts, your WHO-5, your wins, your reflection, "
        "and a few words to close.\n\nChoose **HTML** to open it in any browser (it works "
        "offline), **PDF** to print it or show a counsellor, or **JSON** for the plain "
        "numbers. The file is saved in your workbook's folder, readable only by you; nothing "
        "is sent anywhere."
    ),
    "notebook_report_share": (
        "Share it only if you want to, and only with people you trust. If you make a report "
        "before your last day, it says which day it covers; you can make a fresh one any time."
    ),
}
