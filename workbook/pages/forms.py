"""What the stage pages share: a save's outcome, yes/no answers, labelled fields, WHO-5, help."""

from __future__ import annotations

from ..core.messages import say, say_parts
from ..core.model import Plan
from ..core.validation import InputError, optional, parse_text
from ..views.html_pieces import page_piece
from .common import message_html, widgets
from .outcome import Outcome as Outcome  # the pages' shared answer, still importable from here

LAYOUT = {"width": "min(36em, 95%)"}  # a Layout, given as a dict: no import
WIDE = {"width": "min(44em, 95%)", "height": "6em"}


def parse_yes_no(value, field: str) -> bool:
    """True/False, or "yes"/"no" as typed in a parameter."""
    if isinstance(value, bool):
        return value
    text = parse_text(value, field, 10).casefold()
    if text in ("yes", "y", "true"):
        return True
    if text in ("no", "n", "false"):
        return False
    raise InputError(say("yes_or_no", field=field, value=value))


def required_yes_no(value, field: str) -> bool:
    if optional(value) is None:
        raise InputError(say("answer_needed", field=field))
    return parse_yes_no(value, field)


def pronoun_forms(plan: Plan | None) -> dict[str, str]:
    """The words to use for the partner: name, object and possessive forms, never a guess."""
    partner = plan.partner if plan else "your ex"
    pronoun = (plan.pronoun if plan else "they").strip().casefold()
    known = {"they": ("them", "their"), "she": ("her", "her"), "he": ("him", "his")}
    obj, possessive = known.get(pronoun, (partner, f"{partner}’s"))
    return {
        "partner": partner,
        "partner_cap": partner[:1].upper() + partner[1:],
        "object": obj,
        "possessive": possessive,
    }


class Field:
    """A widget under its label, with a slot beside it for the message about it.

    A single control shows the label as its own `description`: ipywidgets draws that as a
    <label> tied to the control, so a screen reader announces the words a person sees (the
    pages' stylesheet puts it above the control, in bold). A group of controls (a box) keeps a
    bold heading, and each control inside carries its own description.
    """

    def __init__(self, label: str, widget: widgets.Widget):
        self.widget = widget
        self.error = widgets.HTML()
        if labels_itself(widget):
            if hasattr(label, "__html__"):
                # a sentence holding what a person typed: its HTML keeps that escaped, in <bdi>
                widget.description_allow_html = True
                widget.description = label.__html__()
            else:
                widget.description = label
            widget.style.description_width = "initial"
            widget.add_class(LABELLED)
            parts = [widget, self.error]
        else:
            parts = [widgets.HTML(page_piece("label", text=label)), widget, self.error]
        self.box = widgets.VBox(parts, layout=widgets.Layout(margin="0.3em 0"))

    def show_error(self, text: str) -> None:
        self.error.value = message_html(text, "error")

    def clear(self) -> None:
        self.error.value = ""


# The class that puts a control's own label above it (jupyter_config/share/voila/templates/
# workbook and labextension/style: the app's and JupyterLab's stylesheets).
LABELLED = "workbook-labelled"


def labels_itself(widget: widgets.Widget) -> bool:
    """A single control with a description of its own, as opposed to a box or a piece of HTML."""
    text_only = (widgets.HTML, widgets.HTMLMath, widgets.Label, widgets.Button)
    return widget.has_trait("description") and not isinstance(widget, text_only)


def toggles(options, value=None) -> widgets.ToggleButtons:
    """Answer buttons; long answers get buttons as wide as their words instead of cut off."""
    labels = [o[0] if isinstance(o, tuple) else str(o) for o in options]
    style = {"button_width": "auto"} if max(len(label) for label in labels) > 14 else {}
    return widgets.ToggleButtons(options=options, value=value, style=style)


def yes_no(value=None) -> widgets.ToggleButtons:
    return toggles(list(zip(say_parts("yes_no_answers"), (True, False), strict=True)), value)


def help_html(abuse: bool = False) -> str:
    """The crisis lines; with `abuse`, the domestic-abuse lines beside them."""
    lines = message_html(say("help_resources"), "help")
    if abuse:
        lines += message_html(say("abuse_help"), "help", lead=say("abuse_help_title"))
    return lines


# --- WHO-5 -----------------------------------------------------------------------------------


def who5_items() -> list[str]:
    return say("who5_items").split("|")


def who5_labels() -> list[str]:
    return say("who5_labels").split("|")


class Who5Form:
    """The five official items, each a drop-down of the six answer labels (0–5)."""

    def __init__(self):
        # A visible "Choose…" needs a real value: a Dropdown at None shows an empty box.
        options = [(say("who5_choose"), -1)] + [
            (f"{i} — {t}", i) for i, t in enumerate(who5_labels())
        ]
        self.answers = [
            widgets.Dropdown(options=options, value=-1, layout=LAYOUT) for _ in who5_items()
        ]
        rows = [Field(item, w).box for item, w in zip(who5_items(), self.answers, strict=True)]
        self.save = widgets.Button(description=say("who5_save"), button_style="primary")
        self.result = widgets.HTML()
        self.box = widgets.VBox(
            [
                widgets.HTML(message_html(say("who5_intro"), "info", lead=say("who5_intro_title"))),
                *rows,
            ]
            + [
                self.save,
                self.result,
                widgets.HTML(page_piece("small", text=say("who5_credit"))),
            ]
        )

    def values(self) -> list:
        return [None if w.value == -1 else w.value for w in self.answers]


def who5_feedback(answers) -> tuple[str, str]:
    """The guidance for a WHO-5 score, and its box kind."""
    from ..core.rules import who5_flags

    flags = who5_flags(list(answers))
    if flags.suggest_strongly:
        return say("who5_strongly") + " " + say("help_resources"), "help"
    if flags.suggest_professional:
        return say("who5_professional"), "warning"
    return say("who5_ok"), "success"
