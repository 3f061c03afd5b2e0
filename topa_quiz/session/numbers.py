"""The one grammar for a number a person types: at a quiz prompt or to ``topa calc``.

Standard library only, so the command line can use it without loading the bank or NumPy.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def parse_number(text: str) -> float | None:
    """0.5, .5, -0.25, 5e-1 and fractions 1/2; None for anything else (1,5 nan inf 1e999).

    >>> parse_number(" 1/2 "), parse_number("5e-1"), parse_number("0,5")
    (0.5, 0.5, None)
    """
    t = text.strip()
    if "/" in t:
        num, _, den = t.partition("/")
        if not (_NUMBER.fullmatch(num.strip()) and _NUMBER.fullmatch(den.strip())):
            return None
        try:
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
    return t in ("nan", "inf", "infinity") or (
        _NUMBER.fullmatch(t) is not None and not math.isfinite(float(t))
    )
