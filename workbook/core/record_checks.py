"""The checks a stored record's answer meets (core/records.py's CHECKS): each returns the answer, or
raises InputError with a kind, specific sentence."""

from __future__ import annotations

from .errors import InputError
from .messages import say
from .validation import parse_text


def yes_no(field: str):
    def check(value) -> bool:
        if not isinstance(value, bool):
            raise InputError(say("record_yes_no", field=field))
        return value

    return check


def whole(value, field: str) -> int:
    if type(value) is not int:
        raise InputError(say("record_whole", field=field))
    return value


def text(field: str):
    def check(value) -> str:
        if not isinstance(value, str):
            raise InputError(say("record_text", field=field))
        return parse_text(value, field)

    return check


def texts(field: str):
    def check(value) -> list[str]:
        if not isinstance(value, list) or len(value) > 1000:
            raise InputError(say("record_list", field=field))
        return [text(field)(item) for item in value]

    return check
