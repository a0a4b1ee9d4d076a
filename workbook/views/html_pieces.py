"""The small HTML pieces pages and the report share: message boxes, streak cards, the help box.

Each takes plain values (text, numbers, a flag), never a snapshot, and renders an autoescaping
template, so whatever a person typed is shown as text. Light on purpose: no IPython, ipywidgets or
plotly here, so the report and the command line can use it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..core.messages import say
from .templating import render
from .theme import BLUE, FONT_FAMILY, GREEN

if TYPE_CHECKING:
    from .chart_words import ChartWords

# kind -> (background, border)
STYLES = {
    "info": ("#eef4fb", "#0072B2"),
    "success": ("#eaf6f0", "#009E73"),
    "warning": ("#fdf3e6", "#E69F00"),
    "error": ("#fbeeee", "#B2443A"),
    "help": ("#f3effa", "#7D5BA6"),
}
CHECKIN_COLOUR, CONTACT_COLOUR = BLUE, GREEN  # the charts' own colours for them


# A list item: plain text, or (bold lead, text), or (bold lead, [sub-items]).
Item = str | tuple[str, str] | tuple[str, Sequence[str]]


def _text(value) -> str:
    """A piece of text for a template: Markup and a filled-in sentence (say's <bdi> round what a
    person typed) keep their own HTML, anything else is its plain text."""
    return value if hasattr(value, "__html__") else str(value)


def _item(item: Item) -> dict:
    if isinstance(item, str):
        return {"lead": "", "text": item, "sub": []}
    lead, rest = item
    if isinstance(rest, str):
        return {"lead": _text(lead), "text": rest, "sub": []}
    return {"lead": _text(lead), "text": "", "sub": [_text(s) for s in rest]}


def message_box(
    text: str | Sequence[str] = (),
    kind: str = "info",
    *,
    lead: str = "",
    items: Sequence[Item] = (),
    items_title: str = "",
    ordered: bool = False,
    plain_list: bool = False,
    after: str = "",
) -> str:
    """A calm coloured box, every part of it plain text (escaped).

    `text` is one string or a list of paragraphs, with an optional bold `lead`; then `items` (see
    Item) under an optional bold `items_title`, numbered when `ordered`, without bullets when
    `plain_list`; then `after`, a last sentence.
    """
    kind = kind if kind in STYLES else "info"
    background, border = STYLES[kind]
    paragraphs = [text] if isinstance(text, str) else list(text)
    return render(
        "message_box.html.j2",
        kind=kind,
        background=background,
        border=border,
        lead=lead,
        # a sentence's own HTML (say's <bdi>, its values already escaped) stays as it is
        paragraphs=[_text(p) for p in paragraphs if p not in (None, "")],
        items=[_item(i) for i in items],
        items_title=items_title,
        ordered=ordered,
        plain_list=plain_list,
        after=after,
    )


def streak_cards(
    checkin_current: int, checkin_best: int, no_contact_current: int, no_contact_best: int
) -> str:
    """The four streak cards, check-in and no-contact, current and best."""
    cards = [
        (say("progress_streak_checkin"), int(checkin_current), CHECKIN_COLOUR),
        (say("progress_streak_checkin_best"), int(checkin_best), CHECKIN_COLOUR),
        (say("progress_streak_contact"), int(no_contact_current), CONTACT_COLOUR),
        (say("progress_streak_contact_best"), int(no_contact_best), CONTACT_COLOUR),
    ]
    return render("streak_cards.html.j2", cards=cards, font_family=FONT_FAMILY)


def low_mood_box(words: str | None) -> str:
    """ "" unless the low-mood prompt fires (`words` says why); then a warm box with where to
    find help."""
    if not words:
        return ""
    return message_box([words, say("help_resources")], "help")


def page_piece(kind: str, **values) -> str:
    """A heading, paragraph, list, details, label, small print, quote, a file's link, the top of
    a page, the stage links or the map of the stages."""
    defaults = {
        "text": "",
        "muted": False,
        "items": (),
        "summary": "",
        "links": (),
        "href": "",
        "download": False,
    }
    return render("page_piece.html.j2", kind=kind, **{**defaults, **values}).strip()


def chart_words_html(words: ChartWords | None) -> str:
    """A chart's sentence and its numbers' table (collapsed); "" for a chart with nothing to say."""
    if words is None:
        return ""
    return render(
        "chart_words.html.j2", key=words.key, sentence=words.sentence, table=words.table
    ).strip()
