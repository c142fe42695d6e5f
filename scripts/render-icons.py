"""Render resources/icons/qualcode.svg to the PNG sizes desktops ask for.

Run after editing the SVG:  .venv/bin/python scripts/render-icons.py
(Qt's own SVG renderer, offscreen; no other tools needed.)
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6 import QtCore, QtGui, QtSvg

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


def main() -> int:
    app = QtGui.QGuiApplication(sys.argv)  # noqa: F841 (painting needs an application)
    renderer = QtSvg.QSvgRenderer(str(ICONS / "qualcode.svg"))
    if not renderer.isValid():
        print("qualcode.svg is not valid SVG", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QtGui.QImage(size, size, QtGui.QImage.Format.Format_ARGB32)
        image.fill(QtCore.Qt.GlobalColor.transparent)
        painter = QtGui.QPainter(image)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = ICONS / "png" / f"qualcode-{size}.png"
        target.parent.mkdir(exist_ok=True)
        image.save(str(target), "PNG")
        print(target.relative_to(ICONS.parents[1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
