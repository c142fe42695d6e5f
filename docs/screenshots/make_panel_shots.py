"""Screenshots of the agreement panel and the import dialog on the sample project.

    .venv/bin/qualcode demo /tmp/demo-g
    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_panel_shots.py \
        /tmp/demo-g/sample.qcdb docs/screenshots

The main window has its own: ``qualcode gui PROJECT --screenshot FILE.png``.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path


def settle(app: object, rounds: int = 6) -> None:
    from qualcode.ui.qt import QtCore

    for _ in range(rounds):
        app.processEvents()  # type: ignore[attr-defined]
        QtCore.QThread.msleep(20)


def agreement_shot(app: object, window: object, out: Path) -> None:
    from qualcode.ui import project_menus
    from qualcode.ui.qt import QtCore, QtWidgets

    dock = project_menus.open_agreement(window)  # type: ignore[arg-type]
    assert dock is not None
    panel = dock.widget()
    panel.bootstrap.setValue(1000)
    panel.compute_button.click()
    deadline = QtCore.QDeadlineTimer(120_000)
    while (panel.result is None or panel.is_running()) and not deadline.hasExpired():
        settle(app, 1)
    # The panel on its own: figures per cluster, coloured by the alpha thresholds.
    dock.setFloating(True)
    panel.level_box.setCurrentIndex(1)
    panel.table.sortByColumn(0, QtCore.Qt.SortOrder.AscendingOrder)
    dock.resize(1000, 800)
    settle(app)
    panel.table.resizeColumnsToContents()
    settle(app)
    # The Code column takes the spare width, as a reader would drag it wider.
    header = panel.table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
    settle(app)
    dock.grab().save(str(out / "agreement-panel.png"), "PNG")
    # Docked beside the transcript: a double-clicked disagreement is selected there.
    dock.setFloating(False)
    window.set_layer("all")  # type: ignore[attr-defined]  # both coders' codings
    window.resize(1800, 1040)  # type: ignore[attr-defined]
    window.resizeDocks([dock], [700], QtCore.Qt.Orientation.Horizontal)  # type: ignore[attr-defined]
    settle(app)
    window.splitter.setSizes([230, 560, 300])  # type: ignore[attr-defined]
    panel.tabs.setCurrentIndex(2)
    settle(app)
    panel.dis_view.resizeColumnsToContents()
    row = next(
        (
            r
            for r in range(panel.dis_model.rowCount())
            if len(panel.dis_model.disagreement(r).text) > 60
        ),
        0,
    )
    panel.dis_view.selectRow(row)
    panel.dis_view.doubleClicked.emit(panel.dis_model.index(row, 0))
    settle(app)
    window.grab().save(str(out / "agreement-jump.png"), "PNG")  # type: ignore[attr-defined]


def import_shot(app: object, window: object, out: Path) -> None:
    from qualcode.ui.import_dialog import ImportDialog

    dialog = ImportDialog(window.project, window)  # type: ignore[attr-defined]
    folder = Path("/home/anouk/Onderzoek/transcripten")
    dialog.add_paths(
        [
            folder / "FG03 Kookclub Avans.docx",
            folder / "NI07 Welzijnscoach.docx",
            folder / "ronde-2",
        ]
    )
    dialog.fields["intervention"].setCurrentText("Kookclub")
    dialog.fields["institution"].setCurrentText("Avans")
    dialog.fields["education_level"].setCurrentText("hbo")
    dialog.fields["source_type"].setCurrentText("focusgroep studenten")
    dialog.sheet.setText(str(folder / "metadata.xlsx"))
    dialog.add_attribute("interview_ronde", "2")
    dialog.extra.setCurrentCell(-1, -1)
    dialog.extra.resizeColumnToContents(0)
    dialog.language.setCurrentIndex(dialog.language.findData("nl"))
    dialog.pseudonymise.setChecked(True)
    dialog.save_key.setChecked(True)
    dialog.key_path.setText("/home/anouk/Beveiligd/sleutel-ronde-2.json")
    dialog.allow.setText("Avans, Kookclub")
    dialog.show()
    dialog.resize(700, 640)
    settle(app)
    dialog.grab().save(str(out / "import-dialog.png"), "PNG")
    dialog.close()


def main(locator: str, out: Path) -> int:
    scratch = tempfile.mkdtemp(prefix="qualcode-shots-")
    os.environ.setdefault("QUALCODE_SETTINGS", os.path.join(scratch, "settings.ini"))
    from qualcode.ui.app import apply_look, create_app
    from qualcode.ui.main_window import MainWindow

    app = create_app("en")
    apply_look(app)
    window = MainWindow(coder="Anouk")
    window.quiet = True
    window.resize(1440, 900)
    if not window.open_project(locator, remember=False):
        return 1
    window.show()
    settle(app)
    out.mkdir(parents=True, exist_ok=True)
    try:
        import_shot(app, window, out)
        agreement_shot(app, window, out)
    finally:
        window.close()
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2])))
