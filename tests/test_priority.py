"""A kernel heating for a later page runs behind the pages a person opens, and at full speed once
its own page is asked for (workbook/app/priority.py): real processes, Linux's real autogroups."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from workbook.app.priority import AUTOGROUP

pytestmark = pytest.mark.skipif(
    not AUTOGROUP.exists(), reason="this system shares the CPU without Linux's autogroups"
)

REPORT = """
import json
from workbook.app import priority
seen = {"start": priority.group_nice()}
seen["behind"] = priority.run_behind()
seen["while heating"] = priority.group_nice()
seen["full speed"] = priority.run_at_full_speed()
seen["when asked"] = priority.group_nice()
print(json.dumps(seen))
"""


def _run(**popen) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", REPORT], capture_output=True, text=True, check=True, **popen
    )
    return json.loads(done.stdout)


def test_a_kernel_in_a_session_of_its_own_heats_behind_and_serves_at_full_speed():
    # jupyter_client starts every kernel in a session of its own: so does this.
    seen = _run(start_new_session=True)
    assert seen == {
        "start": 0,
        "behind": True,
        "while heating": 10,
        "full speed": True,
        "when asked": 0,
    }


def test_a_process_sharing_its_session_changes_nobody_s_priority():
    """The autogroup is the whole session's: a process that is not its session's leader (here,
    in the test's own session) would slow its neighbours too, so it leaves the group alone."""
    own = Path("/proc/self/autogroup").read_text()
    seen = _run()
    assert seen["behind"] is False and seen["full speed"] is False
    assert seen["start"] == seen["while heating"] == seen["when asked"]
    assert Path("/proc/self/autogroup").read_text() == own
