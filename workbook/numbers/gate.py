"""The day-30 gate's verdict, worked out once as the reflection is saved (core.rules holds the rule)."""

from __future__ import annotations

from ..core import rules
from ..core.records import GateAnswers, Reflection


def decide(answers: GateAnswers, texts: dict[str, str], decision: str) -> Reflection:
    """The day-30 reflection, with the gate's verdict worked out once, as it is saved."""
    gate = rules.reunion_gate(answers)
    return Reflection(
        answers=answers,
        texts=texts,
        decision=decision,
        gate_open=gate.open,
        show_help=gate.show_help,
        gate_reasons=gate.reasons,
    )
