"""``qualcode gui [LOCATOR]``: the desktop coding workbench (plain ``qualcode`` opens it too)."""

from __future__ import annotations

import argparse
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


def run_gui(args: argparse.Namespace) -> int:
    from qualcode.ui.app import DEFAULT_SIZE, GuiOptions, run

    # Without a locator (plain ``qualcode``) the start screen opens; --screenshot then
    # pictures the start screen.
    options = GuiOptions(
        locator=getattr(args, "locator", None),
        coder=getattr(args, "coder", None),
        language=getattr(args, "language", None),
        screenshot=args.screenshot,
        document=getattr(args, "document", None),
        layer=getattr(args, "layer", None),
        size=getattr(args, "size", None) or DEFAULT_SIZE,
    )
    return run(options)
