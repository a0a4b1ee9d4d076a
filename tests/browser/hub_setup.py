"""A practice's hub for the tests: the installed package, two new system users, JupyterHub running.

Every part is the real one. The wheel is built from this checkout and installed, with the `hub`
extra, into a new virtual environment made with the system's Python in a world-readable temporary
folder: the checkout and the Python the tests run from may sit in root's home, which the people's
servers (run as them) could not enter. The proxy is configurable-http-proxy from npm
(scripts/ensure-hub.sh puts it in .hub/). Everything added here is removed afterwards.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from workbook.store.paths import CHECKOUT, DB_NAME

SYSTEM_PYTHON = "/usr/bin/python3"
PROXY = CHECKOUT / ".hub" / "node_modules" / ".bin" / "configurable-http-proxy"
CONFIG = CHECKOUT / "deploy" / "jupyterhub" / "jupyterhub_config.py"
# platformdirs' user data folder on Linux, where an installed workbook keeps a person's data.
DATA_UNDER_HOME = Path(".local/share/thirty-day-break-workbook")
START_TIMEOUT_S = 180


def run(*command: str, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout[-5000:]}{result.stderr}")
    return result


def timed(what: str, timings: dict, *command: str) -> None:
    started = time.perf_counter()
    run(*command)
    timings[what] = time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def install_package(folder: Path, timings: dict) -> Path:
    """Build the wheel, install it and its `hub` extra into a new environment; its bin/."""
    dist = folder / "dist"
    source = _copy_of_the_source(folder / "source")
    timed(
        "wheel build",
        timings,
        sys.executable,
        "-m",
        "build",
        "--wheel",
        "--outdir",
        str(dist),
        str(source),
    )
    wheel = next(dist.glob("*.whl"))
    venv = folder / "venv"
    started = time.perf_counter()
    run(SYSTEM_PYTHON, "-m", "venv", str(venv))
    run(str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", f"{wheel}[hub]")
    timings["install into a new environment"] = time.perf_counter() - started
    return venv / "bin"


def _copy_of_the_source(target: Path) -> Path:
    """What the wheel is built from, copied: a build writes build/ and *.egg-info into its source,
    and another test may be building a wheel from the checkout at the same moment."""
    target.mkdir()
    for path in CHECKOUT.iterdir():
        if path.is_file():
            shutil.copy2(path, target / path.name)
    for folder in ("workbook", "notebooks", "jupyter_config"):
        shutil.copytree(
            CHECKOUT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    return target


@dataclass
class Person:
    name: str
    password: str
    home: Path
    bin: Path

    @property
    def data_dir(self) -> Path:
        return self.home / DATA_UNDER_HOME

    @property
    def workbook_file(self) -> Path:
        return self.data_dir / DB_NAME

    def run(self, *command: str) -> subprocess.CompletedProcess:
        """A command as this person, with the environment a login gives them, not root's."""
        env = ["env", "-i", f"HOME={self.home}", f"USER={self.name}", "PATH=/usr/bin:/bin"]
        return subprocess.run(
            ["runuser", "-u", self.name, "--", *env, *command],
            capture_output=True,
            text=True,
            cwd=self.home,  # not the checkout's folder, which may be closed to them
        )

    def workbook(self, *args: str) -> subprocess.CompletedProcess:
        result = self.run(str(self.bin / "workbook"), *args)
        assert result.returncode == 0, result.stderr
        return result


def add_people(group: str, count: int, bin_dir: Path) -> list[Person]:
    run("groupadd", group)
    people = []
    for _ in range(count):
        name = f"wbhub{secrets.token_hex(4)}"
        password = secrets.token_urlsafe(12)
        run("useradd", "--create-home", "--shell", "/bin/bash", "--groups", group, name)
        run("chpasswd", input=f"{name}:{password}\n")
        people.append(Person(name, password, Path(os.path.expanduser(f"~{name}")), bin_dir))
    return people


def remove_people(group: str, people: list[Person]) -> None:
    import psutil

    for person in people:
        uid = int(run("id", "-u", person.name).stdout)
        # Whatever still runs as them (a server the hub had not stopped yet) goes first.
        leftovers = [p for p in psutil.process_iter(["uids"]) if p.info["uids"].real == uid]
        for process in leftovers:
            process.kill()
        psutil.wait_procs(leftovers, timeout=10)
        subprocess.run(["userdel", "--remove", person.name], capture_output=True)
    subprocess.run(["groupdel", group], capture_output=True)


class Hub:
    """`jupyterhub -f deploy/jupyterhub/jupyterhub_config.py` on free 127.0.0.1 ports."""

    def __init__(self, folder: Path, bin_dir: Path, group: str, idle_timeout: int):
        self.port = free_port()
        self.log_path = folder / "hub.log"
        state = folder / "state"
        env = dict(os.environ)
        env.update(
            WORKBOOK_HUB_IP="127.0.0.1",
            WORKBOOK_HUB_PORT=str(self.port),
            WORKBOOK_HUB_STATE=str(state),
            WORKBOOK_HUB_GROUP=group,
            WORKBOOK_HUB_IDLE_TIMEOUT=str(idle_timeout),
            WORKBOOK_HUB_PROXY=str(PROXY),
            PYTHONUNBUFFERED="1",
        )
        command = [
            str(bin_dir / "jupyterhub"),
            "-f",
            str(CONFIG),
            # The hub's own API and the proxy's: on free ports too, beside other tests.
            f"--JupyterHub.hub_port={free_port()}",
            f"--ConfigurableHTTPProxy.api_url=http://127.0.0.1:{free_port()}",
        ]
        self._log = open(self.log_path, "wb")  # noqa: SIM115 — open for the hub's lifetime
        started = time.perf_counter()
        self.process = subprocess.Popen(
            command, env=env, cwd=folder, stdout=self._log, stderr=subprocess.STDOUT
        )
        self._wait_until_up()
        self.start_seconds = time.perf_counter() - started

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterHub stopped:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.base}/hub/health", timeout=2):
                    return
            except OSError:
                time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"JupyterHub did not start:\n{self.log()}")

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")[-20_000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()  # the hub stops the people's servers as it goes
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


def world_readable_folder() -> Path:
    """A new folder the people's servers can read (pytest's own are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="workbook-hub-"))
    folder.chmod(0o755)
    return folder


def remove_folder(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
