"""Segmentation lives in :mod:`qualcode.core.segmentation` (agreement needs it without
io); the names stay importable from here for the importers."""

from qualcode.core.segmentation import (
    SUPPORTED_LANGUAGES,
    Unit,
    UnitKind,
    guess_language,
    pipeline,
    segment,
    sentences,
)

__all__ = [
    "SUPPORTED_LANGUAGES",
    "Unit",
    "UnitKind",
    "guess_language",
    "pipeline",
    "segment",
    "sentences",
]
