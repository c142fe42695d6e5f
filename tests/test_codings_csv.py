"""Codings CSV: round trip, and whole-file rejection with line numbers."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from qualcode.core.project import Project
from qualcode.io.codings_csv import CodingsFileError, export_codings, import_codings
from tests.conftest import SAMPLE_TEXT, seed


def write_csv(path: Path, rows: list[dict[str, object]], columns: list[str] | None = None) -> Path:
    columns = columns or ["document", "coder", "start", "end", "code", "memo"]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_round_trip_keeps_every_field(coded_project: Project, tmp_path: Path) -> None:
    out = tmp_path / "codings.csv"
    assert export_codings(coded_project, out) == 3
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["document", "coder", "start", "end", "code", "memo", "text"]
    moeder = rows[0]
    assert moeder["code"] == "Steungever / Moeder"
    assert moeder["text"] == SAMPLE_TEXT[int(moeder["start"]) : int(moeder["end"])]
    # Import into a fresh project with the same document and codebook.
    coded_project.codings.remove([c.id for c in coded_project.codings.list()])
    summary = import_codings(coded_project, out)
    assert summary.codings == 3
    again = tmp_path / "again.csv"
    export_codings(coded_project, again)
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_bad_rows_reject_the_whole_file(coded_project: Project, tmp_path: Path) -> None:
    good = {
        "document": "NI01",
        "coder": "Bram",
        "start": 0,
        "end": 5,
        "code": "Steungever / Mentor",
        "memo": "",
    }
    rows = [
        good,
        {**good, "document": "NI77"},
        {**good, "start": 9, "end": 3},
        {**good, "code": "Steungever / Opa"},
        {**good, "start": "een"},
        {**good, "coder": "Carla"},
        {**good, "end": 10_000},
    ]
    path = write_csv(tmp_path / "bad.csv", rows)
    before = coded_project.info().codings
    with pytest.raises(CodingsFileError) as caught:
        import_codings(coded_project, path)
    message = str(caught.value)
    assert "bad.csv: 6 problem(s), nothing imported" in message
    for line, words in [
        (3, "unknown document 'NI77'"),
        (4, "end 3 must be after start 9"),
        (5, "unknown code"),
        (6, "start/end must be whole numbers"),
        (7, "unknown coder 'Carla'"),
        (8, "end 10000 lies beyond the text"),
    ]:
        assert f"line {line}: {words}" in message
    assert coded_project.info().codings == before


def test_text_column_catches_drifted_offsets(coded_project: Project, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "drift.csv",
        [
            {
                "document": "NI01",
                "coder": "Bram",
                "start": 1,
                "end": 12,
                "code": "Steungever / Mentor",
                "memo": "",
                "text": "Interviewer",
            }
        ],
        ["document", "coder", "start", "end", "code", "memo", "text"],
    )
    with pytest.raises(CodingsFileError, match="differs from the 'text' column"):
        import_codings(coded_project, path)


def test_missing_columns_and_empty_file(sqlite_project: Project, tmp_path: Path) -> None:
    seed(sqlite_project)
    path = tmp_path / "cols.csv"
    path.write_text("document,coder,start\nNI01,Bram,0\n", encoding="utf-8")
    with pytest.raises(CodingsFileError, match="missing column"):
        import_codings(sqlite_project, path)
    empty = write_csv(tmp_path / "empty.csv", [])
    with pytest.raises(CodingsFileError, match="no codings"):
        import_codings(sqlite_project, empty)


def test_new_coders_only_when_asked(sqlite_project: Project, tmp_path: Path) -> None:
    seed(sqlite_project)
    path = write_csv(
        tmp_path / "carla.csv",
        [
            {
                "document": "NI01",
                "coder": "Carla",
                "start": 0,
                "end": 11,
                "code": "Steungever",
                "memo": "kalibratie",
            }
        ],
    )
    summary = import_codings(sqlite_project, path, add_coders=True)
    assert summary.coders_added == ["Carla"]
    assert sqlite_project.coders.get("Carla").role == "coder"
