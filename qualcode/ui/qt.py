"""The one place the UI imports Qt from, so binding quirks are handled once.

Use ``from qualcode.ui.qt import QtCore, QtGui, QtWidgets`` everywhere in ``qualcode.ui``.
"""

from __future__ import annotations

import os
import sys

import PySide6
from PySide6 import QtCore, QtGui, QtWidgets

_version = tuple(int(p) for p in PySide6.__version__.split(".")[:2])
if _version == (6, 12) and sys.version_info < (3, 12):
    # 6.12.0 leaks a reference to None per void call and aborts CPython 3.11 within seconds.
    raise ImportError("PySide6 6.12 crashes Python 3.11; install PySide6-Essentials<6.12")

Signal = QtCore.Signal
Slot = QtCore.Slot
Qt = QtCore.Qt


def ensure_app(argv: list[str] | None = None) -> QtWidgets.QApplication:
    """The running QApplication, created with our organisation names if there is none."""
    app = QtWidgets.QApplication.instance()
    if isinstance(app, QtWidgets.QApplication):
        return app
    QtCore.QCoreApplication.setOrganizationName("Qualcode")
    QtCore.QCoreApplication.setApplicationName("Qualcode")
    if (
        "QT_QPA_PLATFORM" not in os.environ
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and sys.platform.startswith("linux")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QtWidgets.QApplication(argv if argv is not None else sys.argv[:1])


__all__ = ["Qt", "QtCore", "QtGui", "QtWidgets", "Signal", "Slot", "ensure_app"]
