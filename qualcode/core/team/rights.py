"""Who may do what in team mode, checked in the services before anything is written.

The server enforces the same rules with grants and row-level security (see ``server``);
checking here too gives a clear message instead of a database error, and keeps the rules
in the core rather than in what the GUI hides.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from qualcode.core.errors import PermissionDenied

if TYPE_CHECKING:
    from qualcode.core.project import Project

F = TypeVar("F", bound=Callable[..., Any])


def require_lead(project: Project, what: str) -> None:
    identity = project.team
    if identity is not None and not identity.may_lead:
        raise PermissionDenied(
            f"only a lead can {what}; you are signed in as {identity.describe()}"
        )


def lead_only(what: str) -> Callable[[F], F]:
    """Decorate a service method (``self._project``) as something only a lead may do."""

    def decorate(method: F) -> F:
        @functools.wraps(method)
        def checked(self: Any, *args: Any, **kwargs: Any) -> Any:
            require_lead(self._project, what)
            return method(self, *args, **kwargs)

        return checked  # type: ignore[return-value]

    return decorate


def require_own(project: Project, owner_ids: Iterable[int | None], what: str) -> None:
    """A coder changes only their own codings and memos; leads may change any."""
    identity = project.team
    if identity is None or identity.may_lead:
        return
    others = {owner for owner in owner_ids if owner != identity.coder_id}
    if others:
        raise PermissionDenied(
            f"{what} of another coder cannot be changed by {identity.describe()}; "
            "you can change only your own"
        )


def acting_coder_id(project: Project) -> int | None:
    """The coder id to record as author when a caller names nobody (team mode)."""
    identity = project.team
    return identity.coder_id if identity is not None else None


def require_self(project: Project, coder_ids: Iterable[int], what: str) -> None:
    """A coder works as the login only: no codings or memos in a colleague's name."""
    identity = project.team
    if identity is None or identity.may_lead:
        return
    if any(coder_id != identity.coder_id for coder_id in coder_ids):
        raise PermissionDenied(
            f"you are signed in as {identity.describe()}; you can add {what} only as yourself"
        )
