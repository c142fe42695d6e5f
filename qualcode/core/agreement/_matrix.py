"""Turn a user-supplied reliability matrix into integer category codes.

A reliability matrix has one row per coder and one column per unit (Krippendorff 2011,
"Computing Krippendorff's Alpha-Reliability", section A). Cells may be missing. Every
statistic in this package works on the encoded form so that parsing rules (what counts
as missing, when text is allowed) live in exactly one place.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

Level = Literal["nominal", "ordinal", "interval", "ratio"]
LEVELS: tuple[Level, ...] = ("nominal", "ordinal", "interval", "ratio")

# Sentinel for a missing cell in the encoded matrix; real codes are 0..V-1.
MISSING = -1


@dataclass(frozen=True)
class EncodedMatrix:
    """A coders x units matrix of category indices plus the values they stand for.

    ``codes[i, u]`` is the index into ``values`` of coder i's value for unit u, or
    ``MISSING``. ``values`` is sorted (numbers ascending, text lexicographically) so the
    ordinal metric can rely on index order being value order.
    """

    codes: npt.NDArray[np.int64]
    values: tuple[Any, ...]
    numeric_values: npt.NDArray[np.float64] | None

    @property
    def n_coders(self) -> int:
        return int(self.codes.shape[0])

    @property
    def n_units(self) -> int:
        return int(self.codes.shape[1])


def check_level(level: str) -> Level:
    """Return ``level`` if it is a supported level of measurement, else raise."""
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; expected one of {', '.join(LEVELS)}")
    return level


def is_missing(value: object) -> bool:
    """True for the cell values treated as 'not coded': None, NaN, blank text."""
    if value is None:
        return True
    if isinstance(value, float | np.floating):
        return math.isnan(float(value))
    if isinstance(value, str):
        return value.strip() == ""
    return False


def encode(data: Sequence[Sequence[object]] | npt.ArrayLike, level: str) -> EncodedMatrix:
    """Encode a coders x units matrix.

    Numbers are accepted at every level; text only at the nominal level, because an
    order or a distance between labels would have to be invented.
    """
    lvl = check_level(level)
    if isinstance(data, np.ndarray) and data.dtype.kind in "biuf":
        arr = np.asarray(data, dtype=np.float64)
        return _encode_numeric(arr)
    rows = _as_rows(data)
    try:
        arr = np.array(rows, dtype=np.float64)
    except (TypeError, ValueError):
        return _encode_objects(rows, lvl)
    return _encode_numeric(arr)


def _as_rows(data: object) -> list[list[object]]:
    if isinstance(data, np.ndarray):
        if data.ndim != 2:
            raise ValueError(f"reliability matrix must be 2-D (coders x units), got {data.ndim}-D")
        return [list(row) for row in data.tolist()]
    if not isinstance(data, Sequence) or isinstance(data, str | bytes):
        raise ValueError("reliability matrix must be a sequence of coder rows")
    rows: list[list[object]] = []
    for i, row in enumerate(data):
        if not isinstance(row, Sequence | np.ndarray) or isinstance(row, str | bytes):
            raise ValueError(f"row {i} of the reliability matrix is not a sequence of values")
        rows.append(list(row))
    if not rows:
        raise ValueError("reliability matrix has no coder rows")
    width = max(len(r) for r in rows)
    # Ragged rows: a coder who stopped early simply has missing values at the end.
    return [r + [None] * (width - len(r)) for r in rows]


def _encode_numeric(arr: npt.NDArray[np.float64]) -> EncodedMatrix:
    if arr.ndim != 2:
        raise ValueError(f"reliability matrix must be 2-D (coders x units), got {arr.ndim}-D")
    if np.isinf(arr).any():
        raise ValueError("reliability matrix contains an infinite value")
    present = ~np.isnan(arr)
    uniq, inverse = _unique_inverse(arr[present])
    codes = np.full(arr.shape, MISSING, dtype=np.int64)
    codes[present] = inverse
    values = tuple(float(v) for v in uniq)
    return EncodedMatrix(codes=codes, values=values, numeric_values=uniq.astype(np.float64))


def _unique_inverse(
    vals: npt.NDArray[np.float64],
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]:
    """np.unique(vals, return_inverse=True), in linear time for small integer codes.

    Code values are nearly always small integers (0/1 per code, 1..7 scales); counting
    them avoids the sort that dominates alpha's run time on per-code matrices.
    """
    if vals.size:
        lo, hi = float(vals.min()), float(vals.max())
        if hi - lo <= 4 * vals.size + 1024 and np.array_equal(vals, np.round(vals)):
            shifted = (vals - lo).astype(np.int64)
            used = np.bincount(shifted) > 0
            lookup = np.cumsum(used) - 1
            return np.nonzero(used)[0].astype(np.float64) + lo, lookup[shifted]
    uniq, inverse = np.unique(vals, return_inverse=True)
    return uniq.astype(np.float64), inverse.astype(np.int64)


def _encode_objects(rows: list[list[object]], level: Level) -> EncodedMatrix:
    numbers: set[float] = set()
    texts: set[str] = set()
    for i, row in enumerate(rows):
        for u, cell in enumerate(row):
            if is_missing(cell):
                continue
            if isinstance(cell, bool | int | float | np.integer | np.floating):
                numbers.add(float(cell))
            elif isinstance(cell, str):
                texts.add(cell.strip())
            else:
                raise ValueError(
                    f"coder row {i}, unit {u}: unsupported value {cell!r} "
                    f"({type(cell).__name__}); use numbers or text labels"
                )
    if texts and level != "nominal":
        raise ValueError(
            f"text labels such as {sorted(texts)[0]!r} are only allowed at the nominal level "
            f"(got level={level!r}); recode them as numbers first"
        )
    if texts and numbers:
        # Mixing 3 and "3" would silently create two categories; the user must choose.
        raise ValueError("reliability matrix mixes numbers and text labels; use one kind of value")
    if texts:
        ordered: list[Any] = sorted(texts)
        numeric: npt.NDArray[np.float64] | None = None
    else:
        ordered = sorted(numbers)
        numeric = np.array(ordered, dtype=np.float64)
    index = {v: k for k, v in enumerate(ordered)}
    codes = np.full((len(rows), len(rows[0]) if rows else 0), MISSING, dtype=np.int64)
    for i, row in enumerate(rows):
        for u, cell in enumerate(row):
            if is_missing(cell):
                continue
            key: Any = cell.strip() if isinstance(cell, str) else float(cell)  # type: ignore[arg-type]
            codes[i, u] = index[key]
    return EncodedMatrix(codes=codes, values=tuple(ordered), numeric_values=numeric)
