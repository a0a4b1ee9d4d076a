"""What the stages record (the break, the day-30 reflection and its draft, the reunion), checked as each page
checks it: known keys only, each answer of the right type and in range. Used by imports and
restores, with the same rules as the pages (`validation`).
"""

from __future__ import annotations

from .errors import InputError
from .messages import say
from .records import BREAK_ANSWERS, GATE_REASONS, REFLECTION_TEXTS, REUNION_OUTCOMES
from .validation import parse_choice, parse_date, parse_int, parse_text


def _yes_no(value, field: str) -> bool:
    if not isinstance(value, bool):
        raise InputError(say("record_yes_no", field=field))
    return value


def _whole(value, field: str) -> int:
    if type(value) is not int:
        raise InputError(say("record_whole", field=field))
    return value


def _texts(value, field: str) -> list[str]:
    if not isinstance(value, list) or len(value) > 1000:
        raise InputError(say("record_list", field=field))
    return [
        parse_text(item if isinstance(item, str) else _not_text(field), field) for item in value
    ]


def _not_text(field: str):
    raise InputError(say("record_text", field=field))


def _text(value, field: str) -> str:
    return parse_text(value if isinstance(value, str) else _not_text(field), field)


def _record_fields() -> dict[str, dict]:
    """{kind: {key: check}}: what each stage may record, checked as its page checks it."""
    return {
        "break": {
            "answer": lambda v: parse_choice(v, "Their answer", BREAK_ANSWERS),
            "no_contact": lambda v: _yes_no(v, "No contact"),
            "dating_allowed": lambda v: _yes_no(v, "Dating"),
            "start_date": lambda v: (
                None if v is None else parse_date(v, "The start date", allow_future=True)
            ),
        },
        "reflection": {
            **{
                key: (lambda k: lambda v: _yes_no(v, k))(key)
                for key in ("want_restart", "keep_growing", "felt_safe", "gate_open", "show_help")
            },
            "conviction": lambda v: parse_int(_whole(v, "Conviction"), "Conviction", 0, 10),
            "reasons": lambda v: _texts(v, "The gate’s reasons"),  # sentences, before 0003
            "gate_reasons": lambda v: [
                parse_choice(code, "The gate’s reasons", GATE_REASONS)
                for code in _texts(v, "The gate’s reasons")
            ],
            "decision": lambda v: _text(v, "My decision"),
            **{key: (lambda k: lambda v: _text(v, k))(key) for key in REFLECTION_TEXTS},
        },
        "reflection_draft": {
            key: (lambda k: lambda v: _text(v, k))(key) for key in REFLECTION_TEXTS
        },
        "reunion": {
            "outcome": lambda v: parse_choice(v, "Their answer", REUNION_OUTCOMES),
            "script": lambda v: _text(v, "Your script"),
            "talking_points": lambda v: _texts(v, "Talking points"),
        },
    }


RECORD_KINDS = ("break", "reflection", "reflection_draft", "reunion")


def validate_record(kind, data) -> None:
    """A stage's recorded answers have the shape its page saves: known keys, right types."""
    fields = _record_fields().get(kind)
    if fields is None:
        raise InputError(say("record_kind", value=str(kind)[:40], kinds=", ".join(RECORD_KINDS)))
    if not isinstance(data, dict):
        raise InputError(say("record_not_object", kind=kind))
    for key, value in data.items():
        check = fields.get(key)
        if check is None:
            raise InputError(say("record_key", kind=kind, name=str(key)[:40]))
        if value is None:
            continue  # an answer left out
        check(value)
