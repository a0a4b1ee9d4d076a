"""Reminders in the person's own calendar: a time picker and a button that saves the .ics file.

Shown on 00_start_here (once a plan is saved) and on 02_daily_checkin.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time

from ..core.errors import InputError
from ..core.messages import days_words, say
from ..store import Store
from ..views.calendar import DEFAULT_TIME, parse_time
from ..views.calendar_file import save_reminders
from .common import message_html, on_click, widgets
from .file_links import file_link_html
from .forms import Outcome

TIME_LABEL = say("remind_time_label")


class ReminderController:
    """Saving the reminders file into the data folder."""

    def __init__(self, store: Store, clock: Callable[[], datetime] = lambda: datetime.now(UTC)):
        self.store, self.clock = store, clock
        self.saved = None  # the file last saved, for its link

    def on_save(self, time_text: str) -> Outcome:
        """Save the file for `time_text` ("HH:MM"). Pressing the button again replaces the
        workbook's own file in its data folder: that press is the person asking for it."""
        try:
            at = parse_time(time_text, TIME_LABEL)
            path, days = save_reminders(self.store, at, None, force=True, now=self.clock())
        except InputError as error:
            return Outcome(False, str(error), error.field)
        done = say("remind_done", path=path, time=at.strftime("%H:%M"), days=days_words(days))
        self.saved = path
        return Outcome(True, done)


class ReminderView:
    """The time picker, the button and the answer, over a ReminderController."""

    def __init__(self, controller: ReminderController, visible: bool = True):
        self.controller = controller
        hours, minutes = map(int, DEFAULT_TIME.split(":"))
        self.time = widgets.TimePicker(
            value=time(hours, minutes),
            description=TIME_LABEL,
            step=60,  # whole minutes: the file has no seconds
            style={"description_width": "initial"},
        )
        self.save = widgets.Button(
            description=say("remind_save"), icon="calendar", layout={"width": "auto"}
        )
        self.result = widgets.HTML()
        on_click(self.save, self.on_save, report_to=self.result)
        self.box = widgets.VBox(
            [
                widgets.HTML(
                    message_html(say("remind_page_intro"), "info", lead=say("remind_page_title"))
                ),
                widgets.HBox([self.time, self.save]),
                self.result,
            ],
            layout={"margin": "1em 0", "display": None if visible else "none"},
        )

    def show(self) -> None:
        self.box.layout.display = None

    def on_save(self) -> Outcome:
        value = self.time.value
        outcome = self.controller.on_save("" if value is None else value.strftime("%H:%M"))
        # message_html escapes: the folder's name is the person's own text.
        self.result.value = message_html(outcome.message, "success" if outcome.ok else "error")
        if outcome.ok:
            self.result.value += file_link_html(
                self.controller.saved, self.controller.store.data_dir
            )
        return outcome


def reminder_panel(store: Store, visible: bool = True) -> ReminderView:
    """The panel a stage page places under its own widgets."""
    return ReminderView(ReminderController(store), visible)
