"""Reading reliability matrices from CSV and XLSX for ``qualcode stats alpha``."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from qualcode.core.agreement import krippendorff_alpha
from qualcode.io.reliability_matrix import read_reliability_matrix, write_csv

# Krippendorff (2011), section C: 4 observers x 12 units, nominal alpha = 0.743.
K2011_CSV = """\
A,1,2,3,3,2,1,4,1,2,,,
B,1,2,3,3,2,2,4,1,2,5,,3
C,,3,3,3,2,3,4,2,2,5,1
D,1,2,3,3,2,4,4,1,2,5,1
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_csv_with_missing_cells_and_ragged_rows(tmp_path: Path) -> None:
    m = read_reliability_matrix(_write(tmp_path, "k.csv", K2011_CSV), "nominal")
    assert m.coders == ("A", "B", "C", "D")
    assert m.n_units == 12
    assert m.rows[0][9] is None and m.rows[2][0] is None
    assert m.rows[2][11] is None  # padded
    assert round(krippendorff_alpha(m.rows, "nominal").alpha, 3) == 0.743
    assert round(krippendorff_alpha(m.rows, "interval").alpha, 3) == 0.849


def test_semicolon_csv_with_decimal_comma_and_bom(tmp_path: Path) -> None:
    p = tmp_path / "nl.csv"
    p.write_bytes("\ufeffanna;1,5;2;\nbram;1,5;2,5;3\n".encode())
    m = read_reliability_matrix(p, "interval")
    assert m.coders == ("anna", "bram")
    assert m.rows == [[1.5, 2.0, None], [1.5, 2.5, 3.0]]


def test_text_labels_at_nominal_level(tmp_path: Path) -> None:
    p = _write(tmp_path, "t.csv", "anna,ja,nee,ja\nbram,ja,ja,\n\n")
    m = read_reliability_matrix(p, "nominal")
    assert m.rows == [["ja", "nee", "ja"], ["ja", "ja", None]]


def test_text_at_ordinal_level_names_the_cell(tmp_path: Path) -> None:
    p = _write(tmp_path, "t.csv", "anna,1,2,3\nbram,1,hoog,3\n")
    with pytest.raises(ValueError, match=r"t\.csv: line 2, column 3: text label 'hoog'"):
        read_reliability_matrix(p, "ordinal")


def test_missing_coder_name(tmp_path: Path) -> None:
    p = _write(tmp_path, "t.csv", "anna,1,2\n,1,2\n")
    with pytest.raises(ValueError, match=r"t\.csv: line 2, column 1: the first cell must be"):
        read_reliability_matrix(p)


def test_duplicate_coder(tmp_path: Path) -> None:
    p = _write(tmp_path, "t.csv", "anna,1,2\nanna,1,2\n")
    with pytest.raises(ValueError, match="coder 'anna' already appears at line 1"):
        read_reliability_matrix(p)


def test_mixed_numbers_and_text(tmp_path: Path) -> None:
    p = _write(tmp_path, "t.csv", "anna,1,2\nbram,1,twee\n")
    with pytest.raises(ValueError, match="mixes numbers and text labels"):
        read_reliability_matrix(p)


def test_single_coder_and_empty_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least two"):
        read_reliability_matrix(_write(tmp_path, "one.csv", "anna,1,2\n"))
    with pytest.raises(ValueError, match="at least two"):
        read_reliability_matrix(_write(tmp_path, "empty.csv", ""))
    with pytest.raises(ValueError, match="no unit columns"):
        read_reliability_matrix(_write(tmp_path, "names.csv", "anna\nbram\n"))


def test_bad_path_type_and_level(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="file not found"):
        read_reliability_matrix(tmp_path / "nope.csv")
    with pytest.raises(ValueError, match=r"unsupported file type \.ods"):
        read_reliability_matrix(_write(tmp_path, "x.ods", "x"))
    with pytest.raises(ValueError, match="unknown level"):
        read_reliability_matrix(_write(tmp_path, "x.csv", "a,1\nb,1\n"), "cardinal")
    with pytest.raises(ValueError, match=r"not a readable \.xlsx"):
        read_reliability_matrix(_write(tmp_path, "broken.xlsx", "not a zip"))


def test_xlsx_round_trip(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Blad1"
    ws.append(["A", 1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None])
    ws.append(["B", 1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3])
    ws.append([None, None])  # an empty row in the middle is skipped
    ws.append(["C", None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1])
    ws.append(["D", 1, 2, 3, 3, 2, 4, 4, 1, 2, 5, "1"])  # a number stored as text
    p = tmp_path / "k.xlsx"
    wb.save(p)
    m = read_reliability_matrix(p, "ratio")
    assert m.coders == ("A", "B", "C", "D")
    assert m.rows[3][10] == 1.0
    assert round(krippendorff_alpha(m.rows, "ratio").alpha, 3) == 0.797


def test_xlsx_bad_cell_names_sheet_and_cell(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Blad1"
    ws.append(["anna", 1, 2])
    ws.append(["bram", 1, "midden"])
    p = tmp_path / "bad.xlsx"
    wb.save(p)
    with pytest.raises(ValueError, match=r"bad\.xlsx: sheet 'Blad1', cell C2: text label"):
        read_reliability_matrix(p, "interval")


def test_write_csv_round_trip(tmp_path: Path) -> None:
    p = tmp_path / "out.csv"
    write_csv(p, ["a", "b"], [[1.0, None, 2.5], [1.0, 3.0, None]])
    m = read_reliability_matrix(p, "interval")
    assert m.rows == [[1.0, None, 2.5], [1.0, 3.0, None]]
