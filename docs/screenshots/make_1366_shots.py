"""Screenshots at 1366x768 (a common laptop screen) of the workbench and every panel.

    .venv/bin/qualcode demo /tmp/demo-s        # then add a few memos, e.g.
    .venv/bin/qualcode memos /tmp/demo-s/sample.qcdb --add "Eerste indruk" --by Anouk
    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_1366_shots.py \
        /tmp/demo-s/sample.qcdb docs/screenshots en
    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_1366_shots.py \
        /tmp/demo-s/sample.qcdb docs/screenshots nl
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QUALCODE_SETTINGS"] = os.path.join(tempfile.mkdtemp(), "settings.ini")

from qualcode.ui import project_menus
from qualcode.ui.app import create_app
from qualcode.ui.main_window import MainWindow


def main(locator: str, out: str, lang: str) -> None:
    app = create_app(lang)

    def settle(seconds: float = 0.0) -> None:
        end = time.monotonic() + seconds
        while True:
            for _ in range(20):
                app.processEvents()
            if time.monotonic() >= end:
                return
            time.sleep(0.05)

    def save(name: str) -> None:
        settle(0.3)
        window.grab().save(os.path.join(out, name))
        print(name, window.width(), window.height())

    window = MainWindow(coder="Anouk")
    window.resize(1366, 768)
    window.open_project(locator, remember=False)
    window.show_document_named(None)
    window.show()
    save(f"workbench-1366{'-nl' if lang == 'nl' else ''}.png")
    if lang == "en":
        project_menus.open_agreement(window)
        panel = window.panel_docks["agreement"].widget()
        panel.bootstrap.setValue(200)
        panel.compute_button.click()
        for _ in range(400):
            settle(0.05)
            if panel.result is not None and not panel.is_running():
                break
        panel.tabs.setCurrentIndex(2)
        if panel.dis_model.rowCount():
            panel.dis_view.selectRow(0)
        save("panel-agreement-1366.png")
        project_menus.open_panel(window, "quotes")
        settle(2.0)
        save("panel-quotes-1366.png")
        project_menus.open_panel(window, "analysis")
        save("panel-analysis-1366.png")
        project_menus.open_memos(window)
        memos = window.panel_docks["memos"].widget()
        if memos.table.rowCount():
            memos.table.selectRow(0)
        save("panel-memos-1366.png")
    window.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
