"""Every handler of the app's server asks for the token and checks the Host, as JupyterLab's do.

The browser tests (tests/browser/test_app_lock.py) knock on the doors one by one; this lists them
all, so a door a newer Voilà adds cannot stay open unnoticed.
"""

from __future__ import annotations

import pytest
from jupyter_server.base.handlers import JupyterHandler

from workbook.store.paths import CHECKOUT

OPEN_TO_ALL = {"/login", "/logout"}  # jupyter_server's own way in (the token can be pasted there)


@pytest.fixture
def handlers(monkeypatch, tmp_path):
    from workbook.app.server import LockedVoila

    monkeypatch.chdir(tmp_path)  # no stray voila.py
    monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(CHECKOUT / "jupyter_config"))
    monkeypatch.setenv("JUPYTER_TOKEN", "a-token-for-this-test")
    app = LockedVoila()
    # No kernel is started: preheating off while the settings are made...
    app.initialize([str(CHECKOUT / "notebooks"), "--VoilaConfiguration.preheat_kernel=False"])
    app.init_settings()
    app.voila_configuration.preheat_kernel = True  # ...on for the handlers: its socket included
    return {spec[0]: spec[1] for spec in app.init_handlers()}


def test_every_handler_checks_the_token_and_the_host(handlers):
    assert any(path.startswith("/voila/query/") for path in handlers)
    for path, handler in handlers.items():
        # JupyterHandler.prepare checks the Host header, then the token, before anything is served.
        assert issubclass(handler, JupyterHandler), path
        open_to_all = getattr(getattr(handler, "get", None), "__allow_unauthenticated", False)
        assert open_to_all == (path in OPEN_TO_ALL), path


def test_the_server_refuses_to_run_without_a_token(monkeypatch, tmp_path):
    from workbook.app.server import LockedVoila

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(tmp_path))  # Voilà's defaults: no token at all
    monkeypatch.delenv("JUPYTER_TOKEN", raising=False)
    app = LockedVoila()
    app.initialize([str(CHECKOUT / "notebooks")])
    with pytest.raises(SystemExit, match="without a token"):
        app.init_settings()


def test_a_closing_request_info_socket_forgets_only_its_own_waiting_kernel(handlers, monkeypatch):
    """A socket closed before it opened must not drop another page kernel's wait (Voilà's own
    on_close forgets the last entry when it finds none of its own: that page never finishes)."""
    from voila.request_info_handler import RequestInfoSocketHandler

    socket = next(h for path, h in handlers.items() if path.startswith("/voila/query/"))
    assert issubclass(socket, RequestInfoSocketHandler)
    waiting, other, never_opened = (object.__new__(socket) for _ in range(3))
    waiting._workbook_kernel_id, other._workbook_kernel_id = "kernel-a", "kernel-b"
    monkeypatch.setattr(
        RequestInfoSocketHandler, "_waiters", {"kernel-a": waiting, "kernel-b": other}
    )
    never_opened.on_close()
    assert RequestInfoSocketHandler._waiters == {"kernel-a": waiting, "kernel-b": other}
    waiting.on_close()
    assert RequestInfoSocketHandler._waiters == {"kernel-b": other}
