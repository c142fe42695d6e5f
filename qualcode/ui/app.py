"""Starting the desktop app: QApplication, look (palette, fonts, high-DPI), settings, language."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.ui.about import install_app_icon
from qualcode.ui.qt import QtCore, QtGui, QtWidgets, ensure_app

if TYPE_CHECKING:
    from qualcode.ui.main_window import MainWindow

SETTINGS_ENV = "QUALCODE_SETTINGS"  # an .ini path; tests point it at a temp file
LANGUAGES = {"en": "English", "nl": "Nederlands"}
DEFAULT_SIZE = (1440, 900)


@dataclass
class GuiOptions:
    locator: str | None = None
    coder: str | None = None
    language: str | None = None
    screenshot: Path | None = None
    document: str | None = None
    layer: str | None = None
    size: tuple[int, int] = DEFAULT_SIZE


def settings() -> QtCore.QSettings:
    """The user's settings, or a private ini file when ``QUALCODE_SETTINGS`` says so."""
    path = os.environ.get(SETTINGS_ENV, "")
    # One object per file, kept: a fresh QSettings parses the file and writes it back when
    # dropped, which made every coding (recent codes are remembered) wait for the disk.
    # Qt writes changes on its own soon after, and at exit; the window syncs when closed.
    cached = _SETTINGS.get(path)
    if cached is None:
        if path:
            cached = QtCore.QSettings(path, QtCore.QSettings.Format.IniFormat)
        else:
            cached = QtCore.QSettings("Qualcode", "Qualcode")
        _SETTINGS[path] = cached
    return cached


_SETTINGS: dict[str, QtCore.QSettings] = {}


def is_dark_scheme() -> bool:
    forced = os.environ.get("QUALCODE_COLOR_SCHEME", "").lower()  # for screenshots and tests
    if forced in ("dark", "light"):
        return forced == "dark"
    chosen = str(settings().value("look", "system") or "system")  # View > Appearance
    if chosen in ("dark", "light"):
        return chosen == "dark"
    hints = QtGui.QGuiApplication.styleHints()
    return bool(hints.colorScheme() == QtCore.Qt.ColorScheme.Dark)


def palette_for(dark: bool) -> QtGui.QPalette:
    """Calm neutral palettes; the accent is a muted blue that does not fight code colours."""
    role = QtGui.QPalette.ColorRole
    p = QtGui.QPalette()
    if dark:
        colours = {
            role.Window: "#25272b",
            role.WindowText: "#e4e4e6",
            role.Base: "#1d1f22",
            role.AlternateBase: "#2a2c30",
            role.Text: "#e6e6e8",
            role.Button: "#2e3035",
            role.ButtonText: "#e4e4e6",
            role.Highlight: "#4c7bd9",
            role.HighlightedText: "#ffffff",
            role.ToolTipBase: "#33363b",
            role.ToolTipText: "#f0f0f0",
            role.PlaceholderText: "#8b8e94",
            role.Mid: "#3a3d42",
            role.Midlight: "#34373c",
            role.Dark: "#18191b",
            role.Link: "#8ab4f8",
            role.Light: "#45484e",
            role.Shadow: "#000000",
        }
    else:
        colours = {
            role.Window: "#f3f3f1",
            role.WindowText: "#24262a",
            role.Base: "#ffffff",
            role.AlternateBase: "#f7f7f5",
            role.Text: "#1f2125",
            role.Button: "#f6f6f4",
            role.ButtonText: "#24262a",
            role.Highlight: "#3d6fc4",
            role.HighlightedText: "#ffffff",
            role.ToolTipBase: "#fffdf4",
            role.ToolTipText: "#24262a",
            role.PlaceholderText: "#8a8d93",
            role.Mid: "#d5d5d2",
            role.Midlight: "#e6e6e3",
            role.Dark: "#a8a8a4",
            role.Link: "#2f5fb3",
            role.Light: "#ffffff",
            role.Shadow: "#7a7a78",
        }
    for r, c in colours.items():
        p.setColor(r, QtGui.QColor(c))
    disabled = QtGui.QColor("#6b6e74" if dark else "#a3a5aa")
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(QtGui.QPalette.ColorGroup.Disabled, r, disabled)
    return p


STYLE_SHEET = """
QSplitter::handle { background: palette(window); }
QToolBar { border: none; spacing: 6px; padding: 4px 8px; }
QTreeView, QListView, QTreeWidget, QListWidget { border: 1px solid palette(mid);
    border-radius: 4px; }
QLineEdit { padding: 3px 6px; border: 1px solid palette(mid); border-radius: 4px;
    background: palette(base); }
QLabel[role="heading"] { font-weight: 600; color: palette(placeholder-text);
    text-transform: uppercase; letter-spacing: 1px; padding: 2px 2px; }
"""


def set_look(look: str) -> None:
    """``system``, ``light`` or ``dark``: remembered, and applied at once."""
    settings().setValue("look", look)
    app = QtWidgets.QApplication.instance()
    if isinstance(app, QtWidgets.QApplication):
        app.setPalette(palette_for(is_dark_scheme()))


def apply_look(app: QtWidgets.QApplication) -> None:
    app.setStyle("Fusion")
    app.setPalette(palette_for(is_dark_scheme()))
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
    # Follow the system when it switches between light and dark while we run.
    QtGui.QGuiApplication.styleHints().colorSchemeChanged.connect(
        lambda _scheme: app.setPalette(palette_for(is_dark_scheme()))
    )


def install_language(app: QtWidgets.QApplication, language: str) -> str:
    """Install the translation (English removes it); returns the language in effect."""
    from qualcode.ui.i18n import install_translator

    return install_translator(app, language)


def chosen_language(requested: str | None) -> str:
    if requested:
        return requested
    stored = str(settings().value("language", "") or "")
    if stored in LANGUAGES:
        return stored
    system = QtCore.QLocale.system().name()[:2]
    return system if system in LANGUAGES else "en"


def create_app(language: str | None = None) -> QtWidgets.QApplication:
    if QtWidgets.QApplication.instance() is None:
        # Crisp text and icons on fractional scales (125 %, 150 %) instead of rounding.
        QtGui.QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            QtCore.Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
    app = ensure_app()
    apply_look(app)
    install_app_icon(app)
    install_language(app, chosen_language(language))
    return app


def start_detector_loading() -> object | None:
    """Load the anonymisation detector (deduce) once per session, in the background, so
    the first check or pseudonymised import does not wait for it. None when loaded."""
    from qualcode.io.anonymise import engine

    if engine.is_loaded():
        return None
    return engine.load_in_background()


def switch_language(window: MainWindow, language: str) -> MainWindow:
    """Switch the interface language now: a new window in that language takes over the open
    project, document, layer and undo history, and the old one closes."""
    from qualcode.ui.main_window import MainWindow

    app = ensure_app()
    install_language(app, language)
    document_id, coder = window.document_id, window.coder
    project, stacks = window.hand_over()
    fresh = MainWindow(coder=coder.name if coder else window.requested_coder, undo_stacks=stacks)
    fresh.quiet = window.quiet
    fresh.setGeometry(window.geometry())
    window.close()
    window.deleteLater()
    if project is not None:
        fresh.set_project(project)
        if document_id is not None:
            fresh.show_document(document_id)
    fresh.show()
    return fresh


def run(options: GuiOptions) -> int:
    """Open the main window; with ``screenshot``, save a grab of it and return."""
    from qualcode.ui.main_window import MainWindow

    if options.screenshot is not None and not os.environ.get(SETTINGS_ENV):
        # Screenshots neither read nor change the user's settings, so they are reproducible.
        scratch = tempfile.mkdtemp(prefix="qualcode-shot-")
        atexit.register(shutil.rmtree, scratch, True)
        os.environ[SETTINGS_ENV] = os.path.join(scratch, "settings.ini")
    app = create_app(options.language)
    window = MainWindow(coder=options.coder)
    window.quiet = options.screenshot is not None  # errors to stderr, never a modal dialog
    window.resize(*options.size)
    if options.locator and window.open_project(
        options.locator, remember=options.screenshot is None
    ):
        found = (
            window.show_document_named(options.document)
            if (options.document or options.screenshot)
            else True
        )
        if not found and options.document:
            window.report(f"no document named {options.document!r} in {options.locator}")
            if window.quiet:
                return 1
        window.set_layer(options.layer or ("all" if options.screenshot else window.layer))
    elif options.locator and window.quiet:
        return 1
    if options.screenshot is not None:
        return _screenshot(app, window, options.screenshot)
    window.show()
    # After the window is up: loading takes a few seconds of CPU on a worker thread.
    QtCore.QTimer.singleShot(1500, start_detector_loading)
    code = app.exec()
    return int(code)


def _screenshot(app: QtWidgets.QApplication, window: MainWindow, path: Path) -> int:
    window.show()
    app.processEvents()
    showcase(window)
    # Let layout settle (splitters, wrapped text, margin width) before the grab.
    for _ in range(4):
        app.processEvents()
        QtCore.QThread.msleep(20)
    window.repaint()
    image = window.grab()
    ok = image.save(str(path), "PNG")
    window.close()
    if not ok:
        print(f"could not write {path}", file=sys.stderr)
        return 1
    return 0


def showcase(window: MainWindow) -> None:
    """Cursor in the first coding whose code has a definition, that code selected: a
    screenshot then shows every pane at work."""
    chosen = None
    for h in window.view.highlights()[:60]:
        coding = window.visible.get(h.coding_id)
        code = window.codes.get(coding.code_id) if coding else None
        if code is not None and chosen is None:
            chosen = (h, code)
        if code is not None and code.definition:
            chosen = (h, code)
            break
    if chosen is None:
        return
    h, code = chosen
    cursor = window.view.textCursor()
    cursor.setPosition(h.start)
    window.view.setTextCursor(cursor)
    if window.code_tree is not None:
        window.code_tree.select_code(code.id)
    window.select_code(code.id)
