"""What a learner typed, read strictly, and graded.

``read_answer(text, item)`` returns a :class:`Command` (hint, skip, quit, plot), an
:class:`Answer`, or an :class:`Invalid` that says what is expected. Nothing typed is ever
counted unless it is a valid answer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .items import CIRCLED, Item, format_value
from .numbers import parse_number

COMMANDS = {"?": "hint", "h": "hint", "s": "skip", "q": "quit", "p": "plot"}


@dataclass(frozen=True)
class Command:
    name: str


@dataclass(frozen=True)
class Invalid:
    message: str


@dataclass(frozen=True)
class Answer:
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


def closeness(value: float, item: Item) -> str:
    """How far an answer was, in words a learner can use."""
    target = float(item.answer)
    diff = value - target
    if diff == 0:
        return "exact"
    rel = abs(diff) / abs(target) if target else math.inf
    side = "high" if diff > 0 else "low"
    rel_text = "" if not math.isfinite(rel) else f", {rel:.1%}" if rel < 1 else f", {rel:.0%}"
    return f"off by {format_value(abs(diff), (2 if item.decimals is None else item.decimals) + 1)} ({side}{rel_text})"


def _expected(item: Item, lang: str) -> str:
    if item.kind == "choice":
        n = len(item.choices)
        return (
            f"1~{n} 중 하나의 번호(또는 ①~{CIRCLED[n - 1]})를 입력하세요"
            if lang == "ko"
            else f"type an option number from 1 to {n} (or ①-{CIRCLED[n - 1]})"
        )
    if item.kind == "ox":
        return "o 또는 x를 입력하세요 (1=O, 2=X)" if lang == "ko" else "type o or x (1 = O, 2 = X)"
    return (
        "숫자를 입력하세요: 0.5, .5, 1/2, 5e-1 (소수점은 쉼표가 아닌 마침표)"
        if lang == "ko"
        else "type a number: 0.5, .5, 1/2, 5e-1 (a decimal point, not a comma)"
    )


def read_answer(text: str, item: Item, lang: str = "ko") -> Answer | Command | Invalid:
    raw = text.strip()
    low = raw.lower()
    if low in COMMANDS:
        return Command(COMMANDS[low])
    if not raw:
        return Invalid(_expected(item, lang))
    if item.kind == "choice":
        index = (
            CIRCLED.find(raw)
            if len(raw) == 1 and raw in CIRCLED
            else (int(raw) - 1 if raw.isascii() and raw.isdigit() else -1)
        )
        if not 0 <= index < len(item.choices):
            return Invalid(_expected(item, lang))
        return Answer(str(index + 1), item.choices[index].correct, choice=index)
    if item.kind == "ox":
        mapping = {"o": "O", "x": "X", "1": "O", "2": "X", "○": "O", "×": "X"}
        given = mapping.get(low)
        if given is None:
            return Invalid(_expected(item, lang))
        return Answer(given, given == item.answer)
    value = parse_number(raw)
    if value is None:
        return Invalid(_expected(item, lang))
    return Answer(raw, grade_numeric(value, item), value=value)
