"""Hostile or broken .qdpx files: one clear line, exit code 1, nothing written anywhere."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from qualcode.cli import main
from qualcode.core.project import create_project, open_project
from qualcode.io.exchange import archive
from qualcode.io.limits import LimitError
from tests.exchange_helpers import build_rich_project, make_qdpx

G = "3F2504E0-4F89-11D3-9A0C-0305E82C33{:02d}"
HEAD = '<?xml version="1.0" encoding="utf-8"?>\n'


def project_xml(body: str, origin: str = "Tool") -> str:
    root = f'<Project xmlns="urn:QDA-XML:project:1.0" name="x" origin="{origin}">'
    return f"{HEAD}{root}{body}</Project>"


CODES = (
    f'<Users><User guid="{G.format(1)}" name="Sam"/></Users>'
    f'<CodeBook><Codes><Code guid="{G.format(2)}" name="A" isCodable="true"/></Codes></CodeBook>'
)


def source(start: int, end: int, *, path: str = "internal://t.txt", guid: int = 4) -> str:
    return (
        f'<Sources><TextSource guid="{G.format(3)}" name="T" plainTextPath="{path}">'
        f'<PlainTextSelection guid="{G.format(guid)}" '
        f'startPosition="{start}" endPosition="{end}">'
        f'<Coding guid="{G.format(5)}" creatingUser="{G.format(1)}">'
        f'<CodeRef targetGUID="{G.format(2)}"/></Coding></PlainTextSelection>'
        "</TextSource></Sources>"
    )


TEXT = {"sources/t.txt": "Een korte tekst 😀 hier.".encode()}


def zip_with(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", project_xml(CODES + source(0, 3)))
        for name, data in members.items():
            z.writestr(name, data)
    return path


def hostile_files(tmp: Path) -> dict[str, tuple[Path, str]]:
    xxe = (
        f'{HEAD}<!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>'
    )
    laughs = (
        f'{HEAD}<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
        + ']><Project xmlns="urn:QDA-XML:project:1.0" name="&lol9;"/>'
    )
    return {
        "zip slip": (zip_with(tmp / "slip.qdpx", {"../../evil.txt": b"x"}), "zip slip"),
        "absolute member": (zip_with(tmp / "abs.qdpx", {"/etc/cron.d/x": b"x"}), "zip slip"),
        "zip bomb (ratio)": (
            zip_with(tmp / "bomb.qdpx", {"sources/big.txt": b"\0" * (20 * 2**20)}),
            "zip bomb",
        ),
        "external entity": (make_qdpx(tmp / "xxe.qdpx", xxe), "DOCTYPE"),
        "entity expansion": (make_qdpx(tmp / "lol.qdpx", laughs), "DOCTYPE"),
        "missing source": (
            make_qdpx(tmp / "missing.qdpx", project_xml(CODES + source(0, 3))),
            "its text (internal://t.txt) is missing",
        ),
        "position past the end": (
            make_qdpx(tmp / "range.qdpx", project_xml(CODES + source(5, 400)), TEXT),
            "lies outside the text",
        ),
        "duplicate GUIDs": (
            make_qdpx(tmp / "dup.qdpx", project_xml(CODES + source(0, 3, guid=2)), TEXT),
            "duplicate GUID",
        ),
        "inside an emoji": (
            make_qdpx(tmp / "emoji.qdpx", project_xml(CODES + source(0, 17), "NVivo 14"), TEXT),
            "inside an emoji",
        ),
        "not a zip": (tmp / "plain.qdpx", "not a zip archive"),
    }


CASES = [
    "zip slip",
    "absolute member",
    "zip bomb (ratio)",
    "external entity",
    "entity expansion",
    "missing source",
    "position past the end",
    "duplicate GUIDs",
    "inside an emoji",
    "not a zip",
]


@pytest.mark.parametrize("case", CASES)
def test_hostile_file_refused_into_a_new_project(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "plain.qdpx").write_text("hello")
    path, message = hostile_files(tmp_path)[case]
    target = tmp_path / "new.qcdb"
    assert main(["qdpx", "import", str(path), str(target)]) == 1
    err = capsys.readouterr().err
    assert message in err and path.name in err
    assert len(err.strip().splitlines()) == 1  # one line, no traceback
    assert not target.exists() and not (tmp_path / "evil.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".qdpx")) == []


@pytest.mark.parametrize("case", ["zip slip", "missing source", "duplicate GUIDs"])
def test_hostile_file_leaves_an_existing_project_untouched(case: str, tmp_path: Path) -> None:
    locator = str(tmp_path / "study.qcdb")
    with create_project(locator) as project:
        build_rich_project(project)
        before = project.info()
    path, _ = hostile_files(tmp_path)[case]
    assert main(["merge", locator, str(path)]) == 1
    with open_project(locator) as project:
        after = project.info()
    assert (after.codes, after.codings, after.documents, after.coders) == (
        before.codes,
        before.codings,
        before.documents,
        before.coders,
    )


def test_size_cap_is_checked_before_inflating(tmp_path: Path) -> None:
    small = replace(archive.EXCHANGE_LIMITS, total_uncompressed=1000)
    path = zip_with(tmp_path / "big.qdpx", {"sources/t.txt": b"abc " * 400})
    with pytest.raises(LimitError, match=r"inflate to .* together"):
        archive.SafeArchive(path.read_bytes(), str(path), small)
