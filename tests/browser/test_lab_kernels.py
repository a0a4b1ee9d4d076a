"""JupyterLab's pages as a person goes from one to another: closing a stage's tab ends its kernel,
a page visited again is its tab brought back (one kernel per page, however many visits), and a
page brought back shows the workbook as it is now, not as it was when it ran."""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest
from conftest import Server, _demo
from pages import click_button, field, fill, saved_message, set_slider, stage_panel, toggle
from playwright.sync_api import Page, expect

from workbook.core import clock
from workbook.store import Store

pytestmark = pytest.mark.browser

DRAWN = ".jupyter-widgets, .js-plotly-plot, .workbook-info, .workbook-warning"
MOOD = "Mood (1 = very low, 10 = great)"
JOURNAL = "Journal"
# A notebook of a person's own: one cell, no workbook mark.
PLAIN = {
    "cells": [
        {
            "cell_type": "code",
            "source": "1 + 1",
            "metadata": {},
            "outputs": [],
            "execution_count": None,
        }
    ],
    "metadata": {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
    },
    "nbformat": 4,
    "nbformat_minor": 5,
}


@pytest.fixture(scope="module")
def own_lab(tmp_path_factory):
    """JupyterLab on a demo month of its own: these tests write to it and count its kernels."""
    home = tmp_path_factory.mktemp("lab-kernels")
    server = Server("lab", _demo(home / "data"), home)
    yield server
    server.stop()


def api(server, path: str):
    # jupyter_server answers 500 when it lists kernels just as one of them stops: ask again.
    for attempt in range(10):
        try:
            with urllib.request.urlopen(server.url(path), timeout=30) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:
            if error.code != 500 or attempt == 9:
                raise
            time.sleep(0.1)
    return None


def kernels_of(server) -> dict[str, str]:
    """The open pages and their kernels: {notebook path: kernel id}."""
    return {s["path"]: s["kernel"]["id"] for s in api(server, "api/sessions") if s.get("kernel")}


def running_kernels(server) -> set[str]:
    return {k["id"] for k in api(server, "api/kernels")}


def wait_for(condition, seconds: float = 60, what: str = "") -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    raise AssertionError(f"not within {seconds:.0f} s: {what}")


def ran(page: Page, stage: str, runs: int | None = None) -> None:
    """The stage has drawn what it shows and run every cell (`runs` times, when given)."""
    panel = stage_panel(page, stage)
    expect(panel.locator(DRAWN).first).to_be_visible()
    expect(panel).to_have_attribute("data-workbook-ran", "true")
    if runs is not None:
        expect(panel).to_have_attribute("data-workbook-runs", str(runs))
    busy = page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"\| Busy"))
    expect(busy).to_have_count(0)


def open_first(page: Page, server, stage: str) -> None:
    page.goto(server.url(f"lab/tree/{stage}.ipynb?reset"))
    ran(page, stage, runs=1)
    # Everything after this happens in this one load of JupyterLab: a reload would forget it.
    page.evaluate("window.__sameLoad = true")


def follow_link(page: Page, here: str, words: str, there: str) -> None:
    """Click a stage link at the end of `here`, as a person does, and land on `there`."""
    # The visible one: a page led by an answer hides the "Next" that does not hold now.
    links = stage_panel(page, here).locator(".workbook-stages .workbook-stage-link:visible")
    links.filter(has_text=words).click()
    expect(stage_panel(page, there)).to_be_visible()
    expect(stage_panel(page, here)).to_be_hidden()


def same_load(page: Page) -> bool:
    return page.evaluate("window.__sameLoad === true")


def close_current_tab(page: Page) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile("^File$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile("^Close Tab$")).click()


def test_closing_a_stages_tab_stops_its_kernel(watched, own_lab):
    page = watched.page
    open_first(page, own_lab, "06_keep_going")
    kernel = kernels_of(own_lab)["06_keep_going.ipynb"]
    assert kernel in running_kernels(own_lab)

    close_current_tab(page)
    expect(stage_panel(page, "06_keep_going")).to_have_count(0)
    expect(page.locator(".jp-Dialog")).to_have_count(0)  # nothing asked: not saving, not stopping
    wait_for(lambda: kernel not in running_kernels(own_lab), 30, "the closed page's kernel stops")
    assert "06_keep_going.ipynb" not in kernels_of(own_lab)


def shut_down(server, kernel: str) -> None:
    request = urllib.request.Request(server.url(f"api/kernels/{kernel}"), method="DELETE")
    urllib.request.urlopen(request, timeout=30).close()


EXECUTE = re.compile(rb'"msg_type": ?"execute_request"')


class KernelTakenMidRun:
    """Shuts a page's first kernel down the moment the page asks it to run its first cell, as
    jupyter_server's culler does when it takes an idle kernel just as a page reopened on it starts
    to use it. From that moment nothing that kernel says reaches the page, so the page cannot have
    finished its run on it, however slowly or quickly the machine goes; a kernel started after it
    is left alone."""

    def __init__(self, page: Page, server: Server):
        self.server = server
        self.taken: list[str] = []
        self.shutdowns: list[threading.Thread] = []
        page.route_web_socket("**/api/kernels/**", self._route)

    def _route(self, ws) -> None:
        kernel = re.search(r"/api/kernels/([^/?]+)", ws.url).group(1)
        server = ws.connect_to_server()
        server.on_message(lambda message: self._from_kernel(ws, kernel, message))
        ws.on_message(lambda message: self._from_page(server, kernel, message))

    def _from_page(self, server, kernel: str, message: str | bytes) -> None:
        server.send(message)
        raw = message if isinstance(message, bytes) else message.encode()
        if not self.taken and EXECUTE.search(raw):
            self.taken.append(kernel)
            self._take(kernel)

    def _take(self, kernel: str) -> None:
        # Not here: this thread also carries the page's requests.
        shutdown = threading.Thread(target=shut_down, args=(self.server, kernel))
        self.shutdowns.append(shutdown)
        shutdown.start()

    def _from_kernel(self, ws, kernel: str, message: str | bytes) -> None:
        if kernel not in self.taken:
            ws.send(message)

    def wait(self, page: Page) -> None:
        for shutdown in self.shutdowns:
            while shutdown.is_alive():  # not join(): the page's requests go through this thread
                page.wait_for_timeout(50)


def test_a_page_whose_kernel_is_taken_as_it_opens_starts_another_and_draws(watched, own_lab):
    # Found by CI: the page sat "Disconnected", with nothing drawn, until the person reloaded.
    page = watched.page
    taker = KernelTakenMidRun(page, own_lab)
    try:
        page.goto(own_lab.url("lab/tree/05_reunion.ipynb?reset"))
        ran(page, "05_reunion", runs=1)
        taker.wait(page)
        assert taker.taken, "the page never asked its kernel to run a cell, so it was never taken"
        kernel = kernels_of(own_lab)["05_reunion.ipynb"]
        assert kernel != taker.taken[0] and kernel in running_kernels(own_lab)
        assert taker.taken[0] not in running_kernels(own_lab)
        assert any("lost its kernel as it opened" in line for line in watched.console)
        expect(page.locator(".jp-Dialog")).to_have_count(0)  # nothing asked of the person
    finally:
        taker.wait(page)
        close_current_tab(page)
        wait_for(lambda: "05_reunion.ipynb" not in kernels_of(own_lab), 30, "its kernel stops")


def test_a_page_whose_kernel_goes_after_it_ran_works_again_and_keeps_the_words(watched, own_lab):
    # Left alone, the page kept its widgets with no kernel behind them: Save did nothing, and
    # JupyterLab said "Disconnected" in its status bar only.
    page = watched.page
    open_first(page, own_lab, "02_daily_checkin")
    daily = stage_panel(page, "02_daily_checkin")
    kernel = kernels_of(own_lab)["02_daily_checkin.ipynb"]
    fill(field(daily, JOURNAL), "Walked by the sea")  # typed, not saved
    shut_down(own_lab, kernel)  # as jupyter_server's culler does, from outside the page

    ran(page, "02_daily_checkin", runs=2)
    again = kernels_of(own_lab)["02_daily_checkin.ipynb"]
    assert again != kernel and again in running_kernels(own_lab)
    dialog = page.locator(".jp-Dialog")
    expect(dialog.get_by_role("textbox", name="What you had typed")).to_have_value(
        re.compile("Walked by the sea")
    )
    dialog.get_by_role("button", name="I have copied them").click()
    expect(dialog).to_have_count(0)

    fill(field(daily, JOURNAL), "Walked by the sea")
    click_button(daily, "Save")
    saved_message(daily, re.compile("Saved|Corrected"))
    with Store(own_lab.data_dir) as store:
        assert store.checkin_on(clock.today()).note == "Walked by the sea"
    assert same_load(page)


def test_a_kernel_shut_down_from_the_kernel_menu_stays_shut_down(watched, own_lab):
    page = watched.page
    open_first(page, own_lab, "06_keep_going")
    kernel = kernels_of(own_lab)["06_keep_going.ipynb"]
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile("^Kernel$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile("^Shut Down Kernel$")).click()
    wait_for(lambda: kernel not in running_kernels(own_lab), 30, "the kernel stops")
    page.wait_for_timeout(3000)  # time enough to have started another, had it wrongly done so
    assert "06_keep_going.ipynb" not in kernels_of(own_lab)
    assert stage_panel(page, "06_keep_going").get_attribute("data-workbook-runs") == "1"
    close_current_tab(page)


def kernel_menu(page: Page, item: str) -> None:
    """Kernel → `item`, and "Restart" in the dialog that asks."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile("^Kernel$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{re.escape(item)}")).click()
    page.locator(".jp-Dialog").get_by_role("button", name="Confirm Kernel Restart").click()


def saves_journal(page: Page, server, stage: str, words: str) -> None:
    daily = stage_panel(page, stage)
    fill(field(daily, JOURNAL), words)
    click_button(daily, "Save")
    saved_message(daily, re.compile("Saved|Corrected"))
    with Store(server.data_dir) as store:
        assert store.checkin_on(clock.today()).note == words


def test_a_page_whose_kernel_is_restarted_runs_again_and_keeps_the_words(watched, own_lab):
    # Left alone, the page kept its widgets with nothing behind them after Kernel → Restart
    # Kernel: Save did nothing, and said nothing.
    page = watched.page
    open_first(page, own_lab, "02_daily_checkin")
    kernel = kernels_of(own_lab)["02_daily_checkin.ipynb"]
    fill(field(stage_panel(page, "02_daily_checkin"), JOURNAL), "Swam before work")  # not saved
    kernel_menu(page, "Restart Kernel…")

    ran(page, "02_daily_checkin", runs=2)
    assert kernels_of(own_lab)["02_daily_checkin.ipynb"] == kernel  # restarted, not replaced
    dialog = page.locator(".jp-Dialog")
    expect(dialog.get_by_role("textbox", name="What you had typed")).to_have_value(
        re.compile("Swam before work")
    )
    expect(dialog).to_contain_text("restarted")
    expect(dialog.locator("strong")).to_have_text("Today’s check-in")  # which page, when several
    dialog.get_by_role("button", name="I have copied them").click()
    expect(dialog).to_have_count(0)
    saves_journal(page, own_lab, "02_daily_checkin", "Swam before work")
    assert same_load(page)


def test_restart_and_run_all_runs_the_page_once_and_it_works(watched, own_lab):
    page = watched.page
    open_first(page, own_lab, "02_daily_checkin")
    daily = stage_panel(page, "02_daily_checkin")
    daily.locator(".jupyter-widgets").first.evaluate("box => { box.dataset.before = 'restart'; }")
    fill(field(daily, JOURNAL), "Read in the park")  # not saved
    kernel_menu(page, "Restart Kernel and Run All Cells…")
    expect(daily.locator("[data-before='restart']")).to_have_count(0)  # Run All redrew the page
    ran(page, "02_daily_checkin")
    dialog = page.locator(".jp-Dialog")
    expect(dialog.get_by_role("textbox", name="What you had typed")).to_have_value(
        re.compile("Read in the park")
    )
    dialog.get_by_role("button", name="I have copied them").click()
    page.wait_for_timeout(3000)  # time enough for a second run, had the page wrongly started one
    expect(daily).to_have_attribute("data-workbook-runs", "1")
    saves_journal(page, own_lab, "02_daily_checkin", "Ran along the river")

    # Restarted again: what was typed since shows, the words shown before do not again.
    kernel_menu(page, "Restart Kernel…")
    ran(page, "02_daily_checkin", runs=2)
    kept = dialog.get_by_role("textbox", name="What you had typed")
    expect(kept).to_have_value(re.compile("Ran along the river"))
    expect(kept).not_to_have_value(re.compile("Read in the park"))


def kernel_process(server, kernel: str):
    """The process of the server's kernel `kernel` (its id is in the kernel's command line)."""
    import psutil

    for process in psutil.Process(server.process.pid).children(recursive=True):
        if any(kernel in part for part in process.cmdline()):
            return process
    raise AssertionError(f"no process for kernel {kernel}")


def freeze(server, kernel: str) -> None:
    """The kernel's process stopped where it is (SIGSTOP): a page's run that hangs."""
    kernel_process(server, kernel).suspend()


class KernelHungMidRun(KernelTakenMidRun):
    """Stops a page's kernel the moment the page asks it to run its first cell, and lets every
    message through: the page's first run cannot end on that kernel, however quickly the machine
    goes, until a person restarts it (jupyter_server then kills the stopped process and starts
    another under the same kernel id)."""

    def _take(self, kernel: str) -> None:
        freeze(self.server, kernel)

    def _from_kernel(self, ws, kernel: str, message: str | bytes) -> None:
        ws.send(message)


@contextlib.contextmanager
def hung_as_it_opens(page: Page, server, stage: str):
    """The stage opened with its kernel stopped at the page's first cell (KernelHungMidRun): the
    page as a person sees it hang, and its hang; its tab is closed and its kernel gone after."""
    hang = KernelHungMidRun(page, server)
    try:
        page.goto(server.url(f"lab/tree/{stage}.ipynb?reset"))
        deadline = time.monotonic() + 60
        while not hang.taken:  # the page's requests go through this thread: not sleep()
            assert time.monotonic() < deadline, "the page never asked its kernel to run a cell"
            page.wait_for_timeout(50)
        panel = stage_panel(page, stage)
        expect(panel).not_to_have_attribute("data-workbook-ran", "true")  # hung, as a person sees
        yield panel, hang
    finally:
        close_current_tab(page)
        wait_for(lambda: f"{stage}.ipynb" not in kernels_of(server), 30, "its kernel stops")


def test_a_page_restarted_as_it_opens_runs_to_its_end(watched, own_lab):
    # Left alone at stop 43: the restart cut the page's first run off and nothing ran it again, so
    # it stayed half drawn, with no Save under its boxes, until the person reloaded.
    page = watched.page
    with hung_as_it_opens(page, own_lab, "02_daily_checkin") as (daily, hang):
        kernel_menu(page, "Restart Kernel…")

        ran(page, "02_daily_checkin", runs=1)
        expect(daily.locator(".workbook-stages")).to_be_visible()  # its last cell, drawn
        assert kernels_of(own_lab)["02_daily_checkin.ipynb"] == hang.taken[0]  # restarted
        assert any("restarted; running it again" in line for line in watched.console)
        expect(page.locator(".jp-Dialog")).to_have_count(0)  # nothing was typed: nothing to show
        saves_journal(page, own_lab, "02_daily_checkin", "Walked to the lake")


def test_a_page_hung_as_it_opens_and_run_all_from_the_kernel_menu_keeps_working(watched, own_lab):
    # Left alone at stop 44: JupyterLab's own Run All drew the page, but the page was not marked
    # as having run, so when its kernel went later (a culler, a laptop asleep) nothing started
    # another: Save did nothing, and said nothing, until the page was reopened.
    page = watched.page
    with hung_as_it_opens(page, own_lab, "02_daily_checkin") as (_, hang):
        kernel_menu(page, "Restart Kernel and Run All Cells…")

        ran(page, "02_daily_checkin", runs=1)  # by JupyterLab's Run All, and counted as a run
        kernel = kernels_of(own_lab)["02_daily_checkin.ipynb"]
        assert kernel == hang.taken[0]  # restarted, not replaced
        assert not any("restarted; running it again" in line for line in watched.console)

        shut_down(own_lab, kernel)  # later, as jupyter_server's culler does
        ran(page, "02_daily_checkin", runs=2)
        assert kernels_of(own_lab)["02_daily_checkin.ipynb"] != kernel
        expect(page.locator(".jp-Dialog")).to_have_count(0)  # nothing was typed: nothing to show
        saves_journal(page, own_lab, "02_daily_checkin", "Sat by the canal")


def kill_kernel_process(server, kernel: str) -> None:
    """As a kernel dies (out of memory, a crash): its process killed, jupyter_server restarts it."""
    kernel_process(server, kernel).kill()


def test_a_page_whose_kernel_died_runs_again_once_restarted_and_keeps_the_words(watched, own_lab):
    page = watched.page
    open_first(page, own_lab, "02_daily_checkin")
    kernel = kernels_of(own_lab)["02_daily_checkin.ipynb"]
    fill(field(stage_panel(page, "02_daily_checkin"), JOURNAL), "Called my sister")  # not saved
    kill_kernel_process(own_lab, kernel)

    # JupyterLab's own word first ("The kernel … appears to have died"), then the page's.
    page.locator(".jp-Dialog", has_text="appears to have died").get_by_role("button").click()
    ran(page, "02_daily_checkin", runs=2)
    dialog = page.locator(".jp-Dialog")
    expect(dialog.get_by_role("textbox", name="What you had typed")).to_have_value(
        re.compile("Called my sister")
    )
    dialog.get_by_role("button", name="I have copied them").click()
    saves_journal(page, own_lab, "02_daily_checkin", "Called my sister")
    assert same_load(page)


def notebook_never_loads(page: Page, path: str) -> None:
    """JupyterLab's own load of the notebook (hash=1) fails, so JupyterLab itself never opens it
    and never starts its kernel: a kernel that starts anyway was started early, as it began."""
    page.route(re.compile(rf"/api/contents/{re.escape(path)}\?.*hash=1"), lambda r: r.abort())


def seconds_until_a_session(page: Page, server, path: str, within: float) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started < within:
        if path in kernels_of(server):
            return time.monotonic() - started
        page.wait_for_timeout(100)  # not sleep(): the page's requests go through this thread
    return None


def test_a_stage_opened_by_its_address_starts_its_kernel_as_jupyterlab_starts(watched, own_lab):
    page = watched.page
    stage, other = "07_report.ipynb", "09_not_a_stage.ipynb"
    put = urllib.request.Request(
        own_lab.url(f"api/contents/{other}"),
        data=json.dumps({"type": "notebook", "format": "json", "content": PLAIN}).encode(),
        method="PUT",
        headers={"Content-Type": "application/json"},
    )
    urllib.request.urlopen(put, timeout=30).close()
    try:
        notebook_never_loads(page, stage)
        page.goto(own_lab.url(f"lab/tree/{stage}?reset"))
        seconds = seconds_until_a_session(page, own_lab, stage, 60)
        assert seconds is not None, "no kernel started for the stage"
        expect(stage_panel(page, stage.removesuffix(".ipynb"))).to_have_count(0)  # never opened
        assert api(own_lab, "api/kernels")  # and it runs

        # A notebook named like a stage, but not one of the workbook's: nothing starts early.
        notebook_never_loads(page, other)
        page.goto(own_lab.url(f"lab/tree/{other}?reset"))
        assert seconds_until_a_session(page, own_lab, other, max(5.0, 3 * seconds)) is None
    finally:
        for session in api(own_lab, "api/sessions"):
            delete = urllib.request.Request(
                own_lab.url(f"api/sessions/{session['id']}"), method="DELETE"
            )
            urllib.request.urlopen(delete, timeout=30).close()
        delete = urllib.request.Request(own_lab.url(f"api/contents/{other}"), method="DELETE")
        urllib.request.urlopen(delete, timeout=30).close()


def test_a_page_visited_again_is_its_tab_with_its_kernel(watched, own_lab):
    page = watched.page
    open_first(page, own_lab, "00_start_here")
    follow_link(page, "00_start_here", "Next:", "01_the_break")
    ran(page, "01_the_break", runs=1)
    pages = ("00_start_here.ipynb", "01_the_break.ipynb")
    first = {path: kernels_of(own_lab)[path] for path in pages}
    for _ in range(2):
        follow_link(page, "01_the_break", "Back:", "00_start_here")
        follow_link(page, "00_start_here", "Next:", "01_the_break")
    ran(page, "01_the_break")
    assert {path: kernels_of(own_lab)[path] for path in pages} == first  # after six visits
    expect(page.locator(".jp-NotebookPanel")).to_have_count(2)  # one tab each
    # Nothing changed elsewhere: neither page ran again as it came back.
    expect(stage_panel(page, "00_start_here")).to_have_attribute("data-workbook-runs", "1")
    expect(stage_panel(page, "01_the_break")).to_have_attribute("data-workbook-runs", "1")
    assert same_load(page)


def mood_shown(page: Page):
    return field(stage_panel(page, "02_daily_checkin"), MOOD).locator(".widget-readout")


def test_a_page_brought_back_after_a_save_elsewhere_shows_the_new_value(watched, own_lab):
    page = watched.page
    today = clock.today()
    with Store(own_lab.data_dir) as store:
        before = store.checkin_on(today).mood
    new = 2 if before != 2 else 3
    open_first(page, own_lab, "02_daily_checkin")
    expect(mood_shown(page)).to_have_text(str(before))

    follow_link(page, "02_daily_checkin", "Next:", "03_progress")
    ran(page, "03_progress", runs=1)
    # Today's check-in corrected on the command line while the daily page is out of sight.
    subprocess.run(
        [sys.executable, "-m", "workbook", "checkin", "--data-dir", str(own_lab.data_dir)]
        + ["--date", today.isoformat(), "--mood", str(new)],
        check=True,
        capture_output=True,
    )
    follow_link(page, "03_progress", "Back:", "02_daily_checkin")
    expect(mood_shown(page)).to_have_text(str(new))  # without a reload of the browser
    ran(page, "02_daily_checkin", runs=2)
    assert same_load(page)
    # The progress page saw the change too, as it comes back.
    follow_link(page, "02_daily_checkin", "Next:", "03_progress")
    ran(page, "03_progress", runs=2)


def test_a_pages_own_save_does_not_run_it_again_and_unsaved_words_stay(watched, own_lab):
    page = watched.page
    open_first(page, own_lab, "02_daily_checkin")
    daily = stage_panel(page, "02_daily_checkin")
    set_slider(field(daily, MOOD), 8)
    click_button(daily, "Save")
    saved_message(daily, re.compile("Saved|Corrected"))
    with Store(own_lab.data_dir) as store:
        assert store.checkin_on(clock.today()).mood == 8

    fill(field(daily, JOURNAL), "still writing this")  # not saved yet
    follow_link(page, "02_daily_checkin", "Next:", "03_progress")
    ran(page, "03_progress", runs=1)
    follow_link(page, "03_progress", "Back:", "02_daily_checkin")
    page.wait_for_timeout(2000)  # time enough to ask the kernel and start a run, had it to
    ran(page, "02_daily_checkin", runs=1)
    expect(field(daily, JOURNAL).locator("textarea")).to_have_value("still writing this")
    expect(mood_shown(page)).to_have_text("8")
    assert same_load(page)


def test_the_reunion_brought_back_after_the_gate_is_saved_opens(watched, own_lab):
    # The issue's own walk: the reunion page already open behind the day-30 page, closed; a
    # resounding yes saved on day 30; "Next: The reunion" brings its tab back, open.
    page = watched.page
    open_first(page, own_lab, "04_day30_reflection")
    follow_link(page, "04_day30_reflection", "Next:", "05_reunion")
    ran(page, "05_reunion", runs=1)
    reunion = stage_panel(page, "05_reunion")
    expect(reunion.locator("button.widget-button", has_text="Save the answer")).to_have_count(0)

    follow_link(page, "05_reunion", "Back:", "04_day30_reflection")
    day30 = stage_panel(page, "04_day30_reflection")
    toggle(field(day30, "Do I really, really want to start this relationship again?"), "Yes")
    set_slider(field(day30, "How sure am I, from 0 to 10?"), 9)
    toggle(field(day30, "Would I keep growing as my own person inside it?"), "Yes")
    toggle(field(day30, "Did you feel safe and respected in this relationship?"), "Yes")
    click_button(day30, "Save my reflection")
    saved_message(day30, "resounding yes")

    follow_link(page, "04_day30_reflection", "Next:", "05_reunion")
    expect(reunion.locator("button.widget-button", has_text="Save the answer")).to_be_visible()
    ran(page, "05_reunion", runs=2)
    assert same_load(page)
