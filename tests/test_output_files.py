"""Where report, export and backup write: never over a file or through a link without --force.

Every case runs the real `workbook` command against real files, links, folders and devices.
"""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from tests.hostile import TODAY, assert_refused, folder_state, workbook
from workbook.store import Store
from workbook.store.demo import fill_demo

# (command, default file name inside a folder)
WRITERS = [
    (["report", "--format", "json", "--today", TODAY], f"reflection-{TODAY}.json"),
    (["report", "--format", "html", "--today", TODAY], f"reflection-{TODAY}.html"),
    (["export", "--format", "json", "--today", TODAY], "workbook-export.json"),
    (["export", "--format", "csv", "--today", TODAY], "workbook-export.zip"),
    (["backup"], None),  # a backup's default name carries the time it was made
]
IDS = ["report-json", "report-html", "export-json", "export-csv", "backup"]


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("out") / "data"
    with Store(folder) as store:
        fill_demo(store, today=date.fromisoformat(TODAY))
    return folder


def write(data: Path, command: list[str], output, *extra) -> subprocess.CompletedProcess:
    return workbook(*command, "--data-dir", data, "--output", output, *extra)


@pytest.mark.parametrize("command, _name", WRITERS, ids=IDS)
def test_an_existing_file_is_kept_unless_forced(data, tmp_path, command, _name):
    target = tmp_path / "mine.txt"
    target.write_text("precious")
    assert_refused(write(data, command, target), str(target), "--force")
    assert target.read_text() == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.txt"]  # nothing left beside it
    forced = write(data, command, target, "--force")
    assert forced.returncode == 0, forced.stderr
    assert target.read_text(errors="replace") != "precious"
    assert target.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("command, _name", WRITERS, ids=IDS)
def test_a_link_is_never_followed(data, tmp_path, command, _name):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    link = tmp_path / "link"
    link.symlink_to(victim)
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "nowhere")
    assert_refused(write(data, command, link), "link")
    assert_refused(write(data, command, dangling), "link")
    assert not (tmp_path / "nowhere").exists()
    forced = write(data, command, link, "--force")
    assert forced.returncode == 0, forced.stderr
    assert victim.read_text() == "precious"  # the link itself was replaced, not its target
    assert not link.is_symlink() and link.is_file()


@pytest.mark.parametrize("command, name", WRITERS, ids=IDS)
def test_a_folder_gets_the_default_name_inside(data, tmp_path, command, name):
    folder = tmp_path / "out"
    folder.mkdir()
    result = write(data, command, folder)
    assert result.returncode == 0, result.stderr
    written = list(folder.iterdir())
    assert len(written) == 1 and written[0].is_file()
    if name:
        assert written[0].name == name
        assert_refused(write(data, command, folder), name)  # and is not replaced the next time


@pytest.mark.parametrize("command, _name", WRITERS, ids=IDS)
def test_a_missing_folder_is_named_and_not_created(data, tmp_path, command, _name):
    target = tmp_path / "no" / "such" / "folder" / "file"
    assert_refused(write(data, command, target), "doesn’t exist")
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("command, _name", WRITERS, ids=IDS)
@pytest.mark.parametrize("device", ["/dev/full", "/dev/null"])
def test_a_device_is_never_written_to(data, command, _name, device):
    before = os.stat(device)
    assert_refused(write(data, command, device), device)
    assert_refused(write(data, command, device, "--force"), "ordinary file")
    after = os.stat(device)
    assert (after.st_rdev, after.st_mode) == (before.st_rdev, before.st_mode)


def test_the_default_places_never_replace_an_earlier_file(data):
    """Twice on one day with no --output: a second file beside the first, both kept."""
    before = folder_state(data / "reports")
    for _ in range(2):
        result = workbook("report", "--format", "html", "--data-dir", data, "--today", TODAY)
        assert result.returncode == 0, result.stderr
    after = folder_state(data / "reports")
    assert len(after) == len(before) + 2 and all(after[k] == v for k, v in before.items())


def test_a_pdf_over_an_existing_file_is_refused_before_any_printing(data, tmp_path):
    target = tmp_path / "r.pdf"
    target.write_text("precious")
    result = write(data, ["report", "--format", "pdf", "--today", TODAY], target)
    assert_refused(result, "--force")
    assert target.read_text() == "precious"


# --- places the root user cannot be stopped from writing to by permissions: a read-only mount ---


@pytest.fixture(scope="module")
def read_only_folder(tmp_path_factory):
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a read-only file system (permissions do not stop root)")
    folder = tmp_path_factory.mktemp("ro")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", folder])
    if mounted.returncode != 0:
        pytest.skip("mount is not allowed here")
    yield folder
    subprocess.run(["umount", folder], check=True)


@pytest.mark.parametrize("command, _name", WRITERS, ids=IDS)
def test_a_read_only_folder_is_one_clear_line(data, read_only_folder, command, _name):
    assert_refused(write(data, command, read_only_folder / "file"), "read-only")
    assert list(read_only_folder.iterdir()) == []


# --- files served to a page's link (workbook/app/files.py) -------------------------------------


def test_only_the_workbooks_own_files_in_its_own_folders_are_served(tmp_path):
    from workbook.store.output_files import (
        CALENDAR_FILE,
        read_served,
        served_address,
        served_file,
        write_atomically,
    )

    reports = tmp_path / "reports"
    reports.mkdir(mode=0o700)
    report = write_atomically(reports / "reflection-2026-11-20.pdf", b"%PDF-1.7")
    calendar = write_atomically(tmp_path / CALENDAR_FILE, b"BEGIN:VCALENDAR")
    (tmp_path / "workbook.sqlite").write_bytes(b"secret")
    assert served_address(tmp_path, report) == ("reports", report.name)
    assert served_address(tmp_path, calendar) == ("calendar", CALENDAR_FILE)
    assert read_served(served_file(tmp_path, "reports", report.name)) == b"%PDF-1.7"
    # Nothing else of the data folder, by any name.
    for kind, name in [
        ("calendar", "workbook.sqlite"),
        ("reports", "../workbook.sqlite"),
        ("reports", ".."),
        ("reports", ".hidden"),
        ("elsewhere", report.name),
        ("reports", "missing.pdf"),
    ]:
        assert served_file(tmp_path, kind, name) is None, (kind, name)
    assert served_address(tmp_path, tmp_path / "workbook.sqlite") is None
    # A link, a file others may read, a folder that is a link: none.
    (reports / "link.pdf").symlink_to(tmp_path / "workbook.sqlite")
    assert served_file(tmp_path, "reports", "link.pdf") is None
    report.chmod(0o644)
    assert served_file(tmp_path, "reports", report.name) is None
    (tmp_path / "exports").symlink_to(reports)
    report.chmod(0o600)
    assert served_file(tmp_path, "exports", report.name) is None
