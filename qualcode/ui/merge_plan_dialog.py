"""The merge plan of an incoming codebook, for the lead to review before it is applied.

One row per incoming code: accept checkbox, action, incoming path, target, score and the
reason. A conflict (several base codes score alike) gets a choice of its candidates or
"add as a new code"; Apply stays disabled until every accepted conflict is resolved.
"""

from __future__ import annotations

from qualcode.core.codebook_diff import guid_key, index_codebook
from qualcode.core.codebook_merge import field_differences
from qualcode.core.codebook_merge_plan import MERGE_FIELDS, MergePlan, PlanEntry
from qualcode.core.codebook_spec import CodebookSpec, join_path
from qualcode.ui.qt import Qt, QtCore, QtGui, QtWidgets

ACCEPT, ACTION, INCOMING, TARGET, SCORE, REASON = range(6)
ACTION_COLOURS = {
    "new": "#2e7d32",
    "update": "#1f5fa8",
    "rename": "#8a6d00",
    "conflict": "#c62828",
    "same": "",
}


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("MergePlanDialog", text)


def action_labels() -> dict[str, str]:
    return {
        "same": _tr("same"),
        "update": _tr("update"),
        "rename": _tr("rename"),
        "conflict": _tr("conflict"),
        "new": _tr("new"),
    }


def differences_text(entry: PlanEntry) -> str:
    """Tooltip: the fields where the two codes differ, and which text the merge keeps."""
    lines = []
    for name, (base, incoming) in entry.differing_fields.items():
        taken = name in entry.take_incoming or (name == "name" and entry.use_incoming_name)
        lines.append(
            _tr("{0}: working “{1}”, incoming “{2}” → keeps {3}")
            .replace("{0}", name)
            .replace("{1}", (base or "")[:80])
            .replace("{2}", (incoming or "")[:80])
            .replace("{3}", _tr("incoming") if taken else _tr("working"))
        )
    return "\n".join(lines)


class MergePlanDialog(QtWidgets.QDialog):
    """Edits ``plan`` in place; accepted means: apply it."""

    def __init__(
        self,
        plan: MergePlan,
        base: CodebookSpec,
        incoming: CodebookSpec,
        source: str,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import codebook"))
        self.plan = plan
        self._base = index_codebook(base, "base codebook")
        self._incoming = index_codebook(incoming, "incoming codebook")
        self._conflicts = {i for i, e in enumerate(plan.entries) if e.action == "conflict"}
        self.combos: dict[int, QtWidgets.QComboBox] = {}
        heading = QtWidgets.QLabel(
            _tr(
                "Merging {0} into the working codebook. Untick a code to leave it out; "
                "pick a target for each conflict."
            ).replace("{0}", source)
        )
        heading.setWordWrap(True)
        self.table = QtWidgets.QTableWidget(len(plan.entries), 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Accept"),
                self.tr("Action"),
                self.tr("Incoming code"),
                self.tr("Target in the working codebook"),
                self.tr("Score"),
                self.tr("Why"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        for row, entry in enumerate(plan.entries):
            self._fill_row(row, entry)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(self._item_changed)
        self.status = QtWidgets.QLabel()
        self.status.setWordWrap(True)
        self.box = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.box.addButton(
            self.tr("Apply"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.box.accepted.connect(self.accept)
        self.box.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.box)
        self.resize(900, 520)
        self.table.setCurrentCell(-1, -1)
        self._update_status()

    # Rows ---------------------------------------------------------------------------------
    def _fill_row(self, row: int, entry: PlanEntry) -> None:
        self.table.blockSignals(True)
        accept = QtWidgets.QTableWidgetItem()
        accept.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        accept.setCheckState(Qt.CheckState.Checked if entry.accept else Qt.CheckState.Unchecked)
        self.table.setItem(row, ACCEPT, accept)
        self.table.setItem(
            row, INCOMING, QtWidgets.QTableWidgetItem(join_path(entry.incoming_path))
        )
        score = "" if entry.score is None else f"{entry.score:.1f}"
        score_item = QtWidgets.QTableWidgetItem(score)
        score_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, SCORE, score_item)
        reason = QtWidgets.QTableWidgetItem(entry.reason)
        reason.setToolTip(differences_text(entry))
        self.table.setItem(row, REASON, reason)
        if row in self._conflicts:
            combo = QtWidgets.QComboBox()
            combo.addItem(self.tr("— choose a target —"), None)
            for candidate in entry.candidates:
                combo.addItem(
                    f"{join_path(candidate.path)} ({candidate.score:.1f})", candidate.guid
                )
            combo.addItem(self.tr("add as a new code"), "new")
            combo.currentIndexChanged.connect(lambda _i, r=row: self._resolve(r))
            self.combos[row] = combo
            self.table.setCellWidget(row, TARGET, combo)
        else:
            target = join_path(entry.target_path) if entry.target_path else ""
            self.table.setItem(row, TARGET, QtWidgets.QTableWidgetItem(target))
        self._show_action(row)
        self.table.blockSignals(False)

    def _show_action(self, row: int) -> None:
        entry = self.plan.entries[row]
        text = action_labels().get(entry.action, entry.action)
        if row in self._conflicts and entry.action != "conflict":
            text = _tr("{0} (chosen)").replace("{0}", text)
        item = QtWidgets.QTableWidgetItem(text)
        colour = ACTION_COLOURS.get(entry.action, "")
        if row in self._conflicts and entry.action == "conflict":
            colour = ACTION_COLOURS["conflict"]
        if colour:
            item.setForeground(QtGui.QBrush(QtGui.QColor(colour)))
        if not entry.accept:
            item.setForeground(
                QtGui.QBrush(
                    self.palette().color(
                        QtGui.QPalette.ColorGroup.Disabled, QtGui.QPalette.ColorRole.Text
                    )
                )
            )
        self.table.blockSignals(True)
        self.table.setItem(row, ACTION, item)
        self.table.blockSignals(False)

    def _item_changed(self, item: QtWidgets.QTableWidgetItem) -> None:
        if item.column() == ACCEPT:
            self.set_accepted(item.row(), item.checkState() == Qt.CheckState.Checked)

    # Decisions ------------------------------------------------------------------------------
    def set_accepted(self, row: int, accepted: bool) -> None:
        self.plan.entries[row].accept = accepted
        item = self.table.item(row, ACCEPT)
        assert item is not None
        wanted = Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked
        if item.checkState() != wanted:
            item.setCheckState(wanted)  # re-enters through itemChanged, harmlessly
        self._show_action(row)
        self._update_status()

    def choose_target(self, row: int, guid: str | None) -> None:
        """A candidate's guid, ``"new"``, or None for undecided (conflict rows only)."""
        combo = self.combos[row]
        index = combo.findData(guid)
        if index >= 0 and combo.currentIndex() != index:
            combo.setCurrentIndex(index)  # calls _resolve
        else:
            self._resolve(row)

    def _resolve(self, row: int) -> None:
        entry = self.plan.entries[row]
        choice = self.combos[row].currentData()
        incoming = self._incoming[guid_key(entry.incoming_guid)]
        if choice is None:
            entry.action, entry.target, entry.target_path = "conflict", None, None
            entry.take_incoming = []
        elif choice == "new":
            entry.action, entry.target = "new", None
            entry.target_path, entry.take_incoming = incoming.path, []
        else:
            base = self._base[guid_key(str(choice))]
            diffs = field_differences(base.node, incoming.node)
            entry.action = "update" if diffs else "same"
            entry.target, entry.target_path = base.guid, base.path
            entry.differing_fields = diffs
            # As the planner proposes for matches: fill what the working code leaves empty.
            entry.take_incoming = [f for f in MERGE_FIELDS if f in diffs and not diffs[f][0]]
        self._show_action(row)
        self._update_status()

    def _update_status(self) -> None:
        open_conflicts = self.plan.unresolved()
        self.apply_button.setEnabled(not open_conflicts)
        accepted = [e for e in self.plan.entries if e.accept]
        new = sum(1 for e in accepted if e.action == "new")
        if open_conflicts:
            text = _tr("{0} conflict(s) left: choose a target or untick them before applying.")
            self.status.setText(text.replace("{0}", str(len(open_conflicts))))
            self.status.setStyleSheet(f"color: {ACTION_COLOURS['conflict']};")
        else:
            text = _tr("{0} of {1} codes accepted; {2} will be added, the others matched.")
            self.status.setText(
                text.replace("{0}", str(len(accepted)))
                .replace("{1}", str(len(self.plan.entries)))
                .replace("{2}", str(new))
            )
            self.status.setStyleSheet("")
