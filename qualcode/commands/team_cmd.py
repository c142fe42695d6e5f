"""``qualcode team init|add-coder|members``: a project on a PostgreSQL team server."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from qualcode.core import store
from qualcode.core.errors import ProjectError
from qualcode.core.project import create_project, open_project
from qualcode.core.team import login_for
from qualcode.core.team.errors import translate_db_error
from qualcode.core.team.server import NewLogin, add_member, install


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    team = subparsers.add_parser(
        "team",
        help="a live project on a PostgreSQL server for a team",
        description="Set up a project on a PostgreSQL server where every coder signs in "
        "with a database login. URL is postgresql://ADMIN@HOST:PORT/DATABASE, for a login "
        "that owns the database and may create roles.",
    )
    sub = team.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    init = sub.add_parser(
        "init",
        help="create the team schema and the first lead",
        description="Create the schema (or upgrade an existing project), the roles, the "
        "row-level security policies and the change feed, and the first lead.",
    )
    init.add_argument("url", metavar="URL")
    init.add_argument("--lead", required=True, metavar="NAME", help="the first lead's name")
    init.add_argument("--name", help="the project's name (a new project)")
    _login_options(init)
    init.set_defaults(func=run_init)
    add = sub.add_parser(
        "add-coder",
        help="add a coder tied to a database login",
        description="Add a coder (or make an existing one) sign in as a database login; "
        "the login is created when missing.",
    )
    add.add_argument("url", metavar="URL")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--lead", action="store_true", help="a lead (codebook, releases, reveal)")
    _login_options(add)
    add.set_defaults(func=run_add)
    members = sub.add_parser("members", help="list coders, roles and logins")
    members.add_argument("url", metavar="URL")
    members.set_defaults(func=run_members)
    out = sub.add_parser(
        "checkout",
        help="copy documents into a local project to code offline",
        description="Copy documents (default: the ones assigned to you, else all) with the "
        "codebook and the codings you may see into a new local project file; code there, "
        "then bring it back with 'qualcode team checkin'.",
    )
    out.add_argument("url", metavar="URL")
    out.add_argument("out", metavar="COPY.qcdb", type=Path)
    out.add_argument(
        "--document", action="append", default=[], metavar="NAME", help="a document (repeat)"
    )
    out.set_defaults(func=run_checkout)
    back = sub.add_parser(
        "checkin",
        help="merge a checked-out copy back into the server",
        description="Merge your codings and memos from a checked-out copy into the team "
        "project (the project merge: nothing is duplicated, a second check-in adds nothing).",
    )
    back.add_argument("url", metavar="URL")
    back.add_argument("copy", metavar="COPY.qcdb", type=Path)
    back.add_argument("--dry-run", action="store_true", help="show what would happen")
    back.set_defaults(func=run_checkin)


def _login_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--login", help="database login (default: from the name, e.g. 'anouk_de_vries')"
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the login's password from standard input (default for a new login: a "
        "generated one, shown once)",
    )


def _password(args: argparse.Namespace) -> str | None:
    if not args.password_stdin:
        return None
    password = sys.stdin.readline().rstrip("\n")
    if not password:
        raise ProjectError("no password on standard input")
    return password


def _check_url(url: str) -> None:
    if not store.is_url(url) or store.engine_for(url).url.get_backend_name() != "postgresql":
        raise ProjectError(f"{url}: team mode needs a PostgreSQL URL (postgresql://user@host/db)")


def run_init(args: argparse.Namespace) -> int:
    _check_url(args.url)
    password = _password(args)
    engine = store.engine_for(args.url)
    try:
        if store.has_tables(engine):
            open_project(args.url).close()  # upgrades an older schema first
            created = False
        else:
            create_project(args.url, args.name or engine.url.database).close()
            created = True
        with engine.begin() as conn:
            groups = install(conn, engine.url.database or "")
        member = add_member(
            engine, args.lead, args.login or login_for(args.lead), lead=True, password=password
        )
    except DBAPIError as exc:
        raise _error(args.url, exc) from exc
    finally:
        engine.dispose()
    where = engine.url.render_as_string(hide_password=True).split("?")[0]
    print(f"{'created' if created else 'upgraded'} team project {where}")
    print(f"roles: {groups.leads} (leads), {groups.coders} (coders); row-level security on")
    _print_member(member)
    print("next: qualcode team add-coder URL NAME   (then: qualcode gui, File > Connect)")
    return 0


def run_add(args: argparse.Namespace) -> int:
    _check_url(args.url)
    password = _password(args)
    engine = store.engine_for(args.url)
    try:
        member = add_member(
            engine,
            args.name,
            args.login or login_for(args.name),
            lead=args.lead,
            password=password,
        )
    except DBAPIError as exc:
        raise _error(args.url, exc) from exc
    finally:
        engine.dispose()
    _print_member(member)
    return 0


def run_members(args: argparse.Namespace) -> int:
    _check_url(args.url)
    with open_project(args.url) as project:
        identity = project.team
        if identity is None:
            raise ProjectError(f"{args.url}: not a team project (run 'qualcode team init')")
        print(f"signed in as {identity.describe()}")
        from sqlalchemy import select

        from qualcode.core.models import Coder

        with project.reading() as session:
            for coder in session.scalars(select(Coder).order_by(Coder.name)):
                print(f"{coder.name}\t{coder.role}\t{coder.login or '-'}")
    return 0


def run_checkout(args: argparse.Namespace) -> int:
    from qualcode.core.team.offline import checkout

    _check_url(args.url)
    with open_project(args.url) as server:
        done = checkout(server, args.out, args.document)
    print(
        f"checked out {len(done.documents)} document(s) with {done.codings} coding(s) to "
        f"{done.out}: {', '.join(done.documents)}"
    )
    from qualcode.core.team.offline import plain_url

    print(
        f"code offline (qualcode gui {done.out}), then: "
        f"qualcode team checkin {plain_url(args.url)} {done.out}"
    )
    return 0


def run_checkin(args: argparse.Namespace) -> int:
    from qualcode.core.team.offline import checkin

    _check_url(args.url)
    if not args.copy.is_file():
        raise ProjectError(f"{args.copy}: no such file")
    with open_project(args.url) as server:
        report = checkin(server, args.copy, dry_run=args.dry_run)
    print("\n".join(report.lines()))
    return 0


def _print_member(member: NewLogin) -> None:
    made = "new login" if member.created_login else "existing login"
    print(f"{member.role} {member.name} signs in as {made} {member.login!r}")
    if member.password is not None:
        print(
            f"password for {member.login!r}: {member.password}  (shown once; give it to "
            f"{member.name}, who stores it in the keyring when connecting)"
        )


def _error(url: str, exc: DBAPIError) -> Exception:
    error = translate_db_error(url, exc)
    if error is exc:
        first = str(exc.orig).splitlines()[0] if exc.orig is not None else str(exc)
        return ProjectError(f"{url}: the server refused ({first})")
    return error
