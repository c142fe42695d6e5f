"""Property-based tests (hypothesis): importers, CSV readers and offset arithmetic.

Whatever bytes arrive, a reader either returns something that keeps its promises
(offsets inside the text, in order) or raises the one error type its caller reports in
one line. Nothing else may escape.
"""

from __future__ import annotations

import contextlib
import io
import zipfile
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from qualcode.io import limits as lim  # noqa: E402
from qualcode.io.anonymise.check import Finding  # noqa: E402
from qualcode.io.anonymise.pseudonymise import (  # noqa: E402
    pseudonymise_with_edits,
    shift_offsets,
)
from qualcode.io.codebook_formats import CodebookFormatError  # noqa: E402
from qualcode.io.codebook_formats.native import loads_json, loads_yaml  # noqa: E402
from qualcode.io.reliability_matrix import read_reliability_matrix  # noqa: E402
from qualcode.io.transcripts.extract import TranscriptError, read_transcript  # noqa: E402
from qualcode.io.transcripts.metadata import read_metadata  # noqa: E402
from tests.bad_inputs import docx, para  # noqa: E402

FAST = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
TEXTISH = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=400
).map(lambda s: s.encode("utf-8"))
BYTES = st.one_of(st.binary(max_size=600), TEXTISH)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@FAST
@given(data=BYTES, suffix=st.sampled_from([".txt", ".md"]))
def test_plain_text_reader_keeps_offsets_inside_the_text(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = write(tmp_path, "t" + suffix, data)
    try:
        result = read_transcript(path)
    except TranscriptError:
        return
    assert "\r" not in result.text
    previous_end = 0
    for start, end in result.paragraphs:
        assert previous_end <= start < end <= len(result.text)
        assert result.text[start:end] == result.text[start:end].strip()
        previous_end = end
    for start, end in result.bold_prefixes:
        assert 0 <= start <= end <= len(result.text)


VALID_DOCX = docx(para("Interviewer: Hoe gaat het?") + para("Student: Goed, dank je."))


@FAST
@given(
    cut=st.integers(min_value=0, max_value=len(VALID_DOCX)),
    flips=st.lists(st.tuples(st.integers(0, len(VALID_DOCX) - 1), st.integers(0, 255)), max_size=6),
)
# Found by CI: a flipped byte inside a member (bad CRC, bad deflate block) escaped as
# zipfile.BadZipFile / zlib.error.
@example(cut=913, flips=[(28, 1)])
@example(cut=913, flips=[(101, 0)])
def test_damaged_word_files_give_one_clear_error(
    tmp_path: Path, cut: int, flips: list[tuple[int, int]]
) -> None:
    data = bytearray(VALID_DOCX[: max(cut, 1)] if cut < len(VALID_DOCX) else VALID_DOCX)
    for position, value in flips:
        if position < len(data):
            data[position] = value
    path = write(tmp_path, "d.docx", bytes(data))
    try:
        result = read_transcript(path)
    except TranscriptError as exc:
        assert str(exc).startswith("d.docx: ")
        return
    assert all(0 <= s < e <= len(result.text) for s, e in result.paragraphs)


@FAST
@given(data=BYTES)
def test_metadata_sheet_reader_raises_only_its_error(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "meta.csv", data)
    try:
        sheet = read_metadata(path)
    except (TranscriptError, lim.LimitError):
        return
    assert all(isinstance(v, dict) for v in sheet.rows.values())


@FAST
@given(data=BYTES, level=st.sampled_from(["nominal", "ordinal", "interval", "ratio"]))
def test_reliability_matrix_reader_raises_only_value_error(
    tmp_path: Path, data: bytes, level: str
) -> None:
    path = write(tmp_path, "m.csv", data)
    try:
        matrix = read_reliability_matrix(path, level=level)
    except ValueError as exc:
        assert "m.csv" in str(exc)
        return
    assert len(matrix.coders) >= 2
    assert all(len(row) == matrix.n_units for row in matrix.rows)


@FAST
@given(data=BYTES)
def test_codebook_readers_raise_only_their_error(data: bytes) -> None:
    for reader in (loads_yaml, loads_json):
        with contextlib.suppress(CodebookFormatError):
            reader(data, "cb")


CSV_CELL = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@FAST
@given(rows=st.lists(st.lists(CSV_CELL, min_size=0, max_size=7), max_size=8))
def test_codings_csv_reader_raises_only_its_error(tmp_path: Path, rows: list[list[str]]) -> None:
    import csv

    from qualcode.io.codings_csv import CodingsFileError, read_rows

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["document", "coder", "start", "end", "code", "memo"])
    writer.writerows(rows)
    path = write(tmp_path, "c.csv", buffer.getvalue().encode("utf-8"))
    try:
        read = read_rows(path)
    except CodingsFileError:
        return
    assert len(read) <= len(rows)  # blank lines are skipped


@given(n=st.integers(min_value=0, max_value=10**15 - 1))
def test_ascii_offsets_round_trip(n: int) -> None:
    assert lim.ascii_int(str(n)) == n


@given(text=st.text(min_size=1, max_size=8))
def test_offsets_with_other_digits_are_refused(text: str) -> None:
    if text.strip().isascii() and text.strip().isdigit():
        assert lim.ascii_int(text) == int(text)
    else:
        with pytest.raises(ValueError):
            lim.ascii_int(text)


@st.composite
def text_and_findings(draw: st.DrawFn) -> tuple[str, list[Finding]]:
    text = draw(st.text(alphabet="abc de\n", min_size=1, max_size=120))
    findings = []
    for _ in range(draw(st.integers(0, 5))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        findings.append(Finding(text[start:end], "PERSOON", start, end, ""))
    return text, findings


@given(case=text_and_findings())
def test_shifted_spans_stay_inside_the_new_text_and_in_order(
    case: tuple[str, list[Finding]],
) -> None:
    text, findings = case
    new_text, _key, edits = pseudonymise_with_edits(text, findings)
    spans = [(i, j) for i in range(0, len(text), 7) for j in (i + 1, min(len(text), i + 9))]
    spans = [(s, e) for s, e in spans if s < e <= len(text)]
    moved = shift_offsets(spans, edits)
    for (old_s, old_e), (new_s, new_e) in zip(spans, moved, strict=True):
        assert 0 <= new_s <= new_e <= len(new_text)
        # Text outside every edit is the same text, moved.
        untouched = all(old_e <= e_start or old_s >= e_end for e_start, e_end, _ in edits)
        if untouched:
            assert new_text[new_s:new_e] == text[old_s:old_e]


@FAST
@given(depth=st.integers(1, 400), width=st.integers(1, 3))
def test_xml_scan_refuses_exactly_what_is_too_deep(depth: int, width: int) -> None:
    data = b"<a>" * depth + b"<b/>" * width + b"</a>" * depth
    limits = lim.Limits(xml_depth=150)
    if depth + 1 > 150:
        with pytest.raises(lim.LimitError):
            lim.check_xml(data, "x.xml", limits)
    else:
        lim.check_xml(data, "x.xml", limits)


@FAST
@given(
    names=st.lists(
        st.text(alphabet=st.sampled_from("ab./\\:"), min_size=1, max_size=8),
        max_size=5,
        unique=True,
    )
)
def test_zip_names_climbing_out_are_refused(names: list[str]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, b"x")
    climbs = any(
        n.startswith(("/", "\\")) or ".." in n.replace("\\", "/").split("/") for n in names
    )
    try:
        lim.check_zip(buffer.getvalue(), "z.zip")
    except lim.ArchiveError:
        assert climbs
        return
    assert not climbs
