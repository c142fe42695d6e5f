"""Loaded first by every Python process of the no-network test: any attempt to reach
the network (a connect to an internet or loopback address, a name lookup) is refused
and written to $QUALCODE_NETWORK_LOG, so the test sees even attempts that were caught."""

import os
import socket

_LOG = os.environ.get("QUALCODE_NETWORK_LOG", "")
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _record(what: str) -> None:
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as handle:
            handle.write(what + "\n")


def _guarded(real):  # type: ignore[no-untyped-def]
    def connect(self, address):  # type: ignore[no-untyped-def]
        if self.family in (socket.AF_INET, socket.AF_INET6):
            _record(f"connect {address!r}")
            raise OSError("network access blocked by the test")
        return real(self, address)

    return connect


def _lookup(*args, **kwargs):  # type: ignore[no-untyped-def]
    _record(f"getaddrinfo {args[:2]!r}")
    raise OSError("name lookup blocked by the test")


socket.socket.connect = _guarded(_real_connect)
socket.socket.connect_ex = _guarded(_real_connect_ex)
socket.getaddrinfo = _lookup
