"""Finding text: a find bar over the transcript, and a search across all documents."""

from __future__ import annotations

from qualcode.core.project import Project
from qualcode.ui.qt import QtCore, QtGui, QtWidgets, Signal
from qualcode.ui.transcript_view import TranscriptView

ID_ROLE = QtCore.Qt.ItemDataRole.UserRole + 1
SPAN_ROLE = QtCore.Qt.ItemDataRole.UserRole + 2  # (start, end) of the hit in the snippet
CONTEXT = 48
HIT_COLOUR = QtGui.QColor("#ffd54f")  # the marker-yellow behind the words found


class HitDelegate(QtWidgets.QStyledItemDelegate):
    """Paints a search result's snippet with the hit words bold on a yellow marker."""

    def paint(
        self,
        painter: QtGui.QPainter,
        option: QtWidgets.QStyleOptionViewItem,
        index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
    ) -> None:
        span = index.data(SPAN_ROLE)
        if not span:
            super().paint(painter, option, index)
            return
        opt = QtWidgets.QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""  # the style draws background and focus, we the text
        style = opt.widget.style() if opt.widget else QtWidgets.QApplication.style()
        style.drawControl(QtWidgets.QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        area = style.subElementRect(
            QtWidgets.QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget
        )
        start, end = int(span[0]), int(span[1])
        bold = QtGui.QFont(opt.font)
        bold.setBold(True)
        selected = bool(opt.state & QtWidgets.QStyle.StateFlag.State_Selected)
        role = (
            QtGui.QPalette.ColorRole.HighlightedText if selected else QtGui.QPalette.ColorRole.Text
        )
        metrics = [QtGui.QFontMetrics(opt.font), QtGui.QFontMetrics(bold)]
        painter.save()
        painter.setClipRect(area)
        x = area.left() + 2
        for n, piece in enumerate((text[:start], text[start:end], text[end:])):
            width = metrics[n == 1].horizontalAdvance(piece)
            box = QtCore.QRect(x, area.top(), width, area.height())
            if n == 1:
                painter.fillRect(box, HIT_COLOUR)
                painter.setPen(QtGui.QColor("black"))  # readable on yellow in any theme
            else:
                painter.setPen(opt.palette.color(role))
            painter.setFont(bold if n == 1 else opt.font)
            flags = QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter
            painter.drawText(box, int(flags), piece)
            x += width
        painter.restore()


class FindBar(QtWidgets.QWidget):
    """Ctrl+F: type to find in the open transcript; Enter / Shift+Enter for next / previous."""

    def __init__(self, view: TranscriptView, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self.edit = QtWidgets.QLineEdit()
        self.edit.setPlaceholderText(self.tr("Find in transcript"))
        self.edit.setClearButtonEnabled(True)
        self.count = QtWidgets.QLabel()
        previous = QtWidgets.QToolButton()
        previous.setText("▲")
        previous.setToolTip(self.tr("Previous (Shift+Enter)"))
        following = QtWidgets.QToolButton()
        following.setText("▼")
        following.setToolTip(self.tr("Next (Enter)"))
        close = QtWidgets.QToolButton()
        close.setText("✕")
        close.setToolTip(self.tr("Close (Esc)"))
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        for button in (previous, following, close):
            button.setAutoRaise(True)
            layout.addWidget(button)
        previous.clicked.connect(self.find_previous)
        following.clicked.connect(self.find_next)
        close.clicked.connect(self.hide)
        self.edit.returnPressed.connect(self.find_next)
        self.edit.textChanged.connect(self._on_text)
        QtGui.QShortcut(QtGui.QKeySequence("Shift+Return"), self.edit, self.find_previous)
        QtGui.QShortcut(QtGui.QKeySequence("Escape"), self, self.hide)
        self.hide()

    def open(self) -> None:
        self.show()
        selected = self._view.textCursor().selectedText()
        if selected and len(selected) < 80:
            self.edit.setText(selected)
        self.edit.setFocus()
        self.edit.selectAll()

    def _on_text(self, text: str) -> None:
        if text:
            total = self._view.toPlainText().casefold().count(text.casefold())
            self.count.setText(self.tr("{0} found").replace("{0}", str(total)))
            cursor = self._view.textCursor()
            cursor.setPosition(cursor.selectionStart())
            self._view.setTextCursor(cursor)
            self.find_next()
        else:
            self.count.clear()

    def find_next(self) -> bool:
        return self._find(QtGui.QTextDocument.FindFlag(0))

    def find_previous(self) -> bool:
        return self._find(QtGui.QTextDocument.FindFlag.FindBackward)

    def _find(self, flags: QtGui.QTextDocument.FindFlag) -> bool:
        text = self.edit.text()
        if not text:
            return False
        if self._view.find(text, flags):
            self._view.center_cursor()
            return True
        # Wrap around, like every editor does.
        cursor = self._view.textCursor()
        backward = bool(flags & QtGui.QTextDocument.FindFlag.FindBackward)
        cursor.movePosition(
            QtGui.QTextCursor.MoveOperation.End
            if backward
            else QtGui.QTextCursor.MoveOperation.Start
        )
        self._view.setTextCursor(cursor)
        found = self._view.find(text, flags)
        if found:
            self._view.center_cursor()
        return found


class FindAllDialog(QtWidgets.QDialog):
    """Search every document; click a hit to open the document there."""

    hitActivated = Signal(int, int, int)  # document id, start, end
    codeAllRequested = Signal(list)  # [(document id, start, end), ...]

    def __init__(self, project: Project, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find in all documents"))
        self.resize(640, 420)
        self.project = project
        self.edit = QtWidgets.QLineEdit()
        self.edit.setPlaceholderText(self.tr("Words to find, then Enter"))
        self.results = QtWidgets.QTreeWidget()
        self.results.setHeaderLabels([self.tr("Document"), self.tr("Context")])
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.setItemDelegateForColumn(1, HitDelegate(self.results))
        self.summary = QtWidgets.QLabel()
        self.code_all = QtWidgets.QPushButton(self.tr("Code all hits with the selected code"))
        self.code_all.setEnabled(False)
        self.code_all.setAutoDefault(False)  # Enter in the search box searches, nothing else
        self.code_all.clicked.connect(lambda _c=False: self.codeAllRequested.emit(self.hits()))
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.results, 1)
        bottom = QtWidgets.QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.code_all)
        layout.addLayout(bottom)
        self.edit.returnPressed.connect(self.search)
        self.results.itemActivated.connect(self._activate)
        self.results.itemClicked.connect(self._activate)

    def search(self) -> int:
        needle = self.edit.text().strip().casefold()
        self.results.clear()
        if not needle:
            return 0
        hits = 0
        for document in self.project.documents.list():
            text = self.project.documents.text(document.id)
            folded = text.casefold()
            at = folded.find(needle)
            while at >= 0 and hits < 2000:
                left = text[max(0, at - CONTEXT) : at].replace("\n", " ")
                right = text[at + len(needle) : at + len(needle) + CONTEXT].replace("\n", " ")
                snippet = f"…{left}{text[at : at + len(needle)]}{right}…"
                item = QtWidgets.QTreeWidgetItem([document.name, snippet])
                item.setData(0, ID_ROLE, (document.id, at, at + len(needle)))
                # Where the hit sits in the snippet: the delegate marks it (no brackets).
                item.setData(1, SPAN_ROLE, (1 + len(left), 1 + len(left) + len(needle)))
                self.results.addTopLevelItem(item)
                hits += 1
                at = folded.find(needle, at + len(needle))
        self.results.resizeColumnToContents(0)
        self.summary.setText(self.tr("{0} hits").replace("{0}", str(hits)))
        self.code_all.setEnabled(hits > 0)
        return hits

    def hits(self) -> list[tuple[int, int, int]]:
        """Every hit listed: (document id, start, end)."""
        out = []
        for row in range(self.results.topLevelItemCount()):
            document_id, start, end = self.results.topLevelItem(row).data(0, ID_ROLE)
            out.append((int(document_id), int(start), int(end)))
        return out

    def _activate(self, item: QtWidgets.QTreeWidgetItem, _column: int = 0) -> None:
        document_id, start, end = item.data(0, ID_ROLE)
        self.hitActivated.emit(int(document_id), int(start), int(end))
