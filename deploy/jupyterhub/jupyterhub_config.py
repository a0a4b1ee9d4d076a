"""JupyterHub for a practice: each client logs in as their own system user and lands on their workbook.

Run it as root from the environment the workbook is installed in (deploy/jupyterhub/README.md):

    /opt/workbook/bin/jupyterhub -f /opt/workbook/jupyterhub_config.py

- Log in: PAM, the machine's own accounts and passwords, limited to one group (WORKBOOK_HUB_GROUP).
- Each person's server runs as that person (LocalProcessSpawner): `workbook hub-singleuser`, which
  keeps their workbook in their own home at 0700 and opens the app's start page; JupyterLab is one
  click away (the bar at the top of every page).
- Servers nobody has used for WORKBOOK_HUB_IDLE_TIMEOUT seconds are stopped by JupyterHub's own
  idle culler, run by the hub as a service.

Settings a practice may change, from the environment (or edit the values below):
WORKBOOK_HUB_IP (127.0.0.1: put a TLS proxy in front), WORKBOOK_HUB_PORT (8000),
WORKBOOK_HUB_STATE (/srv/workbook-hub: the hub's database and cookie secret),
WORKBOOK_HUB_GROUP (workbook), WORKBOOK_HUB_IDLE_TIMEOUT (3600),
WORKBOOK_HUB_PROXY (configurable-http-proxy on PATH), and WORKBOOK_HUB_SSL_CERT with
WORKBOOK_HUB_SSL_KEY (the hub serves HTTPS itself: JupyterHub's own ssl_cert and ssl_key).
"""

import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 — provided by JupyterHub when it reads this file
setting = os.environ.get

# Every program below comes from the environment the hub itself runs from: the workbook is installed
# there (with its `hub` extra), and each person's server runs it too, so it must be a folder every
# user can read and execute, never one inside root's home.
BIN = Path(sys.executable).parent

STATE = Path(setting("WORKBOOK_HUB_STATE", "/srv/workbook-hub"))
STATE.mkdir(parents=True, exist_ok=True, mode=0o700)
os.chmod(STATE, 0o700)

c.JupyterHub.ip = setting("WORKBOOK_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(setting("WORKBOOK_HUB_PORT", "8000"))
# HTTPS from the hub itself, when given a certificate and its key (else a proxy in front does it).
if setting("WORKBOOK_HUB_SSL_CERT"):
    c.JupyterHub.ssl_cert = setting("WORKBOOK_HUB_SSL_CERT")
    c.JupyterHub.ssl_key = setting("WORKBOOK_HUB_SSL_KEY", "")
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")
c.ConfigurableHTTPProxy.command = [setting("WORKBOOK_HUB_PROXY", "configurable-http-proxy")]
# The hub talks to its proxy and to the servers on this machine only.
c.JupyterHub.hub_ip = "127.0.0.1"
c.LocalProcessSpawner.ip = "127.0.0.1"

# Log in with the machine's own accounts; only members of the group may.
c.JupyterHub.authenticator_class = "pam"
c.PAMAuthenticator.allowed_groups = {setting("WORKBOOK_HUB_GROUP", "workbook")}
# Nobody is the hub's admin: an admin could open every person's workbook.
c.PAMAuthenticator.admin_users = set()

# Each person's server, as that person, from the installed package.
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [str(BIN / "workbook"), "hub-singleuser"]
# The first start of a server reads the whole of Jupyter: generous on a small machine.
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180

# Servers nobody uses are stopped; the person's workbook stays in their home.
IDLE_TIMEOUT = int(setting("WORKBOOK_HUB_IDLE_TIMEOUT", "3600"))
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={IDLE_TIMEOUT}",
            f"--cull-every={max(5, IDLE_TIMEOUT // 6)}",
        ],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]
# How often the hub asks the proxy, and each server tells the hub, what was last used: often enough
# for the culler to see it in time.
ACTIVITY_INTERVAL = max(5, min(300, IDLE_TIMEOUT // 6))
c.JupyterHub.last_activity_interval = ACTIVITY_INTERVAL
c.Spawner.environment = {
    "PATH": f"{BIN}:/usr/local/bin:/usr/bin:/bin",
    "JUPYTERHUB_ACTIVITY_INTERVAL": str(ACTIVITY_INTERVAL),
}
