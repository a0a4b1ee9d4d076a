"""In a page kernel: the state of every widget, for the app's server to send with the page
(workbook/app/state_with_the_page.py), so the browser draws the widgets without first asking the
kernel for them.

The server asks as its last request of a page, once the page's last cell has run, with a user
expression naming `StateForThePage()`; IPython answers with the object's text form, which is the
state as JSON in ipywidgets' own format for embedding widgets
(`application/vnd.jupyter.widget-state+json`, `Widget.get_manager_state`), defaults left out as
ipywidgets leaves them out when it embeds. Every widget that exists is in it, as in the answer the
browser's widget manager gets when it asks (`request_states`).
"""

from __future__ import annotations

import json
import sys


class StateForThePage:
    """`repr` is the JSON the server puts in the page: `null` where no widget was ever made."""

    def __repr__(self) -> str:
        if "ipywidgets" not in sys.modules:  # a page of words only: nothing to import for it
            return "null"
        from ipywidgets import Widget

        return json.dumps(Widget.get_manager_state(drop_defaults=True))
