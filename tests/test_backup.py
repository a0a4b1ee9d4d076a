"""Backups and restore: identical round trips, encryption that holds, and a restore that destroys
nothing."""

from __future__ import annotations

import sqlite3
import stat
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import TODAY, db_digest
from tests.test_transfer import PROPERTY, fill, workbooks
from workbook.core.errors import NotAWorkbookError, WrongPassphraseError
from workbook.core.model import Checkin
from workbook.store import Store
from workbook.store.backups import list_backups
from workbook.store.paths import DB_NAME
from workbook.store.restore import restore
from workbook.store.sealed import HEADER, KDF_SCRYPT, check_new_passphrase

SECRET = "correct horse battery"


@PROPERTY
@given(content=workbooks, more=workbooks)
def test_backup_then_restore_is_identical(content, more):
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        with Store(data, auto_backup=False) as s:
            fill(s, content)
            copy = s.backup()
            original = s.dump()
            fill(s, more)  # life goes on after the backup
        restore(data, copy)
        with Store(data) as s:
            assert s.dump() == original
            assert s.integrity() == "ok"


@settings(max_examples=4, deadline=None)
@given(content=workbooks)
def test_encrypted_backup_then_restore_is_identical(content):
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        with Store(data, auto_backup=False) as s:
            fill(s, content)
            copy = s.backup(passphrase=SECRET)
            original = s.dump()
            s.save_checkin(Checkin(date=TODAY, mood=2, note="after the backup"))
        restore(data, copy, passphrase=SECRET)
        with Store(data) as s:
            assert s.dump() == original


def test_an_encrypted_backup_hides_everything_and_is_authenticated(demo_dir):
    with Store(demo_dir) as s:
        s.save_checkin(Checkin(date=TODAY, mood=7, note="a very private sentence"))
        one = s.backup(passphrase=SECRET).read_bytes()
        two = s.backup(passphrase=SECRET).read_bytes()
    assert b"private sentence" not in one and b"SQLite format" not in one
    magic, version, kdf, log2_n, r, p, salt, nonce, _check = HEADER.unpack_from(one)
    assert (magic, version, kdf) == (b"WBKCRYPT", 1, KDF_SCRYPT)
    assert 2**log2_n >= 2**15 and (r, p) == (8, 1)  # memory-hard: 32 MiB per guess
    other = HEADER.unpack_from(two)
    assert salt != other[6] and nonce != other[7]  # fresh salt and nonce every time


def test_a_wrong_passphrase_says_so_and_changes_nothing(demo_dir):
    with Store(demo_dir) as s:
        copy = s.backup(passphrase=SECRET)
    before, listed = db_digest(demo_dir), list_backups(demo_dir)
    with pytest.raises(WrongPassphraseError, match="doesn’t open this backup"):
        restore(demo_dir, copy, passphrase="not the passphrase")
    assert db_digest(demo_dir) == before
    assert list_backups(demo_dir) == listed  # not even a safety copy


@pytest.mark.parametrize("where", ["header", "ciphertext", "tail"])
def test_a_changed_encrypted_backup_is_refused(demo_dir, where):
    with Store(demo_dir) as s:
        copy = s.backup(passphrase=SECRET)
    blob = bytearray(copy.read_bytes())
    index = {"header": 9, "ciphertext": HEADER.size + 50, "tail": len(blob) - 1}[where]
    blob[index] ^= 0x01
    copy.write_bytes(bytes(blob))
    before = db_digest(demo_dir)
    with pytest.raises(NotAWorkbookError, match="damaged"):
        restore(demo_dir, copy, passphrase=SECRET)
    assert db_digest(demo_dir) == before


def test_restore_keeps_what_was_there(demo_dir):
    with Store(demo_dir) as s:
        copy = s.backup()
        s.save_checkin(Checkin(date=TODAY, mood=3, note="written after the backup"))
        after = s.dump()
    _, safety = restore(demo_dir, copy)
    assert safety is not None and "before-restore" in safety.name
    with Store(demo_dir) as s:
        assert all(c.note != "written after the backup" for c in s.checkins())
    conn = sqlite3.connect(safety)
    notes = [r[0] for r in conn.execute("SELECT note FROM checkin_revisions")]
    conn.close()
    assert "written after the backup" in notes
    # And restoring the safety copy brings the later state back.
    restore(demo_dir, safety)
    with Store(demo_dir) as s:
        assert s.dump() == after


def test_restore_over_a_damaged_workbook_moves_it_aside_untouched(demo_dir):
    with Store(demo_dir) as s:
        copy = s.backup()
        good = s.dump()
    db = demo_dir / DB_NAME
    damaged = db.read_bytes()[:9000]
    db.write_bytes(damaged)
    _, safety = restore(demo_dir, copy)
    assert "damaged" in safety.name and safety.read_bytes() == damaged
    with Store(demo_dir) as s:
        assert s.dump() == good


def test_restore_refuses_a_backup_from_a_newer_workbook(demo_dir, tmp_path):
    with Store(demo_dir) as s:
        copy = s.backup()
    conn = sqlite3.connect(copy)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = db_digest(demo_dir)
    with pytest.raises(NotAWorkbookError, match="newer version"):
        restore(demo_dir, copy)
    assert db_digest(demo_dir) == before


def test_backups_are_private(demo_dir):
    with Store(demo_dir) as s:
        paths = [s.backup(), s.backup(passphrase=SECRET)]
    assert stat.S_IMODE((demo_dir / "backups").stat().st_mode) == 0o700
    for path in paths:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not [p for p in (demo_dir / "backups").iterdir() if p.name.endswith("-journal")]


# --- the command line ------------------------------------------------------------------------


def test_cli_encrypted_backup_and_restore_with_a_passphrase_file(run_cli, demo_dir, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text(SECRET + "\n")
    r = run_cli("backup", "--data-dir", demo_dir, "--encrypt", "--passphrase-file", secret)
    assert r.code == 0, r.err
    (path,) = [p for p in list_backups(demo_dir) if p.suffix == ".wbk"]
    assert str(path) in r.out and "encrypted" in r.out
    r = run_cli("checkin", "--data-dir", demo_dir, f"--today={TODAY}", "--mood", "1")
    assert r.code == 0
    r = run_cli("restore", "--data-dir", demo_dir, path, "--passphrase-file", secret)
    assert r.code == 0, r.err
    assert "is back as it was" in r.out and "kept, just in case" in r.out


def test_cli_takes_the_passphrase_from_the_environment(run_cli, demo_dir, monkeypatch):
    monkeypatch.setenv("WORKBOOK_PASSPHRASE", SECRET)
    assert run_cli("backup", "--data-dir", demo_dir, "--encrypt").code == 0
    (path,) = list_backups(demo_dir)
    monkeypatch.setenv("WORKBOOK_PASSPHRASE", "something else entirely")
    before = db_digest(demo_dir)
    r = run_cli("restore", "--data-dir", demo_dir, path)
    assert r.code == 2 and "doesn’t open this backup" in r.err and r.err.count("\n") == 1
    assert db_digest(demo_dir) == before


def test_cli_plain_backup_and_restore(run_cli, demo_dir, tmp_path):
    out = tmp_path / "mine.sqlite"
    r = run_cli("backup", "--data-dir", demo_dir, "--output", out)
    assert r.code == 0 and out.exists()
    with Store(demo_dir) as s:
        want = s.dump()
    fresh = tmp_path / "fresh"
    r = run_cli("restore", "--data-dir", fresh, out)
    assert r.code == 0, r.err
    assert "kept, just in case" not in r.out  # nothing was there to keep
    with Store(fresh) as s:
        assert s.dump() == want


@settings(max_examples=10, deadline=None)
@given(passphrase=st.text(min_size=1, max_size=7))
def test_short_passphrases_are_refused(passphrase):
    with pytest.raises(Exception, match="at least 8 characters|NUL"):
        check_new_passphrase(passphrase)
