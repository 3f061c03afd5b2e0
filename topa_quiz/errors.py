"""User-facing errors and exit statuses: one line for the user, never a traceback."""

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

    def __init__(self, message: str, status: ExitStatus | None = None) -> None:
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status


class UsageError(TopaError):
    status = ExitStatus.USAGE


class DataError(TopaError):
    """A file of the user's (bank, database) cannot be used as it is."""

    status = ExitStatus.ERROR
