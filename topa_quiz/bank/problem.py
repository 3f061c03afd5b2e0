"""A problem found in a bank: where it is and what is wrong, as one ``FILE:LINE:COL: message`` line.

A problem is said in the session's language: :meth:`Problem.of` makes one from a catalog
message id (``problem.…``, in ``i18n/*/bank.py``) and its values, a value may itself be a
:class:`~topa_quiz.errors.Msg` (what the problem is about, what a field must be), and
:meth:`Problem.said` words it in a catalog's language. ``str(problem)`` is the English line::

    >>> from topa_quiz.i18n import catalog
    >>> p = Problem.of("b.yaml", (3, 11), "problem.field.missing", what=Msg("problem.what.question", {"id": "x"}),
    ...                field="type", doc=Msg("problem.doc.a_kind_below"))
    >>> str(p)
    "b.yaml:3:11: question x: missing 'type' (a kind below)"
"""

from __future__ import annotations

from typing import NamedTuple, Protocol

from ..errors import Msg

__all__ = ["Msg", "Problem", "Words"]


class Words(Protocol):
    """A catalog of the session's language (:class:`topa_quiz.i18n.Catalog`)."""

    def __call__(self, key: str, /, **args: object) -> str: ...

    def has(self, key: str) -> bool: ...


#: the key under which a nested message is kept as plain data (the bank cache stores JSON)
MSG = "$msg"


def plain(value: object) -> object:
    """``value`` as plain JSON data: a :class:`Msg` becomes ``{"$msg": key, name: value, ...}``."""
    if isinstance(value, Msg):
        return {MSG: value.key, **{k: plain(v) for k, v in value.values.items()}}
    return value


def engine_error(exc: object) -> Msg:
    """An :class:`~topa_quiz.engine.EngineError` as a message: ``param: what is wrong``."""
    why = Msg(str(getattr(exc, "key", "")), dict(getattr(exc, "fields", {})))
    return Msg("problem.engine", {"param": str(getattr(exc, "param", "")), "why": why})


def say(words: Words, key: str, args: dict[str, object]) -> str:
    """The message ``key`` filled with ``args``; a problem's words are always format strings
    (``{{`` is a brace even in a message without placeholders)."""
    return words(key, **args) if args else words(key).format()


def worded(value: object, words: Words) -> object:
    """A plain value with its nested messages said in ``words``' language."""
    if isinstance(value, dict) and MSG in value:
        args = {k: worded(v, words) for k, v in value.items() if k != MSG}
        return say(words, str(value[MSG]), args)
    return value


class Problem(NamedTuple):
    """One problem of a bank file.

    ``message`` is the English text (``str``, logs, tests). ``code`` and ``args``, when set,
    say the same as data: ``code`` is a catalog id without its ``problem.`` prefix
    (``"file.too_large"``), ``args`` its values as plain data (``(("limit_mb", 5),)``), so that
    ``topa bank validate`` words it in the session's language.
    """

    file: str
    line: int
    col: int
    message: str
    code: str = ""
    args: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, file: str, where: tuple[int, int], key: str, /, **values: object) -> Problem:
        """The problem ``key`` (``problem.…``) with its values, its message in English."""
        from ..i18n import catalog

        args = tuple((name, plain(v)) for name, v in values.items())
        code = key.removeprefix("problem.")
        text = say(catalog("en"), key, {name: worded(v, catalog("en")) for name, v in args})
        return cls(file, where[0], where[1], text, code, args)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.message}"

    def said(self, words: Words) -> str:
        """The line in the catalog's language where its ``code`` has a message
        (``problem.CODE``), else the English one."""
        key = f"problem.{self.code}"
        if not (self.code and words.has(key)):
            return str(self)
        try:
            text = say(words, key, {name: worded(value, words) for name, value in self.args})
        except (KeyError, IndexError, ValueError):  # an entry of an older catalog: say it in English
            return str(self)
        return f"{self.file}:{self.line}:{self.col}: {text}"
