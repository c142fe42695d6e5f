"""The app icon (from ``resources/icons``) and the About box (Help > About Qualcode)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import qualcode
from qualcode.bundled import resource
from qualcode.ui.qt import QtCore, QtGui, QtWidgets

if TYPE_CHECKING:
    from qualcode.ui.main_window import MainWindow

APP_ID = "org.qualcode.Qualcode"  # the desktop entry's name, so desktops match windows
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("About", text)


def app_icon() -> QtGui.QIcon:
    """The app icon: the PNG sizes drawn from the SVG, and the SVG itself for the rest."""
    icon = QtGui.QIcon()
    for size in ICON_SIZES:
        png = resource("icons", "png", f"qualcode-{size}.png")
        if png.is_file():
            icon.addFile(str(png), QtCore.QSize(size, size))
    svg = resource("icons", "qualcode.svg")
    if icon.isNull() and svg.is_file():
        icon.addFile(str(svg))
    return icon


def install_app_icon(app: QtWidgets.QApplication) -> None:
    """Every window (and the task bar) shows the icon; Wayland matches the desktop entry."""
    app.setWindowIcon(app_icon())
    QtGui.QGuiApplication.setDesktopFileName(APP_ID)


def about_text() -> str:
    return (
        f"<h3>Qualcode {qualcode.__version__}</h3>"
        + "<p>"
        + _tr(
            "Qualitative coding and thematic analysis with a shared, versioned codebook "
            "and sound inter-coder agreement."
        )
        + "</p><p>"
        + _tr(
            "Licence: GPL-3.0-or-later. No telemetry: Qualcode connects only to a "
            "database server you configure."
        )
        + "</p><p>"
        + _tr("Anonymisation check: deduce (Dutch de-identification), installed with Qualcode.")
        + "</p>"
    )


def about_box(parent: QtWidgets.QWidget | None) -> QtWidgets.QMessageBox:
    """A non-blocking About box with the app icon, version and licence."""
    box = QtWidgets.QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(_tr("About Qualcode"))
    box.setTextFormat(QtCore.Qt.TextFormat.RichText)
    box.setText(about_text())
    box.setIconPixmap(app_icon().pixmap(96, 96))
    box.setStandardButtons(QtWidgets.QMessageBox.StandardButton.Ok)
    box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def add_help_menu(w: MainWindow, bar: QtWidgets.QMenuBar) -> None:
    help_menu = bar.addMenu(_tr("&Help"))
    action = QtGui.QAction(_tr("&About Qualcode"), w)
    action.setMenuRole(QtGui.QAction.MenuRole.AboutRole)
    action.triggered.connect(lambda _checked=False: about_box(w))
    help_menu.addAction(action)
    w.about_action = action
