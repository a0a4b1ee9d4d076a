"""Driving the stage pages as a person does: by the words they read, in JupyterLab or the app."""

from __future__ import annotations

import json
import os
import re
import time
import urllib.error
import urllib.request
from datetime import timedelta

from playwright.sync_api import Locator, Page, expect

from workbook.core.messages import date_words
from workbook.store.paths import CHECKOUT

# The README's pictures are rewritten only when asked (UPDATE_SCREENSHOTS=1): their dates change
# every day, and a test run should leave the checkout as it found it.
SCREENSHOTS = (
    CHECKOUT / "docs" / "screenshots"
    if os.environ.get("UPDATE_SCREENSHOTS")
    else CHECKOUT / "test-artifacts" / "screenshots"
)


def open_in_lab(page: Page, server, notebook: str, ready: str | None = None) -> float:
    """Open a stage notebook in JupyterLab, as a person does; seconds from opening to widgets.

    The page runs itself as it opens (the workbook's lab extension): nothing here clicks.
    `ready`: the words on the button that shows the page is usable (else any widget or chart).
    """
    # `reset`: a clean workspace, so no notebook from an earlier test comes back.
    opened = time.perf_counter()
    page.goto(server.url(f"lab/tree/{notebook}.ipynb?reset"))
    widgets_ready(page, ready)
    seconds = time.perf_counter() - opened
    # Every cell has run, the links at the end included.
    expect(stage_panel(page, notebook)).to_have_attribute("data-workbook-ran", "true")
    expect(page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"\| Idle"))).to_have_count(1)
    print(f"\nJupyterLab {notebook}: opened to widgets ready in {seconds:.1f} s")
    return seconds


def stage_panel(page: Page, notebook: str) -> Locator:
    """The notebook panel of a stage page, marked as such by the workbook's lab extension."""
    return page.locator(f'.jp-NotebookPanel[data-workbook-stage="{notebook}"]')


def open_in_app(page: Page, server, notebook: str, ready: str | None = None) -> float:
    """Open a stage in the code-free app; seconds from asking for the page to widgets shown."""
    started = time.perf_counter()
    page.goto(server.url(f"voila/render/{notebook}.ipynb"))
    widgets_ready(page, ready)
    seconds = time.perf_counter() - started
    print(f"\napp {notebook}: page asked for to widgets ready in {seconds:.1f} s")
    return seconds


def widgets_ready(page: Page, ready: str | None = None) -> None:
    """The page's controls are drawn and the kernel has finished running it."""
    if ready:
        expect(page.locator("button.widget-button", has_text=ready).first).to_be_visible()
    else:
        expect(page.locator(".widget-button, .js-plotly-plot").first).to_be_visible()
    busy = page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"\| Busy"))
    expect(busy).to_have_count(0)


def field(scope: Page | Locator, label: str, starts: bool = False) -> Locator:
    """The box holding a labelled field: its label, its widget, its message."""
    match = (
        f"starts-with(normalize-space(), {_xpath_text(label)})"
        if starts
        else f"normalize-space()={_xpath_text(label)}"
    )
    # The label is the control's own (<label>, see forms.Field), or a group's bold heading.
    xpath = (
        "xpath=//div[contains(@class,'widget-vbox')]"
        f"[./div[contains(@class,'widget-html')]//b[{match}]"
        f" or ./div[contains(@class,'workbook-labelled')]/label[{match}]]"
    )
    return scope.locator(xpath).last


def _xpath_text(text: str) -> str:
    if "'" not in text:
        return f"'{text}'"
    parts = text.split("'")
    return "concat(" + ', "\'", '.join(f"'{p}'" for p in parts) + ")"


def set_slider(box: Locator, value: int) -> None:
    """Type into a slider's number, as a person who does not want to drag can."""
    readout = box.locator(".widget-readout")
    readout.click()
    readout.press("Control+A")
    readout.type(str(value))
    readout.press("Enter")
    expect(readout).to_have_text(str(value))


def fill(box: Locator, text: str) -> None:
    """Type into a text box, text area, number or date box, then leave it."""
    control = box.locator("input, textarea").first
    control.fill(str(text))
    control.press("Tab")


def tick(scope: Page | Locator, description: str) -> Locator:
    """Tick a checkbox by its words; returns its row (to reach a neighbour such as minutes)."""
    checkbox = scope.locator(".widget-checkbox", has_text=description).first
    checkbox.locator("input").check()
    return checkbox.locator("xpath=..")


def toggle(box: Locator, option: str) -> None:
    box.locator(".widget-toggle-button", has_text=re.compile(f"^{re.escape(option)}$")).click()


def click_button(scope: Page | Locator, words: str) -> None:
    scope.locator("button.widget-button", has_text=words).first.click()


def saved_message(scope: Page | Locator, contains: str | re.Pattern) -> Locator:
    box = scope.locator(".workbook-success", has_text=contains)
    expect(box.first).to_be_visible()
    return box


# --- the daily page, as walked in JupyterLab and in the app ------------------------------------


def fill_every_checkin_field(page: Page) -> None:
    """Today's check-in with every field given, contact included."""
    set_slider(field(page, "Mood (1 = very low, 10 = great)"), 7)
    set_slider(field(page, "Energy (1–10)"), 6)
    fill(field(page, "Hours slept"), "7.5")
    fill(field(page, "A few words for how you feel (separated by commas)"), "hopeful, proud")
    toggle(field(page, "Did you stay out of contact today?"), "No, there was contact")
    toggle(field(page, "Who reached out?"), "Them")
    fill(field(page, "What happened?"), "They texted; I did not reply")
    set_slider(field(page, "Urge to make contact (0 = none, 10 = overwhelming)"), 4)
    fill(field(page, "What set the urge off, if anything?"), "old photos")
    goals = field(page, "Your goals today")
    row = tick(goals, "Gym")
    fill(row.locator(".widget-inline-hbox", has_text="minutes"), "45")
    fill(field(page, "Today’s win, however small"), "Lifted 60 kg")
    fill(field(page, "Journal"), "A steady day <b>really</b>")
    fill(field(page, "One thing you are grateful for"), "My sister's call")


def assert_full_checkin(checkin) -> None:
    assert checkin.mood == 7
    assert checkin.energy == 6
    assert checkin.sleep_hours == 7.5
    assert checkin.emotions == ("hopeful", "proud")
    assert checkin.slip == "They texted; I did not reply"
    assert checkin.slip_by == "them"
    assert checkin.urge == 4
    assert checkin.trigger == "old photos"
    assert dict(checkin.goals).get("Gym") == 45
    assert checkin.win == "Lifted 60 kg"
    assert checkin.note == "A steady day <b>really</b>"
    assert checkin.gratitude == "My sister's call"


def correct_day(page: Page, day, mood: int, note: str) -> None:
    """Pick an earlier day, wait for what it holds, change the mood and the journal, Save."""
    fill(
        field(page, "Which day? (pick an earlier one to fill it in or correct it)"), day.isoformat()
    )
    expect(page.locator(".workbook-warning", has_text="already holds a check-in")).to_be_visible()
    set_slider(field(page, "Mood (1 = very low, 10 = great)"), mood)
    fill(field(page, "Journal"), note)
    click_button(page, "Save")
    saved_message(page, f"Corrected {date_words(day)}")


# Two goals of one's own, and what happens to each on keep going (the app's and Lab's tests).
OWN_GOAL_CHANGES = (("Choir", "Pause", "paused"), ("Evening class", "Retire", "retired"))


def open_plan_form(scope: Page | Locator) -> None:
    """A saved plan's form is one click away on the start page: "Change my plan" shows it."""
    click_button(scope, "Change my plan")
    expect(scope.locator("button.widget-button", has_text="Save my plan").first).to_be_visible()


def save_two_own_goals(page: Page, start: Page | Locator) -> None:
    """On the start page (`start`: the page, or its panel in JupyterLab), two goals of one's own
    typed, the second in the box "Another goal of my own" adds, and the plan saved."""
    own = start.locator("input[placeholder^='Your own goal']")
    first, second = (goal for goal, _verb, _state in OWN_GOAL_CHANGES)
    own.last.fill(first)
    click_button(page, "Another goal of my own")
    expect(own).to_have_count(2)
    own.last.fill(second)
    click_button(page, "Save my plan")
    saved_message(page, "plan is saved")


def pause_and_retire_own_goals(keep_going: Page | Locator) -> None:
    """On keep going, each own goal changed by its button; the list says so at once."""
    for goal, verb, state in OWN_GOAL_CHANGES:
        keep_going.locator(".widget-dropdown select").select_option(label=goal)
        click_button(keep_going, verb)
        saved_message(keep_going, f"“{goal}” is {state} from")
        expect(keep_going.get_by_text(f"{goal} ({state})")).to_be_visible()


def expected_charts(data_dir, today) -> int:
    """How many charts the progress page lays out for this workbook."""
    from workbook.pages.progress import page
    from workbook.store import Store

    with Store(data_dir) as store:
        return sum(1 for kind, _ in page(store.snapshot(), today) if kind == "figure")


def assert_every_chart_drawn(page: Page, count: int) -> None:
    """Each chart is drawn by plotly: an SVG with its data, at a real size."""
    plots = page.locator(".js-plotly-plot")
    expect(plots).to_have_count(count)
    for plot in plots.all():
        plot.scroll_into_view_if_needed()
        svg = plot.locator("svg.main-svg").first
        expect(svg).to_be_visible()
        box = svg.bounding_box()
        assert box and box["width"] > 200 and box["height"] > 100, box
        # Traces live in these layers; an empty chart has none of them filled.
        drawn = plot.locator(
            ".scatterlayer .trace, .barlayer .trace, .heatmaplayer .hm, .imagelayer image"
        )
        assert drawn.count() > 0, plot.inner_text()[:200]


def assert_charts_in_words(page: Page, data_dir, today) -> None:
    """Under each chart, its sentence shows and its table waits, collapsed, one click away."""
    from workbook.numbers import build
    from workbook.store import Store
    from workbook.views.chart_words import words_for

    with Store(data_dir) as store:
        said = [w for w in words_for(build(store.snapshot(), today)).values() if w]
    blocks = page.locator("[data-chart-words]")
    expect(blocks).to_have_count(len(said))
    for block, words in zip(blocks.all(), said, strict=True):
        expect(block.locator(".chart-sentence")).to_have_text(words.sentence)
        table = block.get_by_role("table", name=words.table.caption)
        expect(table).to_be_hidden()
    first = blocks.first
    first.locator("summary").click()
    table = first.get_by_role("table", name=said[0].table.caption)
    expect(table).to_be_visible()
    expect(table.get_by_role("columnheader")).to_have_count(len(said[0].table.columns))
    expect(table.get_by_role("rowheader")).to_have_count(len(said[0].table.rows))


PICTURE_WIDTH = 960


def picture_size(page: Page, height: int) -> None:
    """Size the window for a README picture; before opening the page, so charts fit it."""
    page.set_viewport_size({"width": PICTURE_WIDTH, "height": height})


def save_picture(page: Page, path) -> None:
    """A small PNG of the top of the page, squeezed with pngquant when it is installed."""
    import shutil
    import subprocess

    path.parent.mkdir(parents=True, exist_ok=True)
    page.evaluate(
        "for (const e of [document.scrollingElement, ...document.querySelectorAll('*')])"
        "  if (e && e.scrollTop) e.scrollTop = 0;"
    )
    page.wait_for_timeout(300)
    page.screenshot(path=str(path))
    if shutil.which("pngquant"):
        subprocess.run(
            ["pngquant", "--force", "--skip-if-larger", "--quality=60-90", "--output", path, path],
            check=False,
        )


def stop_kernels(server, path: str) -> None:
    """End the kernels of one page's sessions in JupyterLab: two cores are shared by the suite."""
    with urllib.request.urlopen(server.url("api/sessions"), timeout=30) as response:
        sessions = json.load(response)
    for session in sessions:
        if session["path"] == path:
            request = urllib.request.Request(
                server.url(f"api/sessions/{session['id']}"), method="DELETE"
            )
            try:
                urllib.request.urlopen(request, timeout=30).close()
            except urllib.error.HTTPError as error:
                # Already ended between the listing and here: the workbook ends a page's session
                # as its tab closes, and a test may close the tab just before.
                if error.code != 404:
                    raise


# --- the date box, changed again and again (a person going back through their week) -------------

DATE_LABEL = "Which day? (pick an earlier one to fill it in or correct it)"


def type_date(page: Page, day) -> None:
    """Type a date into the date box key by key, as a person does: each part typed is a change."""
    control = field(page, DATE_LABEL).locator("input").first
    control.focus()
    for _ in range(3):  # to the first part, wherever the box was last left
        control.press("ArrowLeft")
    # Chromium's date box takes month, day and year in this order whatever the page's locale.
    for part in day.strftime("%m %d %Y").split():
        page.keyboard.type(part, delay=40)
    control.press("Tab")


def assert_form_shows(page: Page, held) -> None:
    """Every field of the daily form shows what `held` (a saved check-in) says."""
    readout = field(page, "Mood (1 = very low, 10 = great)").locator(".widget-readout")
    expect(readout).to_have_text(str(held.mood))
    expect(field(page, "Energy (1–10)").locator(".widget-readout")).to_have_text(
        str(held.energy or 5)
    )

    def box(label):
        return field(page, label).locator("input, textarea").first

    expect(box("Hours slept")).to_have_value(
        str(held.sleep_hours if held.sleep_hours is not None else 7.0)
    )
    expect(box("A few words for how you feel (separated by commas)")).to_have_value(
        ", ".join(held.emotions)
    )
    expect(box("What set the urge off, if anything?")).to_have_value(held.trigger or "")
    expect(box("Today’s win, however small")).to_have_value(held.win or "")
    expect(box("Journal")).to_have_value(held.note or "")
    expect(box("One thing you are grateful for")).to_have_value(held.gratitude or "")
    goals = field(page, "Your goals today")
    for name in ("Gym", "Pottery class", "Counselling", "Meditation"):
        checkbox = goals.locator(".widget-checkbox", has_text=name).locator("input")
        if checkbox.count():
            expect(checkbox.first).to_be_checked(checked=name in held.goal_names)


def walk_the_date_box(page: Page, data_dir, today) -> None:
    """Change the daily page's date three times (one of them typed key by key), check every field
    after each, then correct the last day and read SQLite back: exactly that day changed."""
    from workbook.store import Store

    days = [today - timedelta(days=n) for n in (3, 8, 5)]
    with Store(data_dir) as store:
        before = {c.date: c for c in store.checkins()}
        revisions = {c.date: len(store.checkin_history(c.date)) for c in before.values()}
    assert all(day in before for day in days), "the demo month holds each of these days"
    for n, day in enumerate(days):
        if n == 1:
            type_date(page, day)
        else:
            fill(field(page, DATE_LABEL), day.isoformat())
        expect(page.locator(".workbook-warning", has_text=date_words(day))).to_be_visible()
        assert_form_shows(page, before[day])
    last = days[-1]
    fill(field(page, "Today’s win, however small"), "Walked the long way home")
    click_button(page, "Save")
    saved_message(page, f"Corrected {date_words(last)}")
    with Store(data_dir) as store:
        after = {c.date: c for c in store.checkins()}
        history = store.checkin_history(last)
    changed = {d for d in after if after[d] != before.get(d)}
    assert changed == {last}, changed
    assert len(history) == revisions[last] + 1
    newest, earlier = history[-1], before[last]
    assert newest.win == "Walked the long way home"
    for name in ("mood", "energy", "sleep_hours", "emotions", "trigger", "note", "gratitude"):
        assert getattr(newest, name) == getattr(earlier, name), name
    assert newest.goal_names == earlier.goal_names


# --- moving between the stages, and the files a page writes -------------------------------------


def assert_links_stay_in_the_tab(page: Page) -> None:
    """Every link between stages on the page opens in this tab (no target="_blank")."""
    links = page.locator("a.workbook-stage-link")
    expect(links.first).to_be_attached()
    targets = links.evaluate_all("links => links.map(a => a.target)")
    assert targets and set(targets) == {"_self"}, targets


def assert_voila_read_while_the_cells_come(page: Page, cold: bool) -> None:
    """Voilà's scripts are on the app's page once, and asked for while the page still arrives,
    not after its last cell (the workbook template): on a page whose kernel starts when asked for
    (`cold`), its cells take a second or more to come, and the scripts are read meanwhile."""
    found = page.evaluate(
        """() => {
          const voila = entry => new URL(entry.name, location.href).pathname.endsWith('/voila.js');
          const scripts = [...document.querySelectorAll('script[src]')]
            .filter(script => voila({name: script.src}));
          const asked = performance.getEntriesByType('resource').find(voila);
          const page = performance.getEntriesByType('navigation')[0];
          return {scripts: scripts.length, asked: asked ? asked.startTime : null,
                  arrived: page.responseEnd};
        }"""
    )
    assert found["scripts"] == 1 and found["asked"] is not None, found
    if cold:
        assert found["asked"] < found["arrived"] - 100, found


def assert_file_link_opens(page: Page, server, path) -> None:
    """The page's newest file link gives exactly the file at `path`, and nothing without the
    token (a browser that never logged in)."""
    link = page.locator("a.workbook-file-link").last
    expect(link).to_be_visible()
    href = link.get_attribute("href")
    assert href and href.startswith("/") and "token" not in href, href
    content = path.read_bytes()
    answer = page.request.get(f"{server.base}{href}")
    assert answer.status == 200 and answer.body() == content, answer.status
    stranger = page.context.browser.new_context()
    try:
        refused = stranger.request.get(f"{server.base}{href}", max_redirects=0)
        assert refused.status in (302, 403) and content not in refused.body(), refused.status
    finally:
        stranger.close()


def _luminance(css_colour: str) -> float:
    """WCAG relative luminance of a computed "rgb(r, g, b)" colour."""
    channels = [int(v) / 255 for v in re.findall(r"\d+(?:\.\d+)?", css_colour)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def chosen_option_contrast(box: Locator) -> float:
    """How far the chosen toggle button of `box` stands out from the others, as WCAG measures."""
    colours = box.locator("button.widget-toggle-button").evaluate_all(
        "bs => bs.map(b => [b.classList.contains('mod-active'), getComputedStyle(b).backgroundColor])"
    )
    chosen = [c for active, c in colours if active]
    others = [c for active, c in colours if not active]
    assert len(chosen) == 1 and others, colours
    return min(contrast_ratio(chosen[0], other) for other in others)
