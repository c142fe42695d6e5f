"""Change notices: what an operation changed, so views refresh only what they show."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Change:
    """``kind`` is one of: coders, documents, codebook, codings, memos, versions, summaries."""

    kind: str
    ids: tuple[int, ...] = ()
    document_id: int | None = None
    detail: dict[str, object] = field(default_factory=dict)


Listener = Callable[[Change], None]
