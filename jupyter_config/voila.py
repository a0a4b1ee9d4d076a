"""The code-free app (`workbook app`): Voilà with the workbook's template, which fetches nothing.

Voilà finds templates on the Jupyter data path only, so this folder's share/ is put in front.
"""

import os
from pathlib import Path

from jupyter_server import DEFAULT_STATIC_FILES_PATH
from jupyter_server.log import log_request

from workbook.app.preheat import kernel_pools

c = get_config()  # noqa: F821 — provided by Voilà when it reads this file
share = str(Path(__file__).resolve().parent / "share")
os.environ["JUPYTER_PATH"] = os.pathsep.join(
    p for p in (share, os.environ.get("JUPYTER_PATH")) if p
)
c.VoilaConfiguration.template = "workbook"
# Under JupyterHub (deploy/jupyterhub/), which names every server's prefix: the same pages with a
# bar to open the page in JupyterLab and to log out.
if os.environ.get("JUPYTERHUB_SERVICE_PREFIX"):
    c.VoilaConfiguration.template = "workbook-hub"

# The list of pages (/voila/tree; the address printed opens the start page, workbook/app/server.py)
# as plain HTML from the server, not Voilà's newer page of script, which a busy machine left empty.
c.VoilaConfiguration.classic_tree = True

# Locked like JupyterLab (workbook/app/server.py adds the token to every handler Voilà leaves
# open): a token always (from $JUPYTER_TOKEN, which `workbook app` makes), and jupyter_server's
# own checks switched back on: only a loopback Host is served, so a page of some other site that
# rebinds its name to 127.0.0.1 gets 403 even in the person's own browser. Websockets from
# another origin are refused by jupyter_server's default (no allow_origin).
c.Voila.auto_token = True
c.Voila.tornado_settings = {
    "allow_remote_access": False,
    "local_hostnames": ["localhost"],
    # jupyter_server's error page (the 403 above) links its icon through this setting.
    "static_path": DEFAULT_STATIC_FILES_PATH,
    # jupyter_server's request log, which takes the token out of the addresses it writes down.
    "log_function": log_request,
}

# Ready at once: for the pages opened every day or in a hurry (workbook/app/preheat.py KEPT_READY)
# one kernel per page, started and run up to its first read of the workbook before
# the page is asked for; the read waits for the request (workbook/app/preheat.py), so nothing is stale.
c.VoilaConfiguration.preheat_kernel = True
# Page kernels talk to the server over Unix sockets in Voilà's private connection folder, not TCP
# ports: eight kernels start at once, and a TCP port another process took in the same moment made
# a preheated kernel die ("Address already in use") and its page stay on "Running ..." for good.
# Nothing is reachable over the network either.
c.KernelManager.transport = "ipc"
# Voilà runs a page's cells through this client, ready the moment its kernel is: jupyter_client's
# own waits 0.2 s and more after that, which a page opened once a month, started cold, shows.
c.AsyncKernelManager.client_factory = "workbook.app.page_kernel_client.PageKernelClient"
# The app's machinery in those page kernels (the wait, the warm-ups, the rehearsals): the pages
# import the module named here on first use (workbook/pages/context.py), and only in a page
# kernel Voilà preheats.
os.environ["WORKBOOK_PAGE_KERNEL"] = "workbook.app.page_kernel"
c.VoilaConfiguration.default_pool_size = 1
# ...and only for those: the pages opened once a month start their kernel when asked (a cold
# Voilà kernel, which runs the page straight through), so the app is light at rest.
c.VoilaKernelManager.kernel_pools_config = kernel_pools()
# The used kernel is replaced a few seconds later, not while its page is still being drawn.
c.VoilaKernelManager.fill_delay = 4
# After a cell's reply, Voilà's executor (nbclient) waits this long for the rest of its output
# (the widgets it displays) and, past it, shows the page without them: 4 s by default, which a
# preheated kernel running behind a loaded machine overran in CI ("Timeout waiting for IOPub
# output", the daily page drawn with no widget). The wait ends as the output comes, so only a
# slow machine waits longer, and its person gets the whole page.
c.VoilaExecutor.iopub_timeout = 60

# A page's kernel ends when its page is closed or left: Voilà asks for that as the page unloads,
# and the culler catches the rest (a closed window, a crashed tab): a kernel with no page
# connected and idle for 30 s is stopped within 10 s more. Kernels still heating are never culled.
c.MappingKernelManager.cull_idle_timeout = 30
c.MappingKernelManager.cull_interval = 10
c.MappingKernelManager.cull_connected = False


# A page is shown as soon as its words and widgets are in; its charts are drawn after that. Voilà
# shows nothing until every labextension has loaded, and plotly's renderer extension carries all
# 4.7 MB of plotly.js: so the app loads none of it, and draws the charts' MIME bundles itself with
# the smallest plotly.js that draws them (workbook/views/plotly_bundle.py), fetched once the page
# is up (the workbook template). Nor
# does it load the syntax colours of code it never shows. JupyterLab keeps plotly's renderer.
NOT_IN_THE_APP = {"jupyterlab-plotly", "jupyterlab_pygments"}


def without_what_the_app_does_not_use(page_config, *, base_url, **_):
    from workbook.app.server import plotly_js_url

    page_config["federated_extensions"] = [
        extension
        for extension in page_config.get("federated_extensions", [])
        if extension.get("name") not in NOT_IN_THE_APP
    ]
    page_config["workbookPlotlyJs"] = plotly_js_url(base_url)
    return page_config


c.VoilaConfiguration.page_config_hook = without_what_the_app_does_not_use
