"""Voilà's page templates compiled once in the app's server, not once for every page asked for.

Voilà makes a new exporter, with a new Jinja environment, for each page it renders, so every page
opened cold (a page kept ready renders ahead, workbook/app/preheat.py) compiled the lab template
and its parents again before the first byte went out: about 70 ms of the server's time per page,
measured with py-spy on `workbook app` serving the day-30 page (88 of 184 busy samples). Each of
those environments now shares one Jinja bytecode cache held in the server's memory: Jinja keys it
by template name and file and checks the source's checksum, so a changed template is compiled again.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from voila.exporter import VoilaExporter


class CompiledOnce(BytecodeCache):
    """Jinja's bytecode cache, in memory, for the life of the server."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # reset again if the source's checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledOnce()
_create_environment = VoilaExporter._create_environment


def _environment_sharing_compiled_templates(exporter: VoilaExporter):
    environment = _create_environment(exporter)
    environment.bytecode_cache = COMPILED
    return environment


def compile_page_templates_once() -> None:
    """From now on, every page Voilà renders in this process shares COMPILED."""
    VoilaExporter._create_environment = _environment_sharing_compiled_templates
