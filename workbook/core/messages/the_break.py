"""01 · The break."""

MESSAGES = {
    # The break.
    "break_intro": "Here are some words you could use to ask {partner} for a break. Make them yours.",
    "break_script": (
        "“{partner}, I hear you, and I don’t want to fight it. Could we take {days} apart "
        "— no calls, no messages — so we both have room to think? After that, let’s see how we "
        "each feel. Whatever you decide then, I’ll respect it.”"
    ),
    "break_saved": "Saved: {partner} {answer_words}. No contact: {no_contact}. Dating others: "
    "{dating}. The break starts {start}.",
    "break_agreed": "agreed to the break",
    "break_declined": "declined the break",
    "break_did_not_ask": "was not asked — and that’s fine",
    "break_same_next": ("Either way, the next step is the same: {days} of working on yourself."),
    "break_plan_moved": "Your plan now starts on {start}, the first day of the break.",
    # The page's labels and buttons (workbook/pages/the_break.py).
    "break_label_answer": "Their answer",
    "break_label_no_contact": "No contact for the whole break",
    "break_label_dating": "Dating others allowed?",
    "break_label_start": "The break starts on",
    "break_label_practical": (
        "Practical contact allowed (children, money, a shared home)? It is then recorded, not a slip."
    ),
    "break_field_practical": "Practical contact",
    "break_save": "Save",
}
