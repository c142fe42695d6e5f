"""The exchange commands as a user types them: qdpx export|import, merge, export-copy."""

from __future__ import annotations

import json
import sqlite3
import stat
from pathlib import Path

import pytest

from qualcode.cli import main
from qualcode.core.project import create_project, open_project
from tests.exchange_helpers import INTERVIEW, build_rich_project, content, span


@pytest.fixture
def study(tmp_path: Path) -> str:
    locator = str(tmp_path / "study.qcdb")
    with create_project(locator) as project:
        build_rich_project(project)
    return locator


def test_qdpx_export_then_import_creates_the_project(
    study: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "study.qdpx"
    assert main(["qdpx", "export", study, str(out)]) == 0
    assert "2 coders, 5 codes, 2 documents, 5 codings, 4 memos" in capsys.readouterr().out
    copy = tmp_path / "copy.qcdb"
    assert main(["qdpx", "import", str(out), str(copy), "--dry-run"]) == 0
    assert "codings: 5 added" in capsys.readouterr().out and not copy.exists()
    assert main(["qdpx", "import", str(out), str(copy)]) == 0
    text = capsys.readouterr().out
    assert "documents: 2 added" in text and "codings: 5 added" in text
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    with open_project(study) as a, open_project(str(copy)) as b:
        assert content(a) == content(b)


def test_qdpx_import_into_an_existing_project_merges_without_duplicates(
    study: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "study.qdpx"
    main(["qdpx", "export", study, str(out)])
    capsys.readouterr()
    assert main(["qdpx", "import", str(out), study, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["codings_added"], report["codings_existing"], report["conflicts"]) == (0, 5, 0)


def test_merge_a_coders_copy_back(
    study: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bram codes further in his copy; the lead merges it back: only the new work arrives,
    the merge is logged, and merging twice changes nothing."""
    bram = tmp_path / "bram.qcdb"
    assert main(["export-copy", study, str(bram)]) == 0
    with open_project(str(bram)) as copy:
        copy.codebook.add("Planning", parent="Steungever", origin="inductive", coder="Bram")
        copy.codings.add("NI01", "Bram", "Steungever / Planning", *span(INTERVIEW, "over planning"))
        copy.memos.add("Nieuwe code na NI01.", code="Steungever / Planning", author="Bram")
    capsys.readouterr()
    assert main(["merge", study, str(bram), "--dry-run"]) == 0
    dry = capsys.readouterr().out
    assert "codings: 1 added, 5 already there (not duplicated)" in dry
    assert "nothing changed" in dry
    with open_project(study) as project:
        assert project.info().codings == 5
    assert main(["merge", study, str(bram)]) == 0
    assert "codes: 1 added" in capsys.readouterr().out
    with open_project(study) as project:
        assert project.info().codings == 6
        assert project.codebook.get("Steungever / Planning").origin == "inductive"
        assert any(e.action == "project-merge" for e in project.versions.log())
    assert main(["merge", study, str(bram)]) == 0
    assert "codings: 0 added, 6 already there" in capsys.readouterr().out


def test_export_copy_while_the_project_is_open(study: str, tmp_path: Path) -> None:
    """A copy taken while the app holds the project open (WAL mode, recent writes not yet
    checkpointed) contains every committed change and is one self-contained file."""
    out = tmp_path / "send.qcdb"
    with open_project(study) as project:
        project.codings.add("FG02", "Bram", "Lotgenoten", 0, 9)
        assert main(["export-copy", study, str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert not Path(f"{out}-wal").exists()
    con = sqlite3.connect(out)
    assert con.execute("SELECT count(*) FROM codings").fetchone() == (6,)
    con.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export-copy", "postgresql+psycopg://u@h/db", "x.qcdb"], "for a team server use"),
        (["export-copy", "missing.qcdb", "x.qcdb"], "no such project file"),
        (["qdpx", "export", "STUDY", "out.zip"], "must end in .qdpx"),
        (["merge", "STUDY", "STUDY"], "cannot be merged into itself"),
    ],
)
def test_command_errors_are_one_line(
    study: str, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([study if a == "STUDY" else a for a in args]) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_codebook_cli_keeps_guid_case_names_with_slash_and_warns_on_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.test_exchange_examples import EXAMPLES

    locator = str(tmp_path / "cb.qcdb")
    main(["init", locator])
    atlas = EXAMPLES / "atlasti-win-23.4.0_codebook.from-requal-test.qdc"
    assert main(["codebook", "import", locator, str(atlas)]) == 0
    assert main(["codebook", "export", locator, str(tmp_path / "back.qdc")]) == 0
    original = atlas.read_text(encoding="utf-8")
    back = (tmp_path / "back.qdc").read_text(encoding="utf-8")
    guid = original.split('guid="')[1].split('"')[0]
    assert guid.isupper() and f'guid="{guid}"' in back  # as ATLAS.ti wrote it

    small = tmp_path / "small.qdc"
    small.write_text(
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
        '<Code guid="1" name="Humor / Amusement" isCodable="true"/></Codes></CodeBook>',
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["codebook", "import", locator, str(small)]) == 0
    captured = capsys.readouterr()
    assert "1 code id(s) were not GUIDs" in captured.err
    assert main(["codebook", "show", locator]) == 0
    assert "Humor / Amusement" in capsys.readouterr().out


def test_empty_codebook_exports_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locator = str(tmp_path / "empty.qcdb")
    main(["init", locator])
    capsys.readouterr()
    assert main(["codebook", "export", locator, str(tmp_path / "leeg.qdc")]) == 0
    captured = capsys.readouterr()
    assert "wrote 0 codes" in captured.out and "<Codes/>" in captured.err
    assert main(["codebook", "import", locator, str(tmp_path / "leeg.qdc")]) == 0
