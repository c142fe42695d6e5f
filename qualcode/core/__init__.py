"""Domain model, storage and services. Importable without Qt.

The names below load on first use (PEP 562), so ``import qualcode.core.errors`` does not
pull in SQLAlchemy and Alembic: commands that need no database, such as
``qualcode anonymise-check``, start about half a second sooner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qualcode.core.errors import DomainError, NotFound, ProjectError, QualcodeError

if TYPE_CHECKING:
    from qualcode.core.project import Project, create_project, open_project

__all__ = [
    "DomainError",
    "NotFound",
    "Project",
    "ProjectError",
    "QualcodeError",
    "create_project",
    "open_project",
]


def __getattr__(name: str) -> Any:
    if name in ("Project", "create_project", "open_project"):
        from qualcode.core import project

        return getattr(project, name)
    raise AttributeError(f"module 'qualcode.core' has no attribute {name!r}")
