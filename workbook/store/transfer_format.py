"""The export format's own pieces, shared by JSON and CSV: its marker, versions, checksums and
the checks on its header. Nothing here trusts the file: see `transfer` for the whole import.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..core.errors import InputError
from ..core.messages import say

FORMAT = "thirty-day-break-workbook-export"
VERSION = 1
MAX_IMPORT_BYTES = 512 * 2**20  # far above ten years of check-ins; refuses a runaway file early


def canonical(value) -> bytes:
    return json.dumps(
        value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def damaged(path: Path, problem: str) -> InputError:
    return InputError(say("import_damaged", path=path, problem=problem))


def check_header(path: Path, document, newest: int) -> int:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InputError(say("import_not_ours", path=path))
    version, schema = document.get("version"), document.get("schema_version")
    if type(version) is not int or type(schema) is not int:
        raise damaged(path, "no version")
    if version > newest or schema > 10**6:
        raise InputError(say("import_newer", path=path))
    if version < 1 or schema < 1:
        raise damaged(path, "no version")
    return schema


def parse_json(text: str):
    """Parsed JSON, or ValueError: NaN and Infinity are not JSON, nor is nesting too deep."""
    try:
        return json.loads(text, parse_constant=no_constant)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def no_constant(name: str):
    raise ValueError(f"{name} is not a number JSON can hold")
