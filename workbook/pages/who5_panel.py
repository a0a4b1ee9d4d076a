"""The start page's WHO-5: its five questions at once the first time; once answered, what the
answers said, and the questions a click away (a returning person's page builds 40-odd fewer
widgets)."""

from __future__ import annotations

from ..core.messages import say
from .common import message_html, on_click, widgets
from .forms import Who5Form


class Who5Panel:
    """`latest`: the newest WHO-5 saved, or None; `on_save`: called by the form's Save button."""

    def __init__(self, latest, on_save):
        self.on_save = on_save
        self.form: Who5Form | None = None
        self.box = widgets.VBox()
        if latest is None:
            self.open()
            return
        self.result = widgets.HTML()
        self.take = widgets.Button(
            description=say("start_take_who5"), icon="pencil", layout={"width": "auto"}
        )
        on_click(self.take, self.open, report_to=self.result)
        taken = say("who5_taken", date=latest.date, percent=latest.percent)
        self.box.children = [
            widgets.HTML(message_html(taken, lead=say("who5_intro_title"))),
            self.take,
            self.result,
        ]

    def open(self) -> Who5Form:
        """The form, built and shown the first time it is asked for."""
        if self.form is None:
            self.form = Who5Form()
            on_click(self.form.save, self.on_save, report_to=self.form.result)
            by_click = bool(self.box.children)  # then the keyboard goes to the first question
            self.box.children = [self.form.box]
            if by_click:
                self.form.answers[0].focus()
        return self.form
