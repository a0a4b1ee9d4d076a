"""A person's words inside a page's English sentence sit in <bdi>, escaped, so a right-to-left name
followed by a number or punctuation keeps its order (issue 27); plain-text `say` is untouched."""

from __future__ import annotations

from markupsafe import escape

from tests.conftest import TODAY
from workbook.core.messages import say
from workbook.core.model import Plan
from workbook.pages.reunion import ReunionController, page_html
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
    """Without the <bdi> (the control), Chromium draws the 2 left of the name: the check can fail."""
    isolated = say_isolated("urge_plan_yours", trigger=ARABIC, plan="2 walks")
    plain = escape(say("urge_plan_yours", trigger=ARABIC, plan="2 walks"))
    page = browser.new_page()
    try:
        page.set_content(f'<p id="isolated">{isolated}</p><p id="plain">{plain}</p>')
        for which, in_order in (("isolated", True), ("plain", False)):
            lefts = page.locator(f"#{which}").evaluate(LEFTS)
            name = max(left for ch, left in lefts if ch in ARABIC)
            two = next(left for ch, left in lefts if ch == "2")
            assert (two > name) is in_order, (which, lefts)
    finally:
        page.close()
