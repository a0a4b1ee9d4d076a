"""07 · The reflection report: one button per format, the file saved privately in the data folder."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from IPython.display import display

from ..core.messages import say
from ..core.validation import InputError
from ..views.report import FORMATS, PAPERS, write_report
from .common import message_html, never_a_traceback, on_click, show_message, widgets
from .context import open_store, resolve_today


@dataclass(frozen=True)
class Exported:
    ok: bool
    message: str
    path: Path | None = None


class ReportController:
    """Writing the report for `today` into the workbook's folder (or `output`)."""

    def __init__(self, data_dir, today: date):
        self.data_dir, self.today = data_dir, today

    def on_export(
        self, fmt: str, output=None, paper: str = "A4", include_words: bool = False
    ) -> Exported:
        fmt = str(fmt or "").strip().lower()
        if fmt not in FORMATS:
            return Exported(False, say("report_bad_format", value=fmt))
        if paper not in PAPERS:
            return Exported(
                False, say("bad_choice", field="Paper", choices="A4, Letter", value=paper)
            )
        with open_store(self.data_dir) as store:
            snapshot = store.snapshot()
            data_dir = store.data_dir
        if snapshot.plan is None:
            return Exported(False, say("no_plan"))
        path = write_report(
            snapshot,
            self.today,
            fmt,
            Path(output) if output else None,
            data_dir,
            paper=paper,
            include_words=bool(include_words),
        )
        return Exported(True, say("report_saved", path=path), path)


class ReportView:
    def __init__(self, controller: ReportController):
        self.controller = controller
        self.buttons = {
            fmt: widgets.Button(description=label, button_style=style, icon=icon)
            for fmt, label, style, icon in (
                ("html", "HTML", "primary", "file-code"),
                ("pdf", "PDF", "", "file-pdf"),
                ("json", "JSON", "", "file"),
            )
        }
        self.paper = widgets.ToggleButtons(
            options=list(PAPERS), value="A4", description=say("report_paper")
        )
        self.include_words = widgets.Checkbox(
            value=False, description=say("report_include_words"), indent=False
        )
        self.result = widgets.HTML(message_html(say("report_choose")))
        for fmt, button in self.buttons.items():
            on_click(button, functools.partial(self.on_export, fmt), report_to=self.result)
        self.box = widgets.VBox(
            [
                widgets.HBox(list(self.buttons.values())),
                self.paper,
                self.include_words,
                self.result,
            ]
        )

    def on_export(self, fmt: str) -> Exported:
        for button in self.buttons.values():
            button.disabled = True
        self.result.value = message_html(say("report_working"))
        try:
            outcome = self.controller.on_export(
                fmt, paper=self.paper.value, include_words=self.include_words.value
            )
        finally:
            for button in self.buttons.values():
                button.disabled = False
        self.result.value = message_html(outcome.message, "success" if outcome.ok else "error")
        return outcome


@never_a_traceback
def show(data_dir=None, today=None, format=None, output=None, paper="A4", include_words=False):  # noqa: A002
    """The three buttons; with `format` given, writes that report with no click."""
    controller = ReportController(data_dir, resolve_today(today))
    if format is None or str(format).strip() == "":
        display(ReportView(controller).box)
        return None
    outcome = controller.on_export(
        format, output=output, paper=paper or "A4", include_words=bool(include_words)
    )
    if not outcome.ok:
        raise InputError(outcome.message)
    show_message(outcome.message, "success")
    return None
