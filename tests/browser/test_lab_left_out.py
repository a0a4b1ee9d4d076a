"""The workbook's JupyterLab leaves out what a stage page never needs (the README's table): the
front end's plugins in jupyter_config/labconfig/page_config.json, the server's side in
jupyter_config/jupyter_server_config.py, and plotly.js where no chart is drawn. Asked of a running
`workbook lab`, as its page gets them."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from urllib.parse import urlparse

import pytest
from pages import assert_every_chart_drawn, expected_charts, open_in_lab

from workbook.core import clock
from workbook.views.plotly_bundle import full_plotly_js, plotly_js

pytestmark = pytest.mark.browser

# The README's table, plugin by plugin.
LEFT_OUT = {
    "@jupyterlab/debugger-extension",
    "@jupyterlab/terminal-extension",
    "@jupyterlab/console-extension",
    "@jupyterlab/completer-extension:consoles",
    "@jupyterlab/tooltip-extension:consoles",
    "@jupyterlab/lsp-extension",
    "@jupyterlab/fileeditor-extension:language-server",
    "@jupyterlab/notebook-extension:language-server",
    "@jupyterlab/tooltip-extension",
    "@jupyterlab/inspector-extension",
    "@jupyterlab/logconsole-extension",
    "@jupyterlab/celltags-extension",
    "@jupyterlab/toc-extension",
    "@jupyterlab/notebook-extension:toc",
    "@jupyterlab/apputils-extension:announcements",
    "@jupyterlab/extensionmanager-extension:plugin",
    "@jupyterlab/notebook-extension:export",
    "@jupyterlab/notebook-extension:update-raw-mimetype",
}
# What the README says stays: a stage page needs it, or a person does.
KEPT = (
    "@jupyterlab/notebook-extension",
    "@jupyterlab/notebook-extension:tracker",
    "@jupyterlab/notebook-extension:widget-factory",
    "@jupyterlab/filebrowser-extension",
    "@jupyterlab/htmlviewer-extension",
    "@jupyterlab/settingeditor-extension",
    "@jupyterlab/running-extension",
)
KEPT_PACKAGES = ("@jupyter-widgets/", "jupyterlab-plotly", "workbook-lab")


def page_config(server) -> dict:
    with urllib.request.urlopen(server.url("lab"), timeout=30) as response:
        html = response.read().decode()
    found = re.search(
        r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', html, re.S
    )
    assert found, "JupyterLab's page carries no page config"
    return json.loads(found.group(1))


def status(server, path: str) -> int:
    try:
        with urllib.request.urlopen(server.url(path), timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_front_end_leaves_out_what_the_readme_says_and_keeps_the_rest(lab):
    disabled = set(page_config(lab)["disabledExtensions"])
    assert disabled >= LEFT_OUT, f"still loaded: {sorted(LEFT_OUT - disabled)}"
    assert disabled.isdisjoint(KEPT)
    assert not [name for name in disabled if name.startswith(KEPT_PACKAGES)]
    # Nothing to build: the extensions come prebuilt, so Lab never asks whether it needs to.
    config = page_config(lab)
    assert (config["buildCheck"], config["buildAvailable"]) == (False, False)


def test_the_server_has_no_terminals_no_language_server_and_installs_nothing(lab):
    assert status(lab, "api/terminals") == 404
    assert status(lab, "lsp/status") == 404
    manager = page_config(lab)["extensionManager"]
    assert (manager["name"], manager["can_install"]) == ("read-only", False)
    # Still asked what is installed (JupyterLab's own call), and the workbook's extension is.
    with urllib.request.urlopen(lab.url("lab/api/extensions"), timeout=30) as response:
        assert "workbook-lab" in {extension["name"] for extension in json.load(response)}


def _plotly_js(page) -> list[tuple[str, int]]:
    """Every file of plotly's over 100 KB the page fetched (plotly.js, alone or inside plotly's
    renderer), with its size: the workbook's renderer itself is a few KiB."""
    return page.evaluate(
        """() => performance.getEntriesByType('resource')
            .filter(entry => /plotly/.test(entry.name) && entry.decodedBodySize > 100_000)
            .map(entry => [entry.name, entry.decodedBodySize])"""
    )


def test_plotly_js_is_fetched_only_by_a_page_that_draws_charts(watched, lab):
    """The workbook's plotly renderer (labextension/plotly) stands in for the plotly package's,
    which carries plotly.js inside it (4.8 MB, fetched and read at every start-up)."""
    page = watched.page
    open_in_lab(page, lab, "00_start_here", ready="Change my plan")
    assert _plotly_js(page) == []
    assert not page.evaluate("'Plotly' in window")
    # Nor does the server work out nbconvert's formats or whether Lab needs building.
    asked = page.evaluate(
        "() => performance.getEntriesByType('resource').map(entry => new URL(entry.name).pathname)"
    )
    assert not [path for path in asked if path.endswith(("/api/nbconvert", "/lab/api/build"))]

    open_in_lab(page, lab, "03_progress")
    assert_every_chart_drawn(page, expected_charts(lab.data_dir, clock.today()))
    fetched = dict(_plotly_js(page))
    assert [urlparse(url).path for url in fetched] == ["/workbook/plotly.min.js"]
    # The smallest plotly.js that draws the workbook's charts (workbook/views/plotly_bundle.py).
    assert list(fetched.values()) == [plotly_js().stat().st_size]


def test_plotly_js_is_served_to_jupyterlab_behind_its_login(lab):
    """What the renderer fetches: the smallest bundle, or the full one for any other trace."""
    for path, file in (
        ("workbook/plotly.min.js", plotly_js()),
        ("workbook/plotly-full.min.js", full_plotly_js()),
    ):
        with urllib.request.urlopen(lab.url(path), timeout=30) as response:
            assert response.read() == file.read_bytes(), path
        anonymous = lab.url(path).split("?", 1)[0]
        opener = urllib.request.build_opener(_NoRedirect)
        with pytest.raises(urllib.error.HTTPError) as refused:
            opener.open(anonymous, timeout=30)
        assert refused.value.code in (302, 403), path


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
