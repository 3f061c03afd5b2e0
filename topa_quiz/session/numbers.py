"""The one grammar for a number a person types: at a quiz prompt or to ``topa calc``.

Standard library only, so the command line can use it without loading the bank or NumPy.

A typed number is at most ``MAX_LENGTH`` characters and its exponent at most
``MAX_EXPONENT`` in size: a fraction is computed exactly, and ``1e99999999/1`` would
otherwise build an integer of a hundred million digits. :func:`number_problem` says which
limit a text broke, as a catalog message id.
"""

from __future__ import annotations

import math
import re

_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")

MAX_LENGTH = 100  # characters in one typed number (a fraction counts whole)
MAX_EXPONENT = 1000  # |e| in 1e-5 or 2.5E+300


def _exponent_too_large(part: str) -> bool:
    match = _NUMBER.fullmatch(part)
    exponent = match.group(2) if match else None
    if not exponent:
        return False
    digits = exponent[1:].lstrip("+-").lstrip("0")
    return len(digits) > len(str(MAX_EXPONENT)) or int(digits or "0") > MAX_EXPONENT


def number_problem(text: str) -> tuple[str, dict[str, int]] | None:
    """Which size limit ``text`` breaks, as (catalog id, arguments); None if it breaks none.

    >>> number_problem("1e99999999/1")
    ('calc.number.exponent', {'n': 1000})
    >>> number_problem("0.5") is None
    True
    """
    t = text.strip()
    if len(t) > MAX_LENGTH:
        return "calc.number.too_long", {"n": MAX_LENGTH}
    if any(_exponent_too_large(part.strip()) for part in t.split("/")):
        return "calc.number.exponent", {"n": MAX_EXPONENT}
    return None


def parse_number(text: str) -> float | None:
    """0.5, .5, -0.25, 5e-1 and fractions 1/2; None for anything else (1,5 nan inf 1e999)
    and for texts beyond the size limits (:func:`number_problem`).

    >>> parse_number(" 1/2 "), parse_number("5e-1"), parse_number("0,5")
    (0.5, 0.5, None)
    """
    if number_problem(text) is not None:
        return None
    t = text.strip()
    if "/" in t:
        num, _, den = t.partition("/")
        if not (_NUMBER.fullmatch(num.strip()) and _NUMBER.fullmatch(den.strip())):
            return None
        try:
            from fractions import Fraction  # 3 ms to import: only when a fraction is typed

            v = float(Fraction(num.strip()) / Fraction(den.strip()))
        except (ZeroDivisionError, ValueError, OverflowError):
            return None
    else:
        if not _NUMBER.fullmatch(t):
            return None
        v = float(t)
    return v if math.isfinite(v) else None


def names_infinity(text: str) -> bool:
    """Is this a spelling of nan or infinity, or a number too large for a float (1e999)?"""
    t = text.strip().lower().lstrip("+-")
    if len(t) > MAX_LENGTH:
        return False
    return t in ("nan", "inf", "infinity") or (
        _NUMBER.fullmatch(t) is not None and not math.isfinite(float(t))
    )
