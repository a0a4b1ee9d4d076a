"""One Jinja2 environment for every piece of HTML the workbook writes, with autoescaping always on.

A person's words reach a template only as plain values, so they can only ever be text. The one way
to place markup unescaped is `markupsafe.Markup`, kept for output we produced ourselves (plotly's
chart HTML, our own CSS, another rendered template); each such place says so in a comment.
"""

from __future__ import annotations

import contextlib
from datetime import date

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from ..core.messages import date_words, days_words, say, say_parts, template


def day_text(value: date | str) -> str:
    """A date as a person reads it, as every sentence says it (core.messages.date_words)."""
    return date_words(value)


def number_text(value) -> str:
    """A number from the summary as shown: whole floats without ".0", a dash for nothing."""
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class CompiledTemplates(FileSystemBytecodeCache):
    """Jinja's own cache of compiled templates, shared by every process of this account: a page
    opened once a month starts a new kernel, which otherwise compiles its templates as the person
    waits (the day-30 page's cells took 0.27-0.29 s, 0.25 s with them compiled); the app's server
    keeps Voilà's page templates in it too (workbook/app/page_templates.py). Jinja keeps it in a folder of this account's in the
    temporary folder (`_jinja2-cache-<uid>`), made 0700 and refused unless it is this account's own
    folder, not a link; it holds template code only, never a person's words. A cache that cannot be
    read or written (a full disk, the folder taken away) is only slower: a page never fails for it."""

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _compiled_templates() -> CompiledTemplates | None:
    try:
        return CompiledTemplates()
    except (RuntimeError, OSError):  # the folder is someone else's, or cannot be made: no cache
        return None


ENVIRONMENT = Environment(
    loader=PackageLoader("workbook.views", "templates"),
    bytecode_cache=_compiled_templates(),
    autoescape=True,  # every template, whatever its name: no path takes user text as markup
    undefined=StrictUndefined,  # a misspelt name fails loudly instead of printing nothing
    trim_blocks=True,
    lstrip_blocks=True,
)
ENVIRONMENT.globals["say"] = say
ENVIRONMENT.globals["say_parts"] = say_parts
ENVIRONMENT.filters["say"] = say
ENVIRONMENT.filters["day"] = day_text
ENVIRONMENT.filters["days"] = days_words  # "1 day", "9 days"
ENVIRONMENT.filters["number"] = number_text


def plain_text(value) -> str:
    """A sentence as an attribute's plain text (aria-label, title): no <bdi>, only escaping."""
    return value if isinstance(value, Markup) else str(value)


ENVIRONMENT.filters["plain"] = plain_text


def isolated(text) -> Markup:
    """A person's words in <bdi>, escaped: a name in Arabic or Hebrew keeps its order in a sentence."""
    return Markup("<bdi>{}</bdi>").format(text)


def say_html(key: str, **values) -> Markup:
    """The sentence for `key`, escaped, with values given as Markup (a name `| bdi`) kept as such."""
    return Markup(escape(template(key, values.get("n")))).format(**values)


def say_isolated(key: str, **values) -> Markup:
    """The sentence for `key` as HTML for a page: each text value (a person's words: a partner's
    name, a goal, a trigger) escaped inside <bdi>, so a name in Arabic or Hebrew followed by a number
    or a full stop keeps its order; dates read as `say` gives them. Only for HTML: what is stored,
    printed or exported keeps `say`'s plain text."""
    marked = {
        k: v
        if isinstance(v, Markup)
        else isolated(v)
        if isinstance(v, str)
        else day_text(v)
        if isinstance(v, date)
        else v
        for k, v in values.items()
    }
    return say_html(key, **marked)


ENVIRONMENT.filters["bdi"] = isolated
ENVIRONMENT.globals["say_html"] = say_html


def render(name: str, **context) -> str:
    """Render `workbook/views/templates/<name>` with `context`; every value is escaped unless Markup."""
    return ENVIRONMENT.get_template(name).render(**context)
