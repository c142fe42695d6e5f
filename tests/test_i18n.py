"""The Dutch interface: the translator, the shipped files, and coverage of the UI strings."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest

from qualcode.ui import i18n
from qualcode.ui.qt import QtCore, QtGui, QtWidgets

pytestmark = pytest.mark.gui
translate = QtCore.QCoreApplication.translate


@pytest.fixture
def app(qapp: QtWidgets.QApplication) -> Iterator[QtWidgets.QApplication]:
    yield qapp
    i18n.install_translator(qapp, "en")  # never leak Dutch into other tests


def messages(path: Path) -> dict[tuple[str, str], ElementTree.Element]:
    root = ElementTree.parse(path).getroot()
    return {
        (c.findtext("name", ""), m.findtext("source", "")): m
        for c in root.iter("context")
        for m in c.iter("message")
        if m.find("translation").get("type") not in ("obsolete", "vanished")
    }  # type: ignore[union-attr]


def test_available_languages() -> None:
    assert i18n.available_languages() == {"en": "English", "nl": "Nederlands"}


def test_dutch_translator_translates_known_strings(app: QtWidgets.QApplication) -> None:
    assert i18n.install_translator(app, "nl") == "nl"
    assert translate("CodeTreeWidget", "&New code…") == "&Nieuwe code…"
    assert translate("MainWindow", "&File") == "&Bestand"
    assert translate("CodebookModel", "%n coding(s) on this code", "", 2) == (
        "2 coderingen op deze code"
    )
    assert translate("CodebookModel", "%n coding(s) on this code", "", 1) == (
        "1 codering op deze code"
    )
    # self.tr() in a widget built afterwards (context = the class name) is Dutch too.
    from qualcode.ui.code_dialogs import CodeEditorDialog
    from qualcode.ui.codebook_commands import CodeFields

    dialog = CodeEditorDialog("x", CodeFields("A"))
    assert dialog.origin.itemText(1) == "Inductief (uit de data)"
    dialog.deleteLater()
    assert QtCore.QLocale().language() == QtCore.QLocale.Language.Dutch
    # Qt's own strings (standard buttons) come along when the Qt installation has them.
    box = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
    cancel = box.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel).text()
    assert cancel == ("Annuleren" if len(i18n._installed) == 2 else "Cancel")


def test_back_to_english_and_unknown_languages(app: QtWidgets.QApplication) -> None:
    i18n.install_translator(app, "nl")
    assert i18n.install_translator(app, "en") == "en"
    assert translate("MainWindow", "&File") == "&File"
    assert i18n.install_translator(app, "fr") == "en"
    assert i18n.install_translator(app, None) in ("en", "nl")


def test_ts_fallback_matches_the_compiled_file(app: QtWidgets.QApplication) -> None:
    fallback = i18n.TsTranslator(i18n.ts_file("nl"))
    compiled = QtCore.QTranslator()
    assert compiled.load(str(i18n.qm_file("nl"))), "run: python -m qualcode.ui.i18n"
    assert len(fallback) > 150
    for (context, source), message in messages(i18n.ts_file("nl")).items():
        n = 2 if message.get("numerus") == "yes" else -1
        assert compiled.translate(context, source, None, n) == fallback.translate(
            context, source, None, n
        ), f"{context}: {source!r} (stale .qm? run lrelease)"


def test_fallback_is_used_without_a_qm(
    app: QtWidgets.QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(i18n.ts_file("nl"), tmp_path / "qualcode_nl.ts")
    monkeypatch.setattr(i18n, "I18N_DIR", tmp_path)
    assert i18n.install_translator(app, "nl") == "nl"
    assert translate("DocumentBrowser", "All documents") == "Alle documenten"
    assert translate("CodebookModel", "%n coding(s) including sub-codes", "", 3) == (
        "3 coderingen inclusief subcodes"
    )


def test_every_message_is_translated() -> None:
    unfinished = [
        key
        for key, m in messages(i18n.ts_file("nl")).items()
        if m.find("translation").get("type") == "unfinished"
    ]  # type: ignore[union-attr]
    assert unfinished == [], "translate these in resources/i18n/qualcode_nl.ts"


def test_wrapped_strings_are_found() -> None:
    source = (
        'FILTER = "Projects (*.qcdb)"\n'
        "def _tr(text):\n"
        '    return QtCore.QCoreApplication.translate("Flow", text)\n'
        '_tr("Open")\n_tr(FILTER)\n_tr(variable)\n'
    )
    assert i18n.wrapped_strings(source) == [("Flow", "Open"), ("Flow", "Projects (*.qcdb)")]


def test_ui_strings_are_all_in_the_translation(tmp_path: Path) -> None:
    """Fails when someone adds a UI string: run ``python -m qualcode.ui.i18n``, translate."""
    try:
        lupdate = i18n._tool("lupdate")
    except SystemExit:
        pytest.skip("lupdate is not installed")
    stub = tmp_path / "wrapped.py"
    extra = list(i18n.EXTRA_STRINGS)
    sources = sorted(i18n.UI_DIR.glob("*.py"))
    for path in sources:
        extra += i18n.wrapped_strings(path.read_text(encoding="utf-8"))
    stub.write_text("".join(f"translate({c!r}, {t!r})\n" for c, t in extra), encoding="utf-8")
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [
            lupdate,
            "-silent",
            "-locations",
            "none",
            *map(str, sources),
            str(stub),
            "-ts",
            str(fresh),
        ],
        check=True,
    )
    shipped = messages(i18n.ts_file("nl"))
    missing = [key for key in messages(fresh) if key not in shipped]
    assert missing == [], "new UI strings: run python -m qualcode.ui.i18n and translate them"


def test_translations_ship_in_the_package() -> None:
    # resources/i18n at the top of the checkout (the design card), or inside the wheel.
    assert i18n.I18N_DIR.parent.name == "resources"
    assert i18n.qm_file("nl").is_file() and i18n.ts_file("nl").is_file()
    assert QtGui.QGuiApplication is not None
