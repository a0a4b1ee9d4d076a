"""The app on a phone (390 × 844, touch): a whole check-in, a WHO-5 and the progress page by taps.

Every control a thumb taps measures at least 44 × 44 CSS px (WCAG 2.5.5); nothing scrolls
sideways; words that wrap onto several lines are set with reading line spacing, not a widget
row's height per line; each chart's title, legend, axis labels and plot sit inside the chart and
apart; the words a person types in any script are drawn with a real glyph (the page printed by
Chromium has no .notdef box).
"""

from __future__ import annotations

import re
import struct
from urllib.parse import urlparse

import pytest
from conftest import LOCAL_HOSTS, UI_TIMEOUT_MS, keep_what_failed
from pages import field, open_in_app, saved_message
from playwright.sync_api import expect

from tests.every_script import WRITTEN, notdef_glyphs
from workbook.core import clock
from workbook.core.messages import date_words, say
from workbook.pages.urge_controller import UrgeController
from workbook.store import Store

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
TAP = 44

# What a person taps: buttons (toggle buttons too), boxes they type in, drop-downs, a checkbox's
# row, a slider's handle, "the numbers behind this chart", the links between the stages. Links
# inside a sentence are exempt (WCAG 2.5.5's "inline" exception).
TAPPABLE = """() => {
  const targets = 'button, select, textarea, input:not([type=checkbox]), label:has(> input[type=checkbox]),'
    + ' [role=slider], summary, .workbook-stage-link';
  return Array.from(document.querySelectorAll(targets))
    .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden'
                 && !e.closest('.modebar-container'))
    .map(e => {
      const r = e.getBoundingClientRect();
      const name = (e.getAttribute('aria-label') || e.innerText || e.value || e.className || '');
      return {tag: e.tagName, name: String(name).trim().slice(0, 40),
              width: r.width, height: r.height, right: r.right};
    });
}"""

# Every run of words in the pages' HTML that wraps onto two lines or more: its line spacing and
# font size. ipywidgets sets an HTML widget's line height to a control row's (44 px on a phone),
# which words inherit unless they set their own.
# Each run of words that wraps (in HTML and in controls' own labels): how far apart its lines
# are as drawn, measured on each text node's own lines (an inline label takes its lines' height
# from the box it sits in, whatever its own computed line height says).
WRAPPED_WORDS = """() => Array.from(document.querySelectorAll(
    '.widget-html-content, .widget-html-content *, label.widget-label'))
  .filter(e => e.getClientRects().length)
  .flatMap(e => [...e.childNodes].filter(n => n.nodeType === 3 && n.textContent.trim()).map(n => {
    const range = document.createRange();
    range.selectNodeContents(n);
    const tops = [...new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top)))]
      .sort((a, b) => a - b);
    const gaps = tops.slice(1).map((top, i) => top - tops[i]);
    return {text: n.textContent.trim().slice(0, 50), font: parseFloat(getComputedStyle(e).fontSize),
            line: Math.max(0, ...gaps), lines: tops.length};
  }))
  .filter(w => w.lines >= 2)"""

# Each slider's track: a tap 20 px above or below its middle still lands on the slider.
TRACK_BANDS = """() => Array.from(document.querySelectorAll('.widget-hslider .noUi-base')).map(base => {
  base.scrollIntoView({block: 'center'});
  const r = base.getBoundingClientRect();
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  return [-20, 20].every(dy => base.contains(document.elementFromPoint(x, y + dy)));
})"""

# Each chart's parts: their boxes, the chart's own box, and whether plotly's toolbar shows.
CHART_PARTS = """plot => {
  const box = e => { const r = e.getBoundingClientRect();
                     return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; };
  const all = s => Array.from(plot.querySelectorAll(s)).filter(e => e.getClientRects().length
                                                              && e.textContent.trim()).map(box);
  const one = s => { const e = plot.querySelector(s); return e && e.getClientRects().length ? box(e) : null; };
  const modebar = plot.querySelector('.modebar-container');
  return {
    chart: box(plot.querySelector('svg.main-svg')),
    title: one('.g-gtitle'), legend: one('.legend'), plot: one('.nsewdrag'),
    labels: all('.xtitle, .ytitle, .xtick text, .ytick text, .bartext, .textpoint text'),
    ticks: all('.xtick text'),
    modebar: !!modebar && getComputedStyle(modebar).display !== 'none'
             && modebar.getBoundingClientRect().height > 0,
  };
}"""


@pytest.fixture
def phone(browser, request):
    """A phone: 390 × 844, touch, a mobile browser; only this machine answers. A failure keeps
    the page's screenshot, its console and the servers' logs (conftest.keep_what_failed)."""
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2, locale="en-GB"
    )
    context.set_default_timeout(UI_TIMEOUT_MS)
    outside: list[str] = []

    def route(r):
        if urlparse(r.request.url).hostname in LOCAL_HOSTS:
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(f"[{m.type}] {m.text}"))
    page.on("pageerror", lambda e: console.append(f"[pageerror] {e}"))
    yield page
    keep_what_failed(request, page, console)
    context.close()
    assert not outside, f"the page tried to reach the internet: {outside}"


def assert_thumb_sized(page) -> int:
    """Every control a person taps is 44 × 44 at least and inside the screen; returns how many."""
    controls = page.evaluate(TAPPABLE)
    small = [c for c in controls if c["width"] < TAP - 0.5 or c["height"] < TAP - 0.5]
    assert not small, small
    outside = [c for c in controls if c["right"] > PHONE["width"] + 0.5]
    assert not outside, outside
    assert all(page.evaluate(TRACK_BANDS))
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    return len(controls)


def _overlap(a, b) -> bool:
    return bool(
        a and b and min(a["right"], b["right"]) - max(a["left"], b["left"]) > 1
        and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 1
    )  # fmt: skip


def _inside(part, chart) -> bool:
    return (
        part["left"] >= chart["left"] - 1 and part["right"] <= chart["right"] + 1
        and part["top"] >= chart["top"] - 1 and part["bottom"] <= chart["bottom"] + 1
    )  # fmt: skip


def assert_charts_fit(page) -> int:
    plots = page.locator(".workbook-chart .js-plotly-plot")
    for plot in plots.all():
        plot.scroll_into_view_if_needed()
        parts = plot.evaluate(CHART_PARTS)
        chart = parts["chart"]
        assert chart["right"] <= PHONE["width"] + 0.5, chart
        assert not parts["modebar"], "plotly's toolbar is hidden on a phone"
        shown = {"title": parts["title"], "legend": parts["legend"], "plot": parts["plot"]}
        shown.update({f"label {n}": label for n, label in enumerate(parts["labels"])})
        clipped = {name: p for name, p in shown.items() if p and not _inside(p, chart)}
        assert not clipped, (chart, clipped)
        assert not _overlap(parts["title"], parts["plot"]), parts
        assert not _overlap(parts["title"], parts["legend"]), parts
        assert not _overlap(parts["legend"], parts["plot"]), parts
        assert not any(_overlap(parts["legend"], tick) for tick in parts["ticks"]), parts
    return plots.count()


def tap_slider(box, at: float, then: re.Pattern) -> str:
    """Tap a slider's track at a share of its width; returns the number it then shows."""
    base = box.locator(".noUi-base")
    size = base.bounding_box()
    base.tap(position={"x": size["width"] * at, "y": size["height"] / 2})
    readout = box.locator(".widget-readout")
    expect(readout).to_have_text(then)
    return readout.inner_text()


def assert_reading_line_spacing(page) -> int:
    """Words that wrap are spaced for reading (at most 1.7 times their size a line); returns how
    many runs of words wrap."""
    wrapped = page.evaluate(WRAPPED_WORDS)
    loose = [w for w in wrapped if w["line"] > 1.7 * w["font"]]
    assert not loose, loose
    return len(wrapped)


def test_a_checkin_a_who5_and_progress_by_taps_on_a_phone(phone, app, tmp_path):
    page = phone
    today = clock.today()
    words = " · ".join(WRITTEN.values())

    # The start page's words: the private question's label and, a tap away, the plan's form with
    # its group labels and small print; every control of it thumb-sized.
    open_in_app(page, app, "00_start_here", ready=say("safety_save"))
    page.locator("button.widget-button", has_text=say("start_change_plan")).tap()
    expect(page.locator("button.widget-button", has_text=say("start_save"))).to_be_visible()
    assert assert_thumb_sized(page) > 20
    assert assert_reading_line_spacing(page) > 3

    # The daily page: sliders, a toggle, a checkbox, text in every script, Save.
    open_in_app(page, app, "02_daily_checkin", ready="Save")
    assert assert_thumb_sized(page) > 20
    assert assert_reading_line_spacing(page) > 3
    mood = field(page, "Mood (1 = very low, 10 = great)")
    tap_slider(mood, 0.97, re.compile("^10$"))
    energy = tap_slider(field(page, "Energy (1–10)"), 0.3, re.compile("^[34]$"))
    field(page, "Did you stay out of contact today?").get_by_role("button", name="Yes").tap()
    gym = page.locator(".widget-checkbox", has_text="Gym").first
    was = gym.locator("input").is_checked()
    gym.locator("label.widget-label-basic").tap()
    expect(gym.locator("input")).to_be_checked(checked=not was)
    for label, text in (("Today’s win, however small", words), ("Journal", words)):
        box = field(page, label).locator("input, textarea").first
        box.tap()
        # The box a person taps moves to the middle of the screen, clear of the keyboard below.
        expect(box).to_be_focused()
        page.wait_for_function(
            "e => { const r = e.getBoundingClientRect(), h = innerHeight;"
            " return r.top >= 0.2 * h && r.bottom <= 0.7 * h; }",
            arg=box.element_handle(),
        )
        box.fill(text)
    page.locator("button.widget-button", has_text="Save").first.tap()
    saved_message(
        page, re.compile(rf"(Saved your check-in for|Corrected) {re.escape(date_words(today))}")
    )
    with Store(app.data_dir) as store:
        saved = store.checkin_on(today)
    assert (saved.win, saved.note, saved.mood, str(saved.energy)) == (words, words, 10, energy)
    assert ("Gym" in saved.goal_names) is not was
    assert assert_thumb_sized(page) > 20  # the saved message changed nothing's size
    pdf = page.pdf(path=str(tmp_path / "daily.pdf"))
    assert pdf and notdef_glyphs(tmp_path / "daily.pdf")[1] == 0

    # The day-30 page's WHO-5: five drop-downs, tapped and chosen, then saved. Words kept from a
    # moment of an urge are offered there to re-read: their long summary too reads as words.
    with Store(app.data_dir) as store:
        kept = UrgeController(store, today).on_save(
            {"before": 8, "words": "Can we talk?", "outcome": "wrote_here"}
        )
        assert kept.ok, kept.message
    open_in_app(page, app, "04_day30_reflection", ready=say("who5_save"))
    expect(page.locator(".workbook-kept-words summary")).to_be_visible()
    assert assert_thumb_sized(page) > 10
    assert assert_reading_line_spacing(page) > 3
    menus = page.locator(".widget-dropdown select")
    for n in range(5):
        menus.nth(n).tap()
        menus.nth(n).select_option(index=4)  # "3 — More than half of the time"
    page.locator("button.widget-button", has_text=say("who5_save")).first.tap()
    saved_message(page, "Saved your WHO-5")
    with Store(app.data_dir) as store:
        newest = store.who5s()[-1]
    assert newest.date == today and newest.raw == 15

    # The progress page: every chart fits the phone and its parts stand apart.
    open_in_app(page, app, "03_progress")
    expect(page.locator(".workbook-chart[aria-busy='true']")).to_have_count(0)
    assert assert_charts_fit(page) >= 3
    summary = page.locator("details > summary").first
    summary.scroll_into_view_if_needed()
    summary.tap()
    expect(page.locator("details[open]").first).to_be_visible()
    assert assert_thumb_sized(page) > 3

    # The hub's web app manifest and icons (deploy/jupyterhub/; test_hub.py follows its link).
    static = f"{app.base}/voila/templates/workbook-hub/static/"
    manifest = page.request.get(static + "manifest.json").json()
    assert manifest["short_name"] and manifest["start_url"].endswith("02_daily_checkin.ipynb")
    for icon in manifest["icons"]:
        png = page.request.get(static + icon["src"]).body()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert "{}x{}".format(*struct.unpack(">II", png[16:24])) == icon["sizes"]
