"""Every exception the workbook raises on purpose, in one place.

Each carries a sentence meant for the person (from `messages`); `InputError` also names the field
it is about, so a page can mark that field without reading the sentence.
"""

from __future__ import annotations

from pathlib import Path


class InputError(ValueError):
    """Bad input, with a message meant for the person who typed it, and the field it is about."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class DamagedWorkbookError(InputError):
    """The workbook file is damaged; it has not been touched. `backup` is the newest good copy."""

    def __init__(self, message: str, path: Path, backup: Path | None = None):
        super().__init__(message)
        self.path = path
        self.backup = backup


class NotAWorkbookError(InputError):
    """A file offered as a workbook (a backup to restore) is not one, or is damaged."""


class WrongPassphraseError(InputError):
    """The passphrase does not open this backup."""


class DiskFullError(InputError):
    """The disk (or the folder's quota) is full; nothing was written, nothing was lost."""
