"""The anonymisation engine as a user meets it: one detector per process, the same answer
from `import` and `anonymise-check`, an honest loading message, `--pseudonymise` that
refuses to leave names in clear text, and key files in the format their name says."""

from __future__ import annotations

import csv
import gc
import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from qualcode.core.project import create_project, open_project
from qualcode.io.anonymise import check_report
from qualcode.io.anonymise import engine as engine_module
from qualcode.io.transcripts.batch import import_files

# "Breda" and "Tilburg" are found by deduce only (no pattern knows places).
EXTRA = (
    "Interviewer: Waar kom je vandaan?\n\n"
    "Student: Ik kom uit Breda, maar ik woon nu in Tilburg. Mail me op sanne@example.nl "
    "of bel 06-12345678. Mijn postcode is 4811 AB.\n"
)


@pytest.fixture(scope="module")
def deduce_engine() -> Any:
    pytest.importorskip("deduce")
    return engine_module.get_deduce()


def qualcode(
    cwd: Path, *args: str, pythonpath: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if pythonpath is not None:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (pythonpath, env.get("PYTHONPATH")) if p)
    return subprocess.run(
        [sys.executable, "-m", "qualcode", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_deduce_is_built_once_per_process_and_kept_from_the_collector(
    deduce_engine: Any,
) -> None:
    assert engine_module.get_deduce() is deduce_engine
    assert engine_module.is_loaded()
    # The lookup lists were moved out of the collector's sight (see engine's docstring).
    assert gc.get_freeze_count() > 1_000_000


def test_loading_message_is_honest(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pytest.importorskip("deduce")
    monkeypatch.setattr(engine_module, "cache_dir", lambda: tmp_path)
    assert engine_module.needs_build()
    assert "90 seconds" in engine_module.loading_message()
    (tmp_path / engine_module.CACHE_FILE).parent.mkdir()
    (tmp_path / engine_module.CACHE_FILE).write_bytes(b"cache")
    assert not engine_module.needs_build()
    message = engine_module.loading_message()
    assert "a few seconds" in message and "90" not in message


def test_import_and_check_find_the_same_identifiers(deduce_engine: Any, tmp_path: Path) -> None:
    path = tmp_path / "extra.txt"
    path.write_text(EXTRA, encoding="utf-8")
    checked = check_report(EXTRA).findings
    assert {"Breda", "Tilburg"} <= {f.text for f in checked}
    with create_project(str(tmp_path / "study.qcdb")) as project:
        report = import_files(project, [path])
    (doc,) = report.imported
    assert [(f.kind, f.text, f.start) for f in doc.findings] == [
        (f.kind, f.text, f.start) for f in checked
    ]


def test_cli_import_and_check_agree_and_the_second_load_is_quick(
    deduce_engine: Any, tmp_path: Path
) -> None:
    (tmp_path / "extra.txt").write_text(EXTRA, encoding="utf-8")
    create_project(str(tmp_path / "study.qcdb")).close()
    imported = qualcode(tmp_path, "import", "study.qcdb", "extra.txt")
    assert imported.returncode == 0, imported.stderr
    checked = qualcode(tmp_path, "anonymise-check", "extra.txt")
    assert checked.returncode == 0, checked.stderr
    found = len(check_report(EXTRA).findings)
    assert f"extra.txt: {found} possible identifiers" in checked.stdout
    assert f"{found} possible identifiers found" in imported.stdout
    # The lists were built long ago (the fixture loaded them): no "90 seconds" promise.
    assert "a few seconds" in checked.stderr and "90" not in checked.stderr


def _fake_missing_deduce(tmp_path: Path) -> str:
    fake = tmp_path / "fake-site"
    (fake / "deduce").mkdir(parents=True)
    (fake / "deduce" / "__init__.py").write_text(
        "raise ImportError(\"No module named 'docdeid' (simulated)\")\n", encoding="utf-8"
    )
    return str(fake)


def test_pseudonymise_refuses_without_deduce_unless_patterns_only(tmp_path: Path) -> None:
    (tmp_path / "extra.txt").write_text(EXTRA, encoding="utf-8")
    create_project(str(tmp_path / "study.qcdb")).close()
    fake = _fake_missing_deduce(tmp_path)
    refused = qualcode(
        tmp_path,
        "import", "study.qcdb", "extra.txt", "--pseudonymise", "--key-out", "key.csv",
        pythonpath=fake,
    )  # fmt: skip
    assert refused.returncode == 1
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1, refused.stderr
    assert "cannot pseudonymise" in lines[0] and "pip install deduce" in lines[0]
    assert "--patterns-only" in lines[0] and "Traceback" not in refused.stderr
    assert not (tmp_path / "key.csv").exists()
    with open_project(str(tmp_path / "study.qcdb")) as project:
        assert project.info().documents == 0

    allowed = qualcode(
        tmp_path,
        "import", "study.qcdb", "extra.txt", "--pseudonymise", "--patterns-only",
        "--key-out", "key.csv",
        pythonpath=fake,
    )  # fmt: skip
    assert allowed.returncode == 0, allowed.stderr
    with open_project(str(tmp_path / "study.qcdb")) as project:
        text = project.documents.text("extra")
    assert "[EMAIL-1]" in text and "[TELEFOON-1]" in text and "Breda" in text


def test_key_out_writes_csv_or_json_readable_only_by_the_user(tmp_path: Path) -> None:
    (tmp_path / "extra.txt").write_text(EXTRA, encoding="utf-8")
    create_project(str(tmp_path / "a.qcdb")).close()
    create_project(str(tmp_path / "b.qcdb")).close()
    common = ("--pseudonymise", "--patterns-only")
    done = qualcode(tmp_path, "import", "a.qcdb", "extra.txt", *common, "--key-out", "key.csv")
    assert done.returncode == 0, done.stderr
    key_csv = tmp_path / "key.csv"
    assert stat.S_IMODE(key_csv.stat().st_mode) == 0o600
    with key_csv.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["original", "placeholder", "kind", "document"]
    assert {"original": "sanne@example.nl", "placeholder": "[EMAIL-1]", "kind": "email",
            "document": "extra"} in rows  # fmt: skip
    assert {"original": "4811 AB", "placeholder": "[POSTCODE-1]", "kind": "postcode",
            "document": "extra"} in rows  # fmt: skip

    done = qualcode(tmp_path, "import", "b.qcdb", "extra.txt", *common, "--key-out", "key.json")
    assert done.returncode == 0, done.stderr
    key_json = tmp_path / "key.json"
    assert stat.S_IMODE(key_json.stat().st_mode) == 0o600
    assert json.loads(key_json.read_text(encoding="utf-8"))["extra"]["[TELEFOON-1]"] == (
        "06-12345678"
    )

    create_project(str(tmp_path / "c.qcdb")).close()
    wrong = qualcode(tmp_path, "import", "c.qcdb", "extra.txt", *common, "--key-out", "key.txt")
    assert wrong.returncode == 1
    assert len(wrong.stderr.strip().splitlines()) == 1 and ".csv or .json" in wrong.stderr
    assert not (tmp_path / "key.txt").exists()
    with open_project(str(tmp_path / "c.qcdb")) as project:
        assert project.info().documents == 0


def test_make_test_says_what_it_waits_for(
    deduce_engine: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: Any
) -> None:
    makefile = (Path(__file__).resolve().parents[1] / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert recipe.index("-m qualcode.io.anonymise") < recipe.index("-m pytest")
    # Lists not built yet: the step announces the wait before it starts.
    monkeypatch.setattr(engine_module, "cache_dir", lambda: tmp_path)
    assert engine_module.main() == 0
    out = capsys.readouterr().out
    assert "takes about 90 seconds" in out.splitlines()[0]
    # Built: the step is silent and quick.
    monkeypatch.undo()
    assert engine_module.main() == 0
    assert capsys.readouterr().out == ""
