"""The agreement core's notes (English, for logs and the CLI) in the interface language."""

from __future__ import annotations

import re

from qualcode.ui.qt import QtCore


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("AgreementPanel", text)


def note_in_language(note: str) -> str:
    """A known note, translated with its names kept; an unknown one as it is."""
    patterns = (
        (
            r"^(\d+) document\(s\) coded by fewer than two of the coders add nothing: (.*)$",
            _tr("{0} document(s) coded by fewer than two of the coders add nothing: {1}"),
        ),
        (
            r"^(.*): (.*) did not code this document \(no codings, not assigned\); "
            r"it is left out of the continuum$",
            _tr("{0}: {1} did not code this document; it is left out of the continuum"),
        ),
        (
            r"^(.*): (.*) did not code this document \(no codings, not assigned\); "
            r"their values are missing$",
            _tr("{0}: {1} did not code this document; their values are missing"),
        ),
        (
            r"^no stored units, segmented on the fly: (.*)$",
            _tr("no stored units, segmented on the fly: {0}"),
        ),
    )
    for pattern, text in patterns:
        found = re.match(pattern, note)
        if found:
            for index, part in enumerate(found.groups()):
                text = text.replace(f"{{{index}}}", part)
            return text
    return note
