"""Loaded by every Python started with this folder on PYTHONPATH (tests/test_privacy.py): any
socket connection to an address that is not this machine is refused and written to the file
named by $WORKBOOK_NETGUARD_LOG. Loopback stays open: Jupyter's kernel talks to itself on it."""

import ipaddress
import os
import socket

_LOG = os.environ.get("WORKBOOK_NETGUARD_LOG")
_connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex


def _local(sock, address) -> bool:
    if sock.family not in (socket.AF_INET, socket.AF_INET6):
        return True  # unix sockets and the like never leave the machine
    host = address[0] if isinstance(address, tuple) else address
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False  # a name we would have to look up: not local


def _refuse(sock, address):
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(f"{os.getpid()} connect {address!r}\n")
    raise OSError(f"network connection to {address!r} refused by the test's guard")


def connect(self, address):
    if not _local(self, address):
        _refuse(self, address)
    return _connect(self, address)


def connect_ex(self, address):
    if not _local(self, address):
        _refuse(self, address)
    return _connect_ex(self, address)


if _LOG:
    socket.socket.connect = connect
    socket.socket.connect_ex = connect_ex
