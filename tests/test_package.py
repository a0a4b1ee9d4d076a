"""The installable package: `python -m build` makes a wheel that carries the notebooks and the
Jupyter settings; installed into a new virtual environment outside the checkout, with HOME a
temporary folder, every command works from any folder, the workbook lives in the platform's user
data folder, and the pages a person opens are never written back into the installed package.

The wheel's dependencies come from the package index (pip's cache makes later runs quick). The
wheel and its virtual environment are made once per run, shared by pytest-xdist's workers.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SHARED = "workbook/_shared"
STAGES = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
START_TIMEOUT_S = 120
# Local addresses only: a proxy in the environment must not see the token.
LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _shared_once(tmp_path_factory, name: str, make) -> Path:
    """`make(folder)` once per test run, even across xdist workers (their temp roots share a
    parent); every caller gets the same folder."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    folder, done = base / name, base / f"{name}.done"
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)
    assert result.returncode == 0, f"{command} failed:\n{result.stdout[-4000:]}{result.stderr}"
    return result


def _build_wheel(folder: Path) -> None:
    # From a copy of what the package is made of, so the checkout gets no build/ folder.
    source = folder / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("workbook", "notebooks", "jupyter_config"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    # What JupyterLab leaves in a used checkout's jupyter_config: a person's own, never shipped.
    stray = source / "jupyter_config/lab/user-settings/@jupyterlab/a.jupyterlab-settings"
    stray.parent.mkdir(parents=True)
    stray.write_text("{}")
    _run([sys.executable, "-m", "build", "--outdir", str(folder), str(source)], timeout=600)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    (built,) = _shared_once(tmp_path_factory, "wheel", _build_wheel).glob("*.whl")
    return built


@pytest.fixture(scope="module")
def venv(tmp_path_factory, wheel) -> Path:
    def install(folder: Path) -> None:
        # Not --system-site-packages: that would see the checkout's own environment.
        _run([sys.executable, "-m", "venv", str(folder)])
        pip = [str(folder / "bin/python"), "-m", "pip", "install", "--quiet", "--no-compile"]
        _run([*pip, str(wheel)], timeout=1200)

    return _shared_once(tmp_path_factory, "venv", install)


@pytest.fixture
def person(tmp_path, venv):
    """A person's HOME and a folder far from the checkout to run the installed commands in."""
    home, cwd = tmp_path / "home", tmp_path / "somewhere"
    home.mkdir()
    cwd.mkdir()
    env = {"PATH": f"{venv / 'bin'}{os.pathsep}/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}

    def workbook(*args: str) -> subprocess.CompletedProcess:
        return _run(["workbook", *args], env=env, cwd=cwd, timeout=300)

    workbook.home, workbook.cwd, workbook.env = home, cwd, env
    # platformdirs' user data folder on Linux, with no XDG_DATA_HOME.
    workbook.data = home / ".local/share/thirty-day-break-workbook"
    return workbook


def _installed_shared(venv: Path) -> Path:
    (shared,) = venv.glob(f"lib/python3*/site-packages/{SHARED}")
    return shared


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_wheel_carries_the_package_notebooks_templates_and_jupyter_settings(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for stage in STAGES:
            inside = archive.read(f"{SHARED}/notebooks/{stage}")
            assert inside == (ROOT / "notebooks" / stage).read_bytes(), stage
    wanted = {str(p.relative_to(ROOT)) for p in (ROOT / "workbook").rglob("*.py")}
    wanted |= {str(p.relative_to(ROOT)) for p in (ROOT / "workbook/views/templates").glob("*.j2")}
    wanted |= {str(p.relative_to(ROOT)) for p in (ROOT / "workbook/store/migrations").glob("*.sql")}
    wanted |= {str(p.relative_to(ROOT)) for p in (ROOT / "workbook/views/assets").iterdir()}
    config = ROOT / "jupyter_config"
    wanted |= {
        f"{SHARED}/jupyter_config/{p.relative_to(config)}"
        for p in config.rglob("*")
        if p.is_file() and not p.name.startswith(".") and p.relative_to(config).parts[0] != "lab"
    }
    assert wanted - names == set()
    for piece in (
        "jupyter_server_config.py",
        "voila.py",
        "migrated",
        "lab-app-settings/overrides.json",
        "labextensions/workbook-lab/package.json",
        "share/voila/labextensions/workbook-app/package.json",  # the app's pages: no mathematics
        "share/voila/templates/workbook/index.html.j2",
    ):
        assert f"{SHARED}/jupyter_config/{piece}" in names
    assert not [n for n in names if n.startswith(f"{SHARED}/jupyter_config/lab/")]


def test_installed_commands_work_from_any_folder_and_keep_the_workbook_private(person):
    person("demo")
    person("checkin", "--mood", "7", "--win", "Installed from the wheel")
    summary = json.loads(person("report", "--format", "json").stdout)
    assert summary["programme"]["days"] == 30
    assert summary["checkins"] >= 29
    person("who5", "3", "3", "2", "4", "3")
    person("export", "--format", "json")
    person("backup")
    person("report", "--format", "html", "--output", "report.html")
    assert "Installed from the wheel" in (person.cwd / "report.html").read_text()

    # Nothing but the report where the commands ran; the workbook in the user data folder.
    assert sorted(p.name for p in person.cwd.iterdir()) == ["report.html"]
    assert _mode(person.data) == 0o700
    assert _mode(person.data / "workbook.sqlite") == 0o600
    assert {_mode(b) for b in (person.data / "backups").iterdir()} == {0o600}
    assert [_mode(e) for e in (person.data / "exports").iterdir()] == [0o600]
    # An explicit folder still wins over the default.
    person("demo", "--data-dir", str(person.home / "elsewhere"))
    assert _mode(person.home / "elsewhere" / "workbook.sqlite") == 0o600


class InstalledServer:
    """`workbook lab|app --no-browser` from the installed package, as a person starts it."""

    def __init__(self, kind: str, person):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.log_path = person.home / f"{kind}.log"
        self._log = open(self.log_path, "wb")  # noqa: SIM115 — open for the server's lifetime
        self.process = subprocess.Popen(
            ["workbook", kind, "--no-browser", "--port", str(port)],
            env={**person.env, "PYTHONUNBUFFERED": "1"},
            cwd=person.cwd,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self.port = port
        self.printed = re.compile(rf"http://127\.0\.0\.1:{port}/\S*\?token=[0-9a-f]+")

    def address(self) -> str:
        """The address with its token that the server prints for the person to open, once it
        answers there (jupyter_server prints it a moment before it listens)."""
        deadline = time.monotonic() + START_TIMEOUT_S
        found = None
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"it stopped:\n{self.log()}"
            found = found or self.printed.search(self.log())
            if found:
                with (
                    contextlib.suppress(OSError),
                    socket.create_connection(("127.0.0.1", self.port)),
                ):
                    return found.group(0)
            time.sleep(0.25)
        raise AssertionError(f"not ready at a printed address:\n{self.log()}")

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


def _get(url: str, data: bytes | None = None, method: str = "GET") -> str:
    request = urllib.request.Request(url, data=data, method=method)
    with LOCAL.open(request, timeout=120) as response:
        assert response.status in (200, 201), url
        return response.read().decode()


def test_installed_lab_and_app_serve_copies_and_never_write_into_the_package(person, venv):
    person("demo")
    shared = _installed_shared(venv)
    before = _digest(shared)
    servers = [InstalledServer("lab", person), InstalledServer("app", person)]
    try:
        lab, app = (server.address() for server in servers)
        base, token = lab.split("/lab/", 1)[0], lab.split("token=", 1)[1]

        page = _get(lab)
        assert "/lab/tree/00_start_here.ipynb" in lab
        assert '"workbook-lab"' in page  # the prebuilt extension, found through the settings
        assert str(shared / "jupyter_config/lab-app-settings") in page
        assert str(person.data / "jupyterlab/settings") in page  # Lab's own state: the person's
        # JupyterLab serves the person's copies of the pages, and nothing else of the workbook.
        listing = json.loads(_get(f"{base}/api/contents?token={token}"))
        assert sorted(item["name"] for item in listing["content"]) == STAGES
        # A save, as JupyterLab makes it, lands in the copy and never in the package.
        daily = json.loads(_get(f"{base}/api/contents/02_daily_checkin.ipynb?token={token}"))
        daily["content"]["cells"].append({"cell_type": "markdown", "metadata": {}, "source": "x"})
        body = json.dumps({"type": "notebook", "format": "json", "content": daily["content"]})
        _get(f"{base}/api/contents/02_daily_checkin.ipynb?token={token}", body.encode(), "PUT")
        saved = json.loads((person.data / "pages/02_daily_checkin.ipynb").read_text())
        assert "".join(saved["cells"][-1]["source"]) == "x"

        app_base, app_token = app.split("/?", 1)
        ran = _get(f"{app_base}/voila/render/02_daily_checkin.ipynb?{app_token}")
        assert "/voila/templates/workbook/" in ran  # the workbook's own Voilà template
        assert "workbook-stages" in ran  # a cell's output: the page ran in a kernel
    finally:
        for server in servers:
            server.stop()

    assert _digest(shared) == before
    pages = person.data / "pages"
    assert _mode(pages) == 0o700
    assert {_mode(pages / stage) for stage in STAGES} == {0o600}
