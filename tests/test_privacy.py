"""Nothing leaked: private file modes, no data file for git to see, and no network from the
notebooks or the report."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import pytest

from tests.conftest import TODAY
from workbook.core.model import Checkin
from workbook.store import Store
from workbook.store.backups import list_backups

ROOT = Path(__file__).resolve().parent.parent
NETGUARD = Path(__file__).resolve().parent / "netguard"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
# A tag that would make the browser fetch something from elsewhere (a link the user may click,
# or a URL inside a bundled script's own code, is not a fetch).
REMOTE_URL = re.compile(
    r"""<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*?"""
    r"""\b(?:src|href|data)\s*=\s*["']?\s*(?:https?:)?//""",
    re.IGNORECASE,
)


def test_every_folder_is_0700_and_every_file_0600(run_cli, demo_dir, tmp_path):
    """After the demo, a daily backup, manual and encrypted backups, exports and a restore."""
    with Store(demo_dir, clock=lambda: TODAY) as s:
        s.save_checkin(Checkin(date=TODAY, mood=8))  # the day's first save: a daily copy
    secret = tmp_path / "secret"
    secret.write_text("correct horse battery\n")
    for args in (
        ["backup"],
        ["backup", "--encrypt", "--passphrase-file", secret],
        ["export", "--format", "json", f"--today={TODAY}"],
        ["export", "--format", "csv", f"--today={TODAY}"],
    ):
        r = run_cli(*args, "--data-dir", demo_dir)
        assert r.code == 0, r.err
    newest = list_backups(demo_dir)[0]
    assert run_cli("restore", "--data-dir", demo_dir, newest, "--passphrase-file", secret).code == 0
    names = " ".join(p.name for p in list_backups(demo_dir))
    for kind in ("-daily-", "-manual.sqlite", "-manual.wbk", "-before-restore.sqlite"):
        assert kind in names
    seen = 0
    for path in [demo_dir, *demo_dir.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        want = 0o700 if path.is_dir() else 0o600
        assert mode == want, f"{path.relative_to(demo_dir)} is {oct(mode)}"
        seen += 1
    assert seen >= 8
    assert (demo_dir / "backups").is_dir() and (demo_dir / "exports").is_dir()


def test_a_fresh_clone_after_a_demo_run_shows_no_data_file_to_git(tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("WORKBOOK_")}
    env["PYTHONPATH"] = str(clone)  # the clone's own package, so data/ is the clone's
    env["WORKBOOK_PASSPHRASE"] = "correct horse battery"
    where = subprocess.run(
        [sys.executable, "-c", "import workbook.store.paths as p; print(p.default_data_dir())"],
        cwd=clone, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert Path(where.stdout.strip()) == clone / "data"
    for args in (
        ["demo", f"--today={TODAY}"],
        ["checkin", f"--today={TODAY}", "--mood", "7", "--note", "private words"],
        ["backup"],
        ["backup", "--encrypt"],
        ["export", "--format", "csv", f"--today={TODAY}"],
        ["export", "--format", "json", f"--today={TODAY}"],
        ["report", "--format", "json", "--output", "data/summary.json", f"--today={TODAY}"],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "workbook", *args],
            cwd=clone, env=env, capture_output=True, text=True,
        )  # fmt: skip
        assert done.returncode == 0, (args, done.stderr)
    assert (clone / "data" / "workbook.sqlite").exists()
    assert list((clone / "data" / "backups").iterdir())
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=clone, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert status.stdout == "", status.stdout


# --- no network ------------------------------------------------------------------------------


def _run_guarded(notebooks: list[Path], data_dir: Path, out_dir: Path, log: Path):
    """Run notebooks with papermill in a fresh Python whose every process carries the guard."""
    driver = textwrap.dedent(
        """
        import sys, papermill
        data_dir, today, out_dir, *paths = sys.argv[1:]
        failed = []
        for path in paths:
            try:
                papermill.execute_notebook(
                    path, f"{out_dir}/{path.rsplit('/', 1)[-1]}",
                    parameters={"data_dir": data_dir, "today": today},
                    kernel_name="python3", progress_bar=False, cwd=out_dir,
                )
            except Exception as error:
                failed.append(f"{path}: {type(error).__name__}: {str(error)[:300]}")
        print("\\n".join(failed))
        """
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(NETGUARD), str(ROOT)])
    env["WORKBOOK_NETGUARD_LOG"] = str(log)
    env.pop("WORKBOOK_DATA_DIR", None)
    done = subprocess.run(
        [sys.executable, "-c", driver, str(data_dir), TODAY.isoformat(), str(out_dir)]
        + [str(p) for p in notebooks],
        env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    return done


def test_the_guard_catches_a_notebook_that_reaches_out(tmp_path, demo_dir):
    """The guard itself can fail a test: a notebook that opens a socket to the internet."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_code_cell(
            "data_dir = None\ntoday = None", metadata={"tags": ["parameters"]}
        ),
        nbformat.v4.new_code_cell(
            "import socket\ntry:\n    socket.create_connection(('203.0.113.7', 80), timeout=1)\n"
            "except OSError as e:\n    print(e)"
        ),
    ]
    path = tmp_path / "reaches_out.ipynb"
    nbformat.write(nb, path)
    log = tmp_path / "net.log"
    done = _run_guarded([path], demo_dir, tmp_path, log)
    assert done.returncode == 0, done.stderr
    assert "203.0.113.7" in log.read_text()


@pytest.mark.slow
def test_no_notebook_makes_a_network_connection(tmp_path, demo_dir):
    if not NOTEBOOKS:
        pytest.skip("no notebooks have landed yet")
    out_dir = tmp_path / "runs"
    out_dir.mkdir()
    log = tmp_path / "net.log"
    done = _run_guarded(NOTEBOOKS, demo_dir, out_dir, log)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "", f"notebooks that did not run: {done.stdout}"
    assert not log.exists(), f"network connections attempted:\n{log.read_text()}"
    # And nothing they show would make the browser fetch from the internet either.
    for executed in sorted(out_dir.glob("*.ipynb")):
        shown = json.dumps(
            [c.get("outputs", []) for c in json.loads(executed.read_text())["cells"]]
        )
        assert not REMOTE_URL.search(shown.replace('\\"', '"')), executed.name
    assert len(list(out_dir.glob("*.ipynb"))) == len(NOTEBOOKS)


def _report_html(demo_dir) -> str:
    report = pytest.importorskip(
        "workbook.views.report", reason="workbook.views.report has not landed yet"
    )
    if not hasattr(report, "render_html"):
        pytest.skip("workbook.views.report.render_html has not landed yet")
    with Store(demo_dir) as s:
        return report.render_html(s.snapshot(), TODAY)


def test_the_report_names_no_remote_address(demo_dir):
    html = _report_html(demo_dir)
    assert "<html" in html.lower()
    assert not REMOTE_URL.search(html), REMOTE_URL.search(html)
    assert not re.search(r"url\(\s*['\"]?https?:", html) and "@import" not in html


@pytest.mark.browser
def test_the_report_opens_in_a_browser_without_any_network_request(demo_dir, tmp_path, browser):
    html = _report_html(demo_dir)
    page_path = tmp_path / "report.html"
    page_path.write_text(html, encoding="utf-8")
    requested = []
    page = browser.new_page()
    try:
        page.on("request", lambda request: requested.append(request.url))
        page.goto(page_path.as_uri(), wait_until="load")
        page.wait_for_timeout(300)
    finally:
        page.close()
    remote = [u for u in requested if not u.startswith(("file:", "data:", "blob:", "about:"))]
    assert requested and not remote, remote


def test_the_remote_url_check_can_fail():
    assert REMOTE_URL.search('<script src="https://cdn.plot.ly/plotly.min.js"></script>')
    assert REMOTE_URL.search("<img alt='x' src=//example.org/a.png>")
    assert not REMOTE_URL.search('<a href="https://findahelpline.com">help lines</a>')
