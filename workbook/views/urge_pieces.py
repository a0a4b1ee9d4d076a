"""The small HTML pieces of the moment of the urge: the link at the top of every page, the
breathing circle, and the unsent words, kept and collapsed (escaped like everything else)."""

from __future__ import annotations

from collections.abc import Sequence

from ..core.messages import counted, say
from .templating import render


def urge_top_link() -> str:
    """The link at the top of every stage page to the moment of the urge (08_urge)."""
    return render("urge_pieces.html.j2", kind="top_link", text=say("urge_top_link")).strip()


def breathe(text: str) -> str:
    """A circle growing and shrinking at a calm pace (still when motion is reduced)."""
    return render("urge_pieces.html.j2", kind="breathe", text=text).strip()


def kept_words(moments: Sequence, summary: str | None = None) -> str:
    """What the person wanted to say, moment by moment, collapsed; "" when there is none."""
    items = [(f"{m.at:%a} {m.at.day} {m.at:%b %Y}, {m.at:%H:%M}", m.words) for m in moments]
    if not items:
        return ""
    summary = summary or counted(len(items), "urge_words_title")
    return render("urge_pieces.html.j2", kind="kept_words", summary=summary, items=items).strip()


def timer(seconds: int, text: str, done: str, label: str) -> str:
    """A bar the browser fills over `seconds` (a CSS animation: the kernel does nothing while it
    runs), and `done` shown when it is full."""
    values = {"seconds": int(seconds), "text": text, "done": done, "label": label}
    return render("urge_pieces.html.j2", kind="timer", **values).strip()
