"""The ``qualcode`` command line: subcommands on the same services as the GUI."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from qualcode import __version__
from qualcode.core.errors import QualcodeError
from qualcode.core.names import printable

# Each module exposes ``register(subparsers)``; the parser it adds sets ``func``.
COMMAND_MODULES = (
    "qualcode.commands.project_cmd",
    "qualcode.commands.coders_cmd",
    "qualcode.commands.documents_cmd",
    "qualcode.commands.import_cmd",
    "qualcode.commands.anonymise_cmd",
    "qualcode.commands.codings_cmd",
    "qualcode.commands.codebook_cmd",
    "qualcode.commands.stats_cmd",
    "qualcode.commands.agreement_cmd",
    "qualcode.commands.report_cmd",
    "qualcode.commands.quotes_cmd",
    "qualcode.commands.memos_cmd",
    "qualcode.commands.matrix_cmd",
    "qualcode.commands.demo_cmd",
    "qualcode.commands.gui_cmd",
    "qualcode.commands.reliability_cmd",
    "qualcode.commands.team_cmd",
    "qualcode.commands.qdpx_cmd",
    "qualcode.commands.merge_cmd",
    "qualcode.commands.export_copy_cmd",
)


# Commands that open no project parse with their own module only, so they start without
# importing every other command's dependencies (SQLAlchemy, numpy, python-docx...).
LIGHT_COMMANDS = {
    "anonymise-check": "qualcode.commands.anonymise_cmd",
    "anonymize-check": "qualcode.commands.anonymise_cmd",
}


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qualcode",
        description="Qualitative coding with versioned codebooks and inter-coder agreement. "
        "A LOCATOR is a project file (study.qcdb, SQLite) or a database URL "
        "(postgresql+psycopg://user@host:5432/db).",
    )
    parser.add_argument("--version", action="version", version=f"qualcode {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in modules:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue  # a command still being built is simply not offered
        module.register(subparsers)
    return parser


MAX_ERROR_LINES = 25


def print_error(command: str, message: str) -> None:
    """An error as at most 25 lines of at most 500 characters, controls made visible:
    file names and cells from hostile files must not flood or drive the terminal."""
    lines = message.split("\n")
    shown = [printable(line) for line in lines[:MAX_ERROR_LINES]]
    if len(lines) > MAX_ERROR_LINES:
        shown.append(f"  ... and {len(lines) - MAX_ERROR_LINES} more line(s)")
    print(f"qualcode {command}: error: " + "\n".join(shown), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    light = LIGHT_COMMANDS.get(args_list[0]) if args_list else None
    parser = build_parser((light,) if light else COMMAND_MODULES)
    if not args_list:
        args_list = ["gui"]  # plain `qualcode` opens the desktop app
    args = parser.parse_args(args_list)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    # Everything a command writes (projects, backups, exports, reports, keys) holds
    # interview data: readable by the user only, whatever the shell's umask.
    old_umask = os.umask(0o077)
    try:
        result = args.func(args)
    except BrokenPipeError:
        # The reader stopped early (`qualcode ... | head`): not an error worth a message.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (QualcodeError, ValueError, OSError) as exc:
        if args.debug:
            raise
        print_error(args.command, str(exc))
        return 1
    except (RecursionError, MemoryError) as exc:
        if args.debug:
            raise
        what = "nested too deeply" if isinstance(exc, RecursionError) else "too large"
        print_error(args.command, f"the input is {what} to process; nothing was changed")
        return 1
    except KeyboardInterrupt:
        print("interrupted; nothing was half-written", file=sys.stderr)
        return 130
    except Exception as exc:
        from sqlalchemy.exc import SQLAlchemyError

        if args.debug or not isinstance(exc, SQLAlchemyError):
            raise
        # A server that stopped or a connection that broke mid-command: the open
        # transaction was rolled back, so one line says so instead of 100 of traceback.
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        print_error(
            args.command,
            f"database error: {reason[0] if reason else type(exc).__name__}; "
            "the change in progress was rolled back (nothing half-written)",
        )
        return 1
    finally:
        os.umask(old_umask)
    return int(result or 0)


def exit_now_if_heavy(code: int) -> None:
    """Leave without tearing down deduce's lookup lists when they were loaded.

    Freeing their millions of objects one by one at interpreter exit keeps the prompt
    waiting for up to a second after the results are printed; the operating system
    reclaims the memory at once. Exit handlers still run and output is flushed first."""
    engine = sys.modules.get("qualcode.io.anonymise.engine")
    if engine is None or not engine.is_loaded():
        return
    if "PySide6.QtWidgets" in sys.modules:
        return  # the desktop app: let Qt and open projects shut down in order
    import atexit
    import contextlib

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing to flush
            stream.flush()
    os._exit(code)


def run() -> None:
    """The ``qualcode`` script and ``python -m qualcode``."""
    code = main()
    exit_now_if_heavy(code)
    raise SystemExit(code)


if __name__ == "__main__":
    run()
