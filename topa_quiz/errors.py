"""User-facing errors and exit statuses: one line for the user, never a traceback.

An error raised below the command line may carry a catalog message id and its arguments
instead of finished words, so the command line says it in the session's language::

    >>> err = DataError(key="store.missing", params={"path": "/x/progress.sqlite3"})
    >>> err.text("en")
    'no progress database yet at /x/progress.sqlite3'
    >>> err.message == err.text("en")  # the English line, for callers that print ``message``
    True

An argument may itself be a :class:`Msg` (a message id with its arguments): it is said in the
same language, so a sentence can be built from parts (what failed, then why).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    ERROR = 1  # a problem found (bank invalid, database damaged, ...)
    USAGE = 2  # the command line or an input was wrong
    INTERRUPTED = 130  # Ctrl-C


@dataclass(frozen=True)
class Msg:
    """A catalog message id and its arguments, to be said in some language later."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        from .i18n import catalog

        args = {k: v.text(lang) if isinstance(v, Msg) else v for k, v in self.params.items()}
        return catalog(lang)(self.key, **args)


class TopaError(Exception):
    """An error whose message is meant for the user, with the exit status to use.

    Either a finished ``message``, or a catalog ``key`` with ``params`` (then ``message``
    is the English text and :meth:`text` gives any language).
    """

    status = ExitStatus.ERROR

    def __init__(
        self,
        message: str = "",
        status: ExitStatus | None = None,
        *,
        key: str = "",
        params: Mapping[str, object] | None = None,
    ) -> None:
        self.key = key
        self.params = dict(params or {})
        if not message and key:
            message = self.text("en")
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status

    def text(self, lang: str) -> str:
        """The message in ``lang`` from the catalog; the finished ``message`` when there is no key."""
        if not self.key:
            return self.message
        return Msg(self.key, self.params).text(lang)


class UsageError(TopaError):
    status = ExitStatus.USAGE


class DataError(TopaError):
    """A file of the user's (bank, database) cannot be used as it is."""

    status = ExitStatus.ERROR


class RecordError(DataError):
    """An answer could not be stored; every answer before it is kept.

    Raised by the progress store during a session; the session ends there, its summary is
    still shown, then this line.
    """
