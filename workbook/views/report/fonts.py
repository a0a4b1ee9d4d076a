"""Characters of the workbook that no font on this machine can draw, asked of fontconfig.

Chromium, which prints the PDF, finds its fonts through fontconfig on Linux: a character no
installed font covers prints as an empty box. `fc-list` lists every font's character set; a
character is missing when it is in none of them. Without fontconfig (macOS, Windows) there is
nothing to ask and nothing is said.
"""

from __future__ import annotations

import bisect
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, is_dataclass

from ...core.model import Snapshot

# Drawn by no glyph of their own: controls, format characters (joiners, bidi marks), spaces, and
# the variation selectors that ask for the emoji or the text form of the character before them.
NO_GLYPH = {"Cc", "Cf", "Zs", "Zl", "Zp"}
VARIATION_SELECTORS = ((0xFE00, 0xFE0F), (0xE0100, 0xE01EF))
SHOWN = 16  # at most this many characters (one of each script) in the one-line warning


def covered_ranges() -> list[tuple[int, int]] | None:
    """Every code point range some installed font covers, merged and sorted; None without fontconfig."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        listing = subprocess.run(
            [fc_list, "--format", "%{charset}\n"],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    ranges = []
    for token in listing.split():
        first, _, last = token.partition("-")
        try:
            ranges.append((int(first, 16), int(last or first, 16)))
        except ValueError:
            continue
    merged: list[tuple[int, int]] = []
    for first, last in sorted(ranges):
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def needs_glyph(char: str) -> bool:
    code = ord(char)
    if unicodedata.category(char) in NO_GLYPH:
        return False
    return not any(first <= code <= last for first, last in VARIATION_SELECTORS)


def missing_characters(texts: Iterable[str], ranges: list[tuple[int, int]] | None = None) -> str:
    """The characters of `texts` no installed font draws, in code point order ("" when none)."""
    chars = sorted({c for text in texts for c in text if ord(c) > 0x7E and needs_glyph(c)})
    if not chars:
        return ""
    ranges = covered_ranges() if ranges is None else ranges
    if not ranges:
        return ""
    starts = [first for first, _ in ranges]

    def covered(char: str) -> bool:
        at = bisect.bisect_right(starts, ord(char)) - 1
        return at >= 0 and ranges[at][0] <= ord(char) <= ranges[at][1]

    return "".join(c for c in chars if not covered(c))


def workbook_texts(snapshot: Snapshot) -> list[str]:
    """Every piece of text in the workbook: the plan, the check-ins, the WHO-5s, the records."""
    texts: list[str] = []

    def walk(value) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif is_dataclass(value) and not isinstance(value, type):
            walk(asdict(value))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    walk([snapshot.plan, snapshot.checkins, snapshot.who5s, list(snapshot.records.values())])
    return texts


def _script(char: str) -> str:
    """A character's script, near enough: the first word of its Unicode name; emoji are one."""
    if ord(char) >= 0x1F000 or unicodedata.category(char) == "So":
        return "emoji"
    return unicodedata.name(char, "?").split()[0]


def shown(missing: str) -> str:
    """The missing characters as a person reads them: one letter (not a mark) of each script."""
    firsts: dict[str, str] = {}
    for char in missing:
        if not unicodedata.category(char).startswith("M"):
            firsts.setdefault(_script(char), char)
    listed = list(firsts.values()) or list(missing)
    more = " …" if len(listed) > SHOWN else ""
    return " ".join(listed[:SHOWN]) + more
