"""User-facing errors and exit statuses: one line for the user, never a traceback.

An error raised below the command line carries a catalog message id and its arguments
(``key``, ``values``), so the command line words it in the session's language; ``message``
is the English text for logs and for callers that have no catalog at hand. ``field`` names
what was wrong in domain terms ("topics", "count", ...): the command line, and only it,
turns that into a flag name.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    ERROR = 1  # a problem found (bank invalid, database damaged, ...)
    USAGE = 2  # the command line or an input was wrong
    INTERRUPTED = 130  # Ctrl-C


class TopaError(Exception):
    """An error whose message is meant for the user, with the exit status to use."""

    status = ExitStatus.ERROR

    def __init__(
        self,
        message: str = "",
        status: ExitStatus | None = None,
        *,
        key: str = "",
        field: str = "",
        **values: object,
    ) -> None:
        super().__init__(message or key)
        self.message = message
        self.key = key
        self.field = field
        self.values = values
        if status is not None:
            self.status = status

    def words(self, catalog) -> str:  # noqa: ANN001 - topa_quiz.i18n.Catalog
        """The message in the catalog's language (the English ``message`` when it has no id)."""
        if self.key and catalog.has(self.key):
            return catalog(self.key, **self.values)
        return self.message or self.key

    def __str__(self) -> str:
        return self.message or self.key


class UsageError(TopaError):
    status = ExitStatus.USAGE


class DataError(TopaError):
    """A file of the user's (bank, database) cannot be used as it is."""

    status = ExitStatus.ERROR
