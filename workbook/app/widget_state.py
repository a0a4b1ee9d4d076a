"""In a page kernel: the state of the widgets a page shows, for the app's server to send with the
page (workbook/app/state_with_the_page.py), so the browser draws them without first asking the
kernel.

The server asks as its last request of a page, once the page's last cell has run, with a user
expression naming `StateForThePage(shown)`, where `shown` are the models the page's outputs show;
IPython answers with the object's text form: their state as JSON in ipywidgets' own format for
embedding widgets (`application/vnd.jupyter.widget-state+json`, `Widget.get_manager_state`), with
every model they name (children, layouts, styles, an output's widgets) and every attribute, as in
the answer the browser's widget manager gets when it asks (`request_states`). ipywidgets' browser
side does not share all its defaults with the kernel's (a checkbox's value, a slider's behaviour, a
style's colours), so a state without them drew some widgets otherwise, and the kernel's answer then
changed them under a person's hands. The page's other widgets (made but not shown, as yet) come
with the kernel's answer, as before.
"""

from __future__ import annotations

import json
import re
import sys

# ipywidgets names a model by a uuid4's 32 hex digits; another model in its state is named so.
MODEL_ID = re.compile(r"[0-9a-f]{32}")


class StateForThePage:
    """`repr` is the JSON the server puts in the page: `null` where the page shows no widget."""

    def __init__(self, shown: list[str]):
        self.shown = shown

    def __repr__(self) -> str:
        if "ipywidgets" not in sys.modules:  # a page of words only: nothing to import for it
            return "null"
        from ipywidgets import Widget

        everything = Widget.get_manager_state(drop_defaults=False)
        models = everything["state"]
        kept: dict = {}
        waiting = [model_id for model_id in self.shown if model_id in models]
        while waiting:
            model_id = waiting.pop()
            if model_id in kept:
                continue
            kept[model_id] = models[model_id]
            named = MODEL_ID.findall(json.dumps(models[model_id]["state"]))
            waiting.extend(name for name in named if name in models and name not in kept)
        if not kept:
            return "null"
        return json.dumps({**everything, "state": kept})
