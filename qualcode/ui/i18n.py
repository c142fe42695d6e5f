"""Interface languages: English source strings, Dutch from Qt Linguist files.

Translations live in ``resources/i18n/`` (shipped inside the wheel, see ``qualcode.bundled``):
``qualcode_nl.ts`` is the editable source, ``qualcode_nl.qm`` its compiled form. When the
``.qm`` is missing (a source checkout where nobody ran lrelease) the ``.ts`` is read
directly by :class:`TsTranslator`, so ``self.tr()`` and ``QCoreApplication.translate()``
work the same either way.

Refresh after changing UI strings (uses the lupdate/lrelease shipped in the PySide6 wheel)::

    .venv/bin/python -m qualcode.ui.i18n          # lupdate + lrelease
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.etree import ElementTree

from qualcode.bundled import resource
from qualcode.ui.qt import QtCore

LANGUAGES = {"en": "English", "nl": "Nederlands"}
I18N_DIR = resource("i18n")
UI_DIR = Path(__file__).resolve().parent
_installed: list[QtCore.QTranslator] = []  # kept referenced: Qt does not own translators


def available_languages() -> dict[str, str]:
    """Language code -> name of the language in that language."""
    return dict(LANGUAGES)


def ts_file(language: str) -> Path:
    return I18N_DIR / f"qualcode_{language}.ts"


def qm_file(language: str) -> Path:
    return I18N_DIR / f"qualcode_{language}.qm"


class TsTranslator(QtCore.QTranslator):
    """Translates straight from a Linguist ``.ts`` file (fallback when no ``.qm`` exists)."""

    def __init__(self, path: Path, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._messages: dict[tuple[str, str, str], list[str]] = {}
        self._language = ""
        root = ElementTree.parse(path).getroot()  # our own file, shipped in the package
        self._language = root.get("language", "")
        for context in root.iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") in (
                    "unfinished",
                    "obsolete",
                    "vanished",
                ):
                    continue
                forms = [f.text or "" for f in translation.iter("numerusform")]
                key = (name, message.findtext("source", ""), message.findtext("comment", ""))
                self._messages[key] = forms or [translation.text or ""]

    def __len__(self) -> int:
        return len(self._messages)

    def isEmpty(self) -> bool:
        return not self._messages

    def language(self) -> str:
        return self._language

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        forms = self._messages.get((context, source, disambiguation or ""))
        if not forms:
            return None
        # Dutch and English share the rule: one form for 1, the other for the rest.
        # (QCoreApplication.translate substitutes %n itself, as with a compiled .qm.)
        return forms[0] if n == 1 or len(forms) == 1 else forms[1]


def _load(language: str) -> QtCore.QTranslator | None:
    translator = QtCore.QTranslator()
    if qm_file(language).is_file() and translator.load(str(qm_file(language))):
        return translator
    if ts_file(language).is_file():
        fallback = TsTranslator(ts_file(language))
        return fallback if not fallback.isEmpty() else None
    return None


def _qt_translator(language: str) -> QtCore.QTranslator | None:
    """Qt's own strings (standard buttons, colour dialog) from the Qt installation."""
    translator = QtCore.QTranslator()
    folder = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
    return translator if translator.load(f"qtbase_{language}", folder) else None


def install_translator(app: QtCore.QCoreApplication, language: str | None) -> str:
    """Switch the interface language (None: the system's); returns the language in effect.

    Widgets built afterwards are translated; existing ones keep their text until rebuilt.
    """
    if language is None:
        language = QtCore.QLocale.system().name().split("_")[0]
    language = language if language in LANGUAGES else "en"
    while _installed:
        app.removeTranslator(_installed.pop())
    if language != "en":
        ours = _load(language)
        if ours is None:
            language = "en"  # no usable translation: say so instead of pretending
        else:
            for translator in (_qt_translator(language), ours):
                if translator is not None:
                    app.installTranslator(translator)
                    _installed.append(translator)
    # English keeps the user's regional formats; Dutch also formats numbers and dates Dutch.
    QtCore.QLocale.setDefault(
        QtCore.QLocale.system() if language == "en" else QtCore.QLocale(language)
    )
    return language


def _tool(name: str) -> str:
    import PySide6

    bundled = Path(PySide6.__file__).parent / name
    found = str(bundled) if bundled.is_file() else shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"{name} not found; install PySide6-Essentials (it ships {name})")
    return found


# Strings built at run time that lupdate cannot see (coder roles shown in the toolbar).
EXTRA_STRINGS = [
    ("MainWindow", "coder"),
    ("MainWindow", "lead"),
    ("MainWindow", "consensus"),
    ("CoderSession", "coder"),
    ("CoderSession", "lead"),
    ("CoderSession", "consensus"),
]


def _is_translate(func: ast.expr) -> bool:
    return isinstance(func, ast.Attribute | ast.Name) and (
        getattr(func, "attr", None) == "translate" or getattr(func, "id", None) == "translate"
    )


def wrapped_strings(source: str) -> list[tuple[str, str]]:
    """(context, text) of calls like ``_tr("Open")`` where the module defines
    ``def _tr(text): return QCoreApplication.translate("Ctx", text)``: lupdate sees only
    literal ``translate("Ctx", "...")`` calls, not such helpers."""
    tree = ast.parse(source)
    constants = {
        t.id: n.value.value
        for n in tree.body
        if isinstance(n, ast.Assign)
        and isinstance(n.value, ast.Constant)
        and isinstance(n.value.value, str)
        for t in n.targets
        if isinstance(t, ast.Name)
    }
    wrappers: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.args.args:
            param = node.args.args[0].arg
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and _is_translate(call.func)
                    and len(call.args) >= 2
                    and isinstance(call.args[0], ast.Constant)
                    and isinstance(call.args[1], ast.Name)
                    and call.args[1].id == param
                ):
                    wrappers[node.name] = str(call.args[0].value)
    found: list[tuple[str, str]] = []
    for call in ast.walk(tree):
        if not (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Name)
            and call.func.id in wrappers
            and call.args
        ):
            continue
        arg = call.args[0]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            found.append((wrappers[call.func.id], arg.value))
        elif isinstance(arg, ast.Name) and arg.id in constants:
            found.append((wrappers[call.func.id], constants[arg.id]))
    return found


def update_translations(languages: list[str] | None = None) -> None:
    """Extract the UI's strings into the .ts files (keeping translations), then compile."""
    sources = sorted(UI_DIR.glob("*.py"))
    extra = list(EXTRA_STRINGS)
    for path in sources:
        extra += wrapped_strings(path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        # A generated module of literal translate() calls lupdate can read.
        stub = Path(folder) / "wrapped_strings.py"
        stub.write_text(
            "".join(
                f"translate({json.dumps(c)}, {json.dumps(t, ensure_ascii=False)})\n"
                for c, t in dict.fromkeys(extra)
            ),
            encoding="utf-8",
        )
        for language in languages or [lang for lang in LANGUAGES if lang != "en"]:
            ts = ts_file(language)
            subprocess.run(
                [
                    _tool("lupdate"),
                    "-locations",
                    "none",
                    "-target-language",
                    language,
                    *map(str, sources),
                    str(stub),
                    "-ts",
                    str(ts),
                ],
                check=True,
            )
            subprocess.run([_tool("lrelease"), str(ts), "-qm", str(qm_file(language))], check=True)


if __name__ == "__main__":
    update_translations(sys.argv[1:] or None)
