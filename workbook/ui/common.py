"""What every stage's view shares: kind message boxes, escaping, and never a traceback."""

from __future__ import annotations

import functools
import html
import logging
import traceback

from IPython.display import HTML, display

from ..validation import InputError

log = logging.getLogger("workbook")


class _LazyWidgets:
    """ipywidgets, imported on first use: a page given its answers as parameters (papermill)
    builds no widget, so it does not pay for importing ipywidgets (see benchmarks/run.py)."""

    def __getattr__(self, name: str):
        import ipywidgets

        return getattr(ipywidgets, name)


widgets = _LazyWidgets()

STYLES = {
    "info": ("#eef4fb", "#0072B2"),
    "success": ("#eaf6f0", "#009E73"),
    "warning": ("#fdf3e6", "#E69F00"),
    "error": ("#fbeeee", "#B2443A"),
    "help": ("#f3effa", "#7D5BA6"),
}

SOMETHING_WENT_WRONG = (
    "Something went wrong on our side, and nothing you wrote was lost. "
    "Please try again; if it keeps happening, the details are in the notebook's log."
)


def escape(text) -> str:
    """User text made safe to place inside HTML."""
    return html.escape("" if text is None else str(text), quote=True)


def message_html(text: str, kind: str = "info", *, trusted_html: bool = False) -> str:
    """A calm coloured box; `text` is escaped unless it is our own markup."""
    background, border = STYLES.get(kind, STYLES["info"])
    body = text if trusted_html else escape(text)
    return (
        f'<div class="workbook-{kind}" style="background:{background};border-left:4px solid {border};'
        f'padding:0.6em 0.9em;margin:0.4em 0;border-radius:4px;font-size:1rem;line-height:1.45">'
        f"{body}</div>"
    )


def message(text: str, kind: str = "info", *, trusted_html: bool = False) -> widgets.HTML:
    return widgets.HTML(message_html(text, kind, trusted_html=trusted_html))


def show_message(text: str, kind: str = "info", *, trusted_html: bool = False) -> None:
    display(HTML(message_html(text, kind, trusted_html=trusted_html)))


def never_a_traceback(func):
    """Run a notebook-facing call; show bad input kindly and unexpected errors calmly, never raw."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except InputError as error:
            show_message(str(error), "error")
        except Exception:  # noqa: BLE001 — a person in pain should never meet a traceback
            log.error("workbook error in %s:\n%s", func.__name__, traceback.format_exc())
            show_message(SOMETHING_WENT_WRONG, "error")
        return None

    return wrapper
