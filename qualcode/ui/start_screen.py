"""The start screen: recent projects, new, open, and the sample project."""

from __future__ import annotations

from pathlib import Path

from qualcode.ui.qt import QtCore, QtGui, QtWidgets, Signal

PATH_ROLE = QtCore.Qt.ItemDataRole.UserRole + 1


class _RecentDelegate(QtWidgets.QStyledItemDelegate):
    """Project name in bold over its location in a muted colour."""

    def paint(
        self,
        painter: QtGui.QPainter,
        option: QtWidgets.QStyleOptionViewItem,
        index: QtCore.QModelIndex,
    ) -> None:
        name, _, where = str(index.data()).partition("\n")
        style_option = QtWidgets.QStyleOptionViewItem(option)
        self.initStyleOption(style_option, index)
        style_option.text = ""
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget else QtWidgets.QApplication.style()
        style.drawControl(
            QtWidgets.QStyle.ControlElement.CE_ItemViewItem, style_option, painter, widget
        )
        rect = option.rect.adjusted(10, 6, -10, -6)  # type: ignore[attr-defined]
        selected = bool(option.state & QtWidgets.QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        palette = option.palette  # type: ignore[attr-defined]
        bold = QtGui.QFont(option.font)  # type: ignore[attr-defined]
        bold.setWeight(QtGui.QFont.Weight.DemiBold)
        painter.save()
        painter.setFont(bold)
        painter.setPen(
            palette.color(
                QtGui.QPalette.ColorRole.HighlightedText
                if selected
                else QtGui.QPalette.ColorRole.Text
            )
        )
        painter.drawText(rect, int(QtCore.Qt.AlignmentFlag.AlignTop), name)
        painter.setFont(option.font)  # type: ignore[attr-defined]
        if not selected:
            painter.setPen(palette.color(QtGui.QPalette.ColorRole.PlaceholderText))
        painter.drawText(rect, int(QtCore.Qt.AlignmentFlag.AlignBottom), where)
        painter.restore()

    def sizeHint(
        self, option: QtWidgets.QStyleOptionViewItem, index: QtCore.QModelIndex
    ) -> QtCore.QSize:
        height = QtGui.QFontMetrics(option.font).height()  # type: ignore[attr-defined]
        return QtCore.QSize(200, 2 * height + 16)


def server_label(locator: str) -> str | None:
    """'study\nteam server · bram@db.example.org:5432' for a server URL, else None."""
    if "://" not in locator or locator.startswith("sqlite"):
        return None
    from sqlalchemy.engine import make_url

    try:
        url = make_url(locator)
    except Exception:
        return None
    where = f"{url.username}@{url.host}:{url.port or 5432}"
    return f"{url.database}\n" + QtCore.QCoreApplication.translate(
        "StartScreen", "team server · {0}"
    ).replace("{0}", where)


class StartScreen(QtWidgets.QWidget):
    openRequested = Signal(str)  # a project locator
    newRequested = Signal()
    browseRequested = Signal()
    sampleRequested = Signal()
    connectRequested = Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        title = QtWidgets.QLabel("Qualcode")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2.4)
        font.setWeight(QtGui.QFont.Weight.DemiBold)
        title.setFont(font)
        subtitle = QtWidgets.QLabel(
            self.tr("Qualitative coding with versioned codebooks and inter-coder agreement.")
        )
        subtitle.setStyleSheet("color: palette(placeholder-text);")
        subtitle.setWordWrap(True)

        self.new_button = self._button(self.tr("New project…"), self.newRequested)
        self.open_button = self._button(self.tr("Open project…"), self.browseRequested)
        self.connect_button = self._button(
            self.tr("Connect to team server…"), self.connectRequested
        )
        self.sample_button = self._button(self.tr("Open the sample project"), self.sampleRequested)
        self.sample_button.setStyleSheet(
            "text-align: left; padding: 6px 14px; background: palette(highlight); "
            "color: palette(highlighted-text); border: none; border-radius: 4px;"
        )
        sample_note = QtWidgets.QLabel(
            self.tr(
                "Ten synthetic Dutch and English transcripts about student wellbeing, two "
                "codebooks and two coders' codings: a safe place to try everything."
            )
        )
        sample_note.setWordWrap(True)
        sample_note.setStyleSheet("color: palette(placeholder-text);")

        actions = QtWidgets.QVBoxLayout()
        actions.setSpacing(10)
        actions.addWidget(self._heading(self.tr("Start")))
        for button in (
            self.new_button,
            self.open_button,
            self.connect_button,
            self.sample_button,
        ):
            actions.addWidget(button)
        actions.addWidget(sample_note)
        actions.addStretch(1)

        self.recent = QtWidgets.QListWidget()
        self.recent.setSpacing(3)
        self.recent.setItemDelegate(_RecentDelegate(self.recent))
        # Activation covers double-click and Enter; listening to itemDoubleClicked as well
        # opened a project twice per double-click.
        self.recent.itemActivated.connect(self._open_item)
        self.empty_note = QtWidgets.QLabel(self.tr("Projects you open appear here."))
        self.empty_note.setStyleSheet("color: palette(placeholder-text);")
        self.empty_note.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop)
        recent = QtWidgets.QVBoxLayout()
        recent.setSpacing(10)
        recent.addWidget(self._heading(self.tr("Recent projects")))
        recent.addWidget(self.recent, 1)
        recent.addWidget(self.empty_note, 1)

        columns = QtWidgets.QHBoxLayout()
        columns.setSpacing(48)
        columns.addLayout(actions, 2)
        columns.addLayout(recent, 3)

        card = QtWidgets.QWidget()
        card.setMaximumWidth(920)
        inner = QtWidgets.QVBoxLayout(card)
        inner.setSpacing(6)
        inner.addWidget(title)
        inner.addWidget(subtitle)
        inner.addSpacing(28)
        inner.addLayout(columns, 1)

        outer = QtWidgets.QHBoxLayout(self)
        outer.setContentsMargins(48, 56, 48, 48)
        outer.addStretch(1)
        outer.addWidget(card, 6)
        outer.addStretch(1)

    @staticmethod
    def _heading(text: str) -> QtWidgets.QLabel:
        label = QtWidgets.QLabel(text)
        label.setProperty("role", "heading")
        return label

    @staticmethod
    def _button(text: str, signal: QtCore.SignalInstance) -> QtWidgets.QPushButton:
        button = QtWidgets.QPushButton(text)
        button.setMinimumHeight(36)
        button.setStyleSheet("text-align: left; padding: 6px 14px;")
        button.clicked.connect(lambda: signal.emit())
        return button

    def set_recent(self, locators: list[str]) -> None:
        self.recent.clear()
        for locator in locators:
            path = Path(locator)
            missing = not path.exists() and "://" not in locator
            item = QtWidgets.QListWidgetItem(f"{path.stem}\n{locator}")
            server = server_label(locator)
            if server is not None:  # a team server: database, then login and host
                item.setText(server)
            item.setData(PATH_ROLE, locator)
            item.setToolTip(locator)
            if missing:
                item.setForeground(self.palette().color(QtGui.QPalette.ColorRole.PlaceholderText))
                item.setToolTip(self.tr("Not found: {0}").replace("{0}", locator))
            self.recent.addItem(item)
        self.empty_note.setVisible(not locators)
        self.recent.setVisible(bool(locators))

    def _open_item(self, item: QtWidgets.QListWidgetItem) -> None:
        self.openRequested.emit(str(item.data(PATH_ROLE)))
