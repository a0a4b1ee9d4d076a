"""A preheated page kernel does its slow first-time work before it waits for its page; nothing
else ever does it, and that work reads nothing of the person's workbook."""

from __future__ import annotations

import os
import sys

import pytest

from workbook.app import preheat
from workbook.core import clock
from workbook.store.paths import CHECKOUT


@pytest.fixture
def fresh_preheat(monkeypatch):
    monkeypatch.setattr(preheat, "_waited", False)
    monkeypatch.setattr(preheat, "_warm_ups", [])
    for name in ("VOILA_PREHEAT", "VOILA_KERNEL_ID"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_outside_the_app_no_warm_up_runs(fresh_preheat):
    ran = []
    preheat.before_the_wait(lambda: ran.append("warmed"))
    preheat.wait_for_the_page()  # JupyterLab, papermill, a cold Voilà kernel
    assert ran == []


def test_a_preheated_kernel_warms_up_once_before_it_waits(fresh_preheat, caplog):
    ran = []
    warm_up = preheat.before_the_wait(lambda: ran.append("warmed"))
    preheat.before_the_wait(warm_up)  # a page module imported twice registers once
    fresh_preheat.setenv("VOILA_PREHEAT", "True")
    fresh_preheat.setenv("VOILA_KERNEL_ID", "no-such-kernel")
    fresh_preheat.setenv("VOILA_APP_PORT", "9")  # nothing listens: the wait gives up at once
    preheat.wait_for_the_page()
    preheat.wait_for_the_page()
    assert ran == ["warmed"]
    assert "no request came for this page" in caplog.text


def test_the_warm_up_reads_and_writes_nothing_of_the_workbook(tmp_path, monkeypatch):
    from workbook.app import warm_up

    monkeypatch.setenv("WORKBOOK_DATA_DIR", str(tmp_path / "workbook"))
    monkeypatch.chdir(tmp_path)
    warm_up.widgets_and_templates()
    warm_up.charts()
    assert list(tmp_path.iterdir()) == []
    assert "ipywidgets" in sys.modules and "plotly" in sys.modules  # it did load what pages use


def test_in_a_page_kernel_the_app_registers_its_machinery_for_each_page_ahead(tmp_path):
    """Pages only describe what can be built ahead; in the app's page kernels (VOILA_PREHEAT and
    the module voila.py names) the app's page_kernel registers the warm-ups and a rehearsal each."""
    import subprocess
    import sys

    voila_config = (CHECKOUT / "jupyter_config" / "voila.py").read_text()
    assert 'os.environ["WORKBOOK_PAGE_KERNEL"] = "workbook.app.page_kernel"' in voila_config
    probe = (
        "from workbook.app import preheat, warm_up\n"
        "from workbook.pages import checkin, context, progress, reflection, start, urge\n"
        "from workbook.app.page_kernel import AppPageKernel\n"
        "assert isinstance(context._kernel, AppPageKernel)\n"
        "names = [getattr(w, '__qualname__', '') for w in preheat._warm_ups]\n"
        # progress, start x2 (the plan, the private question), check-in, urge, reflection x2
        "assert names.count('Rehearsal.rehearse') == 7, names\n"
        "assert warm_up.widgets_and_templates in preheat._warm_ups\n"
        "assert warm_up.charts in preheat._warm_ups\n"
        "print('registered')\n"
    )
    env = {
        **os.environ,
        "VOILA_PREHEAT": "True",
        "WORKBOOK_PAGE_KERNEL": "workbook.app.page_kernel",
        "WORKBOOK_DATA_DIR": str(tmp_path),
    }
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert done.stdout.strip() == "registered", done.stderr
    elsewhere = {k: v for k, v in env.items() if k != "VOILA_PREHEAT"}
    plain = "from workbook.pages import context, progress\nassert context._kernel is None\nprint('plain')"
    done = subprocess.run(
        [sys.executable, "-c", plain], env=elsewhere, capture_output=True, text=True
    )
    assert done.stdout.strip() == "plain", done.stderr


def test_a_page_kernel_drops_only_the_tracebacks_of_sockets_closed_as_the_app_stops():
    import logging

    import zmq

    from workbook.app.page_kernel import QuietWhenTheAppStops

    def record(error: Exception) -> logging.LogRecord:
        return logging.LogRecord(
            "IPKernelApp",
            logging.ERROR,
            __file__,
            1,
            "Exception in message handler:",
            (),
            (type(error), error, None),
        )

    quiet = QuietWhenTheAppStops()
    assert not quiet.filter(record(zmq.ZMQError(zmq.ENOTSOCK)))
    assert not quiet.filter(record(zmq.ZMQError(zmq.ETERM)))
    assert quiet.filter(record(zmq.ZMQError(zmq.EAGAIN)))  # anything else is still said
    assert quiet.filter(record(ValueError("a real problem")))
    assert QuietWhenTheAppStops in {type(f) for f in logging.getLogger("IPKernelApp").filters}


def test_only_the_pages_opened_every_day_or_in_a_hurry_keep_a_heated_kernel():
    """Voilà's pools (jupyter_config/voila.py): one heated kernel for each page in KEPT_READY, none
    for the pages opened once a month, and a kept name with no notebook yet heats nothing."""
    from workbook.core.stages import STAGE_NAMES

    pools = preheat.kernel_pools()
    assert pools["default"] == {"pool_size": 0}
    kept = {name.removesuffix(".ipynb") for name in pools if name != "default"}
    assert kept == {"00_start_here", "02_daily_checkin", "03_progress", "08_urge"}
    assert all(pools[f"{name}.ipynb"] == {"pool_size": 1} for name in kept)
    monthly = set(STAGE_NAMES) - kept
    assert {"01_the_break", "04_day30_reflection", "07_report"} <= monthly
    voila_config = (CHECKOUT / "jupyter_config" / "voila.py").read_text()
    assert "c.VoilaKernelManager.kernel_pools_config = kernel_pools()" in voila_config


@pytest.mark.parametrize("stage", preheat.KEPT_READY)
def test_a_heated_kernel_builds_ahead_its_own_page_and_no_other(stage, tmp_path):
    """A page module imported by another page (pages/nav.py once imported the urge page) would
    build that page too, in every kernel, for nobody: the imports of the stage's own notebook
    register the rehearsals of its own page's module only."""
    import json
    import subprocess

    notebook = json.loads((CHECKOUT / "notebooks" / f"{stage}.ipynb").read_text())
    imports = [
        line
        for cell in notebook["cells"]
        if cell["cell_type"] == "code"
        for line in "".join(cell["source"]).splitlines()
        if line.startswith(("from workbook", "import workbook"))
    ]
    probe = "\n".join(
        [
            *imports,
            "from workbook.app import preheat",
            "built = {w.__self__._build.__module__ for w in preheat._warm_ups",
            "         if getattr(w, '__qualname__', '') == 'Rehearsal.rehearse'}",
            "print(sorted(built))",
        ]
    )
    env = {
        **os.environ,
        "VOILA_PREHEAT": "True",
        "WORKBOOK_PAGE_KERNEL": "workbook.app.page_kernel",
        "WORKBOOK_DATA_DIR": str(tmp_path),
    }
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    built = json.loads(done.stdout.replace("'", '"'))
    page_modules = {
        name.strip()
        for line in imports
        if line.startswith("from workbook.pages import")
        for name in line.split(" import ")[1].split(",")
    }
    assert built, f"{stage} builds nothing ahead"
    assert {name.rsplit(".", 1)[1] for name in built} <= page_modules, (stage, built)


# Runs a stage notebook's code cells in this process (display() prints), after the warm-up, and
# prints the templates compiled only then: each one a heated kernel would compile as the person
# waits for the page.
COMPILED_LATE = """
import json, sys
from workbook.app import warm_up
from workbook.views.templating import ENVIRONMENT

def compiled():
    return {key[1] for key in ENVIRONMENT.cache.keys()}

warm_up.widgets_and_templates()
warmed = compiled()
notebook = json.load(open(sys.argv[1]))
namespace = {}
for cell in notebook["cells"]:
    if cell["cell_type"] == "code":
        exec("".join(cell["source"]), namespace)
        namespace["data_dir"] = sys.argv[2]
print(json.dumps(sorted(compiled() - warmed)), file=sys.stderr)
"""


@pytest.mark.parametrize("stage", preheat.KEPT_READY)
@pytest.mark.parametrize("workbook", ["demo month", "no plan yet"])
def test_the_warm_up_compiles_every_template_a_page_kept_ready_renders(stage, workbook, tmp_path):
    """The warm-up leaves out the templates of pages not kept ready (warm_up.NOT_WARMED): every
    template a kept-ready page renders, with a month behind it or none, is compiled before the
    person asks for it."""
    import json
    import subprocess

    from workbook.store import Store
    from workbook.store.demo import fill_demo

    data = tmp_path / "data"
    with Store(data) as store:
        if workbook == "demo month":
            fill_demo(store, today=clock.today())
    done = subprocess.run(
        [sys.executable, "-c", COMPILED_LATE, str(CHECKOUT / "notebooks" / f"{stage}.ipynb"), data],
        env={**os.environ, "WORKBOOK_DATA_DIR": str(data)},
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    late = json.loads(done.stderr.strip().splitlines()[-1])
    assert late == [], f"{stage} compiles {late} as the person waits"
