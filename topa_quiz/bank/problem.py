"""A problem found in a bank: where it is and what is wrong, as one ``FILE:LINE:COL: message`` line."""

from typing import NamedTuple, Protocol


class Words(Protocol):
    """A catalog of the session's language (:class:`topa_quiz.i18n.Catalog`)."""

    def __call__(self, key: str, /, **args: object) -> str: ...

    def has(self, key: str) -> bool: ...


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

    def said(self, words: Words) -> str:
        """The line in the catalog's language where its ``code`` has a message
        (``problem.CODE``), else the English one."""
        key = f"problem.{self.code}"
        if not (self.code and words.has(key)):
            return str(self)
        args = {  # a value with words of its own (kind: fifo) is said in them too
            name: words(f"problem.value.{value}") if words.has(f"problem.value.{value}") else value
            for name, value in self.args
        }
        return f"{self.file}:{self.line}:{self.col}: {words(key, **args)}"
