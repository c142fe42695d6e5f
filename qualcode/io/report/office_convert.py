"""Run by a Python that has LibreOffice's ``uno`` module (a separate process, no Qualcode
imports): open a .docx in a headless LibreOffice, update every index (the table of
contents gets its page numbers), and export a PDF.

Usage: python office_convert.py SOFFICE IN.docx OUT.pdf PROFILE_DIR

LibreOffice runs with a throwaway user profile and listens on a named pipe, never on a
network port. Exit code 0 on success; otherwise one line on stderr.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

CONNECT_SECONDS = 90


def _prop(name: str, value: object) -> object:
    from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def convert(soffice: str, source: Path, target: Path, profile: Path) -> None:
    import uno  # type: ignore[import-not-found]

    pipe = f"qualcode_{os.getpid()}"
    office = subprocess.Popen(
        [
            soffice,
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        deadline = time.monotonic() + CONNECT_SECONDS
        while True:
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:  # NoConnectException until the office is up
                if time.monotonic() > deadline or office.poll() is not None:
                    raise RuntimeError("LibreOffice did not start") from None
                time.sleep(0.3)
        desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context
        )
        document = desktop.loadComponentFromURL(
            source.resolve().as_uri(), "_blank", 0, (_prop("Hidden", True),)
        )
        if document is None:
            raise RuntimeError(f"LibreOffice could not open {source}")
        # Twice: the first update can move pages (the list grows), the second fixes them.
        for _ in range(2):
            indexes = document.getDocumentIndexes()
            for n in range(indexes.getCount()):
                indexes.getByIndex(n).update()
        document.storeToURL(target.resolve().as_uri(), (_prop("FilterName", "writer_pdf_Export"),))
        document.close(True)
        with contextlib.suppress(Exception):  # the bridge drops as the office quits
            desktop.terminate()
        office.wait(timeout=30)
    finally:
        if office.poll() is None:
            office.kill()
            office.wait()


def main() -> int:
    soffice, source, target, profile = sys.argv[1:5]
    try:
        convert(soffice, Path(source), Path(target), Path(profile))
    except Exception as exc:  # one line for the calling process
        sys.stderr.write(f"{type(exc).__name__}: {exc}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
