"""Working offline: check documents out of a team server into a local SQLite copy, code
there, and check the copy back in with the project merge (``qualcode merge``).

The copy is an ordinary project file (owner-only permissions) holding the chosen
documents, the whole codebook, the coders and the codings the login may see on those
documents. It remembers where it came from (settings ``team_checkout``). Checking in is
the exchange issue's project merge run as the coder's own login: documents match by
content, codes by id, codings already on the server are not duplicated, so checking the
same copy in twice adds nothing the second time. A coder's copy may carry only codings
and memos; new codes need a lead (the server refuses the rest).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qualcode.core.errors import DomainError, PermissionDenied, ProjectError
from qualcode.core.merge_report import MergeReport
from qualcode.core.models import utcnow
from qualcode.core.project import Project, create_project, open_project

CHECKOUT_SETTING = "team_checkout"


@dataclass(frozen=True)
class Checkout:
    out: Path
    documents: list[str]
    codings: int
    coder: str | None


def plain_url(url: str) -> str:
    """The server URL without a password (what the copy remembers)."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True).replace(":***@", "@")


def checkout(server: Project, out: Path, documents: Sequence[str] | None = None) -> Checkout:
    """Copy ``documents`` (default: the login's assigned documents, else all) to ``out``."""
    from qualcode.core.exchange_read import bundle_from_project
    from qualcode.core.services.project_merge import merge_bundle

    if server.team is None:
        raise ProjectError(f"{server.locator}: not a team project; copy files with export-copy")
    if out.exists():
        raise DomainError(f"{out}: already exists; choose a new file for the copy")
    wanted = list(documents or []) or _assigned(server)
    bundle = bundle_from_project(server, with_layout=True)
    known = {s.name for s in bundle.sources}
    missing = [name for name in wanted if name not in known]
    if missing:
        raise DomainError(f"unknown document(s) on the server: {', '.join(missing)}")
    keep = {s.guid for s in bundle.sources if not wanted or s.name in wanted}
    bundle.sources = [s for s in bundle.sources if s.guid in keep]
    bundle.codings = [c for c in bundle.codings if c.source_guid in keep]
    coding_guids = {c.guid for c in bundle.codings}
    bundle.notes = [
        n
        for n in bundle.notes
        if n.target in ("project", "code")
        or (n.target == "document" and n.target_guid in keep)
        or (n.target == "coding" and n.target_guid in coding_guids)
    ]
    for group in bundle.sets:
        group.source_guids = [g for g in group.source_guids if g in keep]
    # The copy holds project data: owner-only from the first byte.
    os.close(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    out.unlink()
    old_umask = os.umask(0o077)
    try:
        local = create_project(str(out), server.name)
    finally:
        os.umask(old_umask)
    try:
        merge_bundle(local, bundle, source=plain_url(server.locator))
        identity = server.team
        local.set_setting(
            CHECKOUT_SETTING,
            json.dumps(
                {
                    "server": plain_url(server.locator),
                    "login": identity.login,
                    "coder": identity.coder_name,
                    "documents": sorted(s.name for s in bundle.sources),
                    "at": utcnow().isoformat(timespec="seconds"),
                },
                ensure_ascii=False,
            ),
        )
    finally:
        local.close()
    out.chmod(0o600)
    return Checkout(
        out, sorted(s.name for s in bundle.sources), len(bundle.codings), identity.coder_name
    )


def _assigned(server: Project) -> list[str]:
    identity = server.team
    if identity is None or identity.coder_id is None:
        return []
    assigned = server.documents.assignments()
    names = {d.id: d.name for d in server.documents.list()}
    return sorted(
        names[doc_id]
        for doc_id, coders in assigned.items()
        if any(c.id == identity.coder_id for c in coders) and doc_id in names
    )


def checkin(server: Project, copy: Path, *, dry_run: bool = False) -> MergeReport:
    """Merge a checked-out copy back into the server as the signed-in login."""
    from qualcode.core.services.project_merge import merge_projects

    if server.team is None:
        raise ProjectError(f"{server.locator}: not a team project; use 'qualcode merge'")
    with open_project(str(copy)) as local:
        origin = local.setting(CHECKOUT_SETTING)
        if not origin:
            raise DomainError(f"{copy}: not a checked-out copy (made by 'qualcode team checkout')")
        came_from = json.loads(origin)
        try:
            # The logbook names the coder checking in; the server checks it is the login.
            return merge_projects(server, local, dry_run=dry_run, by=server.team.coder_id)
        except PermissionDenied as exc:
            raise PermissionDenied(
                f"{copy}: the copy holds more than {came_from.get('coder')}'s codings and "
                f"memos (new codes, documents or attributes need a lead: ask one to run "
                f"'qualcode merge' with it) - {exc}"
            ) from exc
