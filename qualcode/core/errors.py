"""Errors a user can cause and fix. The CLI prints them without a traceback."""


class QualcodeError(Exception):
    """Base of every error that is the user's to fix, not a bug."""


class DomainError(QualcodeError):
    """An operation would break a rule of the domain (bad offsets, unknown code...)."""


class NotFound(DomainError):
    """A named coder, document, code or version does not exist."""


class PermissionDenied(DomainError):
    """The signed-in coder may not do this (team mode: roles and ownership)."""


class EditConflict(DomainError):
    """Someone changed the same thing first; the message shows the current state."""


class ProjectError(QualcodeError):
    """The project cannot be created, opened or migrated."""


class ConnectionLost(ProjectError):
    """The database server went away; the operation did not happen and may be retried."""


class QualcodeWarning(UserWarning):
    """Warnings from our own code; the test suite turns them into errors."""
