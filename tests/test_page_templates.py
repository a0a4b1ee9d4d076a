"""Voilà's page templates compiled once in the app's server (workbook/app/page_templates.py)."""

from __future__ import annotations

import jinja2
import pytest
from voila.exporter import VoilaExporter
from voila.paths import collect_template_paths

from workbook.app import page_templates
from workbook.app.resources import voila_templates_root
from workbook.views import templating


@pytest.fixture
def exporter_kwargs(monkeypatch):
    # The app's own template, found on the Jupyter path as Voilà finds it (voila/app.py).
    monkeypatch.setenv("JUPYTER_PATH", str(voila_templates_root()))
    paths = collect_template_paths(["voila", "nbconvert"], "workbook")
    return {"template_paths": paths, "template_name": "workbook"}


def _page_template(kwargs) -> jinja2.Template:
    exporter = VoilaExporter(**kwargs)
    return exporter.environment.get_template(exporter.template_file)


def test_the_second_page_uses_the_templates_the_first_compiled(
    exporter_kwargs, monkeypatch, tmp_path
):
    monkeypatch.setattr(VoilaExporter, "_create_environment", VoilaExporter._create_environment)
    cache = templating.CompiledTemplates(directory=str(tmp_path))
    monkeypatch.setattr(templating.ENVIRONMENT, "bytecode_cache", cache)
    page_templates.compile_page_templates_once()
    first = _page_template(exporter_kwargs)
    assert first.environment.bytecode_cache is cache

    def compile_nothing(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(jinja2.Environment, "_compile", compile_nothing)
    second = _page_template(exporter_kwargs)  # a new exporter and environment, as Voilà makes
    assert second.environment is not first.environment
    assert second.root_render_func.__code__.co_code == first.root_render_func.__code__.co_code


def test_a_template_changed_since_is_compiled_again(tmp_path):
    cache = templating.CompiledTemplates(directory=str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    loader = jinja2.FileSystemLoader(tmp_path)
    (tmp_path / "page.html").write_text("first {{ words }}")
    old = jinja2.Environment(loader=loader, bytecode_cache=cache, autoescape=True)
    assert old.get_template("page.html").render(words="<b>") == "first &lt;b&gt;"
    (tmp_path / "page.html").write_text("second {{ words }}")
    new = jinja2.Environment(loader=loader, bytecode_cache=cache, autoescape=True)
    assert new.get_template("page.html").render(words="<b>") == "second &lt;b&gt;"
