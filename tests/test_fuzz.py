"""A short atheris run over the XML and YAML readers (longer runs: see tests/fuzz/)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris")

REPO = Path(__file__).resolve().parents[1]
SEEDS = [
    b"\x00<CodeBook><Codes><Code name='a' isCodable='true'/></Codes></CodeBook>",
    b"\x02qualcode_codebook: 1\nname: x\ncodes:\n  - name: a\n    children: []\n",
    b"\x01<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>",
    b"\x03a: &a [1]\nb: *a\n",
]


def test_fuzz_xml_and_yaml_readers(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number, seed in enumerate(SEEDS):
        (corpus / f"seed{number}").write_bytes(seed)
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "tests" / "fuzz" / "fuzz_readers.py"),
            "-runs=1500",
            "-max_len=2048",
            "-seed=13",
            f"-artifact_prefix={tmp_path}/",
            str(corpus),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Done 1500 runs" in result.stderr
