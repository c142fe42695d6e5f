"""The quick-code box: type a few letters of any code, Enter applies the best match.

Ranking, for a person who types the words of the code they mean: first how many typed
words match words of the code's own name (the last path segment), then of its whole path,
then of its definition; RapidFuzz similarity breaks ties and lets typos ("mentr") land.
The popup shows each code with its path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from qualcode.core.records import CodeRecord
from qualcode.ui.qt import QtCore, QtWidgets, Signal

LIMIT = 12
WORD_MATCH = 80  # partial similarity (0-100) for a typed word to count as a hit


@dataclass(frozen=True)
class _Entry:
    path: str
    words_name: tuple[str, ...]
    words_path: tuple[str, ...]
    words_definition: tuple[str, ...]
    name: str


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in "".join(c if c.isalnum() else " " for c in text.casefold()).split())


def _hits(query: Sequence[str], words: Sequence[str]) -> int:
    """How many typed words match (as prefix or close spelling) one of ``words``."""
    count = 0
    for typed in query:
        if any(
            w.startswith(typed) or fuzz.partial_ratio(typed, w) >= WORD_MATCH
            if len(typed) <= len(w)
            else fuzz.ratio(typed, w) >= WORD_MATCH
            for w in words
        ):
            count += 1
    return count


def rank(query: str, entries: Sequence[_Entry], limit: int = LIMIT) -> list[str]:
    typed = _words(query)
    if not typed:
        return []
    text = " ".join(typed)
    scored = []
    for e in entries:
        on_name = _hits(typed, e.words_name)
        on_path = _hits(typed, e.words_path)
        on_definition = _hits(typed, e.words_definition)
        similarity = fuzz.WRatio(text, e.name.casefold())
        if not (on_name or on_path or on_definition) and similarity < 60:
            continue
        scored.append((-on_name, -on_path, -on_definition, -similarity, len(e.path), e.path))
    scored.sort()
    return [row[-1] for row in scored[:limit]]


class QuickCodeBox(QtWidgets.QLineEdit):
    codeChosen = Signal(int)
    finished = Signal()  # chosen or given up (Escape): the caller puts focus back

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Quick code (Ctrl+K)…"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(260)
        self._entries: list[_Entry] = []
        self._ids: dict[str, int] = {}
        self._model = QtCore.QStringListModel(self)
        self._completer = QtWidgets.QCompleter(self._model, self)
        self._completer.setCompletionMode(
            QtWidgets.QCompleter.CompletionMode.UnfilteredPopupCompletion
        )
        self._completer.setMaxVisibleItems(LIMIT)
        self._completer.setWidget(self)
        # Enter in the popup emits ``activated`` AND forwards the key, so ``returnPressed``
        # fires too (PITFALLS): whichever comes first applies, the other sees ``_done``.
        self._done = False
        self._completer.activated.connect(self._choose_path)
        self.textEdited.connect(self._update_matches)
        self.returnPressed.connect(self._choose_best)

    def popup(self) -> QtWidgets.QAbstractItemView:
        """The list of matches (tests press keys into it, as a user does)."""
        return self._completer.popup()

    def set_codes(self, codes: Sequence[CodeRecord]) -> None:
        self._entries = [
            _Entry(
                c.path_text,
                _words(c.name),
                _words(c.path_text),
                _words(c.definition),
                c.name,
            )
            for c in codes
        ]
        self._ids = {c.path_text: c.id for c in codes}

    def matches(self, query: str) -> list[str]:
        return rank(query, self._entries)

    def keyPressEvent(self, event: QtCore.QEvent) -> None:  # type: ignore[override]
        if event.key() == QtCore.Qt.Key.Key_Escape:  # type: ignore[attr-defined]
            self._completer.popup().hide()
            self.clear()
            self.finished.emit()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]

    def _update_matches(self, text: str) -> None:
        self._done = False
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
        if self._done:
            return
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
        if self._done:
            return
        self._done = True
        self._completer.popup().hide()
        self._model.setStringList([])  # a stray click on a stale list applies nothing
        self.clear()
        self.codeChosen.emit(code_id)
        self.finished.emit()
