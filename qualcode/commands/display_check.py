"""Can the desktop app show a window here? Checked before Qt loads (no Qt imports).

Without these checks a missing display or a missing X11 library ends in Qt's own
messages and an abort, or, with ``QT_QPA_PLATFORM=offscreen`` left set from running the
tests, in an app that runs without any visible window until killed. Each problem is one
line saying what to do.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import subprocess
import sys
from pathlib import Path

# Platforms that draw no window on any screen.
INVISIBLE = frozenset({"offscreen", "minimal", "minimalegl", "vnc", "linuxfb"})
# Needed by Qt's X11 platform plugin but not linked by it (loaded at run time), so
# ldd cannot name it; Qt 6.5+ refuses to start without it.
RUNTIME_XCB = ("xcb-cursor",)


def debian_package(soname: str) -> str:
    """``libxcb-icccm.so.4`` -> ``libxcb-icccm4``; ``libxkbcommon-x11.so.0`` ->
    ``libxkbcommon-x11-0`` (Debian adds a dash when the name ends in a digit)."""
    name, _, version = soname.partition(".so.")
    version = version.split(".")[0]
    if not version:
        return name
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def xcb_plugin() -> Path | None:
    try:
        import importlib.util

        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    plugin = Path(spec.origin).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None


def missing_xcb_libraries() -> list[str]:
    """Debian package names of the libraries Qt's X11 plugin needs and cannot find."""
    missing: list[str] = []
    plugin = xcb_plugin()
    if plugin is not None:
        try:
            out = subprocess.run(
                ["ldd", str(plugin)], capture_output=True, text=True, timeout=20
            ).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        for soname in re.findall(r"^\s*(\S+) => not found", out, re.MULTILINE):
            package = debian_package(soname)
            if package not in missing:
                missing.append(package)
    for name in RUNTIME_XCB:
        found = ctypes.util.find_library(name)
        if found is None:
            missing.insert(0, debian_package(f"lib{name}.so.0"))
    return missing


def x11_unreachable(display: str) -> bool:
    """True when no X server answers at ``display`` (asked through libxcb itself)."""
    name = ctypes.util.find_library("xcb")
    if name is None:
        return False  # cannot tell; Qt will say
    try:
        xcb = ctypes.CDLL(name)
    except OSError:
        return False
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return bool(xcb.xcb_connection_has_error(connection))
    finally:
        xcb.xcb_disconnect(connection)


def display_problem(env: dict[str, str] | None = None) -> str | None:
    """Why no window can be shown, in one line; None when it looks possible."""
    env = dict(os.environ if env is None else env)
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if platform in INVISIBLE:
        return (
            f"QT_QPA_PLATFORM={platform} draws no window on a screen (it is meant for tests); "
            "unset it to open the app, or use --screenshot FILE.png"
        )
    if not sys.platform.startswith("linux") or platform not in ("", "xcb"):
        return None
    if env.get("WAYLAND_DISPLAY") and platform != "xcb":
        return None
    display = env.get("DISPLAY", "")
    if not display:
        return (
            "no display: neither DISPLAY nor WAYLAND_DISPLAY is set (start it in a desktop "
            "session, or over ssh -X; 'qualcode gui PROJECT --screenshot out.png' works "
            "without one)"
        )
    missing = missing_xcb_libraries()
    if missing:
        return (
            f"Qt's X11 support needs system libraries that are missing: {', '.join(missing)} "
            f"(install them: sudo apt-get install {' '.join(missing)})"
        )
    if x11_unreachable(display):
        return f"cannot connect to the X display {display!r} (is the X server running?)"
    return None
