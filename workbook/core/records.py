"""The stages' own answers as small typed records, each converting to and from its stored form.

Each record type declares its stored shape once, in `CHECKS`: every key it may store, each with
the check its page makes (known keys only, each answer of the right type and in range). Imports
and restores check a stored record with it (`validate_record`), by the same rules as the pages.

Stored answers are codes ("agreed", "not yet", "gate_not_safe"); the words for them live in
`messages`. The day-30 reflection carries the gate's verdict, worked out once when it was saved
(by `numbers.gate.decide`), so no page or report evaluates the gate again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .errors import InputError
from .messages import say
from .model import Record
from .record_checks import text as _text
from .record_checks import texts as _texts
from .record_checks import whole as _whole
from .record_checks import yes_no as _yes_no
from .urge import IfThenPlan, UrgeDraft, UrgeMoment
from .validation import parse_choice, parse_date, parse_int

BREAK_ANSWERS = ("agreed", "declined", "did not ask")
REUNION_OUTCOMES = ("yes", "no", "not yet")
REFLECTION_TEXTS = ("better_version", "accomplished", "discovered")
GATE_REASONS = ("gate_not_safe", "gate_not_wanted", "gate_low_conviction", "gate_not_growing")
SAFETY_ANSWERS = ("yes", "no", "not sure", "rather not say")


@dataclass(frozen=True)
class BreakAgreement:
    answer: str  # one of BREAK_ANSWERS
    no_contact: bool = True
    dating_allowed: bool = False
    start_date: date | None = None
    recorded_on: date | None = None
    practical_allowed: bool = False  # practical contact (children, money, a home): not a slip

    KIND = "break"
    CHECKS = {
        "answer": lambda v: parse_choice(v, "Their answer", BREAK_ANSWERS),
        "no_contact": _yes_no("No contact"),
        "dating_allowed": _yes_no("Dating"),
        "practical_allowed": _yes_no("Practical contact"),
        "start_date": lambda v: parse_date(v, "The start date", allow_future=True),
    }

    def to_stored(self) -> dict:
        return {
            "answer": self.answer,
            "no_contact": self.no_contact,
            "dating_allowed": self.dating_allowed,
            "practical_allowed": self.practical_allowed,
            "start_date": self.start_date.isoformat() if self.start_date else None,
        }

    @classmethod
    def from_record(cls, record: Record | None) -> BreakAgreement | None:
        if record is None:
            return None
        data = record.data
        start = data.get("start_date")
        return cls(
            answer=str(data.get("answer", "")),
            no_contact=bool(data.get("no_contact", True)),
            dating_allowed=bool(data.get("dating_allowed", False)),
            start_date=date.fromisoformat(start) if start else None,
            recorded_on=record.date,
            practical_allowed=bool(data.get("practical_allowed", False)),
        )


@dataclass(frozen=True)
class GateAnswers:
    want_restart: bool
    conviction: int  # 0–10
    keep_growing: bool
    felt_safe: bool


@dataclass(frozen=True)
class Reflection:
    answers: GateAnswers
    texts: dict[str, str] = field(default_factory=dict)  # REFLECTION_TEXTS -> the person's words
    decision: str = ""
    gate_open: bool = False
    show_help: bool = False
    gate_reasons: tuple[str, ...] = ()  # message keys: why the gate stays closed
    recorded_on: date | None = None

    KIND = "reflection"
    CHECKS = {
        **{
            key: _yes_no(key)
            for key in ("want_restart", "keep_growing", "felt_safe", "gate_open", "show_help")
        },
        "conviction": lambda v: parse_int(_whole(v, "Conviction"), "Conviction", 0, 10),
        "reasons": _texts("The gate’s reasons"),  # sentences, stored before migration 0003
        "gate_reasons": lambda v: [
            parse_choice(code, "The gate’s reasons", GATE_REASONS)
            for code in _texts("The gate’s reasons")(v)
        ],
        "decision": _text("My decision"),
        **{key: _text(key) for key in REFLECTION_TEXTS},
    }

    def to_stored(self) -> dict:
        a = self.answers
        return {
            "want_restart": a.want_restart,
            "conviction": a.conviction,
            "keep_growing": a.keep_growing,
            "felt_safe": a.felt_safe,
            "decision": self.decision,
            "gate_open": self.gate_open,
            "show_help": self.show_help,
            "gate_reasons": list(self.gate_reasons),
            **{key: self.texts.get(key, "") for key in REFLECTION_TEXTS},
        }

    @classmethod
    def from_record(cls, record: Record | None) -> Reflection | None:
        if record is None:
            return None
        data = record.data
        answers = GateAnswers(
            want_restart=bool(data.get("want_restart")),
            conviction=int(data.get("conviction") or 0),
            keep_growing=bool(data.get("keep_growing")),
            felt_safe=bool(data.get("felt_safe")),
        )
        return cls(
            answers=answers,
            texts={key: str(data.get(key) or "") for key in REFLECTION_TEXTS},
            decision=str(data.get("decision") or ""),
            gate_open=bool(data.get("gate_open")),
            show_help=bool(data.get("show_help")),
            gate_reasons=tuple(data.get("gate_reasons") or ()),
            recorded_on=record.date,
        )


@dataclass(frozen=True)
class ReflectionDraft:
    """The reflection's open questions, drafted before the last day: words only, no decision,
    no gate (the day-30 page opens on the last day and starts from these)."""

    texts: dict[str, str] = field(default_factory=dict)  # REFLECTION_TEXTS -> the person's words
    recorded_on: date | None = None

    KIND = "reflection_draft"
    CHECKS = {key: _text(key) for key in REFLECTION_TEXTS}

    def to_stored(self) -> dict:
        return {key: self.texts.get(key, "") for key in REFLECTION_TEXTS}

    @classmethod
    def from_record(cls, record: Record | None) -> ReflectionDraft | None:
        if record is None:
            return None
        data = record.data
        texts = {key: str(data.get(key) or "") for key in REFLECTION_TEXTS}
        return cls(texts=texts, recorded_on=record.date)


@dataclass(frozen=True)
class ReunionOutcome:
    outcome: str  # one of REUNION_OUTCOMES
    script: str = ""
    talking_points: tuple[str, ...] = ()
    recorded_on: date | None = None

    KIND = "reunion"
    CHECKS = {
        "outcome": lambda v: parse_choice(v, "Their answer", REUNION_OUTCOMES),
        "script": _text("Your script"),
        "talking_points": _texts("Talking points"),
    }

    def to_stored(self) -> dict:
        return {
            "outcome": self.outcome,
            "script": self.script,
            "talking_points": list(self.talking_points),
        }

    @classmethod
    def from_record(cls, record: Record | None) -> ReunionOutcome | None:
        if record is None:
            return None
        data = record.data
        return cls(
            outcome=str(data.get("outcome", "")),
            script=str(data.get("script") or ""),
            talking_points=tuple(str(p) for p in data.get("talking_points") or ()),
            recorded_on=record.date,
        )


@dataclass(frozen=True)
class SafetyAnswer:
    """Has the person felt afraid of the partner, controlled, threatened or hurt by them? Asked
    before the plan, changeable any time; shown in the report only when `in_report`."""

    answer: str  # one of SAFETY_ANSWERS
    in_report: bool = False

    KIND = "safety"
    CHECKS = {
        "answer": lambda v: parse_choice(v, "Your answer", SAFETY_ANSWERS),
        "in_report": _yes_no("In the report"),
    }

    def to_stored(self) -> dict:
        return {"answer": self.answer, "in_report": self.in_report}

    @classmethod
    def from_record(cls, record: Record | None) -> SafetyAnswer | None:
        data = record.data if record else None
        return cls(str(data.get("answer", "")), bool(data.get("in_report"))) if record else None


@dataclass(frozen=True)
class StepDone:
    """Today's step on the record's day: done or not, and the writing for its prompt."""

    done: bool = False
    writing: str = ""

    KIND = "step"
    CHECKS = {"done": _yes_no("Done"), "writing": _text("Your writing")}

    def to_stored(self) -> dict:
        return {"done": self.done, "writing": self.writing}

    @classmethod
    def from_record(cls, record: Record | None) -> StepDone | None:
        data = record.data if record else None
        return cls(bool(data.get("done")), str(data.get("writing") or "")) if record else None


RECORD_TYPES = {
    kind.KIND: kind
    for kind in (
        BreakAgreement,
        Reflection,
        ReflectionDraft,
        ReunionOutcome,
        SafetyAnswer,
        StepDone,
        UrgeMoment,
        IfThenPlan,
        UrgeDraft,
    )
}
RECORD_KINDS = tuple(RECORD_TYPES)


def validate_record(kind, data) -> None:
    """A stage's recorded answers have the shape its page saves: known keys, right types."""
    record_type = RECORD_TYPES.get(kind)
    if record_type is None:
        raise InputError(say("record_kind", value=str(kind)[:40], kinds=", ".join(RECORD_KINDS)))
    if not isinstance(data, dict):
        raise InputError(say("record_not_object", kind=kind))
    for key, value in data.items():
        check = record_type.CHECKS.get(key)
        if check is None:
            raise InputError(say("record_key", kind=kind, name=str(key)[:40]))
        if value is None:
            continue  # an answer left out
        check(value)
