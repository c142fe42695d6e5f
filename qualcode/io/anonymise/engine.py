"""The deduce de-identification engine, loaded once per process.

deduce (Dutch clinical-text de-identification, on PyPI) finds person names, places,
institutions, dates, ages and identifiers from large lookup lists. It runs fully offline.
Its first use after installation builds lookup structures (about 90 s on our machines)
and caches them inside its package folder; later processes load that cache in about 8 s.
Either way the instance is built once per process, behind a lock, and reused.

If deduce is not installed or fails to load, callers fall back to the context-name
heuristic in :mod:`patterns` (titles such as "mevrouw", phrases such as "mijn vriendin")
and say so in a warning; that fallback finds far fewer names.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any

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


class DeduceUnavailable(RuntimeError):
    """deduce is not installed or could not be loaded."""


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
            _load_error = f"deduce is not installed ({exc})"
            raise DeduceUnavailable(_load_error) from exc
        if progress:
            progress(
                "Loading the name and place lists for de-identification "
                "(the first time after installation this takes about 90 seconds)..."
            )
        # deduce logs its "please wait" notice on the root logger; we report it ourselves.
        root = logging.getLogger()
        level = root.level
        root.setLevel(max(level, logging.WARNING))
        try:
            _instance = deduce.Deduce()
        except Exception as exc:  # a broken cache or data file must not crash an import
            _load_error = f"deduce could not be loaded ({exc})"
            raise DeduceUnavailable(_load_error) from exc
        finally:
            root.setLevel(level)
        if progress:
            progress("De-identification lists loaded.")
        return _instance


def deduce_spans(text: str, progress: Progress | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, kind) for every deduce annotation; offsets are code points in ``text``."""
    engine = get_deduce(progress)
    result = engine.deidentify(text)
    for annotation in result.annotations:
        kind = TAG_KINDS.get(annotation.tag, annotation.tag)
        yield annotation.start_char, annotation.end_char, kind
