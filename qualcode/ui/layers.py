"""Which codings the transcript shows (the layer), and how each is drawn."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial

from qualcode.core.project import Project
from qualcode.core.records import CodeRecord, CoderRecord, CodingRecord
from qualcode.ui.highlights import Highlight, tooltip_html

FIXED_LAYERS = ("mine", "all", "none")


def visible_codings(
    project: Project,
    document_id: int,
    viewer: CoderRecord,
    layer: str,
    coders: Mapping[int, CoderRecord],
) -> list[CodingRecord]:
    """``layer`` is mine, all, none or a coder's name; blinding always applies first, so a
    coder never sees a colleague's codings on a blind document before the lead reveals it."""
    if layer == "none":
        return []
    # Blinding is applied in SQL by the service (the rule shared with every count).
    rows = project.codings.list(document=document_id, viewer=viewer.id)
    return [r for r in rows if in_layer(r, viewer, layer, coders)]


def in_layer(
    coding: CodingRecord, viewer: CoderRecord, layer: str, coders: Mapping[int, CoderRecord]
) -> bool:
    """Whether the layer shows this coding (blinding is decided before, by the core)."""
    if layer == "none":
        return False
    if layer == "mine":
        return coding.coder_id == viewer.id
    if layer == "all":
        return True
    coder = coders.get(coding.coder_id)
    return coder is not None and coder.name == layer


HighlightCache = dict[int, tuple[CodingRecord, bool, Highlight]]


def highlights_for(
    codings: Sequence[CodingRecord],
    codes: Mapping[int, CodeRecord],
    coders: Mapping[int, CoderRecord],
    cache: HighlightCache | None = None,
) -> list[Highlight]:
    """Highlights of the codings; with ``cache`` (per coding id), unchanged codings reuse
    theirs, so one new coding on a 2,000-coding transcript builds one highlight. Clear the
    cache when codes or coders change (names, colours)."""
    # With several coders on screen the margin says whose stripe is whose.
    several = len({c.coder_id for c in codings}) > 1
    paths: dict[int, str] = {}
    result = []
    for coding in codings:
        if cache is not None:
            hit = cache.get(coding.id)
            if hit is not None and hit[0] is coding and hit[1] == several:
                result.append(hit[2])
                continue
        code = codes.get(coding.code_id)
        coder = coders.get(coding.coder_id)
        if code is None:  # a code deleted a moment ago; its notice is on the way
            continue
        path = paths.get(code.id)
        if path is None:
            path = paths[code.id] = code.path_text
        highlight = Highlight(
            coding.id,
            coding.start,
            coding.end,
            code.colour,
            code.name,
            partial(tooltip_html, path, coder.name if coder else "?", coding.memo),
            who=coder.name[:1] if several and coder else "",
        )
        if cache is not None:
            cache[coding.id] = (coding, several, highlight)
        result.append(highlight)
    return result
