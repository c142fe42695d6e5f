"""``qualcode report --memos``: memos in the Word report, read back with python-docx."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest

from qualcode.core.project import create_project
from tests.test_cli import qualcode
from tests.test_retrieval import build_study

VISIBLE = {
    "project": "Kalibratie afgesproken op 3 maart.",
    "code": "Emotionele steun: de student voelt zich gehoord.",
    "document": "Rustig interview, weinig doorvragen.",
    "coding": "Luisteren als kern van de steun.",
}
HIDDEN = {
    "document": "Anouks eigen indruk van het herstelgesprek.",
    "coding": "Anouk twijfelt over deze rust.",
}


def make_study(tmp_path: Path) -> Path:
    path = tmp_path / "study.qcdb"
    with create_project(str(path), "Memo study") as project:
        build_study(project)
        codings = project.codings
        (listened,) = codings.list(document="PC02", coder="Anouk", code="Steun / Emotioneel")
        (calm,) = codings.list(document="HR01", coder="Anouk", code="Effect / Rust")
        memos = project.memos
        memos.add(VISIBLE["project"], title="Kalibratie", author="Anouk")
        memos.add(VISIBLE["code"], code="Steun / Emotioneel", author="Anouk")
        memos.add(VISIBLE["document"], document="PC02", author="Bram")
        memos.add(VISIBLE["coding"], coding=listened.id, author="Anouk")
        memos.add(HIDDEN["document"], document="HR01", author="Anouk")
        memos.add(HIDDEN["coding"], coding=calm.id, author="Anouk")
        # HR01 is coded blind by both and not revealed: Bram may not read Anouk's memos.
        project.documents.assign("HR01", ["Anouk", "Bram"], blind=True)
    return path


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_report_with_and_without_memos(tmp_path: Path) -> None:
    make_study(tmp_path)
    plain = qualcode(tmp_path, "report", "study.qcdb", "plain.docx", "--language", "en")
    assert plain.returncode == 0, plain.stderr
    text = "\n".join(paragraphs(tmp_path / "plain.docx"))
    for body in (*VISIBLE.values(), *HIDDEN.values()):
        assert body not in text

    done = qualcode(tmp_path, "report", "study.qcdb", "memos.docx", "--memos", "--language", "en")
    assert done.returncode == 0, done.stderr
    lines = paragraphs(tmp_path / "memos.docx")
    assert "Memo \u2018Kalibratie\u2019 (Anouk): " + VISIBLE["project"] in lines
    assert "Memo (Anouk): " + VISIBLE["code"] in lines
    assert "Memo (Bram): " + VISIBLE["document"] in lines
    # Without --as nobody is blind: the lead's report holds every memo.
    for body in HIDDEN.values():
        assert any(body in line for line in lines)
    # Project memos in "About this report", before the first chapter.
    # (each heading's last occurrence: the first is its line in the contents list)
    about = max(n for n, line in enumerate(lines) if line == "About this report")
    first_chapter = max(n for n, line in enumerate(lines) if line == "1 Herstelrecht")
    project_at = lines.index("Memo \u2018Kalibratie\u2019 (Anouk): " + VISIBLE["project"])
    assert about < project_at < first_chapter
    # The code memo directly under its code's heading and counts; the coding memo right
    # after its quote.
    coding_at = lines.index("Memo (Anouk): " + VISIBLE["coding"])
    assert lines[coding_at - 1].startswith("Het luisteren was het belangrijkste.")
    code_at = lines.index("Memo (Anouk): " + VISIBLE["code"])
    assert lines[code_at - 2].endswith("Emotioneel")
    # Document memos in the appendix, under the document's cited name.
    assert lines.index("Document memos") < lines.index("Memo (Bram): " + VISIBLE["document"])


def test_blind_viewer_sees_only_memos_they_may_read(tmp_path: Path) -> None:
    make_study(tmp_path)
    done = qualcode(tmp_path, "report", "study.qcdb", "bram.docx", "--memos", "--as", "Bram")
    assert done.returncode == 0, done.stderr
    text = "\n".join(paragraphs(tmp_path / "bram.docx"))
    for body in VISIBLE.values():
        assert body in text
    for body in HIDDEN.values():
        assert body not in text


def test_include_memos_checkbox_in_the_report_dialog(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qualcode.ui.qt import Qt, QtCore
    from qualcode.ui.report_dialog import ReportDialog
    from tests.test_gui_integration import drive, make_window, menu_action

    monkeypatch.setenv("QUALCODE_SETTINGS", str(tmp_path / "settings.ini"))
    window = make_window(qtbot, str(make_study(tmp_path)))
    out = tmp_path / "gui.docx"

    def fill(dialog: ReportDialog) -> None:
        assert not dialog.memos.isChecked()  # memos only where the user asks
        dialog.out.setText(str(out))
        dialog.show()
        qtbot.waitExposed(dialog)
        # Click the box itself (the widget spans the form's width; its middle is empty).
        box = dialog.memos.rect()
        qtbot.mouseClick(
            dialog.memos, Qt.MouseButton.LeftButton, pos=QtCore.QPoint(8, box.center().y())
        )
        assert dialog.memos.isChecked()
        dialog.write_button.click()

    drive(monkeypatch, ReportDialog, fill)
    menu_action(window, "&File", "&Export", "&Word report…").trigger()
    qtbot.waitUntil(out.exists, timeout=15000)
    text = "\n".join(paragraphs(out))
    for body in VISIBLE.values():
        assert body in text
    window.close()
