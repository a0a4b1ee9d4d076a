"""A workbook written in every script a person may write in: names, goals, wins and notes."""

from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import replace
from datetime import date
from pathlib import Path

from workbook.core.model import Checkin, Goal
from workbook.store import Store

# One piece of text per script (the words are everyday names and phrases).
WRITTEN = {
    "Latin (Polish, Vietnamese)": "Zażółć gęślą jaźń — Nguyễn",
    "Greek": "Ελένη",
    "Cyrillic": "Наталья",
    "Arabic": "ليلى",
    "Hebrew": "נועה",
    "Devanagari": "नेहा",
    "Bengali": "প্রিয়া",
    "Gurmukhi": "ਹਰਪ੍ਰੀਤ",
    "Gujarati": "ગીતા",
    "Oriya": "ସୀତା",
    "Tamil": "கவிதா",
    "Telugu": "లక్ష్మి",
    "Kannada": "ಕಾವ್ಯ",
    "Malayalam": "മീര",
    "Chinese": "李小龙",
    "Japanese": "さくら、桜",
    "Korean": "지수",
    "Emoji": "👍🏽 👩‍👩‍👧‍👦 🧑🏿‍🤝‍🧑🏻 ❤️",
}
PARTNER = WRITTEN["Chinese"]
NAME = WRITTEN["Devanagari"]
WHY = f"{WRITTEN['Arabic']} 30 {WRITTEN['Hebrew']}!"
GOALS = (
    Goal(WRITTEN["Japanese"], 3),
    Goal(WRITTEN["Korean"], 2),
    Goal(WRITTEN["Greek"], 2),
)


def write_every_script(data_dir, today: date) -> dict[str, str]:
    """Put every script into the workbook's names, goals, win, note and gratitude for `today`."""
    with Store(data_dir) as store:
        plan = store.plan()
        store.save_plan(
            replace(
                plan,
                name=NAME,
                partner=PARTNER,
                why=WHY,
                goals=(*plan.goals, *(replace(g, since=plan.start_date) for g in GOALS)),
            )
        )
        store.save_checkin(
            Checkin(
                date=today,
                mood=7,
                energy=6,
                goals=tuple((g.name, 20) for g in GOALS),
                win=" · ".join(WRITTEN.values()),
                note=" · ".join(WRITTEN.values()),
                gratitude=WRITTEN["Emoji"],
            )
        )
    return WRITTEN


def notdef_glyphs(pdf: Path) -> tuple[int, int]:
    """(glyphs drawn, of which .notdef) in a PDF Chromium printed: its text is drawn glyph by
    glyph, `<XXXX> Tj`, each code the glyph's number in a CID font; a character no installed font
    has is drawn as glyph 0, the .notdef box. (Two-byte codes only: a Type 3 font's are one byte.)"""
    drawn = missing = 0
    data = pdf.read_bytes()
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            content = zlib.decompress(match.group(1))
        except zlib.error:
            continue  # an image or a font file, not a page's content
        for code in re.findall(rb"<([0-9A-Fa-f]{4})>\s*Tj", content):
            drawn += 1
            missing += int(code, 16) == 0
    return drawn, missing


def without_format_characters(text: str) -> str:
    """Text without joiners and bidi marks, which a PDF's text layer may add or leave out."""
    return "".join(c for c in text if unicodedata.category(c) != "Cf")
