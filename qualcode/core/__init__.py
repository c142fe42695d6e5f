"""Domain model, storage and services. Importable without Qt."""

from qualcode.core.errors import DomainError, NotFound, ProjectError, QualcodeError
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
