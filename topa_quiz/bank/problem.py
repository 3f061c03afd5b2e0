"""A problem found in a bank: where it is and what is wrong, as one ``FILE:LINE:COL: message`` line."""

from typing import NamedTuple


class Problem(NamedTuple):
    """One problem of a bank file.

    ``message`` is the English text ``topa bank validate`` prints. ``code`` and ``args``,
    when set, say the same as data (``"file.too_large"``, ``(("limit", 5),)``) so that a
    learner-facing surface can word it in the session's language from the catalog.
    """

    file: str
    line: int
    col: int
    message: str
    code: str = ""
    args: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.message}"
