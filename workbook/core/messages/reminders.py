"""Reminders in the person's own calendar, and the page that makes them."""

MESSAGES = {
    # Reminders in the person's own calendar (workbook/views/calendar.py, `workbook remind`). The
    # events' own words are neutral on purpose: calendars are often synced to a cloud service.
    "remind_bad_time": "{field} should be a time on the 24-hour clock, like 20:00; “{value}” isn’t one.",
    "remind_time_needed": "{field}: please choose a time for your reminders, like 20:00.",
    "remind_done": (
        "Your reminders are saved: {path}. Open or import it in your calendar for a reminder at "
        "{time} on each of your {days}. Made again after a change to your plan, it updates "
        "those reminders instead of doubling them."
    ),
    "remind_page_title": "A reminder in your own calendar.",
    "remind_page_intro": (
        "Choose a time and save a calendar file; open it "
        "with your calendar app. Its words are neutral — “Your daily check-in” — so nothing "
        "private shows, even on a synced calendar."
    ),
    "remind_checkin": "Your daily check-in",
    "remind_checkin_details": "Two minutes for yourself: open your workbook and fill in today.",
    "remind_review": "Your weekly look back",
    "remind_review_details": "Open your workbook’s progress page and look back on your week.",
    "remind_who5": "Your wellbeing check (WHO-5)",
    "remind_who5_details": "Five short questions about the last two weeks, in your workbook.",
    "remind_reflection": "Your day-{day} reflection",
    "remind_reflection_details": "The last day: take your time with the reflection in your workbook.",
    "remind_also_today": "Also today: {events}.",
    # The page's labels and buttons (workbook/pages/reminders.py).
    "remind_save": "Save my reminders",
    "remind_time_label": "Remind me at",
}
