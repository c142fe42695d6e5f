"""Blind coding is enforced by the services, for every way of looking (issue 15, 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.core.errors import DomainError
from qualcode.core.project import Project
from qualcode.core.retrieval import find_quotes
from tests.conftest import SAMPLE_TEXT, seed


@pytest.fixture
def blind(project: Project) -> Project:
    """NI01 coded blind by Anouk (a lead) and Bram; Carla leads without coding it."""
    seed(project)  # Anouk: 2 codings on NI01, Bram: 1
    project.coders.add("Carla", role="lead")
    project.documents.assign("NI01", ["Anouk", "Bram"], blind=True)
    return project


def test_each_blind_coder_sees_counts_and_retrieves_only_their_own(blind: Project) -> None:
    from qualcode.core.counting import usage_per_code

    for who, own in (("Anouk", 2), ("Bram", 1)):
        assert {blind.coders.get(c.coder_id).name for c in blind.codings.list(viewer=who)} == {who}
        assert len(find_quotes(blind, _viewer(who))) == own
        with blind.reading() as session:
            coder = _coder(session, who)
            assert sum(usage_per_code(session, coder).values()) == own
    # A lead who does not code the document oversees it.
    assert len(blind.codings.list(viewer="Carla")) == 3


def test_a_lead_coding_blind_cannot_preview_agreement_but_the_other_lead_can(
    blind: Project,
) -> None:
    from qualcode.core.agreement_project import compute_agreement

    with pytest.raises(DomainError, match="blind"):
        compute_agreement(blind, ["Anouk", "Bram"], unit="sentence", viewer="Anouk")
    result = compute_agreement(blind, ["Anouk", "Bram"], unit="sentence", viewer="Carla")
    assert result is not None
    blind.documents.reveal("NI01", by="Carla")
    assert len(blind.codings.list(viewer="Bram")) == 3


def test_export_made_by_a_coder_holds_only_what_they_may_see(
    blind: Project, tmp_path: Path
) -> None:
    import csv

    from qualcode.io.codings_csv import export_codings

    out = tmp_path / "bram.csv"
    assert export_codings(blind, out, viewer="Bram") == 1
    with out.open(encoding="utf-8") as handle:
        assert {row["coder"] for row in csv.DictReader(handle)} == {"Bram"}


def test_session_identity_is_chosen_once_and_switched_explicitly(blind: Project) -> None:
    blind.act_as("Bram")
    assert len(blind.codings.list()) == 1  # listings without a viewer: as the session's coder
    assert len(find_quotes(blind)) == 1
    with pytest.raises(DomainError, match="switch coder"):
        blind.act_as("Anouk")
    blind.act_as("Anouk", switch=True)
    assert len(blind.codings.list()) == 2
    with pytest.raises(DomainError, match="consensus"):
        blind.coders.add("consensus", role="consensus")
        blind.act_as("consensus", switch=True)


def test_a_login_fixes_the_identity(blind: Project) -> None:
    blind.fixed_identity = "Bram"  # what a team server's locator sets from the login
    with pytest.raises(DomainError, match="login"):
        blind.act_as("Anouk")
    assert blind.act_as("Bram").name == "Bram"


def test_cli_export_as_a_coder(blind: Project, tmp_path: Path) -> None:
    import subprocess
    import sys

    if "://" in blind.locator:
        pytest.skip("the CLI round trip is the same on both backends; SQLite is enough")
    out = tmp_path / "codings.csv"
    blind.close()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "qualcode",
            "codings",
            "export",
            blind.locator,
            str(out),
            "--as",
            "Bram",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "wrote 1 codings" in done.stdout
    assert SAMPLE_TEXT.index("Mijn moeder") >= 0


def _viewer(name: str):  # type: ignore[no-untyped-def]
    from qualcode.core.retrieval import QuoteFilter

    return QuoteFilter(viewer=name)


def _coder(session, name: str):  # type: ignore[no-untyped-def]
    from qualcode.core.services.lookup import get_coder

    return get_coder(session, name)
