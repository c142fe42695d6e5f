"""Where the files that are not Python live: ``resources/``, ``codebooks/`` and
``sample_transcripts/``.

In a source checkout they are top-level folders next to ``qualcode/`` (the layout of the
design card). A wheel carries them inside the package as ``qualcode/_bundled/<name>``:
the build step in ``setup.py`` copies them there, so ``pip install`` gives the whole
product (sample project, reference codebooks, icons, translations).
"""

from __future__ import annotations

from pathlib import Path

BUNDLED = ("resources", "codebooks", "sample_transcripts")
PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """The folder ``name`` (one of :data:`BUNDLED`), installed or in the checkout."""
    if name not in BUNDLED:
        raise ValueError(f"unknown bundled folder {name!r}")
    # The installed copy first: next to an installed package, a folder called
    # "resources" may belong to something else.
    for candidate in (PACKAGE_DIR / "_bundled" / name, PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"{name}/ is missing from this Qualcode installation (reinstall it, or run from a "
        "source checkout)"
    )


def resource(*parts: str) -> Path:
    """A path inside ``resources/`` (which need not exist)."""
    return bundled_dir("resources").joinpath(*parts)
