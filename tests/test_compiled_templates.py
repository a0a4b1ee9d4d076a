"""Compiled templates kept between processes (workbook/views/templating.py CompiledTemplates): a new
page kernel loads them compiled, and a cache that is not the account's own, or cannot be written,
never stops a page."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile

from jinja2 import Environment, FileSystemBytecodeCache

from workbook.views import templating

# Renders one page piece in a fresh process; with "forbid", compiling any template fails.
RENDER = """
import sys
import jinja2
if sys.argv[1] == "forbid":
    def compile_nothing(*args, **kwargs):
        raise AssertionError("compiled a template the cache holds")
    jinja2.Environment._compile = compile_nothing
from workbook.views import templating
cache = templating.ENVIRONMENT.bytecode_cache
print(cache.directory if cache else "no cache")
from workbook.views.html_pieces import page_piece
print(page_piece("paragraph", text="a <b>note</b>"))
"""


def _render_in_a_new_process(temp: str, mode: str = "") -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", RENDER, mode],
        env={**os.environ, "TMPDIR": temp},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.splitlines()


def test_a_new_process_loads_the_templates_compiled_by_the_one_before(tmp_path):
    first = _render_in_a_new_process(str(tmp_path))
    folder = tmp_path / f"_jinja2-cache-{os.getuid()}"
    assert first[0] == str(folder)
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    assert all(oct(f.stat().st_mode & 0o777) == "0o600" for f in folder.iterdir())
    second = _render_in_a_new_process(str(tmp_path), "forbid")
    assert second == first  # the same page, and nothing compiled
    assert "&lt;b&gt;note&lt;/b&gt;" in "".join(second)  # escaping as ever


def test_a_cache_folder_that_is_not_a_folder_of_this_account_s_means_no_cache(tmp_path):
    (tmp_path / f"_jinja2-cache-{os.getuid()}").write_text("not a folder")
    lines = _render_in_a_new_process(str(tmp_path))
    assert lines[0] == "no cache"
    assert "&lt;b&gt;note&lt;/b&gt;" in "".join(lines)


def _environment(cache):
    """A new environment like the pages' own, with a template cache (in memory) of its own."""
    return Environment(loader=templating.ENVIRONMENT.loader, autoescape=True, bytecode_cache=cache)


def _paragraph(cache) -> str:
    """A page piece rendered through a new environment with `cache`."""
    template = _environment(cache).get_template("page_piece.html.j2")
    return template.render(kind="paragraph", text="words", muted=False)


def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_cache_that_cannot_be_written_only_slows_a_page(tmp_path, monkeypatch):
    cache = templating.CompiledTemplates(directory=str(tmp_path))
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", _disk_full)
    assert "words" in _paragraph(cache)
    assert list(tmp_path.iterdir()) == []  # nothing half-written left behind


def test_a_cache_that_cannot_be_read_only_slows_a_page(tmp_path, monkeypatch):
    cache = templating.CompiledTemplates(directory=str(tmp_path))
    _environment(cache).get_template("page_piece.html.j2")
    assert list(tmp_path.iterdir())  # written
    monkeypatch.setattr(FileSystemBytecodeCache, "load_bytecode", _disk_full)
    assert "words" in _paragraph(cache)
