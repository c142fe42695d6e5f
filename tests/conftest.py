"""Shared fixtures: a fresh project per test, on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qualcode.core.project import Project, create_project
from tests.pg_server import PostgresServer, find_bin_dir
from tests.team_helpers import restartable, team  # noqa: F401  (team mode fixtures)

REPO = Path(__file__).resolve().parents[1]
# shared/ lies beside the checkout (in CI too); real exports of other tools live there.
SHARED = next(
    (p for p in (REPO.parent / "shared", Path("/work/shared")) if p.is_dir()),
    REPO.parent / "shared",
)
_counter = itertools.count()


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own settings file (recent projects, window state), never the user's."""
    path = tmp_path / "settings.ini"
    monkeypatch.setenv("QUALCODE_SETTINGS", str(path))
    return path


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    """URL of the maintenance database of a server for this session."""
    given = os.environ.get("QUALCODE_TEST_PG_URL")
    if given:
        yield given
        return
    bin_dir = find_bin_dir()
    if bin_dir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL binaries are missing; .ci/run should install them")
        pytest.skip("no PostgreSQL binaries on this machine")
    server = PostgresServer(bin_dir)
    server.start()
    try:
        yield server.url("postgres")
    finally:
        server.stop()


def new_postgres_database(admin_url: str) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"qc_test_{os.getpid()}_{next(_counter)}"
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def locator(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A locator for a project that does not exist yet, on each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "study.qcdb")
    admin_url = request.getfixturevalue("postgres_admin_url")
    return new_postgres_database(admin_url)


@pytest.fixture
def project(locator: str) -> Iterator[Project]:
    with create_project(locator, "Test study") as opened:
        yield opened


@pytest.fixture
def sqlite_project(tmp_path: Path) -> Iterator[Project]:
    with create_project(str(tmp_path / "study.qcdb"), "Test study") as opened:
        yield opened


@pytest.fixture
def coded_project(project: Project) -> Project:
    """Two coders, a small codebook and one document with a few codings."""
    seed(project)
    return project


SAMPLE_TEXT = (
    "Interviewer: Hoe heb je de steun ervaren?\n\n"
    "Student: Mijn moeder belde elke dag. Dat gaf echt rust. "
    "Mijn mentor hielp me met een planning.\n\n"
    "Interviewer: En je medestudenten?\n\n"
    "Student: Die waren er ook, we lachten veel samen."
)


def seed(project: Project) -> None:
    project.coders.add("Anouk", role="lead")
    project.coders.add("Bram")
    project.documents.add("NI01", SAMPLE_TEXT, attributes={"intervention": "Welzijnscoach"})
    steun = project.codebook.add("Steungever", coder="Anouk", colour="#4E79A7")
    project.codebook.add("Moeder", parent=steun.guid, coder="Anouk")
    project.codebook.add("Mentor", parent=steun.guid, coder="Anouk")
    gedrag = project.codebook.add("Steungedrag", coder="Anouk")
    project.codebook.add("Praktische steun", parent=gedrag.guid, coder="Anouk")
    project.codebook.add("Emotionele steun", parent=gedrag.guid, coder="Anouk")
    text = SAMPLE_TEXT
    moeder = text.index("Mijn moeder")
    project.codings.add("NI01", "Anouk", "Steungever / Moeder", moeder, moeder + 28)
    project.codings.add("NI01", "Bram", "Steungever / Moeder", moeder, moeder + 28)
    rust = text.index("Dat gaf echt rust.")
    project.codings.add("NI01", "Anouk", "Steungedrag / Emotionele steun", rust, rust + 18)
