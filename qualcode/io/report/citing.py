"""How a report cites a document: a display name made of attributes the user chooses.

File names such as ``SI01_BackOnTrack_student`` mean little to a funder. A report cites
``interview student, Back on Track`` instead (the values of the chosen attributes, in the
order given), and lists the file names in an appendix. Documents that would share a
name get a number (``..., 1``, ``..., 2``, in file-name order); a document lacking every
chosen attribute keeps its file name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qualcode.core.records import DocumentRecord

# Used when the user names no attributes: what kind of source, from which intervention.
DEFAULT_CITE = ("source_type", "intervention")
# ``--cite name`` keeps the file names.
BY_NAME = "name"


def default_cite(documents: Sequence[DocumentRecord]) -> tuple[str, ...]:
    """The default attributes that at least one document has."""
    present = {key for d in documents for key in d.attributes}
    return tuple(key for key in DEFAULT_CITE if key in present)


def display_names(documents: Sequence[DocumentRecord], cite: Sequence[str]) -> dict[int, str]:
    """Document id -> the name quotes cite it by (see the module docstring)."""
    if not cite or list(cite) == [BY_NAME]:
        return {d.id: d.name for d in documents}
    labels: dict[int, str] = {}
    for d in sorted(documents, key=lambda d: d.name.lower()):
        parts = [d.name if key == BY_NAME else d.attributes.get(key, "") for key in cite]
        shown = ", ".join(p.strip() for p in parts if p and p.strip())
        labels[d.id] = shown or d.name
    groups: dict[str, list[int]] = defaultdict(list)
    for d in sorted(documents, key=lambda d: d.name.lower()):
        groups[labels[d.id]].append(d.id)
    for label, ids in groups.items():
        if len(ids) > 1:
            for n, doc_id in enumerate(ids, start=1):
                labels[doc_id] = f"{label}, {n}"
    return labels
