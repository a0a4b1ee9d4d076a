"""The app sends a page's widget state with the page: its widgets are drawn from it, holding the
workbook's values, before the kernel has answered anything (workbook/app/state_with_the_page.py,
labextension/app/src/widgetStateWithThePage.ts).

Here the page's websocket to its kernel is held by the browser and never reaches the server, so
every widget drawn was drawn from the page alone; without the state in the page they stay on
"Loading widget..." for good. When the kernel's own answer comes, words typed in the meantime
stay as typed. That the widgets then work with their kernel (saves, corrections, the date box) is
what every other app test does.
"""

from __future__ import annotations

import json
import re

import pytest
from pages import DATE_LABEL, field
from playwright.sync_api import expect

from workbook.core import clock
from workbook.store import Store

pytestmark = pytest.mark.browser

KERNEL_SOCKET = re.compile(r"/api/kernels/[^/?]+/channels")
STATE = 'script[type="application/vnd.jupyter.widget-state+json"]'
# Every model the page's state names, as the page holds it (a model in another's attributes is
# named by its id: ipywidgets' own toJSON).
EVERY_MODEL = f"""async () => {{
    const manager = window.jupyterapp.widgetManager;
    const ids = Object.keys(JSON.parse(document.querySelector('{STATE}').textContent).state);
    const models = {{}};
    for (const id of ids) {{
        models[id] = JSON.stringify((await manager.get_model(id)).attributes);
    }}
    return models;
}}"""


def test_the_daily_page_draws_its_widgets_before_its_kernel_answers(watched, app):
    page = watched.page
    held = []
    page.route_web_socket(KERNEL_SOCKET, lambda socket: held.append(socket))  # never connected
    today = clock.today()
    with Store(app.data_dir) as store:
        checkin = store.checkin_on(today)

    page.goto(app.url("voila/render/02_daily_checkin.ipynb"))
    expect(page.locator("button.widget-button", has_text="Save").first).to_be_visible()
    expect(page.get_by_text("Loading widget")).to_have_count(0)
    assert held, "the page never opened its kernel's websocket"
    # The widgets hold the workbook's values for the day, from the page alone.
    date_box = field(page, DATE_LABEL).locator("input").first
    expect(date_box).to_have_value(today.isoformat())
    if checkin is not None:
        mood = field(page, "Mood (1 = very low, 10 = great)").locator(".widget-readout")
        expect(mood).to_have_text(str(checkin.mood))
        journal = field(page, "Journal").locator("textarea").first
        expect(journal).to_have_value(checkin.note or "")
    # The state is the page's own, in ipywidgets' format: the Save button drawn is one of them.
    models = json.loads(page.locator(STATE).text_content())["state"].values()
    assert all({"model_name", "model_module", "state"} <= set(model) for model in models)
    assert any(
        model["model_name"] == "ButtonModel" and model["state"].get("description") == "Save"
        for model in models
    )


def test_the_start_page_draws_its_widgets_before_its_kernel_answers(watched, app):
    page = watched.page
    page.route_web_socket(KERNEL_SOCKET, lambda socket: None)
    page.goto(app.url("voila/render/00_start_here.ipynb"))
    expect(page.locator(".widget-button").first).to_be_visible()
    expect(page.get_by_text("Loading widget")).to_have_count(0)


def test_words_typed_before_the_kernel_answers_stay_as_typed(watched, app):
    """Everything the kernel sends is held back until words are typed; then its answer (the state
    as it was when asked) is let through, but not its echo of the words (ipywidgets' kernel sends
    each change back): the answer alone must not undo them, nor change any other widget drawn from
    the page (a change would redraw it under the person's hands). Then the words reach the
    kernel."""
    page = watched.page
    held, echoes, to_kernel, sockets = [], [], [], []
    letting_through = []  # empty: hold everything; else let all but the kernel's echoes through

    def to_page(socket, message):
        if not letting_through:
            held.append(message)
        elif _words_in([message], "echo_update"):
            echoes.append(message)
        else:
            socket.send(message)

    def through_the_test(socket):
        server = socket.connect_to_server()
        sockets.append(socket)
        server.on_message(lambda message: to_page(socket, message))
        socket.on_message(lambda message: (to_kernel.append(message), server.send(message)))

    page.route_web_socket(KERNEL_SOCKET, through_the_test)
    page.goto(app.url("voila/render/02_daily_checkin.ipynb"))
    expect(page.locator("button.widget-button", has_text="Save").first).to_be_visible()
    box = field(page, "My writing (kept in this day’s journal)").locator("textarea").first
    words = "typed before the kernel answered"
    box.fill(words)
    assert not _words_in(to_kernel, words)  # the page waits for its kernel to say hello first

    drawn = page.evaluate(EVERY_MODEL)

    (socket,) = sockets
    letting_through.append(True)
    for message in held:
        to_page(socket, message)
    page.wait_for_function("() => window.jupyterapp?.widgetManager?.restoredStatus === true")
    expect(box).to_have_value(words)
    answered = page.evaluate(EVERY_MODEL)
    assert len(answered) > 100
    assert [m for m in drawn if drawn[m] != answered[m]] == []
    assert _words_in(to_kernel, words)
    for message in echoes:
        socket.send(message)
    expect(box).to_have_value(words)


def _words_in(messages, words: str) -> bool:
    return any(
        words in (m if isinstance(m, str) else m.decode("utf-8", "replace")) for m in messages
    )
