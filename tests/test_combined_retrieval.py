"""Combined retrieval: A within / overlapping / near B (core, CLI and the quotes browser)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from qualcode.core.combined import Combination
from qualcode.core.errors import DomainError
from qualcode.core.project import Project, create_project
from qualcode.core.retrieval import QuoteFilter, find_quotes
from tests.conftest import SAMPLE_TEXT, seed


def build(project: Project) -> None:
    seed(project)  # Anouk: Moeder 52-80, Emotionele steun "Dat gaf echt rust." ; Bram: Moeder
    turn = SAMPLE_TEXT.index("Mijn moeder")
    end = SAMPLE_TEXT.index("planning.") + len("planning.")
    project.codebook.add("Ouders", coder="Anouk")
    project.codings.add("NI01", "Anouk", "Ouders", turn, end)  # the whole student turn
    mentor = SAMPLE_TEXT.index("Mijn mentor")
    project.codings.add("NI01", "Anouk", "Steungever / Mentor", mentor, mentor + 11)
    lachen = SAMPLE_TEXT.index("we lachten")
    project.codings.add("NI01", "Anouk", "Steungedrag / Praktische steun", lachen, lachen + 10)


def paths(project: Project, combine: Combination, code: str = "Steungedrag") -> list[str]:
    flt = QuoteFilter(codes=(code,), subcodes=True, coders=("Anouk",), combine=combine)
    return [" / ".join(q.code_path) + f" {q.text}" for q in find_quotes(project, flt)]


def test_within_overlapping_and_near(project: Project) -> None:
    build(project)
    assert paths(project, Combination("Ouders", "within")) == [
        "Steungedrag / Emotionele steun Dat gaf echt rust."
    ]
    assert paths(project, Combination("Steungever / Moeder", "overlapping")) == []
    near = paths(project, Combination("Steungever / Moeder", "near", distance=5))
    assert near == ["Steungedrag / Emotionele steun Dat gaf echt rust."]  # right after it
    assert paths(project, Combination("Steungever", "near", distance=0)) == [
        "Steungedrag / Emotionele steun Dat gaf echt rust."
    ]
    far = paths(project, Combination("Steungever", "near", distance=1000))
    assert len(far) == 2  # the laughing too, further away
    with pytest.raises(DomainError, match="within, overlapping, near"):
        paths(project, Combination("Ouders", "beside"))


def test_combined_respects_blinding(project: Project) -> None:
    build(project)
    project.documents.assign("NI01", ["Anouk", "Bram"], blind=True)
    flt = QuoteFilter(
        codes=("Steungever / Moeder",), viewer="Bram", combine=Combination("Ouders", "within")
    )
    assert find_quotes(project, flt) == []  # Anouk's "Ouders" coding is hidden from Bram


def test_cli_quotes_within(tmp_path: Path) -> None:
    locator = str(tmp_path / "study.qcdb")
    with create_project(locator, "Study") as project:
        build(project)
    done = subprocess.run(
        [sys.executable, "-m", "qualcode", "quotes", locator, "--code", "Steungedrag",
         "--subcodes", "--coder", "Anouk", "--within", "Ouders", "--json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert [q["text"] for q in json.loads(done.stdout)] == ["Dat gaf echt rust."]


@pytest.mark.gui
def test_quotes_browser_combines_codes(qtbot: Any, tmp_path: Path) -> None:
    from qualcode.ui.quotes_browser import QuotesBrowser

    locator = str(tmp_path / "study.qcdb")
    with create_project(locator, "Study") as project:
        build(project)
        browser = QuotesBrowser(project, author="Anouk")
        qtbot.addWidget(browser)
        browser.code.setCurrentIndex(browser.code.findData(project.codebook.get("Steungedrag").id))
        browser.relation.setCurrentIndex(browser.relation.findData("within"))
        browser.other_code.setCurrentIndex(
            browser.other_code.findData(project.codebook.get("Ouders").id)
        )
        qtbot.waitUntil(lambda: browser.model.rowCount() == 1, timeout=5000)
        assert browser.model.quote(0).text == "Dat gaf echt rust."
        browser.close()
