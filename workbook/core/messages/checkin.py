"""02 · The daily check-in."""

MESSAGES = {
    # The daily check-in.
    "day_of": "Day {day} of {days}",
    "day_past_the_end": "Day {day}",  # after the last day: not "Day 31 of 30"
    "day_before_start": "Your plan starts on {start}; check-ins open then.",
    "programme_complete": (
        "Your {days} are complete — well done for getting here. Tracking goes on: keep "
        "checking in as long as it helps."
    ),
    "day_holds": "{date} already holds a check-in (mood {mood}{goals}). Change anything and "
    "save to correct it; the earlier version is kept.",
    "day_saved": "✓ {date} is saved (mood {mood}{goals}). Change anything and save again to "
    "correct it; the earlier version is kept.",
    "day_empty": "Nothing saved for {date} yet.",
    "saved_details": "Mood {mood}{energy}{goals}{slip}{win}.",
    "checkin_goal_part": "; goals: {goals}",
    "checkin_slip_part": "; contact recorded",
    "checkin_win_part": "; your win: “{win}”",
    "checkin_energy_part": ", energy {energy}",
    # The page's labels and buttons (workbook/pages/checkin.py).
    "checkin_label_date": "Which day? (pick an earlier one to fill it in or correct it)",
    "checkin_label_mood": "Mood (1 = very low, 10 = great)",
    "checkin_label_energy": "Energy (1–10)",
    "checkin_label_sleep_hours": "Hours slept",
    "checkin_label_emotions": "A few words for how you feel (separated by commas)",
    "checkin_emotions_example": "hopeful, tired",
    "checkin_label_kept": "Did you stay out of contact today?",
    "checkin_kept_answers": "Yes|No, there was contact",
    "checkin_label_slip_by": "Who reached out?",
    # One answer per choice of core.validation.SLIP_BY_CHOICES, in its order.
    "checkin_slip_by_answers": (
        "Me|Them|Both|Practical contact (children, money, a home)|I looked at their profile"
    ),
    "checkin_label_slip": "What happened?",
    "checkin_label_urge": "Urge to make contact (0 = none, 10 = overwhelming)",
    "checkin_label_trigger": "What set the urge off, if anything?",
    "checkin_label_goals": "Your goals today",
    "checkin_label_minutes": "minutes",
    "checkin_label_win": "Today’s win, however small",
    "checkin_label_note": "Journal",
    "checkin_label_gratitude": "One thing you are grateful for",
    "checkin_save": "Save",
}
