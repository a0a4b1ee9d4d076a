"""The quick exit on every page: one control that leaves the workbook at once.

Why it goes to `about:blank`: a person at risk needs the screen to stop showing the workbook the
instant they press it, whatever else is happening. A blank page is drawn by the browser itself:
nothing is fetched (it works with the workbook's server stopped, and the workbook fetches nothing
from the web), the address bar and the tab's title then name nothing, and there is no look-alike
page that a second glance could find odd. The page is hidden first, then `location.replace` swaps
it for the blank one, so Back does not bring the workbook back. In the app, links between the
workbook's own pages stay in the tab and replace the page (see the script), so the tab's back
history holds no earlier page of the workbook: Back goes to wherever the tab was before. Every
other open tab of the workbook hears the exit (a BroadcastChannel) and leaves with it.

Esc pressed twice quickly does the same, for a keyboard. It cannot erase the browser's own
history list; the hint says so and points to a private window.
"""

from __future__ import annotations

from ..core.messages import say
from .templating import render

NEUTRAL_PAGE = "about:blank"


def quick_exit_html() -> str:
    """The fixed "Leave quickly" control and its script (plain HTML; no user text in it)."""
    return render(
        "quick_exit.html.j2",
        label=say("quick_exit"),
        hint=say("quick_exit_hint"),
        neutral=NEUTRAL_PAGE,
    ).strip()
