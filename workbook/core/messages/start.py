"""00 · Start here (and what the stage pages share)."""

MESSAGES = {
    # --- The stage pages 00–02 and 04–06 (notebooks and workbook/pages/) ---------------------------
    # Plain text only, everywhere: pages put the bold leads and lists in from templates.
    "programme_steps_title": "How the programme works",
    # Lead|text pairs, one per step (split before filling in, so a name may hold "|").
    "programme_steps": (
        "Ask for a break instead.|Suggest thirty days with no contact at all, then "
        "revisit how you both feel. {partner_cap} may agree or not; either way, the next step is "
        "the same.|"
        "Work on yourself, every day.|A new hobby, the gym, a counsellor, a haircut — "
        "whatever makes a real, noticeable change. A check-in takes two minutes.|"
        "Day 30: a real think.|Are you a better version of yourself? What did you "
        "accomplish and discover? Do you really, really want to start again — and would you keep "
        "growing as your own person inside it? Go on only on a resounding yes.|"
        "The reunion.|Arrive calm, head high, accomplishments in tow; share what you have "
        "been working on and ask, without pressure, whether {partner} would like to try again. "
        "What {partner} chooses is up to {object}.|"
        "Keep going, whatever the answer.|Keep working on yourself. People love being "
        "around someone who is growing and happy — and so will you."
    ),
    "plan_intro": "Let’s set up your plan. Only the start date is needed; everything else helps.",
    "plan_exists": "You already have a plan: {days} from {start} with {goals}. "
    "Change it whenever you like; the old one stays in its history.",
    "goals_intro": "Pick the goals that would make a real, noticeable change, and how many times a week.",
    "dating_locked": "Dating is off the list: your break agreement says no dating others.",
    "dating_note": "Dating only if your break agreement allows it.",
    "who5_intro_title": "How have you been? (WHO-5)",
    "who5_intro": (
        "Over the last two weeks… Five short questions; you will "
        "answer them again on day 14 and day 30, so you can see the change."
    ),
    "who5_taken": "Your latest answers, on {date}: {percent} %. You will answer again on day 14 "
    "and day 30, so you can see the change.",
    "who5_credit": "The WHO-5 Well-Being Index is © Psychiatric Centre North Zealand.",
    "who5_items": (
        "I have felt cheerful and in good spirits|I have felt calm and relaxed|"
        "I have felt active and vigorous|I woke up feeling fresh and rested|"
        "My daily life has been filled with things that interest me"
    ),
    "who5_labels": (
        "At no time|Some of the time|Less than half of the time|More than half of the time|"
        "Most of the time|All of the time"
    ),
    "who5_pick_all": "Please answer all five WHO-5 questions.",
    "who5_ok": "That sounds like a steadier fortnight. Keep looking after yourself.",
    "safety_note_title": "Your safety comes first.",
    "safety_note": (
        "This workbook is for a break between two people who were "
        "safe with each other. If you have felt afraid, controlled or hurt, the programme is not "
        "about getting back together: please reach out for support."
    ),
    "next_stage": "Your next page: {title}.",
    "yes_or_no": "{field} should be yes or no; “{value}” isn’t.",
    "answer_needed": "Please answer: {field}",
    "nothing_to_save": "Nothing to save yet — fill in the form above first.",
    # The page's labels and buttons (workbook/pages/start.py).
    "start_label_name": "Your name (optional)",
    "start_label_partner": "Their name",
    "start_partner_example": "your ex",
    "start_label_pronoun": "Their pronoun",
    "start_label_start": "The first day of the break",
    "start_label_days": "How many days",
    "start_label_why": "My why: why am I doing this?",
    "start_custom_goal_example": "Your own goal, e.g. Pottery class",
    "start_another_goal": "Another goal of my own",
    "start_save": "Save my plan",
    "start_change_plan": "Change my plan",
    "start_take_who5": "Answer the WHO-5 now",
    "start_label_times_a_week": "times a week",
}
