"""Backups in one name for the command line and the pages: copies, sealed copies, restore.

The work is split by what it is about: `backup_copies` (where copies go and how many are kept),
`backup_sealed` (a passphrase-protected copy) and `restore` (going back to one, checked).
"""

from __future__ import annotations

from ..core.errors import InputError, WrongPassphraseError  # noqa: F401
from .backups import (  # noqa: F401
    AUTOMATIC,
    BACKUP_DIR,
    KEEP,
    NAME,
    PARTIAL,
    automatic_backup,
    backups_dir,
    has_backup_for,
    list_backups,
    make_backup,
    newest_good_backup,
    prune,
)
from .restore import check_image, read_backup, restore  # noqa: F401
from .sealed import (  # noqa: F401
    FORMAT_VERSION,
    HEADER,
    KDF_SCRYPT,
    MAGIC,
    MIN_PASSPHRASE,
    check_new_passphrase,
    decrypt,
    encrypt,
    is_encrypted,
)
