"""The history of one coding, from the audit trail: who changed what, when."""

from __future__ import annotations

from collections.abc import Sequence

from qualcode.core.audit import AuditRecord
from qualcode.ui.qt import QtWidgets


class CodingHistoryDialog(QtWidgets.QDialog):
    """A read-only table: when, who, what happened, and the fields before -> after."""

    def __init__(
        self,
        coding_id: int,
        records: Sequence[AuditRecord],
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of coding {0}").format(coding_id))
        self.table = QtWidgets.QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setHeaderLabels(
            [self.tr("When (UTC)"), self.tr("Who"), self.tr("What"), self.tr("Change")]
        )
        actions = {
            "created": self.tr("created"),
            "changed": self.tr("changed"),
            "deleted": self.tr("deleted"),
        }
        for record in records:
            who = (
                record.actor
                if not record.coder or record.coder == record.actor
                else (f"{record.actor} ({record.coder})")
            )
            item = QtWidgets.QTreeWidgetItem(
                [
                    record.at.strftime("%Y-%m-%d %H:%M:%S"),
                    who,
                    actions.get(record.action, record.action),
                    record.describe(),
                ]
            )
            self.table.addTopLevelItem(item)
        for column in range(3):
            self.table.resizeColumnToContents(column)
        empty = QtWidgets.QLabel(self.tr("No recorded changes for this coding."))
        empty.setVisible(not records)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(empty)
        layout.addWidget(buttons)
        self.resize(760, 320)
