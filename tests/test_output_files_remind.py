"""Output files: a folder gets the default name, nothing existing is replaced and no symbolic link
followed without force, and a write is whole, private (0600) and leaves no temporary file."""

from __future__ import annotations

import os
import stat

import pytest

from workbook.errors import InputError
from workbook.output_files import target_path, write_atomically


def mode(path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_a_folder_gets_the_default_name_inside(tmp_path):
    assert target_path(tmp_path, "file.ics", force=False) == tmp_path / "file.ics"
    assert target_path(tmp_path / "mine.ics", "file.ics", force=False) == tmp_path / "mine.ics"


@pytest.mark.parametrize("force", [False, True])
def test_a_missing_folder_or_a_folder_in_the_way_is_refused(tmp_path, force):
    with pytest.raises(InputError, match="doesn’t exist"):
        target_path(tmp_path / "nowhere" / "x.ics", "file.ics", force)
    (tmp_path / "file.ics").mkdir()
    with pytest.raises(InputError, match="is a folder"):
        target_path(tmp_path, "file.ics", force)


def test_an_existing_file_is_refused_unless_forced(tmp_path):
    existing = tmp_path / "x.ics"
    existing.write_text("mine")
    with pytest.raises(InputError, match="already exists.*--force") as caught:
        target_path(existing, "file.ics", force=False)
    assert caught.value.field == "output"
    assert target_path(existing, "file.ics", force=True) == existing


@pytest.mark.parametrize("dangling", [False, True])
def test_a_symbolic_link_is_refused_unless_forced(tmp_path, dangling):
    link = tmp_path / "x.ics"
    link.symlink_to(tmp_path / ("gone" if dangling else "elsewhere"))
    if not dangling:
        (tmp_path / "elsewhere").write_text("precious")
    with pytest.raises(InputError, match="symbolic link"):
        target_path(link, "file.ics", force=False)
    assert target_path(link, "file.ics", force=True) == link


def test_a_write_is_private_whole_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "x.ics"
    write_atomically(path, b"BEGIN:VCALENDAR", force=False)
    assert path.read_bytes() == b"BEGIN:VCALENDAR"
    assert mode(path) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.ics"]


def test_a_file_that_appears_meanwhile_is_not_replaced(tmp_path):
    path = target_path(tmp_path, "x.ics", force=False)
    path.write_text("someone else's")  # between the check and the write
    with pytest.raises(InputError, match="already exists"):
        write_atomically(path, b"new", force=False)
    assert path.read_text() == "someone else's"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.ics"]


def test_forced_a_symbolic_link_itself_is_replaced_never_its_target(tmp_path):
    target = tmp_path / "elsewhere"
    target.write_text("precious")
    link = tmp_path / "x.ics"
    link.symlink_to(target)
    write_atomically(link, b"new", force=True)
    assert not link.is_symlink() and link.read_bytes() == b"new" and mode(link) == 0o600
    assert target.read_text() == "precious"


def test_forced_an_existing_file_is_replaced(tmp_path):
    path = tmp_path / "x.ics"
    path.write_text("old")
    os.chmod(path, 0o644)
    write_atomically(path, b"new", force=True)
    assert path.read_bytes() == b"new" and mode(path) == 0o600


def test_a_link_to_a_folder_is_followed_only_when_forced(tmp_path):
    folder = tmp_path / "real"
    folder.mkdir()
    link = tmp_path / "shortcut"
    link.symlink_to(folder)
    with pytest.raises(InputError, match="symbolic link"):
        target_path(link, "file.ics", force=False)
    path = target_path(link, "file.ics", force=True)
    write_atomically(path, b"new", force=True)
    assert link.is_symlink() and (folder / "file.ics").read_bytes() == b"new"
