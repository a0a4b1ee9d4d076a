"""Helpers for the hostile-input tests: the real `workbook` command, and proof nothing changed."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

TODAY = "2026-11-25"


def workbook(*args, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real `workbook` command in a new process."""
    return subprocess.run(
        [sys.executable, "-m", "workbook", *[str(a) for a in args]],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def folder_state(folder: Path) -> dict[str, str]:
    """Every file under `folder` (links as links) and a hash of its bytes."""
    out = {}
    if not folder.exists():
        return out
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.is_symlink():
            out[name] = "link -> " + os.readlink(path)
        elif path.is_file():
            out[name] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            out[name] = "folder"
    return out


def assert_refused(result: subprocess.CompletedProcess, *words: str) -> None:
    """Exit status 2, one kind line on stderr naming what is wrong, no traceback."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and lines[0].startswith("workbook: ")
    for word in words:
        assert word in lines[0], (word, lines[0])
