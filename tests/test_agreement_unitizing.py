"""Unitizing alphas (Krippendorff, Mathet, Bouvry & Widlöcher 2016) on hand-computed cases.

We found no published numeric example we could verify for these coefficients, so the
expected values below are worked out by hand from the formulas in docs/agreement.md;
the arithmetic is written next to each case. A reduction check ties the continuum
formulas to the published coded-units alpha: with one-character segments _u alpha and
(two coders) _cu alpha must equal Krippendorff's (2011) nominal alpha.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from qualcode.core.agreement import (
    Segment,
    UnitizedDocument,
    binary_alpha,
    cu_alpha,
    cu_alpha_across_domains,
    krippendorff_alpha,
    prepare,
    u_alpha,
    unitizing_report,
)


def _doc(length: int, **codings: list[tuple[int, int, str]]) -> UnitizedDocument:
    return UnitizedDocument(length=length, codings=dict(codings), name="doc")


def test_identical_codings_give_one_everywhere() -> None:
    segs = [(0, 10, "x"), (20, 40, "y"), (40, 45, "x")]
    docs = [_doc(100, a=segs, b=list(segs), c=list(segs))]
    assert u_alpha(docs).alpha == pytest.approx(1.0)
    assert binary_alpha(docs).alpha == pytest.approx(1.0)
    assert binary_alpha(docs, ["x"]).alpha == pytest.approx(1.0)
    assert cu_alpha(docs, ["x", "y"]).alpha == pytest.approx(1.0)


def test_one_coder_codes_nothing() -> None:
    # L = 100, coder a codes [0, 10) with x, coder b nothing. Coincidences (m = 2):
    # o_gg = 2 * 90 = 180, o_gx = o_xg = 10, o_xx = 0; l.. = 200.
    # Self-pairs: segment 10^2 = 100; gaps 90 + 100 = 190; sum 290.
    # e_gx = 200 * 190 * 10 / (200^2 - 290) = 9.5694; binary alpha = 1 - 10 / 9.5694.
    docs = [_doc(100, a=[(0, 10, "x")])]
    res = binary_alpha(docs, coders=["a", "b"])
    assert res.alpha == pytest.approx(1 - 10 / (200 * 190 * 10 / (200**2 - 290)))
    assert round(res.alpha, 3) == -0.045
    # With two values (x and gap), _u alpha and |_u alpha coincide.
    assert u_alpha(docs, coders=["a", "b"]).alpha == pytest.approx(res.alpha)
    # No stretch is coded by both coders: cu alpha is undefined, with a reason.
    cu = cu_alpha(docs, ["x"], coders=["a", "b"])
    assert math.isnan(cu.alpha) and cu.reason


def test_nobody_codes_anything_is_undefined() -> None:
    res = binary_alpha([_doc(50)], coders=["a", "b"])
    assert math.isnan(res.alpha)
    assert res.reason == "no coder coded anything"


def test_fewer_than_two_coders_is_undefined() -> None:
    res = u_alpha([_doc(50, a=[(0, 5, "x")])])
    assert math.isnan(res.alpha) and res.reason == "fewer than two coders"


def test_three_coders_hand_computed() -> None:
    # L = 60. alex: 1[2,5); paul: 1[2,5), 2[10,20); susan: 2[2,5), 2[15,20).
    # Summed over the three coder pairs (each direction, then / (m-1) = 2):
    #   o_00 = 146, o_11 = 3, o_12 = o_21 = 3, o_22 = 5, o_02 = o_20 = 10; l.. = 180,
    #   margins l_0 = 156, l_1 = 6, l_2 = 18.
    # Self-pairs S_1 = 9 + 9, S_2 = 100 + 9 + 25, S_0 = 156 (gaps); sum 308.
    # e_cc = 180 (l_c^2 - S_c) / (180^2 - 308): e_00 = 135.62, e_11 = 0.101, e_22 = 1.066.
    # u alpha = 1 - (180 - 154) / (180 - 136.79) = 0.398
    # |u alpha = 1 - (156 - 146) / (180 * 156 * 24 / 32092) = 0.524
    # cu: o' = [[3, 3], [3, 5]], l'.. = 14; reduced self-pairs S'_1 = 36/2, S'_2 = 68/2;
    #   e'_11 + e'_22 = 14 * (18 + 30) / 144; cu = 1 - (14 - 8) / (14 - 4.667) = 0.357
    docs = [
        _doc(
            60,
            alex=[(2, 5, "1")],
            paul=[(2, 5, "1"), (10, 20, "2")],
            susan=[(2, 5, "2"), (15, 20, "2")],
        )
    ]
    e = [180 * (156**2 - 156) / 32092, 180 * (36 - 18) / 32092, 180 * (324 - 134) / 32092]
    u = u_alpha(docs)
    assert u.alpha == pytest.approx(1 - 26 / (180 - sum(e)))
    assert round(u.alpha, 3) == 0.398
    b = binary_alpha(docs)
    assert b.alpha == pytest.approx(1 - 10 / (180 * 156 * 24 / 32092))
    assert round(b.alpha, 3) == 0.524
    cu = cu_alpha(docs, ["1", "2"])
    e_cu = 14 * 18 / 144 + 14 * 30 / 144
    assert cu.alpha == pytest.approx(1 - (14 - 8) / (14 - e_cu))
    assert round(cu.alpha, 3) == 0.357
    assert cu.pairable_length == pytest.approx(14)
    assert cu.coverage == pytest.approx(14 / 180)


def test_touching_segments_count_separately() -> None:
    # Same characters coded, but a's coding is two touching segments: agreement on
    # relevance is perfect either way, yet the expected disagreement differs because
    # two units of 5 remove 2 * 25 self-pairs instead of 100.
    split = [_doc(40, a=[(0, 5, "x"), (5, 10, "x")], b=[(0, 10, "x")])]
    whole = [_doc(40, a=[(0, 10, "x")], b=[(0, 10, "x")])]
    rs, rw = binary_alpha(split), binary_alpha(whole)
    assert rs.alpha == pytest.approx(1.0) and rw.alpha == pytest.approx(1.0)
    assert rs.expected_disagreement != pytest.approx(rw.expected_disagreement)
    assert rs.n_segments == 3


def test_documents_pool_like_a_concatenated_continuum() -> None:
    d1 = _doc(50, a=[(0, 10, "x"), (30, 45, "y")], b=[(2, 12, "x"), (30, 40, "x")])
    d2 = _doc(30, a=[(5, 20, "y")], b=[(0, 18, "y")])
    joined = _doc(
        80,
        a=[(0, 10, "x"), (30, 45, "y"), (55, 70, "y")],
        b=[(2, 12, "x"), (30, 40, "x"), (50, 68, "y")],
    )
    for fn in (u_alpha, binary_alpha):
        assert fn([d1, d2]).alpha == pytest.approx(fn([joined]).alpha)
    assert cu_alpha([d1, d2], ["x", "y"]).alpha == pytest.approx(
        cu_alpha([joined], ["x", "y"]).alpha
    )


def test_cu_alpha_swapped_codes_and_across_domains() -> None:
    # Both coders mark the same stretches but swap the two codes of domain D1.
    docs = [
        _doc(
            100,
            a=[(0, 10, "x1"), (20, 30, "x2"), (50, 60, "z1")],
            b=[(0, 10, "x2"), (20, 30, "x1"), (50, 60, "z1")],
        )
    ]
    domains = {"D1": ["x1", "x2"], "D2": ["z1", "z2"]}
    assert cu_alpha(docs, domains["D1"]).alpha < 0
    # Relevance within D1 is identical, so its binary alpha is 1.
    assert binary_alpha(docs, domains["D1"]).alpha == pytest.approx(1.0)
    # Across domains the swap is invisible: both coders used D1, D1, D2 on the same text.
    assert cu_alpha_across_domains(docs, domains).alpha == pytest.approx(1.0)
    report = unitizing_report(docs, domains)
    assert set(report.binary_by_code) == {"x1", "x2", "z1", "z2"}
    assert report.binary_by_code["z1"].alpha == pytest.approx(1.0)
    assert math.isnan(report.binary_by_code["z2"].alpha)  # nobody used z2
    assert report.cu_across_domains is not None


def test_segment_objects_and_tuples_are_equivalent() -> None:
    a = [_doc(30, a=[(0, 5, "x")], b=[(2, 8, "x")])]
    b = [UnitizedDocument(30, {"a": [Segment(0, 5, "x")], "b": [Segment(2, 8, "x")]})]
    assert binary_alpha(a).alpha == pytest.approx(binary_alpha(b).alpha)


def test_segment_outside_document_is_rejected_with_location() -> None:
    with pytest.raises(ValueError, match=r"document doc, coder 'b'.*0 <= start < end <= 30"):
        binary_alpha([_doc(30, a=[(0, 5, "x")], b=[(25, 31, "x")])])


def test_overlapping_codes_of_one_coder_are_flagged() -> None:
    docs = [_doc(50, a=[(0, 10, "x1"), (5, 15, "x2")], b=[(0, 10, "x1"), (10, 15, "x2")])]
    res = cu_alpha(docs, ["x1", "x2"])
    assert any("overlap" in w for w in res.warnings)
    # Same-value overlaps merge silently; binary alpha treats the union as relevant.
    assert binary_alpha(docs).alpha == pytest.approx(1.0)
    assert not any("overlap" in w for w in binary_alpha(docs).warnings)
    assert any("too little data" in w for w in binary_alpha(docs).warnings)


def test_code_in_two_domains_is_rejected() -> None:
    with pytest.raises(ValueError, match="more than one semantic domain"):
        cu_alpha_across_domains([_doc(10, a=[], b=[])], {"A": ["x"], "B": ["x"]})


def test_report_overall_binary_uses_all_domain_codes() -> None:
    docs = [_doc(80, a=[(0, 10, "x1"), (30, 50, "z1")], b=[(2, 10, "x2"), (30, 45, "z1")])]
    domains = {"D1": ["x1", "x2"], "D2": ["z1"]}
    report = unitizing_report(docs, domains)
    assert report.binary_overall is not None
    assert report.binary_overall.alpha == pytest.approx(
        binary_alpha(docs, ["x1", "x2", "z1"]).alpha
    )
    single = unitizing_report(docs, {"D1": ["x1", "x2"]})
    assert single.cu_across_domains is None  # Cu needs two or more domains


def test_document_nobody_coded_counts_as_shared_gap() -> None:
    # A document without any segment of the computation is one long agreed gap: same
    # result as appending its length to a document's trailing gap.
    coded = _doc(50, a=[(0, 10, "x"), (20, 30, "y")], b=[(2, 10, "x"), (20, 28, "x")])
    empty = _doc(70, a=[(0, 5, "other")], b=[])
    longer = _doc(120, a=[(0, 10, "x"), (20, 30, "y")], b=[(2, 10, "x"), (20, 28, "x")])
    for codes in (["x"], ["x", "y"]):
        assert binary_alpha([coded, empty], codes).alpha == pytest.approx(
            binary_alpha([longer], codes).alpha
        )
        assert u_alpha([coded, empty], codes).alpha == pytest.approx(u_alpha([longer], codes).alpha)


def test_prepared_documents_give_the_same_results() -> None:
    docs = [_doc(60, a=[(0, 10, "x"), (30, 40, "y")], b=[(0, 12, "x"), (30, 38, "x")])]
    prep = prepare(docs, None)
    assert binary_alpha(prep).alpha == pytest.approx(binary_alpha(docs).alpha)
    assert cu_alpha(prep, ["x", "y"]).alpha == pytest.approx(cu_alpha(docs, ["x", "y"]).alpha)
    with pytest.raises(ValueError, match="prepare"):
        binary_alpha(prep, coders=["b", "a"])


def _char_units(matrix: list[list[str | None]]) -> list[UnitizedDocument]:
    # Every unit becomes one character; a value is a segment of length 1, None a gap.
    codings = {
        f"coder{i}": [(p, p + 1, v) for p, v in enumerate(row) if v is not None]
        for i, row in enumerate(matrix)
    }
    return [UnitizedDocument(len(matrix[0]), codings, "chars")]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_length_one_segments_reduce_to_ordinary_alpha(seed: int) -> None:
    # Consistency check of the continuum formulas: with one-character segments the
    # unitizing coincidences are Krippendorff's (2011) coincidences, so _u alpha equals
    # nominal alpha with the gap as one more value, and (two coders) cu alpha equals
    # nominal alpha with gaps as missing values.
    rng = np.random.default_rng(seed)
    truth = rng.choice(["a", "b", "c"], size=40)
    matrix: list[list[str | None]] = []
    for _ in range(2):
        row: list[str | None] = [
            str(t) if rng.random() < 0.7 else str(rng.choice(["a", "b", "c"])) for t in truth
        ]
        for p in np.flatnonzero(rng.random(40) < 0.2):
            row[int(p)] = None
        matrix.append(row)
    docs = _char_units(matrix)
    with_gap = [[v if v is not None else "GAP" for v in row] for row in matrix]
    assert u_alpha(docs).alpha == pytest.approx(krippendorff_alpha(with_gap).alpha)
    assert cu_alpha(docs, ["a", "b", "c"]).alpha == pytest.approx(krippendorff_alpha(matrix).alpha)
    three = [[str(v) for v in rng.choice(["a", "b"], size=30)] for _ in range(3)]
    assert u_alpha(_char_units(three)).alpha == pytest.approx(krippendorff_alpha(three).alpha)


def test_empty_inputs_give_a_clear_result_not_an_exception() -> None:
    for call in (
        lambda: u_alpha([], coders=["a", "b"]),
        lambda: binary_alpha([], coders=["a", "b"]),
        lambda: u_alpha([]),
        lambda: binary_alpha([]),
        lambda: cu_alpha([], ["x"], coders=["a", "b"]),
        lambda: cu_alpha_across_domains([], {"A": ["x"], "B": ["y"]}, coders=["a", "b"]),
    ):
        result = call()
        assert math.isnan(result.alpha)
        assert result.reason == "no documents: the continuum is empty"
