"""Voilà's page templates compiled once, not once for every page the app's server renders.

Voilà makes a new exporter, with a new Jinja environment, for each page it renders, so every page
opened cold (a page kept ready renders ahead, workbook/app/preheat.py) compiled the lab template
and its parents again before the first byte went out: about 70 ms of the server's time per page,
measured with py-spy on `workbook app` serving the day-30 page (88 of 184 busy samples). Each of
those environments now uses the pages' own cache of compiled templates (workbook/views/templating.py
CompiledTemplates): Jinja keys it by template name and file and checks the source's checksum, so a
changed template is compiled again.
"""

from __future__ import annotations

from voila.exporter import VoilaExporter

from ..views import templating

_create_environment = VoilaExporter._create_environment


def _environment_sharing_compiled_templates(exporter: VoilaExporter):
    environment = _create_environment(exporter)
    # None where the account's cache folder cannot be kept: Voilà compiles as it always did.
    environment.bytecode_cache = templating.ENVIRONMENT.bytecode_cache
    return environment


def compile_page_templates_once() -> None:
    """From now on, every page Voilà renders in this process shares the compiled templates."""
    VoilaExporter._create_environment = _environment_sharing_compiled_templates
