"""A person's words inside a page's English sentence sit in <bdi>, escaped, so a right-to-left name
followed by a number or punctuation keeps its order (issue 27); plain-text `say` is untouched."""

from __future__ import annotations

import re
import string
from datetime import datetime, timedelta

from markupsafe import escape

from tests.conftest import TODAY
from workbook.core.messages import MESSAGES, say, say_parts
from workbook.core.model import Checkin, Goal, Plan
from workbook.numbers import build
from workbook.pages import progress
from workbook.pages.common import message_html
from workbook.pages.keep_going import KeepGoingController
from workbook.pages.reunion import ReunionController, page_html
from workbook.pages.safety import SafetyController, SafetyView
from workbook.pages.urge_controller import UrgeController
from workbook.views.html_pieces import page_piece
from workbook.views.templating import say_isolated

HEBREW, ARABIC = "רונית", "رنا"
HOSTILE = '<script>window.__xss=1</script>" onload="x'

# Each character's left edge, in the order the characters are stored.
LEFTS = """el => {
  const out = [];
  const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      out.push([node.data[i], range.getBoundingClientRect().left]);
    }
  }
  return out;
}"""


def test_a_partners_name_on_a_page_is_isolated_and_escaped(store):
    store.save_plan(Plan(start_date=TODAY, partner=HEBREW))
    html = page_html(ReunionController(store, TODAY))
    assert f"<bdi>{HEBREW}</bdi>" in html
    assert say("talking_points_intro", partner=HEBREW) == f"What you could tell {HEBREW}"  # plain

    hostile = say_isolated("urge_plan_yours", trigger=HOSTILE, plan="2 walks")
    assert f"<bdi>{escape(HOSTILE)}</bdi>" in hostile
    assert "<script>" not in hostile and '" onload' not in hostile


def test_a_right_to_left_name_keeps_its_order_in_chromium(browser):
    """Without the <bdi> (the control), Chromium draws the number left of the name: the check can
    fail. The second pair is a goal's strength as the progress page says it: "رنا 40 %"."""
    isolated = say_isolated("urge_plan_yours", trigger=ARABIC, plan="2 walks")
    plain = escape(str(say("urge_plan_yours", trigger=ARABIC, plan="2 walks")))  # no <bdi>
    strength = say("words_strength_goal", goal=ARABIC, now=40)  # plain say: its HTML isolates
    page = browser.new_page()
    try:
        page.set_content(
            f'<p id="isolated">{isolated}</p><p id="plain">{plain}</p>'
            f'<div id="strength">{page_piece("paragraph", text=strength)}</div>'
            f'<p id="strength_plain">{escape(str(strength))}</p>'
        )
        pairs = (
            ("isolated", True),
            ("plain", False),
            ("strength", True),
            ("strength_plain", False),
        )
        for which, in_order in pairs:
            lefts = page.locator(f"#{which}").evaluate(LEFTS)
            name = max(left for ch, left in lefts if ch in ARABIC)
            two = next(left for ch, left in lefts if ch in "24")
            assert (two > name) is in_order, (which, lefts)
    finally:
        page.close()


# A person's words, right to left and hostile at once: each must reach a page only escaped, in <bdi>.
TYPED = {
    "partner": "سارة",
    "goal": "ריצה <b>",
    "other_goal": "قراءة",
    "trigger": "ليلة الأحد & <script>",
    "plan": "אז אני רץ",
    "win": "رنا قالت نعم",
}


def _outside_bdi(html: str) -> str:
    """The HTML with every <bdi>…</bdi> taken out, and every block that holds nothing but one value
    (a table's cell, a list item: a paragraph of its own for the bidi rules): what is left is text
    inside a sentence that is not isolated."""
    html = re.sub(r"<bdi>.*?</bdi>", "", html, flags=re.S)
    return re.sub(r"<(th|td|li|p|div|h\d|option)\b[^>]*>[^<]*</\1>", "", html)


def _fields(pattern: str) -> set[str]:
    return {f for _, f, spec, _ in string.Formatter().parse(pattern) if f and not spec}


def test_every_sentence_isolates_and_escapes_text_and_keeps_plain_text_plain():
    """The class, not a list: every message, each text value filled with right-to-left words."""
    value = TYPED["trigger"]
    checked = 0
    for key, message in MESSAGES.items():
        pattern = message if isinstance(message, str) else message["other"]
        names = _fields(pattern) - {"n"}
        if not names or any(spec for *_, spec, _ in string.Formatter().parse(pattern) if spec):
            continue
        values = dict.fromkeys(names, value) | ({"n": 2} if "{n" in pattern else {})
        for said in [say(key, **values), *say_parts(key, **values)]:
            html = str(escape(said))
            assert "<bdi>" not in said and "<script>" not in html, key  # plain text: no tags
            assert (f"<bdi>{escape(value)}</bdi>" in html) is (value in said), key
            assert value[0] not in _outside_bdi(html), key
        checked += 1
    assert checked > 100  # the check reached the tables
    assert str(escape(say("urge_plan_saved", trigger="Sunday"))).count("<bdi>") == 0  # LTR: as is


def test_every_page_sentence_with_a_persons_words_keeps_them_in_bdi(store):
    """Outcomes, the safety question's label, the progress page's goal and win sentences: seeded
    with right-to-left words in every typed field, no page HTML shows one outside a <bdi>."""
    start = TODAY - timedelta(days=20)
    goals = (Goal(TYPED["goal"], 3), Goal(TYPED["other_goal"], 1))
    store.save_plan(Plan(start_date=start, partner=TYPED["partner"], goals=goals))
    for n in range(20):
        day = start + timedelta(days=n)
        done = [(g.name, None) for i, g in enumerate(goals) if n % (i + 2) == 0]
        win = TYPED["win"] if n == 3 else ""
        store.save_checkin(Checkin(day, 4 + n % 5, goals=tuple(done), win=win))
    pages: list[str] = []
    safety = SafetyController(store, TODAY)
    pages.append(message_html(safety.on_save(answer="not sure").message, "success"))
    view = SafetyView(safety)
    label = view.field.widget.description if view.field.widget.description_allow_html else ""
    pages.append(label or "".join(w.value for w in view.field.box.children if hasattr(w, "value")))
    urge = UrgeController(store, TODAY, datetime.combine(TODAY, datetime.min.time()))
    fields = {"before": 8, "trigger": TYPED["trigger"], "plan": TYPED["plan"]}
    pages.append(
        message_html(urge.on_save({**fields, "after": 5, "outcome": "did_not_reach_out"}).message)
    )
    keep = KeepGoingController(store, TODAY)
    pages.append(message_html(keep.on_add_goals([f"{TYPED['other_goal']}2:2"]).message))
    snapshot = store.snapshot()
    pages += [v for kind, v in progress.page(snapshot, TODAY) if kind == "html"]
    pages.append(str(build(snapshot, TODAY)))  # not a page: only to show the words are there
    html = "\n".join(pages[:-1])
    for name in ("partner", "goal", "other_goal", "trigger", "win"):
        assert str(escape(TYPED[name])) in html, name  # it is on a page, escaped
    assert "<script>" not in html and "<b>" not in html
    left = _outside_bdi(html)
    for name, value in TYPED.items():
        assert str(escape(value)) not in left, (name, left[:2000])
