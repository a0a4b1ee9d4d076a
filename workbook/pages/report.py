"""07 · The reflection report: one button per format, the file saved privately in the data folder;
and the whole workbook as an export or a backup copy. Each file opens from a link on the page."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from IPython.display import display

from ..core.messages import say
from ..core.validation import InputError
from ..store.paths import resolve_data_dir
from ..store.transfer import write_export
from ..views.report import FORMATS, PAPERS, write_report
from .common import message_html, never_a_traceback, on_click, show_message, widgets
from .context import open_store, resolve_today
from .file_links import file_link_html


@dataclass(frozen=True)
class Exported:
    ok: bool
    message: str
    path: Path | None = None


class ReportController:
    """Writing the report for `today` into the workbook's folder (or `output`)."""

    def __init__(self, data_dir, today: date):
        self.data_dir, self.today = data_dir, today

    def data_dir_path(self) -> Path:
        return resolve_data_dir(self.data_dir)

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

    def on_export_all(self) -> Exported:
        """The whole workbook, every revision, as one JSON file in `exports/`."""
        with open_store(self.data_dir) as store:
            path, rows = write_export(store, "json", self.today)
        return Exported(True, say("export_done", path=path, rows=rows), path)

    def on_backup(self) -> Exported:
        """A plain copy of the workbook in `backups/`."""
        with open_store(self.data_dir) as store:
            path = store.backup()
        return Exported(True, say("backup_done", path=path), path)


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
        self.whole = {
            "export": widgets.Button(description=say("report_export_all"), icon="download"),
            "backup": widgets.Button(description=say("report_backup"), icon="copy"),
        }
        for button in self.whole.values():
            button.layout.width = "auto"
        self.include_words = widgets.Checkbox(
            value=False, description=say("report_include_words"), indent=False
        )
        self.result = widgets.HTML(message_html(say("report_choose")))
        for fmt, button in self.buttons.items():
            on_click(button, functools.partial(self.on_export, fmt), report_to=self.result)
        on_click(self.whole["export"], self.on_export_all, report_to=self.result)
        on_click(self.whole["backup"], self.on_backup, report_to=self.result)
        self.box = widgets.VBox(
            [
                widgets.HBox(list(self.buttons.values())),
                self.paper,
                self.include_words,
                widgets.HTML(message_html(say("report_whole_intro"))),
                widgets.HBox(list(self.whole.values())),
                self.result,
            ]
        )

    def _show(self, outcome: Exported) -> Exported:
        # message_html escapes: the folder's name is the person's own text.
        self.result.value = message_html(outcome.message, "success" if outcome.ok else "error") + (
            file_link_html(outcome.path, self.controller.data_dir_path()) if outcome.ok else ""
        )
        return outcome

    def on_export_all(self) -> Exported:
        return self._show(self.controller.on_export_all())

    def on_backup(self) -> Exported:
        return self._show(self.controller.on_backup())

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
        return self._show(outcome)


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
