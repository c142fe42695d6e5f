"""PySide6 6.12.0 leaks a reference to None per void call and kills CPython 3.11.

This canary fails if an upgrade brings that bug back (see pyproject's pin).
"""

from __future__ import annotations

import sys

import pytest


def test_void_calls_do_not_leak_none() -> None:
    qtcore = pytest.importorskip("PySide6.QtCore")
    point = qtcore.QPoint(1, 2)
    before = sys.getrefcount(None)
    for i in range(2000):
        point.setX(i)
    assert sys.getrefcount(None) - before > -50
