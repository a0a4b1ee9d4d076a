"""What a page's first call is slow at, done in the app while its kernel is heated, before anyone
asks for the page (workbook/app/preheat.py): importing ipywidgets and setting up each kind of widget,
compiling the templates, building charts once. None of it reads the person's workbook: the charts
are drawn for a made-up month and thrown away, the widgets closed at once.
"""

from __future__ import annotations

from ..core import clock
from ..views import templating

# Every kind of widget the pages build (see workbook/pages/*.py).
WIDGET_KINDS = (
    "Layout",
    "HTML",
    "VBox",
    "HBox",
    "Button",
    "Text",
    "Textarea",
    "IntSlider",
    "IntText",
    "BoundedIntText",
    "FloatText",
    "DatePicker",
    "TimePicker",
    "ToggleButtons",
    "Checkbox",
    "Dropdown",
    "Combobox",
)


# Templates no page kept ready uses: the report's (07_report starts its kernel when asked) and the
# server's login page. Compiled, they held about 0.85 MiB of a fresh interpreter's memory.
NOT_WARMED = ("report", "app_login")


def widgets_and_templates() -> None:
    import ipywidgets

    for kind in WIDGET_KINDS:
        getattr(ipywidgets, kind)().close()
    for name in templating.ENVIRONMENT.list_templates():
        if not name.startswith(NOT_WARMED):
            templating.ENVIRONMENT.get_template(name)


def charts() -> None:
    from ..core.model import Snapshot
    from ..pages.figures import figure_bundle
    from ..pages.progress import page
    from ..store.demo import demo_checkins, demo_plan, demo_who5s

    today = clock.today()
    plan = demo_plan(today, 30, 4)
    latest = {checkin.date: checkin for checkin in demo_checkins(plan, 30, 7)}  # corrections too
    made_up = Snapshot(
        plan=plan,
        checkins=tuple(sorted(latest.values(), key=lambda checkin: checkin.date)),
        who5s=tuple(demo_who5s(plan, 30)),
        records={},
    )
    for kind, payload in page(made_up, today):
        if kind == "figure":
            figure_bundle(payload)
