"""The deduce de-identification engine, loaded once per process and reused.

deduce (Dutch clinical-text de-identification, on PyPI) finds person names, places,
institutions, dates, ages and identifiers from large lookup lists. It runs fully offline.
Its first use after installation builds lookup structures (about 90 s) and caches them
(a pickle of about 80 MB); every later process loads that cache.

Loading the cache creates millions of small objects. With the cyclic garbage collector
running, unpickling them triggers hundreds of full collections over an ever larger heap:
8-10 s, and another few seconds of collections when the process exits. With the
collector paused while loading, and the loaded objects then moved out of its sight
(``gc.freeze``: they live as long as the process anyway), loading takes 1.5-2 s and the
exit is immediate. The instance is built once per process, behind a lock, and reused for
every file; the GUI starts it in the background (:func:`load_in_background`).

If deduce is not installed or fails to load, callers fall back to the context-name
heuristic in :mod:`patterns` (titles such as "mevrouw", phrases such as "mijn vriendin")
and say so in a warning; that fallback finds far fewer names.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from qualcode.core.errors import QualcodeError

Progress = Callable[[str], None]

# deduce's Dutch tags -> our kinds. Unknown tags pass through unchanged.
TAG_KINDS = {
    "persoon": "person",
    "patient": "person",
    "locatie": "place",
    "ziekenhuis": "institution",
    "instelling": "institution",
    "zorginstelling": "institution",
    "datum": "date",
    "leeftijd": "age",
    "id": "identifier",
    "bsn": "bsn",
    "telefoonnummer": "phone",
    "emailadres": "email",
    "url": "url",
}

_lock = threading.Lock()
_instance: Any = None
_load_error: str | None = None


class DeduceUnavailable(QualcodeError):
    """deduce is not installed or could not be loaded."""


INSTALL_HINT = "install it with: pip install deduce"
CACHE_FILE = Path("cache") / "lookup_structs.pickle"  # under deduce's lookup folder


def _lookup_dir() -> Path | None:
    """deduce's own lookup-list folder (where it caches by default), if installed."""
    import importlib.util

    spec = importlib.util.find_spec("deduce")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "data" / "lookup"


def cache_dir() -> Path | None:
    """Where the built lookup structures are cached: deduce's folder when it holds the
    cache or can take it, else our user cache folder (a system-wide install is read-only,
    and deduce would otherwise rebuild for 90 s on every run and fail to save)."""
    default = _lookup_dir()
    if default is None:
        return None
    if (default / CACHE_FILE).is_file() or os.access(default, os.W_OK):
        return default
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("qualcode")) / "deduce"


def needs_build() -> bool:
    """True when the next load builds deduce's lookup structures (the ~90 s first use)."""
    folder = cache_dir()
    return folder is not None and not (folder / CACHE_FILE).is_file()


def loading_message() -> str:
    if needs_build():
        return (
            "Building deduce's name and place lists: this happens once after installation "
            "and takes about 90 seconds..."
        )
    return "Loading deduce's name and place lists (a few seconds)..."


def is_loaded() -> bool:
    return _instance is not None


def get_deduce(progress: Progress | None = None) -> Any:
    """The process-wide ``deduce.Deduce`` instance, built on first call."""
    global _instance, _load_error
    with _lock:
        if _instance is not None:
            return _instance
        if _load_error is not None:
            raise DeduceUnavailable(_load_error)
        try:
            import deduce
        except ImportError as exc:
            _load_error = f"deduce is not installed ({exc}); {INSTALL_HINT}"
            raise DeduceUnavailable(_load_error) from exc
        if progress:
            progress(loading_message())
        # deduce logs its "please wait" notice on the root logger; we report it ourselves.
        root = logging.getLogger()
        level = root.level
        root.setLevel(max(level, logging.WARNING))
        collecting = gc.isenabled()
        gc.disable()
        try:
            folder = cache_dir()
            if folder is not None and folder != _lookup_dir():
                folder.mkdir(parents=True, exist_ok=True)
                _instance = deduce.Deduce(cache_path=str(folder))
            else:
                _instance = deduce.Deduce()
        except Exception as exc:  # a broken cache or data file must not crash an import
            _load_error = f"deduce could not be loaded ({exc}); {INSTALL_HINT}"
            raise DeduceUnavailable(_load_error) from exc
        finally:
            root.setLevel(level)
            if collecting:
                gc.enable()
        # The lookup structures live as long as the process: keep the collector from
        # walking them on every later collection and once more at exit.
        gc.freeze()
        if progress:
            progress("De-identification lists loaded.")
        return _instance


def load_in_background(done: Callable[[str | None], None] | None = None) -> threading.Thread:
    """Start loading deduce on a daemon thread; ``done(error or None)`` when finished.

    The GUI calls this once per session, so the first check or pseudonymised import
    does not wait for the lists."""

    def work() -> None:
        error: str | None = None
        try:
            get_deduce()
        except DeduceUnavailable as exc:
            error = str(exc)
        if done is not None:
            done(error)

    thread = threading.Thread(target=work, name="qualcode-deduce", daemon=True)
    thread.start()
    return thread


def deduce_spans(text: str, progress: Progress | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, kind) for every deduce annotation; offsets are code points in ``text``."""
    engine = get_deduce(progress)
    result = engine.deidentify(text)
    for annotation in result.annotations:
        kind = TAG_KINDS.get(annotation.tag, annotation.tag)
        yield annotation.start_char, annotation.end_char, kind


def main() -> int:
    """``python -m qualcode.io.anonymise``: build deduce's lookup lists now, saying
    so, when they are not built yet (``make setup`` and ``make test`` run this, so the
    ~90 s wait is announced instead of silent). Quiet when they are ready."""
    if _lookup_dir() is None:
        print(f"deduce is not installed; {INSTALL_HINT}")
        return 1
    if not needs_build():
        return 0
    print(loading_message(), flush=True)
    try:
        get_deduce()
    except DeduceUnavailable as exc:
        print(exc)
        return 1
    print("deduce's name and place lists are built; later runs load them in a few seconds.")
    return 0
