"""How the main window follows change events (see qualcode/core/changes.py).

A codings event with its records is applied to the codings on screen without reading the
database; a codebook event redraws the same codings with new names and colours; a gap in
sequence numbers (``resync``) re-reads everything the window shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qualcode.core.changes import Change
from qualcode.ui.layers import in_layer

if TYPE_CHECKING:
    from qualcode.ui.main_window import MainWindow


def resync(w: MainWindow) -> None:
    """Events were missed: re-read what the window shows."""
    if w.project is None:
        return
    w.reload_coders()
    w.reload_codes()
    if w.code_tree is not None:
        w.code_tree.model.reload()
    if w.browser is not None:
        w.browser.model.refresh()
    w.refresh_highlights()


def apply_codings(w: MainWindow, change: Change) -> None:
    """Apply a codings event to the codings on screen, without reading the database."""
    if w.coder is None or w.document_id not in change.document_ids:
        return
    for record in change.removed:
        w.visible.pop(record.id, None)
        w.drawn.pop(record.id, None)
    shown = [after for _, after in change.edited] + list(change.added)
    for record in shown:
        if record.document_id != w.document_id:
            continue
        if w.visibility.sees(record) and in_layer(record, w.coder, w.layer, w.coders):
            w.visible[record.id] = record
        else:
            w.visible.pop(record.id, None)
    w.refresh_highlights(reread=False)


def on_change(w: MainWindow, change: Change) -> None:
    """One change event, applied to what the window shows."""
    if change.kind == "codings":
        if change.is_delta:
            apply_codings(w, change)
        elif change.document_id in (None, w.document_id):
            w.refresh_highlights()
    elif change.kind == "reload":
        resync(w)
    elif change.kind == "codebook":
        w.reload_codes()
        w.drawn.clear()  # names, paths or colours changed
        w.refresh_highlights(reread=False)
        if w.selected_code_id is not None:
            w.select_code(w.selected_code_id)
    elif change.kind == "coders":
        w.reload_coders()
        w.refresh_highlights()
    elif change.kind == "documents" and w.document_id in change.ids:
        assert w.project is not None
        w.read_visibility()  # assigned blind or revealed
        current = {d.id: d for d in w.project.documents.list()}.get(w.document_id)
        if current is None:  # removed
            w.document_id = None
            w.view.set_transcript("")
            w.doc_title.clear()
            w.doc_meta.clear()
        else:  # assigned, revealed or renamed: blinding may have changed
            w.update_header(current)
            w.refresh_highlights()
    elif change.kind == "memos" and w.selected_code_id is not None:
        w.select_code(w.selected_code_id)
