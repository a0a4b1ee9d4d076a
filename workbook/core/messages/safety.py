"""Safety from the first page: the private question, the domestic-abuse lines, the quick exit,
and the programme as thirty days for the person when the answer is yes or not sure."""

MESSAGES = {
    # The private question (workbook/pages/safety.py), asked before the plan is saved.
    "safety_question_title": "A private question, just for you",
    "safety_question": (
        "Have you ever felt afraid of {partner}, or controlled, threatened or hurt by {object}?"
    ),
    "safety_question_why": (
        "There is no wrong answer, and you can change it whenever you like. It stays in this "
        "workbook: it is never in a reminder or a page title, and in your report only if you tick "
        "the box below. It helps the workbook suggest only what is safe for you."
    ),
    "safety_answers": "Yes|No|Not sure|I’d rather not say",
    "safety_in_report": "Show my answer in my report",
    "safety_save": "Save my answer",
    "safety_pick_one": "Please choose one of the answers, or “I’d rather not say”.",
    "safety_saved_concern": (
        "Thank you for telling the workbook. From now on it will not suggest talking to "
        "{partner}, and it will never coach a reunion: these days are for you. Help you can call "
        "for free is below, whenever you want it."
    ),
    "safety_saved_ok": "Saved. You can change this answer whenever you like.",
    "safety_report_label": "Felt afraid of, controlled, threatened or hurt by them",
    # Help for domestic abuse, shown beside the crisis lines.
    "abuse_help_title": "If you are afraid of someone close to you",
    "abuse_help": (
        "You are not to blame, and you don’t have to go through this alone. In the UK, the "
        "National Domestic Abuse Helpline is free, confidential and open day and night on "
        "0808 2000 247. In the US, call the National Domestic Violence Hotline on 1-800-799-7233, "
        "or text START to 88788. Elsewhere, findahelpline.com lists free services in your country. "
        "In an emergency, call your local emergency number."
    ),
    # The quick exit, on every page of the app.
    "quick_exit": "Leave quickly",
    "quick_exit_hint": (
        "Leave quickly (or press Esc twice) closes the workbook at once and shows a blank page; "
        "Back will not bring it back. Your browser’s history still lists pages you visited: a "
        "private window keeps none."
    ),
    # The programme as thirty days for the person (yes or not sure).
    "programme_steps_for_you_title": "How your {days} work",
    "programme_steps_for_you": (
        "These days are for you.|Nothing needs to be asked or agreed with {partner} for "
        "them to start. No contact can begin quietly, today.|"
        "Work on yourself, every day.|A new hobby, exercise, a counsellor, time with people who "
        "are good to you — whatever makes a real, noticeable change. A check-in takes two "
        "minutes.|"
        "The last day: a real think about you.|What did you accomplish and discover? What do you "
        "want your life to look like next?|"
        "Keep going.|Your check-ins and goals carry on for as long as you like."
    ),
    "break_for_you": (
        "You don’t need to ask {partner} for a break, or tell {object} anything, for these days to "
        "start: no contact can begin today, quietly. If something practical has to be agreed "
        "(children, money, a shared home), someone you trust, a support service or a solicitor "
        "can do it for you, in writing."
    ),
    "reunion_closed_safety": (
        "You said you have felt afraid, controlled, threatened or hurt, or weren’t sure. That "
        "matters more than anything here, so the workbook doesn’t coach a reunion. These days "
        "have been yours, and what you built in them stays yours."
    ),
}
