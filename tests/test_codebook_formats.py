"""Native YAML/JSON and CSV codebooks, dispatch by extension, and the shared rules."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import pytest
import yaml

from qualcode.core.codebook_spec import CodebookSpec, CodeNode
from qualcode.io.codebook_formats import (
    CodebookFormatError,
    ensure_guids,
    read_codebook,
    write_codebook,
)
from qualcode.io.codebook_formats.common import normalise_colour, normalise_guid

FIXTURES = Path(__file__).parent / "fixtures" / "codebooks"
REPO = Path(__file__).resolve().parent.parent
PROJECT_CODEBOOKS = [
    REPO / "codebooks" / "projectleiders.yaml",
    REPO / "codebooks" / "narratief.yaml",
]


def rich() -> CodebookSpec:
    return read_codebook(FIXTURES / "rich.yaml")


def write_yaml(tmp_path: Path, document: object, name: str = "book.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def minimal(**code: object) -> dict[str, object]:
    return {"qualcode_codebook": 1, "name": "Test", "codes": [{"name": "A", **code}]}


# ----------------------------------------------------------------------- native format


def test_rich_fixture_reads_every_field() -> None:
    spec = rich()
    assert spec.name == "Rijk testcodeboek"
    assert spec.language == "nl"
    assert '<xml> & "aanhalingstekens"' in spec.description
    top = spec.codes[0]
    assert top.guid == "3F2504E0-4F89-11D3-9A0C-0305E82C3301"  # case kept as written
    assert top.colour == "#4E79A7"
    assert top.inclusion.splitlines()[1].startswith("Example: this line")
    depths = [len(path) for path, _ in spec.walk()]
    assert max(depths) == 5
    assert len(depths) == 8
    deepest = next(node for path, node in spec.walk() if len(path) == 5)
    assert deepest.origin == "inductive"


@pytest.mark.parametrize("suffix", [".yaml", ".yml", ".json", ".qdc"])
def test_lossless_round_trip(tmp_path: Path, suffix: str) -> None:
    spec = rich()
    target = tmp_path / f"copy{suffix}"
    write_codebook(copy.deepcopy(spec), target)
    assert read_codebook(target) == spec


def test_yaml_to_qdc_to_yaml_chain_is_equal(tmp_path: Path) -> None:
    spec = rich()
    write_codebook(spec, tmp_path / "a.qdc")
    from_qdc = read_codebook(tmp_path / "a.qdc")
    write_codebook(from_qdc, tmp_path / "b.yaml")
    assert read_codebook(tmp_path / "b.yaml") == spec


def test_csv_round_trip_keeps_all_code_fields(tmp_path: Path) -> None:
    spec = rich()
    write_codebook(spec, tmp_path / "rich.csv")
    back = read_codebook(tmp_path / "rich.csv")
    # The CSV has no room for the codebook's description and language; codes are exact.
    assert back.codes == spec.codes
    assert back.name == "rich"


def test_json_output_is_the_same_structure_as_yaml(tmp_path: Path) -> None:
    write_codebook(rich(), tmp_path / "r.json")
    write_codebook(rich(), tmp_path / "r.yaml")
    from_json = json.loads((tmp_path / "r.json").read_text("utf-8"))
    from_yaml = yaml.safe_load((tmp_path / "r.yaml").read_text("utf-8"))
    assert from_json == from_yaml
    assert from_json["qualcode_codebook"] == 1


def test_yaml_output_uses_block_style_for_multiline_text(tmp_path: Path) -> None:
    write_codebook(rich(), tmp_path / "r.yaml")
    text = (tmp_path / "r.yaml").read_text("utf-8")
    assert "inclusion: |-" in text
    assert "Überraschung" in text  # allow_unicode: readable, not \u escapes


@pytest.mark.parametrize("path", PROJECT_CODEBOOKS, ids=lambda p: p.name)
def test_project_codebooks_load_and_round_trip(path: Path, tmp_path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is not written yet")
    spec = read_codebook(path)
    assert spec.name and spec.codes
    assert spec.language == "nl"
    assert all(node.guid for _, node in spec.walk()), "committed codebooks carry GUIDs"
    for suffix in (".qdc", ".json", ".yaml"):
        write_codebook(copy.deepcopy(spec), tmp_path / f"x{suffix}")
        assert read_codebook(tmp_path / f"x{suffix}") == spec
    write_codebook(copy.deepcopy(spec), tmp_path / "x.csv")
    assert read_codebook(tmp_path / "x.csv").codes == spec.codes


def test_project_codebooks_have_the_reference_clusters() -> None:
    leaders, narrative = PROJECT_CODEBOOKS
    if not (leaders.exists() and narrative.exists()):
        pytest.skip("project codebooks not written yet")
    top_leaders = [code.name.casefold() for code in read_codebook(leaders).codes]
    assert any("factoren" in name for name in top_leaders)
    assert any("uitkomst" in name for name in top_leaders)
    top_narrative = {code.name.casefold() for code in read_codebook(narrative).codes}
    assert {"situatie", "steungever", "steungedrag"} <= top_narrative


# ----------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"name": "x", "codes": []}, "qualcode_codebook: 1' is missing"),
        ({"qualcode_codebook": 2, "name": "x", "codes": []}, "not a version"),
        ({"qualcode_codebook": 1, "codes": []}, "'name' is required"),
        (minimal(origin="abductive"), "code 'A': origin 'abductive' is not one of"),
        (minimal(colour="blue"), "code 'A': colour 'blue' is not of the form #RRGGBB"),
        (minimal(colour="#abc"), "is not of the form #RRGGBB"),
        (minimal(guid="not-a-guid"), "code 'A': guid 'not-a-guid' is not a GUID"),
        (minimal(defintion="typo"), "code 'A': unknown key(s) defintion"),
        (minimal(color="#4E79A7"), "did you mean 'colour'"),
        (minimal(children={"name": "B"}), "code 'A': 'children' must be a list"),
        (minimal(name="   "), "code '#1': the name is empty"),
        (minimal(name=2020), "must be text (quote numbers)"),
    ],
)
def test_native_validation_errors_name_file_and_code(
    tmp_path: Path, document: dict[str, object], expected: str
) -> None:
    path = write_yaml(tmp_path, document)
    with pytest.raises(CodebookFormatError) as info:
        read_codebook(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert expected in message


def test_duplicate_guids_and_sibling_names_are_reported_with_paths(tmp_path: Path) -> None:
    guid = "0b4a5c8e-1d2f-4a3b-9c8d-7e6f5a4b3c2d"
    document = {
        "qualcode_codebook": 1,
        "name": "Dubbel",
        "codes": [
            {"name": "Steun", "guid": guid, "children": [{"name": "Familie"}, {"name": "familie"}]},
            {"name": "Situatie", "guid": guid.upper()},
        ],
    }
    with pytest.raises(CodebookFormatError) as info:
        read_codebook(write_yaml(tmp_path, document))
    problems = info.value.problems
    assert any("code 'Steun / familie': the name is used twice" in p for p in problems)
    assert any("code 'Situatie': guid" in p and "also used by code 'Steun'" in p for p in problems)


def test_same_name_under_different_parents_is_allowed(tmp_path: Path) -> None:
    document = {
        "qualcode_codebook": 1,
        "name": "Ok",
        "codes": [
            {"name": "A", "children": [{"name": "Overig"}]},
            {"name": "B", "children": [{"name": "Overig"}]},
        ],
    }
    assert len(list(read_codebook(write_yaml(tmp_path, document)).walk())) == 4


def test_yaml_must_not_construct_objects(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text("qualcode_codebook: 1\nname: !!python/object/apply:os.system ['true']\n")
    with pytest.raises(CodebookFormatError, match="not valid YAML"):
        read_codebook(path)


def test_invalid_json_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"qualcode_codebook": 1, "name": ')
    with pytest.raises(CodebookFormatError, match=r"broken\.json: not valid JSON"):
        read_codebook(path)


# ----------------------------------------------------------------------- dispatch and GUIDs


@pytest.mark.parametrize("name", ["book.txt", "book", "book.xlsx"])
def test_unknown_extension_is_a_value_error(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("x")
    with pytest.raises(ValueError, match=rf"^{path}: cannot read"):
        read_codebook(path)
    with pytest.raises(CodebookFormatError, match="cannot write"):
        write_codebook(rich(), path)


def test_docx_is_write_only(tmp_path: Path) -> None:
    path = tmp_path / "book.docx"
    write_codebook(rich(), path)
    with pytest.raises(CodebookFormatError, match="export-only"):
        read_codebook(path)


def test_missing_file_is_a_format_error(tmp_path: Path) -> None:
    with pytest.raises(CodebookFormatError, match="cannot be read"):
        read_codebook(tmp_path / "absent.yaml")


@pytest.mark.parametrize("suffix", [".qdc", ".yaml", ".json", ".csv"])
def test_write_fills_missing_guids_in_the_spec_and_keeps_them(tmp_path: Path, suffix: str) -> None:
    spec = CodebookSpec(name="Nieuw", codes=[CodeNode("A", children=[CodeNode("B")])])
    write_codebook(spec, tmp_path / f"one{suffix}")
    guids = [node.guid for _, node in spec.walk()]
    assert all(guids) and len(set(guids)) == 2
    back = read_codebook(tmp_path / f"one{suffix}")
    assert [node.guid for _, node in back.walk()] == guids
    write_codebook(back, tmp_path / f"two{suffix}")
    assert [node.guid for _, node in read_codebook(tmp_path / f"two{suffix}").walk()] == guids


def test_ensure_guids_returns_only_the_new_ones() -> None:
    spec = CodebookSpec(
        codes=[CodeNode("A", guid="3F2504E0-4F89-11D3-9A0C-0305E82C3301", children=[CodeNode("B")])]
    )
    created = ensure_guids(spec)
    assert list(created) == [("A", "B")]
    assert spec.codes[0].children[0].guid == created[("A", "B")]


def test_rejected_spec_is_left_untouched_and_no_file_written(tmp_path: Path) -> None:
    spec = CodebookSpec(codes=[CodeNode("A"), CodeNode("a")])
    with pytest.raises(CodebookFormatError, match="used twice"):
        write_codebook(spec, tmp_path / "bad.yaml")
    assert spec.codes[0].guid is None
    assert list(tmp_path.iterdir()) == []


def test_written_files_follow_the_umask(tmp_path: Path) -> None:
    target = tmp_path / "perm.yaml"
    write_codebook(rich(), target)
    old = os.umask(0)
    os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o666 & ~old


# ----------------------------------------------------------------------- CSV


def test_csv_with_semicolons_bom_and_implicit_parents() -> None:
    spec = read_codebook(FIXTURES / "implicit_parents.csv")
    assert spec.name == "implicit_parents"
    (steungever,) = spec.codes
    assert steungever.definition == "Wie steun geeft."  # explicit row after its children
    familie, docent = steungever.children
    assert familie.guid is None and familie.definition == ""  # implicit parent, defaults
    assert [c.name for c in familie.children] == ["Moeder", "Vader"]
    assert familie.children[0].colour == "#E15759"
    assert docent.colour == "#4E79A7"  # rgb() spelling normalised
    assert docent.origin == "inductive"
    assert docent.definition == "Een docent, ook:\nmentor of slb'er."


def test_written_csv_has_bom_and_header(tmp_path: Path) -> None:
    write_codebook(rich(), tmp_path / "r.csv")
    data = (tmp_path / "r.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfpath,guid,colour,origin,definition,")
    assert "Steungedrag / Gedrag steungever / Praktische steun" in data.decode("utf-8-sig")


def test_csv_names_may_contain_a_bare_slash(tmp_path: Path) -> None:
    path = tmp_path / "slash.csv"
    path.write_text("path\nOverig / n.v.t./onbekend\n", "utf-8")
    spec = read_codebook(path)
    assert spec.codes[0].children[0].name == "n.v.t./onbekend"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("path\nA\nA\n", "row 3: code 'A' has more than one row"),
        ("path\nA /  / B\n", "row 2: the path 'A /  / B' has an empty name"),
        ("path,colour\nA,#12345\n", "colour '#12345' is not of the form #RRGGBB"),
        ("path,origin\nA,abductive\n", "origin 'abductive'"),
        ("naam,guid\nA,\n", "the header must name the columns"),
        ("", "the file is empty"),
        ("path,guid\nA,x,y\n", "row 2: 3 cells for 2 columns"),
    ],
)
def test_csv_problems(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, "utf-8")
    with pytest.raises(CodebookFormatError) as info:
        read_codebook(path)
    assert expected in str(info.value)


def test_csv_duplicate_guid_rows(tmp_path: Path) -> None:
    guid = "3F2504E0-4F89-11D3-9A0C-0305E82C3301"
    path = tmp_path / "dup.csv"
    path.write_text(f"path,guid\nA,{guid}\nB,{{{guid.lower()}}}\n", "utf-8")
    with pytest.raises(CodebookFormatError, match="also used by code 'A'"):
        read_codebook(path)


# ----------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("#46aa00", "#46AA00"),
        ("46AA00", "#46AA00"),
        ("#abc", "#AABBCC"),
        ("#46aa00ff", "#46AA00"),
        ("rgb(70, 170, 0)", "#46AA00"),
        ("rgba(70,170,0,0.5)", "#46AA00"),
        ("rgb(300, 0, 0)", None),
        ("red", None),
        ("bad", None),
        ("#fed", "#FFEEDD"),
        ("", None),
        (None, None),
    ],
)
def test_colour_normalisation(raw: str | None, expected: str | None) -> None:
    assert normalise_colour(raw) == expected


def test_guid_normalisation_drops_braces_but_keeps_case() -> None:
    assert normalise_guid(" {3F2504E0-4F89-11D3-9A0C-0305E82C3301} ") == (
        "3F2504E0-4F89-11D3-9A0C-0305E82C3301"
    )
    assert normalise_guid("") is None


def test_package_imports_without_qt() -> None:
    """io must stay usable headless: importing every format must not pull in Qt."""
    import subprocess
    import sys

    code = (
        "import sys, qualcode.io.codebook_formats as m, qualcode.io.codebook_formats.word;"
        "bad = [n for n in sys.modules if n.split('.')[0] in ('PySide6', 'PyQt5', 'PyQt6')];"
        "assert not bad, bad"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_csv_cells_that_look_like_formulas_are_inert_and_round_trip(tmp_path: Path) -> None:
    spec = CodebookSpec(
        name="f",
        codes=[
            CodeNode('=HYPERLINK("http://x")', definition="- eerste punt\n- tweede punt"),
            CodeNode("@mention", inclusion="+31 6 ...", exclusion="'=already quoted"),
        ],
    )
    path = tmp_path / "f.csv"
    write_codebook(spec, path)
    text = path.read_text("utf-8-sig")
    assert "'=HYPERLINK" in text and "\"'- eerste punt" in text and "'@mention" in text
    assert "''=already quoted" in text
    assert read_codebook(path).codes == spec.codes


def test_csv_saved_by_excel_as_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("path;definition\nBeïnvloedende factoren;Één definitie\n".encode("cp1252"))
    (code,) = read_codebook(path).codes
    assert (code.name, code.definition) == ("Beïnvloedende factoren", "Één definitie")


def test_line_endings_are_normalised_in_every_format(tmp_path: Path) -> None:
    spec = CodebookSpec(name="crlf", codes=[CodeNode("A", definition="een\r\ntwee\rdrie")])
    for suffix in (".qdc", ".yaml", ".json", ".csv"):
        write_codebook(copy.deepcopy(spec), tmp_path / f"c{suffix}")
        assert read_codebook(tmp_path / f"c{suffix}").codes[0].definition == "een\ntwee\ndrie"


def test_names_with_line_breaks_are_rejected() -> None:
    with pytest.raises(CodebookFormatError, match="line break or control character"):
        write_codebook(CodebookSpec(codes=[CodeNode("een\ntwee")]), Path("/nonexistent/x.yaml"))


def test_yaml_keeps_names_that_look_like_other_types(tmp_path: Path) -> None:
    names = ["2020", "yes", "null", "1.5", "#hashtag", "- dash", "a: b"]
    spec = CodebookSpec(name="no", codes=[CodeNode(name) for name in names])
    write_codebook(spec, tmp_path / "t.yaml")
    assert [code.name for code in read_codebook(tmp_path / "t.yaml").codes] == names
