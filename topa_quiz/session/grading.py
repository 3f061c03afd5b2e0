"""What a learner typed, read strictly, and graded.

``read_answer(text, item)`` returns a :class:`Command` (hint, skip, quit, plot), an
:class:`Answer`, or an :class:`Invalid` that says what is expected. Nothing typed is ever
counted unless it is a valid answer.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..kinds.base import MAX_ANSWER
from .items import Item, format_value
from .numbers import parse_number  # noqa: F401 - re-exported: the prompt's number grammar

if TYPE_CHECKING:
    from ..i18n import Catalog

COMMANDS = {"?": "hint", "h": "hint", "s": "skip", "q": "quit", "p": "plot"}


@dataclass(frozen=True)
class Command:
    """A command typed at the prompt (hint, skip, quit, plot)."""

    name: str


@dataclass(frozen=True)
class Invalid:
    """A line that is neither an answer nor a command: what to type instead."""

    message: str


@dataclass(frozen=True)
class Answer:
    """An answer read from a typed line, and whether it is right."""

    given: str  # normalized: "2" (option number, 1-based), "O"/"X", or the number
    correct: bool
    value: float | None = None  # numeric answers
    choice: int | None = None  # choice answers: 0-based index


def grade_numeric(value: float, item: Item) -> bool:
    """Right within the declared tolerance |a − t| ≤ max(abs, rel·|t|); without one, right
    when the answer is closer than half a unit of the asked decimal, or reads the same
    at those decimals (so 0.1235 and 0.1234 are both right for 0.12345)."""
    target = float(item.answer)
    tolerance = item.question.tolerance()
    if tolerance is not None:
        abs_tol, rel_tol = tolerance
        return abs(value - target) <= max(abs_tol, rel_tol * abs(target))
    decimals = item.decimals if item.decimals is not None else 2
    if abs(value - target) < 0.5 * 10.0**-decimals:
        return True
    return format_value(value, decimals) == format_value(target, decimals)


def closeness(value: float, item: Item, words: Catalog) -> str:
    """How far an answer was, in words a learner can use."""
    target = float(item.answer)
    diff = value - target
    if diff == 0:
        return words("grade.exact")
    decimals = 2 if item.decimals is None else item.decimals
    gap = format_value(abs(diff), decimals + 2).rstrip("0").rstrip(".")
    if gap in ("0", ""):  # closer than the decimals shown: say the gap as it is (1e-7)
        from ..engine.core import fmt

        gap = fmt(abs(diff))
    key = "grade.high" if diff > 0 else "grade.low"
    return words(key, gap=gap)


def decimals_of(value: float) -> int:
    """How many decimals a typed number has (0.14 -> 2)."""
    text = repr(float(value))
    if "e" in text or "." not in text:
        return 0
    return len(text.split(".")[1].rstrip("0"))


def rounding_only(value: float, item: Item) -> bool:
    """True when ``value`` is the answer rounded to fewer decimals than were asked for."""
    if item.decimals is None or grade_numeric(value, item):
        return False
    typed = decimals_of(value)
    return typed < item.decimals and format_value(float(item.answer), typed) == format_value(value, typed)


def read_answer(text: str, item: Item, lang: str = "ko") -> Answer | Command | Invalid:
    """A typed line: a command (``?`` ``h`` ``s`` ``q`` ``p``), an answer, or what to type instead.

    Input is NFKC-normalised first, so full-width digits (１２) read as 12 for every kind;
    other scripts' digits (٣) are not answers for any kind.
    """
    from ..i18n import catalog

    words = catalog(lang)
    if len(text) > MAX_ANSWER:
        return Invalid(words("prompt.too_long", n=len(text), limit=MAX_ANSWER))
    raw = unicodedata.normalize("NFKC", text).strip()
    low = raw.lower()
    if low in COMMANDS:
        return Command(COMMANDS[low])
    kind = item.behaviour
    answer = kind.read(raw, item) if raw else None
    return answer if answer is not None else kind.invalid(item, words)
