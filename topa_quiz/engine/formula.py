"""Writing formulas as a student does on paper: numbers substituted, a real minus sign,
negative numbers in parentheses where they follow an operator, powers as superscripts.

>>> num(-0.5), par(-0.5), power(-0.964028, 2), exp_of(2.0), exp_of(-0.5)
('−0.5', '(−0.5)', '(−0.964028)²', 'e²', 'e^(−0.5)')
>>> plus([0.3, -0.6, 0.3, 0.0])
'0.3 − 0.6 + 0.3 + 0'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import numpy as np

from .core import fmt, sup

MINUS = "−"
#: a list longer than this is written with its first and last entries and "…" between
SHOWN = 8


def num(v: float) -> str:
    """A number with a real minus sign: −0.5, 1e−8."""
    return fmt(float(v)).replace("-", MINUS)


def par(v: float) -> str:
    """A number that follows an operator: negative ones in parentheses, 0.1·(−5)."""
    text = num(v)
    return f"({text})" if text.startswith(MINUS) else text


def power(v: float, k: int | str) -> str:
    """v raised to a small power as written: 0.5², (−1)², 0.9¹⁰."""
    return f"{par(v)}{sup(k)}"


def exp_of(v: float) -> str:
    """e to the power v: e², e⁻³, e⁰ for whole numbers, e^(0.5) otherwise."""
    v = float(v)
    if not np.isfinite(v):
        return f"e^({num(v)})"
    if v == int(v) and abs(v) < 1000:
        return "e" + sup(int(v))
    return f"e^({num(v)})"


def shorten(parts: Sequence[str]) -> list[str]:
    """At most SHOWN entries: the first ones, "…", the last one."""
    if len(parts) <= SHOWN:
        return list(parts)
    return [*parts[: SHOWN - 2], "…", parts[-1]]


def seq(parts: Sequence[str]) -> str:
    """One entry as itself; several as a list [a, b, c]."""
    return parts[0] if len(parts) == 1 else "[" + ", ".join(shorten(parts)) + "]"


def plus(values: Iterable[float]) -> str:
    """A sum as written: 0.3 − 0.6 + 0.3 (a negative term is subtracted)."""
    terms = [float(v) for v in values]
    if not terms:
        return "0"
    pieces = [num(terms[0])] + [f"{MINUS} {num(-v)}" if v < 0 else f"+ {num(v)}" for v in terms[1:]]
    if len(pieces) > SHOWN:
        pieces = [*pieces[: SHOWN - 2], "+ …", pieces[-1]]
    return " ".join(pieces)


def plus_texts(parts: Sequence[str]) -> str:
    """Terms already written, joined with +: e¹ + e² + e³."""
    if len(parts) > SHOWN:
        parts = [*parts[: SHOWN - 2], "…", parts[-1]]
    return " + ".join(parts)


def each(write: Callable[..., str], *arrays: np.ndarray) -> str:
    """``write`` applied to each element (of equal-shaped arrays): a number, a list, or rows."""
    first = np.asarray(arrays[0])
    if first.ndim == 2 and first.shape[0] > 1:
        return (
            "[" + ", ".join(shorten([each(write, *(a[i] for a in arrays)) for i in range(len(first))])) + "]"
        )
    flat = [np.asarray(a, dtype=float).reshape(-1) for a in arrays]
    return seq([write(*(float(a[i]) for a in flat)) for i in range(flat[0].size)])


def one(x: np.ndarray) -> bool:
    return np.asarray(x).size == 1


def at(name: str, x: np.ndarray) -> str:
    """A function's label: σ(−2) at one point, σ(x) for a list."""
    return f"{name}({num(np.asarray(x).item())})" if one(x) else f"{name}(x)"


def val(a: np.ndarray | float) -> str:
    """A value as written: a number, or a list [a, b] for a vector."""
    arr = np.asarray(a, dtype=float)
    return num(arr.item()) if arr.size == 1 else seq([num(v) for v in arr.reshape(-1)])


def term(a: np.ndarray | float) -> str:
    """Like val(), for a value that follows an operator: 0.9·(−0.5), 0.9·[0.5, −0.5]."""
    arr = np.asarray(a, dtype=float)
    return par(arr.item()) if arr.size == 1 else val(arr)
