"""Team mode: one live project on a PostgreSQL server, many coders.

- ``identity``: on a server a coder *is* the database login (no picking someone else).
- ``rights``: lead-only operations and coder-owned rows, checked in the services.
- ``server``: what ``qualcode team init`` / ``add-coder`` install on the server (login
  roles, group roles, grants, row-level security, the change log and its NOTIFY).
- ``feed``: LISTEN/NOTIFY turned into change notices for an open window.
- ``pending``: actions kept while the server is unreachable, replayed when it is back.
"""

from qualcode.core.team.identity import TeamIdentity, detect_identity, login_for

__all__ = ["TeamIdentity", "detect_identity", "login_for"]
