"""REFI-QDA codebooks: real vendor exports, schema validity, and hostile XML."""

from __future__ import annotations

import copy
import io
import os
import time
import zipfile
from collections import Counter
from pathlib import Path

import pytest
import xmlschema

from qualcode.core.codebook_spec import CodebookSpec, CodeNode
from qualcode.io.codebook_formats import CodebookFormatError, read_codebook, write_codebook
from qualcode.io.codebook_formats.description_sections import DescriptionFields, pack, unpack
from qualcode.io.codebook_formats.qdc import dumps_qdc, loads_qdc
from tests.conftest import SHARED

FIXTURES = Path(__file__).parent / "fixtures" / "codebooks"
REPO = Path(__file__).resolve().parent.parent
# Real vendor exports are not in the repository (licences, see fixtures/codebooks/SOURCE.md).
EXAMPLES = Path(os.environ.get("QUALCODE_REFI_EXAMPLES", str(SHARED / "refi-qda" / "examples")))
needs_examples = pytest.mark.skipif(
    not EXAMPLES.is_dir(), reason=f"REFI-QDA vendor examples not found at {EXAMPLES}"
)

CB = 'xmlns="urn:QDA-XML:codebook:1.0"'
G1 = "1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294"
G2 = "ECA18D76-2B8B-4F26-BC1D-19ECA19FB3F0"


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(FIXTURES / "Codebook.xsd"))


def depth_histogram(spec: CodebookSpec) -> dict[int, int]:
    return dict(Counter(len(path) for path, _ in spec.walk()))


def qdc_file(tmp_path: Path, body: str, name: str = "x.qdc") -> Path:
    path = tmp_path / name
    path.write_text(body, "utf-8")
    return path


# ----------------------------------------------------------------------- vendor exports


@needs_examples
def test_taguette_flat_codes_and_empty_sets() -> None:
    spec = read_codebook(EXAMPLES / "taguette-1.4.1_codebook.qdc")
    assert [code.name for code in spec.codes] == ["xsd:element name", "CodeBook", "Variables"]
    assert all(not code.children and code.colour is None for code in spec.codes)
    assert spec.codes[0].guid == "098AC082-A9C7-50F4-9728-48730081A95E"
    assert spec.name == "taguette-1.4.1_codebook"  # vendor .qdc carries no name


@needs_examples
def test_atlasti_codebook_with_set_and_colour() -> None:
    spec = read_codebook(EXAMPLES / "atlasti-win-23.4.0_codebook.from-requal-test.qdc")
    (code,) = spec.codes
    assert (code.name, code.colour, code.definition) == ("code1", "#46AA00", "description")
    assert code.origin == "deductive"


@needs_examples
@pytest.mark.parametrize(
    "name",
    [
        "atlasti-win-23.2.3_target-atlas-project.project.qde",
        "atlasti-win-23.2.3_target-atlas-project.qdpx",
    ],
)
def test_atlasti_project_codes(name: str) -> None:
    spec = read_codebook(EXAMPLES / name)
    assert spec.name == "target-atlas-project"
    (commits,) = spec.codes
    assert commits.name == "Commits"
    assert [c.name for c in commits.children] == [
        "2022-05-10T02:05:59Z 19e4dce",
        "2022-02-11T10:39:25Z cdbfd92",
    ]


@needs_examples
@pytest.mark.parametrize(
    "name", ["maxqda-24.7.0_codebook.derived.qdc", "maxqda-24.7.0_project.qde"]
)
def test_maxqda_307_codes_with_colours_and_descriptions(name: str) -> None:
    spec = read_codebook(EXAMPLES / name)
    assert depth_histogram(spec) == {1: 18, 2: 289}
    nodes = [node for _, node in spec.walk()]
    assert all(node.definition for node in nodes)
    assert all(node.colour and node.colour == node.colour.upper() for node in nodes)
    first = spec.codes[0]
    assert first.name == "Additional Themes and Ideas"
    assert first.colour == "#EF8256"  # MAXQDA writes lower-case hex
    assert first.guid == "C9E3D7E0-4DBF-46E2-96EF-14574ECD3B90"


@needs_examples
def test_maxqda_codebook_and_project_give_the_same_codes() -> None:
    codebook = read_codebook(EXAMPLES / "maxqda-24.7.0_codebook.derived.qdc")
    project = read_codebook(EXAMPLES / "maxqda-24.7.0_project.qde")
    assert codebook.codes == project.codes
    assert project.name == "2025-06-16_ICLS_Conf_Themes_ALL_just10"


@needs_examples
@pytest.mark.parametrize(
    "name", ["nvivo-mac-15.0.0_nvivo_project.project.qde", "nvivo-mac-15.0.0_nvivo_project.qdpx"]
)
def test_nvivo_mac_deep_tree_lower_case_guids(name: str) -> None:
    spec = read_codebook(EXAMPLES / name)
    assert spec.name == "qc project"
    assert depth_histogram(spec) == {1: 3, 2: 18, 3: 112, 4: 91, 5: 26, 6: 9, 7: 3}
    assert spec.codes[0].name == "rq1_definition"
    assert spec.codes[0].guid == "34653336-3766-3235-6466-363134396437"
    assert all(node.colour is None for _, node in spec.walk())


@needs_examples
@pytest.mark.parametrize("name", ["nvivo-win-12.6_oltas.project.qde", "nvivo-win-12.6_oltas.qdpx"])
def test_nvivo_windows_hungarian_with_empty_descriptions(name: str) -> None:
    spec = read_codebook(EXAMPLES / name)
    assert depth_histogram(spec) == {1: 11, 2: 32, 3: 17}
    assert sum(1 for _, node in spec.walk() if node.definition) == 9
    by_name = {node.name: node for _, node in spec.walk()}
    assert by_name["relativizálás, analógiák"].definition == "csak egy nátha"  # stripped
    severity = by_name["2. Perceived Severity – Észlelt súlyosság"]
    assert "\nMagénak" in severity.definition  # multi-line text kept
    assert [c.name for c in severity.children] == ["Oltás kockázatai", "Betegség kockázatai"]


@needs_examples
@pytest.mark.parametrize(
    "name",
    [p.name for p in sorted(EXAMPLES.glob("*")) if p.suffix in (".qdc", ".qde", ".qdpx")],
)
def test_every_example_reexports_schema_valid_and_lossless(
    name: str, tmp_path: Path, schema: xmlschema.XMLSchema
) -> None:
    spec = read_codebook(EXAMPLES / name)
    target = tmp_path / "again.qdc"
    write_codebook(copy.deepcopy(spec), target)
    schema.validate(str(target))
    assert read_codebook(target) == spec


# ----------------------------------------------------------------------- what we write


def test_written_qdc_is_schema_valid_and_readable_as_plain_refi(
    tmp_path: Path, schema: xmlschema.XMLSchema
) -> None:
    spec = read_codebook(FIXTURES / "rich.yaml")
    target = tmp_path / "rich.qdc"
    write_codebook(spec, target)
    schema.validate(str(target))
    text = target.read_text("utf-8")
    assert text.startswith("<?xml version='1.0' encoding='utf-8'?>\n<?qualcode-codebook {")
    assert 'origin="Qualcode"' in text
    # Another tool sees the criteria as readable labelled lines in the description.
    assert "Inclusie: Gedrag dat de student zelf beschrijft." in text
    # The origin travels in our instruction, not appended to what other tools show.
    assert "Herkomst: inductive" not in text and "Origin: inductive" not in text
    assert '"inductive": ["' in text
    assert 'color="#9C9C9C"' not in text  # no colour invented for codes without one


@pytest.mark.parametrize(
    "path",
    [REPO / "codebooks" / "projectleiders.yaml", REPO / "codebooks" / "narratief.yaml"],
    ids=lambda p: p.name,
)
def test_project_codebooks_export_schema_valid(
    path: Path, tmp_path: Path, schema: xmlschema.XMLSchema
) -> None:
    if not path.exists():
        pytest.skip(f"{path} is not written yet")
    write_codebook(read_codebook(path), tmp_path / "x.qdc")
    schema.validate(str(tmp_path / "x.qdc"))


def test_codebook_metadata_survives_without_the_instruction(tmp_path: Path) -> None:
    """A tool that drops our processing instruction loses the codebook's name and which
    codes are inductive (their descriptions stay exactly the definitions)."""
    data = dumps_qdc(read_codebook(FIXTURES / "rich.yaml"))
    stripped = b"\n".join(line for line in data.split(b"\n") if not line.startswith(b"<?qualcode"))
    spec = loads_qdc(stripped, "x", default_name="from-file")
    assert spec.name == "from-file"
    expected = read_codebook(FIXTURES / "rich.yaml")
    for _, node in expected.walk():
        node.origin = "deductive"
    assert spec.codes == expected.codes


def test_empty_codebook_exports_and_imports_back(tmp_path: Path) -> None:
    """Import accepted an empty codebook; export now writes one too (``<Codes/>``)."""
    write_codebook(CodebookSpec(name="Leeg"), tmp_path / "leeg.qdc")
    back = read_codebook(tmp_path / "leeg.qdc")
    assert (back.name, back.codes) == ("Leeg", [])


def test_xml_incompatible_characters_are_cleaned(tmp_path: Path) -> None:
    spec = CodebookSpec(codes=[CodeNode("A", definition="regel\x0bnieuwe\x01regel")])
    write_codebook(spec, tmp_path / "c.qdc")
    assert read_codebook(tmp_path / "c.qdc").codes[0].definition == "regel\nnieuweregel"


# ----------------------------------------------------------------------- description packing


@pytest.mark.parametrize("language", ["en", "nl", None, "de"])
def test_description_pack_unpack_is_lossless(language: str | None) -> None:
    fields = DescriptionFields(
        definition="Eerste regel.\nExample: looks like a label\n\\Origin: escaped already",
        inclusion="Inclusion: nested label\nsecond line",
        exclusion="\\\\server\\share",
        example='"Quote" <with> & chars\n\nafter a blank line',
    )
    assert unpack(pack(fields, language)) == fields
    # Older exports appended the origin; such descriptions still read.
    assert unpack(pack(fields, language) + "\nOrigin: inductive").origin == "inductive"


def test_vendor_descriptions_become_the_definition() -> None:
    fields = unpack("Apply this code when a study uses Gee's concept.\nOrigin: the Greeks")
    assert (
        fields.definition == "Apply this code when a study uses Gee's concept.\nOrigin: the Greeks"
    )
    assert fields.origin is None


def test_hand_typed_criteria_in_another_tool_are_recognised() -> None:
    fields = unpack(
        "Def.\nInclusion criteria: a\nExclusiecriteria: b\nVoorbeeld: c\nHerkomst: inductief"
    )
    assert (fields.definition, fields.inclusion, fields.exclusion, fields.example) == (
        "Def.",
        "a",
        "b",
        "c",
    )
    assert fields.origin == "inductive"


# ----------------------------------------------------------------------- hostile and broken input

XXE = f"""<?xml version="1.0"?>
<!DOCTYPE CodeBook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<CodeBook {CB}><Codes><Code guid="{G1}" name="&xxe;" isCodable="true"/></Codes></CodeBook>
"""
BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + f']>\n<CodeBook {CB}><Codes><Code guid="{G1}" name="&lol9;" isCodable="true"/>'
    "</Codes></CodeBook>"
)
EXTERNAL_DTD = f"""<?xml version="1.0"?>
<!DOCTYPE CodeBook SYSTEM "http://127.0.0.1:9/evil.dtd">
<CodeBook {CB}><Codes><Code guid="{G1}" name="a" isCodable="true"/></Codes></CodeBook>
"""


@pytest.mark.parametrize(
    "body", [XXE, BILLION_LAUGHS, EXTERNAL_DTD], ids=["xxe", "billion-laughs", "external-dtd"]
)
def test_hostile_xml_is_refused(tmp_path: Path, body: str) -> None:
    path = qdc_file(tmp_path, body)
    started = time.perf_counter()
    with pytest.raises(CodebookFormatError) as info:
        read_codebook(path)
    assert time.perf_counter() - started < 1.0
    message = str(info.value)
    assert message.startswith(f"{path}: ") and "refused for safety" in message
    assert "root:" not in message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_hostile_xml_in_other_encodings_is_refused(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "wide.qdc"
    path.write_bytes(
        XXE.replace('version="1.0"?>', f'version="1.0" encoding="{encoding}"?>', 1).encode(encoding)
    )
    with pytest.raises(CodebookFormatError, match=r"refused for safety|not well-formed"):
        read_codebook(path)


def test_hostile_project_inside_qdpx_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("project.qde", XXE.replace("CodeBook", "Project"))
    path = tmp_path / "evil.qdpx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(CodebookFormatError, match="refused for safety"):
        read_codebook(path)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            f'<CodeBook {CB}><Codes><Code guid="{G1}" name="a" isCodable="true"/>'
            f'<Code guid="{{{G1.lower()}}}" name="b" isCodable="true"/></Codes></CodeBook>',
            f"code 'b': guid '{G1.lower()}' is also used by code 'a'",
        ),
        (
            f'<CodeBook {CB}><Codes><Code guid="{G1}" name="a" isCodable="true"/></Codes>'
            f'<Sets><Set guid="{G2}" name="groep"><MemberCode guid="{G2}"/></Set></Sets>'
            "</CodeBook>",
            f"set 'groep' refers to code guid '{G2}', which is not in the codebook",
        ),
        (
            f'<CodeBook {CB}><Codes><Code guid="{G1}" name="a" isCodable="true">'
            f'<Code guid="{G2}" name=" " isCodable="true"/></Code></Codes></CodeBook>',
            "code 'a / #1': the name is empty",
        ),
        (
            f'<CodeBook {CB}><Codes><Code guid="{G1}" name="a" isCodable="true"/>'
            f'<Code guid="{G2}" name="A" isCodable="true"/></Codes></CodeBook>',
            "code 'A': the name is used twice at this level",
        ),
        (f"<CodeBook {CB}><Codes>", "not well-formed XML"),
        ('<Something xmlns="urn:x"/>', "the root element is <Something>"),
    ],
)
def test_broken_codebooks_give_clear_errors(tmp_path: Path, body: str, expected: str) -> None:
    path = qdc_file(tmp_path, body)
    with pytest.raises(CodebookFormatError) as info:
        read_codebook(path)
    assert expected in str(info.value)


def test_lenient_about_vendor_quirks(tmp_path: Path) -> None:
    body = (
        '<CodeBook xmlns="urn:QDA-XML:codebook:0:4" origin="Old tool">'
        f'<Codes><Code guid="{{{G1.lower()}}}" name=" padded " isCodable="false"'
        ' color="rgb(1,2,3)">'
        '<Description/><Code guid="' + G2 + '" name="kind" isCodable="true" color="bad"/>'
        "</Code></Codes><Sets/></CodeBook>"
    )
    spec = read_codebook(qdc_file(tmp_path, body))
    (code,) = spec.codes
    assert (code.name, code.guid, code.colour, code.definition) == (
        "padded",
        G1.lower(),
        "#010203",
        "",
    )
    assert code.children[0].colour is None  # unreadable colour falls back to the default


def test_qdpx_without_a_project_file(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("sources/readme.txt", "x")
    path = tmp_path / "empty.qdpx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(CodebookFormatError, match=r"exactly one \.qde project file"):
        read_codebook(path)


@needs_examples
def test_qdpx_with_a_vendor_named_project_file(tmp_path: Path) -> None:
    project = (EXAMPLES / "atlasti-win-23.2.3_target-atlas-project.project.qde").read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("My Project.qde", project)
    path = tmp_path / "atlas.qdpx"
    path.write_bytes(buffer.getvalue())
    assert read_codebook(path).codes[0].name == "Commits"


def test_not_a_zip(tmp_path: Path) -> None:
    path = qdc_file(tmp_path, "<x/>", name="fake.qdpx")
    with pytest.raises(CodebookFormatError, match="not a zip archive"):
        read_codebook(path)


def test_second_line_of_defence_after_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Even if the byte scan missed a DOCTYPE (an encoding it does not know), the parsed
    document is refused and the entity was never resolved."""
    from qualcode.io.codebook_formats import safe_xml

    monkeypatch.setattr(safe_xml, "_has_forbidden_marker", lambda data: None)
    body = XXE.replace(
        'name="&xxe;" isCodable="true"/>',
        'name="a" isCodable="true"><Description>&xxe;</Description></Code>',
    )
    with pytest.raises(CodebookFormatError, match="has a DOCTYPE") as info:
        safe_xml.parse_xml(body.encode(), "x.qdc")
    assert "root:" not in str(info.value)


def test_qualcoder_style_export(tmp_path: Path) -> None:
    """QualCoder writes namespace "codebook:1:0", puts codes without a category before
    the categories, and does not escape "&" in names or memos."""
    body = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1:0" xsi:schemaLocation="urn:QDA-XML:codebook:1:0'
        ' Codebook.xsd" origin="QualCoder" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<Codes>\n"
        f'<Code guid="{G1.lower()}" name="Losse code" isCodable="true" color="#f7ba8b" />\n'
        f'<Code guid="{G2.lower()}" name="Vorm & inhoud" isCodable="true">\n'
        "<Description>Categorie: vorm & inhoud &amp; context</Description>\n"
        '<Code guid="3f2504e0-4f89-11d3-9a0c-0305e82c3301" name="Vorm" isCodable="true"'
        ' color="#9CE3FF" />\n'
        "</Code>\n</Codes>\n</CodeBook>\n"
    )
    spec = read_codebook(qdc_file(tmp_path, body))
    assert [code.name for code in spec.codes] == ["Losse code", "Vorm & inhoud"]
    assert spec.codes[0].colour == "#F7BA8B"
    assert spec.codes[1].definition == "Categorie: vorm & inhoud & context"
    assert spec.codes[1].children[0].name == "Vorm"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_bom_and_utf16_files(tmp_path: Path, encoding: str) -> None:
    declared = "utf-16" if encoding == "utf-16" else "utf-8"
    body = (
        f'<?xml version="1.0" encoding="{declared}"?>\n'
        f'<CodeBook {CB}><Codes><Code guid="{G1}" name="Één" isCodable="true"/></Codes></CodeBook>'
    )
    path = tmp_path / "bom.qdc"
    path.write_bytes(body.encode(encoding))
    assert read_codebook(path).codes[0].name == "Één"


# ----------------------------------------------------------------------- fixes from real files


def test_names_with_slash_is_codable_and_guid_case_survive(tmp_path: Path) -> None:
    body = (
        f'<CodeBook {CB}><Codes><Code guid="{G1}" name="Emoties" isCodable="false">'
        f'<Code guid="{G2}" name="Humor / Amusement" isCodable="true"/></Code></Codes>'
        "</CodeBook>"
    )
    spec = read_codebook(qdc_file(tmp_path, body))
    top = spec.codes[0]
    assert (top.codable, top.children[0].name, top.children[0].codable) == (
        False,
        "Humor / Amusement",
        True,
    )
    write_codebook(spec, tmp_path / "out.qdc")
    text = (tmp_path / "out.qdc").read_text(encoding="utf-8")
    assert f'guid="{G1}" name="Emoties" isCodable="false"' in text  # case as found
    assert "Description" not in text and "color=" not in text  # nothing invented
    assert read_codebook(tmp_path / "out.qdc").codes == spec.codes


def test_non_guid_ids_get_stable_guids_with_a_warning(tmp_path: Path) -> None:
    body = (
        f'<CodeBook {CB}><Codes><Code guid="c1" name="a" isCodable="true"/>'
        '<Code guid="c2" name="b" isCodable="true"/></Codes>'
        '<Sets><Set guid="s1" name="groep"><MemberCode guid="c2"/></Set></Sets></CodeBook>'
    )
    path = qdc_file(tmp_path, body)
    first, second = read_codebook(path), read_codebook(path)
    guids = [node.guid for _, node in first.walk()]
    assert guids == [node.guid for _, node in second.walk()]  # same file, same GUIDs
    assert all(g and len(g) == 36 for g in guids) and len(set(guids)) == 2
    assert "2 code id(s) were not GUIDs" in first.warnings[0]
