"""The folder Jupyter serves the pages from, and the environment it starts with.

Outside a checkout (an installed wheel) the whole path runs in tests/test_package.py; here the
copying itself, on real files, and what a checkout keeps doing.
"""

from __future__ import annotations

import stat
from pathlib import Path

from workbook.app.resources import jupyter_config_dir, notebooks_dir, voila_templates_root
from workbook.app.workspace import jupyter_environment, prepare_workspace, refresh_pages
from workbook.store.paths import CHECKOUT, default_data_dir, in_checkout


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _originals(folder: Path) -> Path:
    folder.mkdir()
    (folder / "00_start_here.ipynb").write_text('{"cells": []}')
    (folder / "02_daily_checkin.ipynb").write_text('{"cells": [1]}')
    return folder


def test_pages_are_private_copies_of_the_originals(tmp_path):
    originals = _originals(tmp_path / "package")
    pages = refresh_pages(originals, tmp_path / "data" / "pages")
    assert sorted(p.name for p in pages.glob("*.ipynb")) == [
        "00_start_here.ipynb",
        "02_daily_checkin.ipynb",
    ]
    assert (pages / "02_daily_checkin.ipynb").read_text() == '{"cells": [1]}'
    assert _mode(pages) == 0o700
    assert {_mode(p) for p in pages.iterdir()} == {0o600}


def test_a_saved_or_outdated_page_is_made_the_package_page_again_and_own_notebooks_stay(tmp_path):
    originals = _originals(tmp_path / "package")
    pages = refresh_pages(originals, tmp_path / "pages")
    (pages / "00_start_here.ipynb").write_text('{"cells": ["saved by JupyterLab"]}')
    (originals / "02_daily_checkin.ipynb").write_text('{"cells": ["a newer version"]}')
    (pages / "my_own.ipynb").write_text("mine")

    refresh_pages(originals, pages)

    assert (pages / "00_start_here.ipynb").read_text() == '{"cells": []}'
    assert (pages / "02_daily_checkin.ipynb").read_text() == '{"cells": ["a newer version"]}'
    assert (pages / "my_own.ipynb").read_text() == "mine"
    assert not [p for p in pages.iterdir() if p.name.endswith(".partial")]
    assert (originals / "00_start_here.ipynb").read_text() == '{"cells": []}'


def test_a_page_the_package_no_longer_has_goes_and_the_persons_own_stay(tmp_path):
    originals = _originals(tmp_path / "package")
    pages = refresh_pages(originals, tmp_path / "pages")
    (pages / "my_own.ipynb").write_text("mine")
    (originals / "02_daily_checkin.ipynb").rename(originals / "02_today.ipynb")

    refresh_pages(originals, pages)

    names = sorted(p.name for p in pages.iterdir() if not p.name.startswith("."))
    assert names == ["00_start_here.ipynb", "02_today.ipynb", "my_own.ipynb"]


def test_a_page_that_is_a_symlink_is_replaced_not_written_through(tmp_path):
    originals = _originals(tmp_path / "package")
    elsewhere = tmp_path / "elsewhere.ipynb"
    elsewhere.write_text("not a page")
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "00_start_here.ipynb").symlink_to(elsewhere)

    refresh_pages(originals, pages)

    assert not (pages / "00_start_here.ipynb").is_symlink()
    assert elsewhere.read_text() == "not a page"


def test_in_a_checkout_the_checkout_folders_are_served_and_data_stays_in_data(
    tmp_path, monkeypatch
):
    monkeypatch.delenv("WORKBOOK_DATA_DIR", raising=False)
    assert in_checkout()
    assert notebooks_dir() == CHECKOUT / "notebooks"
    assert jupyter_config_dir() == CHECKOUT / "jupyter_config"
    assert default_data_dir() == CHECKOUT / "data"
    assert prepare_workspace(tmp_path / "data") == CHECKOUT / "notebooks"
    assert not (tmp_path / "data" / "pages").exists()
    monkeypatch.setenv("WORKBOOK_DATA_DIR", str(tmp_path / "chosen"))
    assert default_data_dir() == tmp_path / "chosen"


def test_the_environment_names_the_data_the_settings_and_the_voila_template(tmp_path):
    env = jupyter_environment(tmp_path / "data", base={"JUPYTER_PATH": "/somewhere"})
    assert env["WORKBOOK_DATA_DIR"] == str((tmp_path / "data").resolve())
    assert env["JUPYTER_CONFIG_DIR"] == str(jupyter_config_dir())
    assert env["JUPYTER_PATH"].split(":") == [str(voila_templates_root()), "/somewhere"]
    assert (voila_templates_root() / "voila/templates/workbook/index.html.j2").is_file()
    assert (jupyter_config_dir() / "labextensions/workbook-lab/package.json").is_file()
