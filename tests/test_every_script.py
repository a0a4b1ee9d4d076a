"""Every script a person may write in prints as written: names, goals and wins in the PDF report.

The set-up installs the fonts (scripts/ensure-fonts.sh); Chromium prints the report with the
fonts of this machine. A machine without them is told in one line by `workbook report`.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import TODAY
from tests.every_script import WRITTEN, notdef_glyphs, without_format_characters, write_every_script
from workbook.views.report.fonts import missing_characters, workbook_texts

pytestmark = pytest.mark.browser

WARNING = "No font on this computer draws"


def _report_pdf(data_dir, output, env=None):
    return subprocess.run(
        [sys.executable, "-m", "workbook", "report", "--data-dir", str(data_dir),
         "--today", TODAY.isoformat(), "--format", "pdf", "--output", str(output)],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip


def _only_dejavu(tmp_path) -> dict:
    """A fontconfig that knows one font family (DejaVu), as a bare Debian machine does."""
    dejavu = subprocess.run(
        ["fc-match", "-f", "%{file}", "DejaVu Sans"], capture_output=True, text=True, check=True
    ).stdout
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{os.path.dirname(dejavu)}</dir><cachedir>{tmp_path / 'fc-cache'}</cachedir>"
        "</fontconfig>"
    )
    return dict(os.environ, FONTCONFIG_FILE=str(conf))


def test_every_script_prints_in_the_pdf_with_no_missing_glyph(demo_dir, tmp_path):
    write_every_script(demo_dir, TODAY)
    pdf = tmp_path / "report.pdf"
    result = _report_pdf(demo_dir, pdf)
    assert result.returncode == 0, result.stderr
    assert WARNING not in result.stderr, "the set-up installs a font for every script"

    drawn, missing = notdef_glyphs(pdf)
    assert drawn > 1000 and missing == 0, (drawn, missing)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows), fonts.stdout  # every font embedded
    for family in ("NotoSansDevanagari", "NotoSansBengali"):
        assert family in fonts.stdout, fonts.stdout
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    layer = without_format_characters(text.stdout)
    for script, written in WRITTEN.items():
        for word in written.split():
            if script == "Arabic":  # poppler puts joined Arabic letters back in its own order
                assert set(word) <= set(layer), (script, word)
            else:
                assert without_format_characters(word) in layer, (script, word)


def test_a_machine_without_the_fonts_is_told_in_one_line(demo_dir, tmp_path, monkeypatch):
    write_every_script(demo_dir, TODAY)
    bare = _only_dejavu(tmp_path)
    pdf = tmp_path / "bare.pdf"
    result = _report_pdf(demo_dir, pdf, env=bare)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if WARNING in line]
    assert len(warnings) == 1, result.stderr
    line = warnings[0]  # one character of each script it lacks: Hindi, Chinese, Korean, emoji
    assert "न" in line and "수" in line and set("李小龙") & set(line), line
    assert any(ord(char) >= 0x1F000 for char in line), line
    # What it says is what Chromium printed: boxes where the fonts were missing.
    assert notdef_glyphs(pdf)[1] > 0

    from workbook.store import Store

    with Store(demo_dir) as store:
        texts = workbook_texts(store.snapshot())
    assert missing_characters(texts) == ""  # this machine has them all
    monkeypatch.setenv("FONTCONFIG_FILE", bare["FONTCONFIG_FILE"])
    lacking = missing_characters(texts)
    assert {"न", "李", "지", "👍"} <= set(lacking)
    assert not {"Ж", "ł", "λ", "a"} & set(lacking)  # DejaVu draws Cyrillic, Polish and Greek
