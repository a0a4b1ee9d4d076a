"""Every sentence a person reads comes from the messages: each key the code asks for exists, and
each message is asked for somewhere (read from the source with ast, and from the templates)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from workbook.core import stages
from workbook.core.messages import MESSAGES, say

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "workbook").rglob("*.py")) + [ROOT / "scripts" / "build_notebooks.py"]
TEMPLATES = sorted((ROOT / "workbook").rglob("*.j2")) + sorted(
    (ROOT / "jupyter_config").rglob("*.j2")
)
SAYERS = {"say", "say_parts"}
# say("key") in a template, as the templates call it.
TEMPLATE_SAY = re.compile(r"""\bsay(?:_parts)?\(\s*["']([a-z0-9_]+)["']""")


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in SAYERS and node.args:
            yield node.args[0]


def _literal_keys() -> dict[str, list[str]]:
    """Each literal key passed to say()/say_parts(), with where it is asked for."""
    found: dict[str, list[str]] = {}
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for arg in _calls(tree):
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                where = f"{path.relative_to(ROOT)}:{arg.lineno}"
                found.setdefault(arg.value, []).append(where)
    for path in TEMPLATES:
        for match in TEMPLATE_SAY.finditer(path.read_text(encoding="utf-8")):
            found.setdefault(match.group(1), []).append(str(path.relative_to(ROOT)))
    return found


def _prefixes() -> set[str]:
    """The fixed start of keys built as f-strings, like say(f"progress_title_{key}")."""
    prefixes = set()
    for path in SOURCES:
        for arg in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(arg, ast.JoinedStr) and isinstance(arg.values[0], ast.Constant):
                prefixes.add(arg.values[0].value)
    return prefixes


def _strings_in_code() -> set[str]:
    """Every string constant in the package: keys chosen first and said later (a gate's
    reasons, `key = "a" if … else "b"`) are among them."""
    strings = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
    return strings


def test_every_key_the_code_says_is_a_message():
    keys = _literal_keys()
    assert len(keys) > 100  # the scan sees the code's messages at all
    missing = {key: where for key, where in keys.items() if key not in MESSAGES}
    assert not missing, missing


def test_every_key_built_from_a_prefix_has_messages():
    for prefix in _prefixes():
        assert any(key.startswith(prefix) for key in MESSAGES), prefix


def test_every_message_is_said_somewhere():
    used = set(_literal_keys()) | (_strings_in_code() & set(MESSAGES))
    built = _prefixes()
    unused = {k for k in MESSAGES if k not in used and not k.startswith(tuple(built))}
    assert not unused, sorted(unused)


def test_a_missing_key_would_be_found(tmp_path):
    # The scan must be able to fail: a file asking for a key that does not exist.
    probe = tmp_path / "probe.py"
    probe.write_text('from workbook.core.messages import say\nsay("no_such_message_key")\n')
    asked = [a.value for a in _calls(ast.parse(probe.read_text())) if isinstance(a, ast.Constant)]
    assert asked == ["no_such_message_key"] and asked[0] not in MESSAGES


def test_each_stage_has_its_title_and_a_notebook():
    notebooks = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert list(stages.STAGE_NAMES) == notebooks
    for stage in stages.STAGES:
        assert stage.title == say(f"stage_title_{stage.name}")


def _forms(message) -> list[str]:
    return list(message.values()) if isinstance(message, dict) else [message]


def _fill(message: str, n: int) -> str:
    """A message filled with `n` for every value it asks for (numbers with their format spec)."""
    import string

    values = {}
    for _, name, spec, _ in string.Formatter().parse(message):
        if name:
            values[name.split(".")[0].split("[")[0]] = n if spec or name == "n" else str(n)
    return message.format(**values)


def test_no_message_writes_a_hand_made_plural():
    """Counts are said as a person says them ("1 day", "3 goals"), never with "(s)"."""
    from workbook.core.messages import MESSAGES, days_words, goals_words

    assert [k for k, v in MESSAGES.items() for f in _forms(v) if re.search(r"\w\(s\)", f)] == []
    assert (days_words(1), days_words(9), goals_words(1), goals_words(0)) == (
        "1 day",
        "9 days",
        "1 goal",
        "0 goals",
    )


MISMATCH = re.compile(
    r"(?<!and )(?<!to )\b1 (days|goals|weeks|times|check-ins|triggers|points)\b"
    r"|\b[02-9] (day|goal|week|check-in|trigger)\b(?![-–]| days)|\(s\)|\bgoal\(s|\bday\(s"
)


def test_every_message_reads_right_with_0_1_and_2():
    """Every message rendered with 0, 1 and 2 in each value it takes: a counted message through
    its own plural forms (Babel's rules), and no "(s)" or "1 days" anywhere."""
    from workbook.core.messages import MESSAGES, counted

    checked = 0
    for key, message in MESSAGES.items():
        for n in (0, 1, 2):
            if isinstance(message, dict):
                text = say(key, n=n, **{k: n for k in _names(message) if k != "n"})
                assert _names(message) - {"n"} or counted(n, key) == say(key, n=n)
            else:
                text = _fill(message, n)
            assert not MISMATCH.search(text), (key, n, text)
            checked += 1
    assert checked > 3 * 300  # the whole table, not a sample
    assert MISMATCH.search("Contact happened on 1 days") and MISMATCH.search("2 goal(s)")


def _names(message: dict) -> set[str]:
    import string

    return {
        name
        for form in message.values()
        for _, name, _, _ in string.Formatter().parse(form)
        if name
    }


def test_counted_messages_follow_babels_plural_rules():
    from workbook.core.messages import counted, days_words, times_words

    assert [days_words(n) for n in (0, 1, 2)] == ["0 days", "1 day", "2 days"]
    assert [times_words(n) for n in (1, 3)] == ["once", "3 times"]
    assert (
        counted(1, "weeks") == "1 week"
        and counted(2, "triggers_different") == "2 different triggers"
    )


def test_dates_in_sentences_read_one_way():
    from datetime import date

    from workbook.core.messages import date_words, say

    text = say("goals_added", goals="Gym", date=date(2026, 11, 14))
    assert "2026-11-14" not in text and date_words(date(2026, 11, 14)) in text
    assert date_words("2026-11-14") == date_words(date(2026, 11, 14))
