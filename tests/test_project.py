"""The project's promises about itself: set-up files agree, data is ignored, CI runs `make test`."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = [r for group in project["optional-dependencies"].values() for r in group]
    wanted = {_name(r) for r in project["dependencies"] + extras}
    listed = set()
    text = (ROOT / "environment.yml").read_text().split("dependencies:", 1)[1]
    for line in text.splitlines():
        match = re.match(r"^\s+- ([A-Za-z][\w.-]*)", line)
        if match and match.group(1) not in {"pip", "python"}:
            listed.add(_name(match.group(1)))
    assert listed == wanted


def test_ci_runs_make_test_and_nothing_else():
    lines = [
        line
        for line in (ROOT / ".ci/run").read_text().splitlines()
        if line.strip() and not line.startswith("#") and not line.startswith("set ")
    ]
    assert lines[-1] == "make test"
    assert all(line.startswith("cd ") for line in lines[:-1])


def test_user_data_is_git_ignored_except_its_readme():
    def ignored(path: str) -> bool:
        return (
            subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT, check=False).returncode
            == 0
        )

    assert ignored("data/workbook.sqlite")
    assert ignored("data/workbook.sqlite-wal")
    assert ignored("data/backups/2026-11-25.sqlite")
    assert not ignored("data/README.md")


def test_readme_shows_the_two_commands_first():
    readme = (ROOT / "README.md").read_text()
    first_block = readme.split("```")[1]
    assert "make lab" in first_block and "make test" in first_block


def test_project_jupyter_config_silences_news():
    import json

    config = json.loads((ROOT / "jupyter_config/jupyter_server_config.json").read_text())
    assert config["LabApp"]["news_url"] is None


def test_every_widget_handler_goes_through_the_kind_wrappers():
    """A widget's event runs outside any cell (in JupyterLab on a subshell's thread): its failure
    must reach the page, so pages register handlers only through pages.common.on_click/on_change."""
    pages = sorted(Path(ROOT, "workbook", "pages").glob("*.py"))
    assert len(pages) > 10  # the stage pages are here (a moved folder would make this pass empty)
    raw = re.compile(r"\.(on_click|observe|on_submit|on_msg)\(")
    found = [
        f"{path.name}:{n}"
        for path in pages
        if path.name != "common.py"
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if raw.search(line)
    ]
    assert found == []


def test_no_module_of_the_package_is_over_300_lines():
    long = {
        str(path.relative_to(ROOT)): n
        for path in Path(ROOT, "workbook").rglob("*.py")
        if (n := len(path.read_text().splitlines())) > 300
    }
    assert long == {}


def test_the_folders_are_the_layers_of_the_import_contract():
    """Every module of the package lives in one of the seven layer folders (DESIGN.md)."""
    contract = tomllib.loads(Path(ROOT, "pyproject.toml").read_text())["tool"]["importlinter"]
    (layers,) = [c["layers"] for c in contract["contracts"] if c["type"] == "layers"]
    folders = {f"workbook.{p.name}" for p in Path(ROOT, "workbook").iterdir() if p.is_dir()}
    folders -= {"workbook.__pycache__", "workbook._shared"}
    assert sorted(layers) == sorted(folders)
    loose = sorted(p.name for p in Path(ROOT, "workbook").glob("*.py"))
    assert loose == ["__init__.py", "__main__.py"]
