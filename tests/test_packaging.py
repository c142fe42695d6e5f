"""What `pip install` gives a user: metadata, the top-level resources/, and a wheel that
carries the sample data, the reference codebooks and the resources, tried in a fresh
virtual environment from another folder."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from qualcode.bundled import BUNDLED, bundled_dir, resource

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
APP_ID = "org.qualcode.Qualcode"


def test_licence_is_an_spdx_string_and_deduce_a_normal_dependency() -> None:
    project = PYPROJECT["project"]
    # A TOML table makes setuptools print "project.license as a TOML table is deprecated".
    assert project["license"] == "GPL-3.0-or-later"
    names = [dep.split(">")[0].split("[")[0].strip() for dep in project["dependencies"]]
    assert "deduce" in names
    requires = PYPROJECT["build-system"]["requires"]
    assert any(r.startswith("setuptools>=") and int(r.split(">=")[1]) >= 77 for r in requires)


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_resources_folder_holds_icon_desktop_entry_metadata_translations() -> None:
    root = REPO / "resources"
    assert bundled_dir("resources") == root
    svg = ElementTree.parse(root / "icons" / "qualcode.svg").getroot()
    assert svg.tag.endswith("svg")
    for size in (16, 32, 48, 64, 128, 256):
        assert _png_size(root / "icons" / "png" / f"qualcode-{size}.png") == (size, size)
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(root / "linux" / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Exec"].startswith("qualcode gui")
    assert desktop["Icon"] == APP_ID
    info = ElementTree.parse(root / "linux" / f"{APP_ID}.metainfo.xml").getroot()
    assert info.findtext("id") == APP_ID
    assert info.findtext("project_license") == "GPL-3.0-or-later"
    assert info.find("launchable").text == f"{APP_ID}.desktop"  # type: ignore[union-attr]
    metainfo = root / "linux" / f"{APP_ID}.metainfo.xml"
    if shutil.which("appstreamcli"):
        checked = subprocess.run(
            ["appstreamcli", "validate", "--no-net", str(metainfo)],
            capture_output=True,
            text=True,
        )
        assert checked.returncode == 0, checked.stdout + checked.stderr
    assert (root / "i18n" / "qualcode_nl.ts").is_file()
    assert (root / "i18n" / "qualcode_nl.qm").is_file()
    assert resource("i18n", "qualcode_nl.qm") == root / "i18n" / "qualcode_nl.qm"


def _purelib() -> str:
    return sysconfig.get_paths()["purelib"]


@pytest.mark.slow
def test_wheel_in_a_fresh_venv_runs_demo_and_anonymise_check(tmp_path: Path) -> None:
    """Build the wheel as pip does, install it into a new venv, and use it from a folder
    that is not the checkout. The dependencies come from the test environment (the new
    venv sees its site-packages through a .pth file), so no network is needed for them;
    the wheel itself is installed without them."""
    # A copy of what a clone holds, so the build leaves nothing in the checkout.
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy2(REPO / name, source / name)
    for name in ("qualcode", *BUNDLED):
        shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    dist = tmp_path / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w", str(dist), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    assert "as a TOML table is deprecated" not in built.stdout + built.stderr
    (wheel,) = dist.glob("qualcode-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = next(
            archive.read(n).decode() for n in names if n.endswith(".dist-info/METADATA")
        )
    assert "License-Expression: GPL-3.0-or-later" in metadata
    assert any(line.startswith("Requires-Dist: deduce") for line in metadata.splitlines())
    for name in BUNDLED:
        source = REPO / name
        expected = {
            f"qualcode/_bundled/{name}/{p.relative_to(source).as_posix()}"
            for p in source.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith(".")
        }
        assert expected and expected <= names, sorted(expected - names)[:5]

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300, env=env)
    python = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    installed = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert installed.returncode == 0, installed.stderr[-3000:]
    # Only now, so pip does not mistake the test environment's qualcode for this one.
    (site / "test-dependencies.pth").write_text(_purelib() + "\n", encoding="utf-8")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    where = subprocess.run(
        [str(python), "-c", "import qualcode; print(qualcode.__file__)"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout

    script = str(venv / "bin" / "qualcode")
    demo = subprocess.run(
        [script, "demo", "demo-here"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert demo.returncode == 0, demo.stdout[-2000:] + demo.stderr[-2000:]
    assert "sample data not found" not in demo.stderr
    assert (elsewhere / "demo-here" / "sample.qcdb").is_file()
    assert (elsewhere / "demo-here" / "sample-report.docx").is_file()
    assert "documents: 10" in demo.stdout

    shipped = (
        site / "qualcode" / "_bundled" / "sample_transcripts" / "NI01_Welzijnscoach_student.txt"
    )
    check = subprocess.run(
        [script, "anonymise-check", str(shipped), "--json"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert check.returncode == 0, check.stderr[-2000:]
    assert check.stdout.lstrip().startswith("[")
    assert "Traceback" not in check.stderr


def test_reports_start_from_the_shipped_template(tmp_path: Path) -> None:
    import docx

    from qualcode.core.project import create_project
    from qualcode.io.report import write_report
    from qualcode.io.report.builder import report_template
    from tests.conftest import seed

    template = REPO / "resources" / "report" / "qualcode-report.docx"
    assert report_template() == str(template)
    shipped = docx.Document(str(template))
    assert shipped.core_properties.category == "Qualcode report"
    with create_project(str(tmp_path / "s.qcdb")) as project:
        seed(project)
        out = tmp_path / "report.docx"
        write_report(project, out, by="intervention", language="en")
    report = docx.Document(str(out))
    assert report.core_properties.category == "Qualcode report"
    quote = report.styles["Quote"]
    assert (
        quote.paragraph_format.left_indent == shipped.styles["Quote"].paragraph_format.left_indent
    )
    assert {"TOC 1", "TOC 2"} <= {s.name for s in report.styles}
