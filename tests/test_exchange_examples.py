"""Real .qdpx/.qde exports of other tools (shared/refi-qda/examples) import with their
codings on the right words; a small tool's quirks are read too."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from qualcode.core.project import open_project
from qualcode.io.exchange import ExchangeError, export_qdpx, import_qdpx, read_qdpx
from tests.conftest import SHARED
from tests.exchange_helpers import make_qdpx, schema_errors

EXAMPLES = SHARED / "refi-qda" / "examples"
pytestmark = pytest.mark.skipif(not EXAMPLES.is_dir(), reason="shared/refi-qda is missing")


def on_word_boundaries(text: str, start: int, end: int) -> bool:
    before = start == 0 or not (text[start - 1].isalnum() and text[start].isalnum())
    after = end == len(text) or not (text[end - 1].isalnum() and text[end].isalnum())
    return before and after and bool(text[start:end].strip())


def codings_on_words(locator: str) -> tuple[int, int]:
    """(codings on word boundaries, all codings) as stored in the project."""
    with open_project(locator) as project:
        texts = {d.id: project.documents.text(d.id) for d in project.documents.list()}
        codings = project.codings.list()
    good = sum(on_word_boundaries(texts[c.document_id], c.start, c.end) for c in codings)
    return good, len(codings)


@pytest.mark.parametrize(
    "name",
    [
        "atlasti-win-23.2.3_target-atlas-project.qdpx",
        "atlasti-win-23.2.3_target-atlas-project.project.qde",
    ],
)
def test_atlas_ti_project(name: str, tmp_path: Path) -> None:
    locator = str(tmp_path / "atlas.qcdb")
    report = import_qdpx(EXAMPLES / name, locator)
    assert report.codes_added == 3 and report.documents_added == []
    with open_project(locator) as project:
        info = project.info()
        assert (info.codes, info.coders, info.documents) == (3, 2, 0)
        assert sorted(info.coder_names) == ["ATLAS.ti", "Enric Llagostera"]
        paths = [r.path_text for r in project.codebook.tree()]
        assert paths == [
            "Commits",
            "Commits / 2022-05-10T02:05:59Z 19e4dce",
            "Commits / 2022-02-11T10:39:25Z cdbfd92",
        ]
        assert all(r.chosen_colour is None for r in project.codebook.tree())  # none invented
        export_qdpx(project, tmp_path / "back.qdpx")
    assert schema_errors(tmp_path / "back.qdpx") == []
    with zipfile.ZipFile(tmp_path / "back.qdpx") as archive:
        qde = archive.read("project.qde").decode()
    # ATLAS.ti's upper-case GUIDs go back as ATLAS.ti wrote them.
    assert 'guid="A182CD3A-D83C-4D8C-BC80-26D9103EC6D6" name="Commits"' in qde


def test_nvivo_windows_utf16_positions_land_on_words(tmp_path: Path) -> None:
    """97 codings counted in UTF-16 code units over a CRLF text with a BOM and 894 emoji:
    converted, every one starts and ends on a word boundary."""
    locator = str(tmp_path / "nvivo.qcdb")
    report = import_qdpx(EXAMPLES / "nvivo-win-12.6_oltas.qdpx", locator)
    assert (report.codings_added, report.codings_existing, report.codes_added) == (97, 0, 60)
    assert codings_on_words(locator) == (97, 97)
    with open_project(locator) as project:
        (document,) = project.documents.list()
        text = project.documents.text(document.id)
        assert document.name == "videos_selection"
        assert "\r" not in text and not text.startswith("\ufeff")
        assert sum(1 for ch in text if ord(ch) > 0xFFFF) == 894
        assert sorted(project.info().coder_names) == ["Gergo", "floriansipos"]
        per_coder = project.info().codings_per_coder
        assert per_coder == {"Gergo": 0, "floriansipos": 97}
        definitions = [r for r in project.codebook.tree() if r.definition]
        assert len(definitions) == 9


def test_code_points_would_have_missed_the_words() -> None:
    """The same file read as code points (the standard's unit) puts most codings after
    the first emoji off their words: the conversion is what makes them right."""
    bundle = read_qdpx(EXAMPLES / "nvivo-win-12.6_oltas.qdpx")
    with zipfile.ZipFile(EXAMPLES / "nvivo-win-12.6_oltas.qdpx") as archive:
        raw = archive.read("Sources/56a79789-d535-4fb8-bedd-a915504c54ba.txt").decode("utf-8-sig")
    text = bundle.sources[0].text or ""
    first_emoji = next(i for i, ch in enumerate(text) if ord(ch) > 0xFFFF)
    after = [c for c in bundle.codings if c.start > first_emoji]
    assert len(after) > 50
    assert all(on_word_boundaries(text, c.start, c.end) for c in after)
    # Same positions taken as code points over the raw file text: mostly mid-word.
    import re

    selections = re.findall(
        r'startPosition="(\d+)" endPosition="(\d+)"',
        zipfile.ZipFile(EXAMPLES / "nvivo-win-12.6_oltas.qdpx").read("project.qde").decode(),
    )
    naive = [(int(a), int(b)) for a, b in selections if int(a) > first_emoji + 100]
    hits = sum(on_word_boundaries(raw, a, b) for a, b in naive if b <= len(raw))
    assert hits < len(naive) / 2  # 22 of 59 measured


def test_nvivo_windows_qde_without_its_sources_is_refused(tmp_path: Path) -> None:
    locator = tmp_path / "x.qcdb"
    with pytest.raises(ExchangeError, match=r"has codings but its text .* is missing"):
        import_qdpx(EXAMPLES / "nvivo-win-12.6_oltas.project.qde", str(locator))
    assert not locator.exists()


@pytest.mark.parametrize(
    "name", ["nvivo-mac-15.0.0_nvivo_project.qdpx", "nvivo-mac-15.0.0_nvivo_project.project.qde"]
)
def test_nvivo_mac_project(name: str, tmp_path: Path) -> None:
    """262 codes up to 7 levels, lower-case GUIDs, two sources whose plain text (and
    Word rendering) is empty: kept as a list and said so, not coded."""
    locator = str(tmp_path / "mac.qcdb")
    report = import_qdpx(EXAMPLES / name, locator)
    assert report.codes_added == 262 and len(report.sources_not_text) == 2
    with open_project(locator) as project:
        info = project.info()
        assert (info.codes, info.coders, info.documents, info.codings) == (262, 2, 0, 0)
        assert max(r.depth for r in project.codebook.tree()) == 6
        (memo,) = project.memos.list(target="project")
        assert memo.title == "Sources not imported as text" and memo.body.count("\n") == 1
        assert project.setting("exchange.guid_case") == ""  # NVivo writes lower case


def test_maxqda_project(tmp_path: Path) -> None:
    """307 codes with lower-case hex colours and descriptions; ten sources whose text is
    not in a bare .qde: listed, with their set membership."""
    locator = str(tmp_path / "maxqda.qcdb")
    report = import_qdpx(EXAMPLES / "maxqda-24.7.0_project.qde", locator)
    assert report.codes_added == 307 and len(report.sources_not_text) == 10
    with open_project(locator) as project:
        tree = project.codebook.tree()
        assert len(tree) == 307
        assert all(r.chosen_colour and r.chosen_colour == r.chosen_colour.upper() for r in tree)
        assert sum(1 for r in tree if r.definition) == 307
        assert project.setting("exchange.guid_case") == "upper"


SMALL_TOOL = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="klein" origin="TinyQDA 0.1">
  <Users><User guid="u1" name="Sam"/></Users>
  <CodeBook><Codes>
    <Code guid="c1" name="Steun" isCodable="false">
      <Code guid="c2" name="Humor / Amusement" isCodable="true" color="rgb(255,0,0)"/>
    </Code>
    <Code guid="c3" name="Planning" isCodable="true"/>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="s1" plainTextPath="absolute://C:/Users/sam/Interview A.txt">
      <PlainTextSelection guid="p1" startPosition="0" endPosition="5" creatingUser="u1">
        <Coding guid="k1" creatingUser="u1"><CodeRef targetGUID="c2"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <TextSource guid="s2" name="Inline">
      <PlainTextContent>Plannen doe ik nooit.</PlainTextContent>
      <PlainTextSelection guid="p2" startPosition="0" endPosition="7">
        <Description>in vivo</Description>
        <Coding guid="k2" creatingUser="u1"><CodeRef targetGUID="c3"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <PDFSource guid="s3" name="Beleid" path="relative://beleid.pdf"/>
    <PictureSource guid="s4" name="Foto" path="foto.png"/>
  </Sources>
  <Sets><Set guid="set1" name="Thema's"><MemberCode targetGUID="c3"/></Set></Sets>
</Project>
"""


def test_small_tool_quirks(tmp_path: Path) -> None:
    """Non-GUID ids (mapped, with a warning), a source without a name found by file name
    under Sources/ from an absolute path, inline text, PDF and picture sources listed,
    a code in a set, a '/' in a code name, an rgb() colour."""
    qdpx = make_qdpx(
        tmp_path / "klein.qdpx",
        SMALL_TOOL,
        {"Sources/Interview A.txt": "\ufeffHumor hielp ons.\r\nEcht waar.".encode()},
    )
    locator = str(tmp_path / "klein.qcdb")
    report = import_qdpx(qdpx, locator)
    assert any("were not GUIDs" in w for w in report.warnings)
    assert sorted(report.documents_added) == ["Inline", "Interview A"]
    assert len(report.sources_not_text) == 2 and report.codings_added == 2
    assert codings_on_words(locator) == (2, 2)
    with open_project(locator) as project:
        humor = project.codebook.get("Steun / Humor \\/ Amusement")
        assert (humor.name, humor.chosen_colour) == ("Humor / Amusement", "#FF0000")
        assert project.codebook.get("Steun").codable is False
        coding = next(c for c in project.codings.list() if c.memo)
        assert coding.memo == "in vivo"
        titles = sorted(m.title for m in project.memos.list(target="project"))
        assert titles == ["Code set: Thema's", "Sources not imported as text"]
        assert project.documents.text("Interview A") == "Humor hielp ons.\nEcht waar."
