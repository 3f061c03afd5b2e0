"""User-facing errors and exit statuses: one line for the user, never a traceback.

An error raised below the command line carries a catalog message id and its arguments
(``key``, ``values``), so the command line words it in the session's language; ``message``
is the English text for logs and for callers that have no catalog at hand. ``field`` names
what was wrong in domain terms ("topics", "count", ...): the command line, and only it,
turns that into a flag name.

A value may itself be a :class:`Msg` (a message id with its values): it is worded in the same
language, so a sentence can be built from parts (what failed, then why)::

    >>> from topa_quiz.i18n import catalog
    >>> err = DataError.said("store.cannot_save", path="/x", why=Msg("store.why_full"))
    >>> err.words(catalog("en"))
    'could not save to /x (nothing was changed): the disk is full; free some space and try again'
    >>> str(err) == err.words(catalog("en"))  # the English words are the message
    True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, Self


class ExitStatus(IntEnum):
    OK = 0
    ERROR = 1  # a problem found (bank invalid, database damaged, ...)
    USAGE = 2  # the command line or an input was wrong
    INTERRUPTED = 130  # Ctrl-C


@dataclass(frozen=True)
class Msg:
    """A catalog message id and its values, to be worded later in some language."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)

    def words(self, catalog) -> str:  # noqa: ANN001 - topa_quiz.i18n.Catalog
        return catalog(self.key, **_worded(self.values, catalog))


def _worded(values: Mapping[str, object], catalog) -> dict[str, object]:  # noqa: ANN001
    return {k: v.words(catalog) if isinstance(v, Msg) else v for k, v in values.items()}


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
            return catalog(self.key, **_worded(self.values, catalog))
        return self.message or self.key

    @classmethod
    def said(cls, key: str, status: ExitStatus | None = None, **values: Any) -> Self:  # noqa: ANN401
        """The error ``key`` with its values, its ``message`` the English words (for logs and ``str``)."""
        from .i18n import catalog

        return cls(Msg(key, values).words(catalog("en")), status, key=key, **values)

    def __str__(self) -> str:
        return self.message or self.key


class UsageError(TopaError):
    status = ExitStatus.USAGE


class DataError(TopaError):
    """A file of the user's (bank, database) cannot be used as it is."""

    status = ExitStatus.ERROR


class RecordError(DataError):
    """An answer (or an exam's result) could not be stored; every answer before it is kept.

    Raised by the progress store during a session: the session ends there, what was done is
    still shown, then this line.
    """
