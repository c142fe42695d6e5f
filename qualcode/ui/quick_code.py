"""The quick-code box: type a few letters of any code path, Enter applies the best match.

Matching is fuzzy (RapidFuzz) over the full paths, so "moed" finds "Steungever / Moeder"
and typos such as "mentr" still land; the completer shows the ranked list unfiltered.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process

from qualcode.core.records import CodeRecord
from qualcode.ui.qt import QtCore, QtWidgets, Signal

LIMIT = 12


class QuickCodeBox(QtWidgets.QLineEdit):
    codeChosen = Signal(int)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Quick code (Ctrl+K)…"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(260)
        self._paths: list[str] = []
        self._ids: dict[str, int] = {}
        self._model = QtCore.QStringListModel(self)
        self._completer = QtWidgets.QCompleter(self._model, self)
        self._completer.setCompletionMode(
            QtWidgets.QCompleter.CompletionMode.UnfilteredPopupCompletion
        )
        self._completer.setMaxVisibleItems(LIMIT)
        self._completer.setWidget(self)
        self._completer.activated.connect(self._choose_path)
        self.textEdited.connect(self._update_matches)
        self.returnPressed.connect(self._choose_best)

    def set_codes(self, codes: Sequence[CodeRecord]) -> None:
        self._paths = [c.path_text for c in codes]
        self._ids = {c.path_text: c.id for c in codes}

    def matches(self, query: str) -> list[str]:
        query = query.strip()
        if not query:
            return []
        ranked = process.extract(
            query,
            self._paths,
            scorer=fuzz.WRatio,
            limit=LIMIT,
            processor=str.casefold,
            score_cutoff=40,
        )
        # Ties (common for short queries) go to the shorter, more specific path.
        ranked.sort(key=lambda r: (-round(r[1]), len(r[0])))
        return [path for path, _score, _index in ranked]

    def _update_matches(self, text: str) -> None:
        self._model.setStringList(self.matches(text))
        if self._model.rowCount():
            self._completer.complete()
        else:
            self._completer.popup().hide()

    def _choose_path(self, path: str) -> None:
        code_id = self._ids.get(path)
        if code_id is not None:
            self._finish(code_id)

    def _choose_best(self) -> None:
        popup = self._completer.popup()
        if popup.isVisible() and popup.currentIndex().isValid():
            self._choose_path(str(popup.currentIndex().data()))  # the highlighted row
            return
        text = self.text().strip()
        if text in self._ids:
            self._finish(self._ids[text])
            return
        found = self.matches(text)
        if found:
            self._finish(self._ids[found[0]])

    def _finish(self, code_id: int) -> None:
        self._completer.popup().hide()
        self.clear()
        self.codeChosen.emit(code_id)
