"""``qualcode gui [LOCATOR]``: the desktop coding workbench (plain ``qualcode`` opens it too)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"size must look like 1440x900, not {text!r}") from exc
    return width, height


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    gui = subparsers.add_parser(
        "gui",
        help="open the desktop app",
        description="Open the coding workbench; without LOCATOR, a start screen with recent "
        "projects and the sample project.",
    )
    gui.add_argument(
        "locator", metavar="LOCATOR", nargs="?", help="project file (.qcdb) or database URL"
    )
    gui.add_argument("--coder", metavar="NAME", help="code as this coder")
    gui.add_argument("--language", choices=("en", "nl"), help="interface language")
    gui.add_argument(
        "--screenshot", metavar="FILE.png", type=Path, help="save a picture of the window and exit"
    )
    gui.add_argument("--document", metavar="NAME", help="open this document")
    gui.add_argument(
        "--layer",
        metavar="mine|all|none|CODER",
        help="whose codings to show (default: mine; screenshots: all)",
    )
    gui.add_argument(
        "--size", metavar="WxH", type=_size, default=None, help="window size (default 1440x900)"
    )
    gui.set_defaults(func=run_gui)


# Harmless messages of Qt's offscreen platform and font set-up that a screenshot run
# would otherwise print (PITFALLS.md: "propagateSizeHints() is harmless").
QT_NOISE = (
    "propagateSizeHints",
    "QFont::",
    "Populating font family aliases",
    "QFontDatabase",
    "This plugin does not support",
)


def quiet_qt_noise() -> None:
    """Drop Qt's harmless platform-plugin chatter; real warnings still reach stderr."""
    from qualcode.ui.qt import QtCore

    def handler(_mode: object, _context: object, message: str) -> None:
        if not any(noise in message for noise in QT_NOISE):
            sys.stderr.write(message + "\n")

    QtCore.qInstallMessageHandler(handler)


def run_gui(args: argparse.Namespace) -> int:
    from qualcode.commands.display_check import display_problem
    from qualcode.core.errors import QualcodeError

    screenshot: Path | None = args.screenshot
    if screenshot is not None:
        if screenshot.suffix.lower() != ".png":
            raise QualcodeError(f"{screenshot}: a screenshot is a PNG file; use a .png name")
        if not screenshot.parent.is_dir():
            raise QualcodeError(f"{screenshot}: folder {screenshot.parent} does not exist")
        # A picture needs no screen: draw offscreen unless a platform was chosen.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    else:
        problem = display_problem()
        if problem:
            raise QualcodeError(problem)

    from qualcode.ui.app import DEFAULT_SIZE, GuiOptions, run

    if screenshot is not None:
        quiet_qt_noise()
    # Without a locator (plain ``qualcode``) the start screen opens; --screenshot then
    # pictures the start screen.
    options = GuiOptions(
        locator=getattr(args, "locator", None),
        coder=getattr(args, "coder", None),
        language=getattr(args, "language", None),
        screenshot=screenshot,
        document=getattr(args, "document", None),
        layer=getattr(args, "layer", None),
        size=getattr(args, "size", None) or DEFAULT_SIZE,
    )
    code = run(options)
    if screenshot is not None and code == 0 and screenshot.is_file():
        print(f"wrote the screenshot to {screenshot.resolve()}")
    return code
