"""Fixtures for team mode: a team project on the session's PostgreSQL server, with a
lead (Anouk) and two coders (Bram, Carla), each signing in with a login of their own."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy.engine import make_url

from qualcode.core import store
from qualcode.core.project import Project, create_project, open_project
from qualcode.core.team.server import add_member, install
from tests.pg_server import PostgresServer, find_bin_dir

PASSWORDS = {"anouk": "lead-pw", "bram": "bram-pw", "carla": "carla-pw"}


@dataclass(frozen=True)
class TeamServer:
    admin: str  # the owner's URL (the fixture's superuser)
    urls: dict[str, str]  # login -> URL signing in as that login

    def open(self, login: str) -> Project:
        return open_project(self.urls[login])


def as_login(url: str, login: str, password: str) -> str:
    return (
        make_url(url).set(username=login, password=password).render_as_string(hide_password=False)
    )


def make_team(admin_url: str) -> TeamServer:
    from tests.conftest import new_postgres_database

    url = new_postgres_database(admin_url)
    create_project(url, "Team study").close()
    engine = store.engine_for(url)
    try:
        with engine.begin() as conn:
            install(conn, engine.url.database or "")
        add_member(engine, "Anouk", "anouk", lead=True, password=PASSWORDS["anouk"])
        add_member(engine, "Bram", "bram", lead=False, password=PASSWORDS["bram"])
        add_member(engine, "Carla", "carla", lead=False, password=PASSWORDS["carla"])
    finally:
        engine.dispose()
    return TeamServer(url, {k: as_login(url, k, pw) for k, pw in PASSWORDS.items()})


TEXT = (
    "Interviewer: Hoe heb je de steun ervaren?\n\n"
    "Student: Mijn moeder belde elke dag. Dat gaf echt rust. "
    "Mijn mentor hielp me met een planning.\n\n"
    "Interviewer: En je medestudenten?\n\n"
    "Student: Die waren er ook, we lachten veel samen."
)


def seed_team(team: TeamServer) -> None:
    """The lead imports two documents and a small codebook."""
    with team.open("anouk") as lead:
        lead.documents.add("NI01", TEXT, attributes={"intervention": "Welzijnscoach"})
        lead.documents.add("NI02", TEXT + " Ook mijn vader.", attributes={"intervention": "X"})
        steun = lead.codebook.add("Steungever", colour="#4E79A7")
        lead.codebook.add("Moeder", parent=steun.guid)
        lead.codebook.add("Mentor", parent=steun.guid)


@pytest.fixture
def team(postgres_admin_url: str) -> Iterator[TeamServer]:
    server = make_team(postgres_admin_url)
    seed_team(server)
    yield server


class RestartableServer(PostgresServer):
    """The fixtures' server, with a stop that keeps the data and a start on the same port."""

    def options(self) -> str:
        return (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off -c synchronous_commit=off"
        )

    def halt(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def resume(self) -> None:
        log = str(self.root / "log")
        self._run("pg_ctl", "-D", str(self.data), "-l", log, "-w", "-o", self.options(), "start")


@pytest.fixture
def restartable() -> Iterator[RestartableServer]:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip("no PostgreSQL binaries on this machine")
    server = RestartableServer(bin_dir)
    server.start()
    try:
        yield server
    finally:
        server.stop()
