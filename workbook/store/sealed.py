"""A backup sealed with a passphrase: one file, a header then the AES-GCM ciphertext.

The header (magic, format version, scrypt parameters, salt, nonce, a passphrase check) is
authenticated too, so any change to the file, or a wrong passphrase, is refused before anything
is touched.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct

from ..core.errors import InputError, NotAWorkbookError, WrongPassphraseError
from ..core.messages import say

MAGIC = b"WBKCRYPT"
FORMAT_VERSION = 1
KDF_SCRYPT = 1
# magic, version, kdf, log2(n), r, p, salt, nonce, passphrase check
HEADER = struct.Struct(">8sBBBBB16s12s16s")
SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P = 15, 8, 1
MIN_PASSPHRASE = 8


def check_new_passphrase(passphrase: str) -> None:
    if "\x00" in passphrase:
        raise InputError(say("text_nul", field="The passphrase"))
    if len(passphrase) < MIN_PASSPHRASE:
        raise InputError(say("passphrase_short", minimum=MIN_PASSPHRASE))


def _keys(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> tuple[bytes, bytes]:
    """(the AES key, a check value) from one scrypt derivation.

    The check value tells a wrong passphrase apart from a damaged file; it reveals nothing the
    ciphertext itself would not let someone test.
    """
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    derived = Scrypt(salt=salt, length=64, n=2**log2_n, r=r, p=p).derive(passphrase.encode("utf-8"))
    return derived[:32], hashlib.sha256(derived[32:]).digest()[:16]


def encrypt(image: bytes, passphrase: str, log2_n: int = SCRYPT_LOG2_N) -> bytes:
    """The encrypted backup file's bytes: header, then AES-256-GCM over the database."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    key, check = _keys(passphrase, salt, log2_n, SCRYPT_R, SCRYPT_P)
    header = HEADER.pack(
        MAGIC, FORMAT_VERSION, KDF_SCRYPT, log2_n, SCRYPT_R, SCRYPT_P, salt, nonce, check
    )
    return header + AESGCM(key).encrypt(nonce, image, header)


def is_encrypted(blob: bytes) -> bool:
    return blob.startswith(MAGIC)


def decrypt(blob: bytes, passphrase: str) -> bytes:
    """The database inside an encrypted backup; a wrong passphrase or a changed file is refused."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(blob) < HEADER.size + 16:
        raise NotAWorkbookError(say("backup_damaged"))
    magic, version, kdf, log2_n, r, p, salt, nonce, check = HEADER.unpack_from(blob)
    if version > FORMAT_VERSION:
        raise NotAWorkbookError(say("backup_newer"))
    # Bounds keep a damaged header from asking for gigabytes of memory.
    if magic != MAGIC or kdf != KDF_SCRYPT or not (14 <= log2_n <= 20 and 1 <= r <= 16 and p == 1):
        raise NotAWorkbookError(say("backup_damaged"))
    key, expected = _keys(passphrase, salt, log2_n, r, p)
    if not hmac.compare_digest(check, expected):
        raise WrongPassphraseError(say("wrong_passphrase"))
    try:
        return AESGCM(key).decrypt(nonce, blob[HEADER.size :], blob[: HEADER.size])
    except InvalidTag:
        raise NotAWorkbookError(say("backup_damaged")) from None
