"""02 · The daily check-in."""

MESSAGES = {
    # The daily check-in.
    "day_of": "Day {day} of {days}",
    "day_before_start": "Your plan starts on {start}; check-ins open then.",
    "programme_complete": (
        "Your {days} days are complete — well done for getting here. Tracking goes on: keep "
        "checking in as long as it helps."
    ),
    "day_holds": "{date} already holds a check-in (mood {mood}{goals}). Change anything and "
    "save to correct it; the earlier version is kept.",
    "day_empty": "Nothing saved for {date} yet.",
    "saved_details": "Mood {mood}{energy}{goals}{slip}{win}.",
    "checkin_goal_part": "; goals: {goals}",
    "checkin_slip_part": "; contact recorded",
    "checkin_win_part": "; your win: “{win}”",
    "checkin_energy_part": ", energy {energy}",
}
