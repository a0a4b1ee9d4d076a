"""What a controller's on_* method did, as plain data: no widget, so a terminal can read it too."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    """What a controller's on_* method did: saved or not, the sentence to show, the field at fault."""

    ok: bool
    message: str
    field: str | None = None
