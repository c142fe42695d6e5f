"""``qualcode demo [DIR]``: a complete sample project to explore."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from qualcode.demo import build_demo, default_folder


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = subparsers.add_parser(
        "demo",
        help="build the sample project",
        description="Build a complete SQLite project from the bundled synthetic transcripts, "
        "codebooks and two coders' codings, and print what it holds.",
    )
    demo.add_argument(
        "folder",
        metavar="DIR",
        nargs="?",
        type=Path,
        help="where to build it (default: a new ./qualcode-demo folder)",
    )
    demo.add_argument("--samples", type=Path, help="folder with sample_transcripts/ and codebooks/")
    demo.set_defaults(func=run_demo)


def _command_name() -> str:
    """How the user can call us: plain ``qualcode`` when it is on PATH, else the script."""
    if shutil.which("qualcode") or not sys.argv or not sys.argv[0].endswith("qualcode"):
        return "qualcode"
    relative = os.path.relpath(sys.argv[0])
    return sys.argv[0] if relative.startswith("..") else relative


def run_demo(args: argparse.Namespace) -> int:
    from qualcode.commands.project_cmd import print_info

    folder = args.folder or default_folder(Path.cwd())
    result = build_demo(folder, samples=args.samples, progress=lambda m: print(f"  {m}"))
    print(f"\nSample project: {result.project_path.resolve()}\n")
    print_info(str(result.project_path))
    if result.report is not None:
        print(f"\nReport per intervention:  {result.report.resolve()}")
    if result.agreement_report is not None:
        alpha = (
            f" (overall alpha on sentences {result.overall_alpha:.3f})"
            if (result.overall_alpha is not None)
            else ""
        )
        print(f"Agreement Anouk vs Bram:  {result.agreement_report.resolve()}{alpha}")
    command = _command_name()
    print("\nNext steps:")
    print(f"  {command} info {result.project_path}")
    print(f"  {command} codebook show {result.project_path}")
    print(f"  {command} agreement {result.project_path} --coders Anouk,Bram")
    print(f"  {command} report {result.project_path} report.docx --by intervention")
    print(f"  {command} gui {result.project_path}")
    return 0
