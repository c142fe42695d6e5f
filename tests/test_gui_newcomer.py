"""The desktop app's first minute: no display or missing X11 libraries give one clear
line instead of an invisible app; screenshots say where they went without Qt's noise;
the window and the About box show the app icon; deduce loads once in the background."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from qualcode.commands.display_check import debian_package, missing_xcb_libraries
from qualcode.core.project import create_project
from tests.conftest import seed

pytestmark = pytest.mark.gui
DISPLAY_VARS = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def gui(tmp_path: Path, *args: str, **env_changes: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARS}
    env["QUALCODE_SETTINGS"] = str(tmp_path / "settings.ini")
    env.update(env_changes)
    return subprocess.run(
        [sys.executable, "-m", "qualcode", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,  # a hang (the old behaviour) fails the test instead of blocking it
    )


def one_clear_line(result: subprocess.CompletedProcess[str], *words: str) -> str:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.qcdb"
    with create_project(str(path)) as project:
        seed(project)
    return path


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux display servers")
def test_gui_without_a_display_says_so(tmp_path: Path, study: Path) -> None:
    one_clear_line(gui(tmp_path, "gui", str(study)), "no display", "DISPLAY", "--screenshot")
    # Plain `qualcode` opens the start screen: same check.
    one_clear_line(gui(tmp_path), "no display")


def test_gui_under_the_test_platform_refuses_instead_of_running_invisibly(
    tmp_path: Path, study: Path
) -> None:
    result = gui(tmp_path, "gui", str(study), QT_QPA_PLATFORM="offscreen")
    one_clear_line(result, "QT_QPA_PLATFORM=offscreen", "unset it")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11")
def test_gui_on_x11_names_missing_libraries_or_the_unreachable_display(
    tmp_path: Path, study: Path
) -> None:
    result = gui(tmp_path, "gui", str(study), DISPLAY=":97")
    missing = missing_xcb_libraries()
    if missing:  # e.g. a fresh Debian without libxcb-icccm4 / libxcb-keysyms1
        line = one_clear_line(result, "missing", "apt-get install")
        assert all(package in line for package in missing)
    else:
        one_clear_line(result, "cannot connect to the X display ':97'")


def test_debian_package_names_from_library_names() -> None:
    assert debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert debian_package("libxcb-keysyms.so.1") == "libxcb-keysyms1"
    assert debian_package("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"


def test_screenshot_says_where_it_wrote_without_qt_noise(tmp_path: Path, study: Path) -> None:
    # No display and no QT_QPA_PLATFORM: a screenshot needs neither.
    result = gui(tmp_path, "gui", str(study), "--screenshot", "shot.png", "--size", "900x600")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote the screenshot to {tmp_path / 'shot.png'}"
    assert "propagateSizeHints" not in result.stderr
    assert (tmp_path / "shot.png").stat().st_size > 10_000
    missing = gui(tmp_path, "gui", str(study), "--screenshot", "no/such/shot.png")
    one_clear_line(missing, "no/such", "does not exist")
    assert not (tmp_path / "no").exists()


def test_window_and_about_box_show_the_app_icon(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from qualcode.ui.app import create_app
    from qualcode.ui.main_window import MainWindow
    from qualcode.ui.qt import Qt, QtWidgets

    monkeypatch.setenv("QUALCODE_SETTINGS", str(tmp_path / "settings.ini"))
    app = create_app("en")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    icon = window.windowIcon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= {16, 32, 48, 64, 128, 256}
    assert app.desktopFileName() == "org.qualcode.Qualcode"

    # Help > About Qualcode, as a person does it: click "Help" in the menu bar, press A.
    bar = window.menuBar()
    help_action = next(a for a in bar.actions() if a.text().replace("&", "") == "Help")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(help_action).center())
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activePopupWidget() is not None)
    menu = QtWidgets.QApplication.activePopupWidget()
    assert "About Qualcode" in [a.text().replace("&", "") for a in menu.actions()]
    qtbot.keyClick(menu, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: window.findChild(QtWidgets.QMessageBox, "aboutBox") is not None)
    box = window.findChild(QtWidgets.QMessageBox, "aboutBox")
    assert box.isVisible()
    assert "Qualcode 0.1.0" in box.text() and "GPL-3.0-or-later" in box.text()
    assert not box.iconPixmap().isNull() and box.iconPixmap().width() >= 96
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())


def test_gui_loads_the_detector_once_in_the_background(qtbot) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("deduce")
    from qualcode.io.anonymise import engine
    from qualcode.ui.app import start_detector_loading

    thread = start_detector_loading()
    if thread is not None:  # not loaded yet by another test in this process
        assert thread.daemon and thread.name == "qualcode-deduce"
        thread.join(timeout=300)
    assert engine.is_loaded()
    assert start_detector_loading() is None  # once per session


def test_system_deps_and_readme_name_the_x11_libraries() -> None:
    repo = Path(__file__).resolve().parents[1]
    script = (repo / "scripts" / "system-deps.sh").read_text(encoding="utf-8")
    readme = (repo / "README.md").read_text(encoding="utf-8")
    for package in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"):
        assert package in script and package in readme
