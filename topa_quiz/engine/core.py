"""Shared types of the engine: results with worked steps, input checks, number text.

Pure NumPy (float64); no I/O, no Rich.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

Value = float | list[float] | list[list[float]]


class EngineError(ValueError):
    """An input a calculation cannot take. ``param`` names the parameter at fault."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


@dataclass(frozen=True)
class Step:
    """One line of a worked calculation: what, how, how much.

    ``label`` and ``formula`` are mathematics (symbols and numbers), the same in every
    language; words belong in ``note``: a message id of the catalog (:mod:`topa_quiz.i18n`),
    filled with ``args`` when the step is shown.
    """

    label: str
    formula: str
    value: Value
    note: str = ""
    args: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Calculation:
    """A result together with the steps that produce it."""

    name: str
    inputs: dict[str, object]
    result: Value
    steps: tuple[Step, ...] = field(default_factory=tuple)
    #: an optimizer's parameter after each step, θ₀ first (empty for other calculations)
    trajectory: tuple[Value, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "function": self.name,
            "inputs": self.inputs,
            "result": self.result,
            "steps": [{"label": s.label, "formula": s.formula, "value": s.value} for s in self.steps],
        }


# ------------------------------------------------------------------ numbers
def fmt(v: float, digits: int = 6) -> str:
    """A number as a person writes it: 0.5, -2, 1.2346e-05, no trailing zeros."""
    v = float(v)
    if v == 0:
        return "0"
    if not math.isfinite(v):
        return "∞" if v > 0 else ("−∞" if v < 0 else "NaN")
    a = abs(v)
    text = f"{v:.{digits}g}" if (a >= 1e-4 and a < 1e6) else f"{v:.{max(digits - 2, 1)}e}"
    if "e" in text:
        mant, exp = text.split("e")
        mant = mant.rstrip("0").rstrip(".") if "." in mant else mant
        return f"{mant}e{int(exp)}"
    return text


def fmt_array(a: np.ndarray | float, digits: int = 6) -> str:
    """A scalar as fmt(); a vector as [a, b, c]; a matrix as [[..], [..]]."""
    arr = np.asarray(a, dtype=float)
    if arr.ndim == 0:
        return fmt(float(arr), digits)
    return "[" + ", ".join(fmt_array(x, digits) for x in arr) + "]"


def to_value(a: np.ndarray | float, scalar: bool = False) -> Value:
    """A NumPy value as plain Python (JSON-ready): float, list or nested list."""
    arr = np.asarray(a, dtype=float)
    if scalar or arr.ndim == 0:
        return float(arr.reshape(-1)[0]) if arr.size else float("nan")
    return arr.tolist()


# ------------------------------------------------------------------- inputs
def _finite(name: str, arr: np.ndarray) -> np.ndarray:
    if not np.all(np.isfinite(arr)):
        raise EngineError(name, "must be finite numbers (got nan or inf)")
    return arr


def as_number(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.floating, np.integer)):
        raise EngineError(name, f"expected one number, got {value!r}")
    v = float(value)
    if not math.isfinite(v):
        raise EngineError(name, f"must be a finite number, got {fmt(v)}")
    return v


def as_vector(name: str, value: object) -> tuple[np.ndarray, bool]:
    """A number or a flat list as a 1-D float64 array; also whether it was a scalar."""
    if isinstance(value, (int, float, np.floating, np.integer)) and not isinstance(value, bool):
        return _finite(name, np.array([float(value)])), True
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise EngineError(name, f"expected numbers, got {value!r}") from None
    if arr.ndim != 1 or arr.size == 0:
        raise EngineError(name, "expected one number or a flat, non-empty list of numbers")
    return _finite(name, arr), False


def as_batch(name: str, value: object) -> np.ndarray:
    """A flat list (one sample) or a list of equal rows as a 2-D array (samples × values)."""
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise EngineError(name, "expected numbers, with rows of equal length") from None
    if arr.ndim == 0:
        arr = arr.reshape(1, 1)
    elif arr.ndim == 1:
        arr = arr.reshape(1, -1)
    if arr.ndim != 2 or arr.size == 0:
        raise EngineError(name, "expected a list of numbers or a list of rows")
    return _finite(name, arr)


def as_steps(name: str, value: object, size: int) -> list[np.ndarray]:
    """Optimizer gradients: one entry per step, each a number or a vector of ``size``."""
    if isinstance(value, (int, float, np.floating, np.integer)) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, (list, tuple)) or not value:
        raise EngineError(name, "give at least one gradient (one per step)")
    if len(value) > 1000:
        raise EngineError(name, f"at most 1000 steps, got {len(value)}")
    steps = []
    for i, g in enumerate(value, 1):
        arr, _ = as_vector(f"{name} (step {i})", g)
        if arr.size == 1 and size > 1:
            arr = np.full(size, arr[0])
        if arr.size != size:
            raise EngineError(name, f"step {i} has {arr.size} values but the parameter has {size}")
        steps.append(arr)
    return steps


def check_range(
    name: str,
    v: float,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    high_open: bool = False,
) -> float:
    bad_low = low is not None and (v <= low if low_open else v < low)
    bad_high = high is not None and (v >= high if high_open else v > high)
    if bad_low or bad_high:
        lo = "" if low is None else f"{'>' if low_open else '>='} {fmt(low)}"
        hi = "" if high is None else f"{'<' if high_open else '<='} {fmt(high)}"
        raise EngineError(name, f"must be {' and '.join(x for x in (lo, hi) if x)}, got {fmt(v)}")
    return v


def same_shape(a_name: str, a: np.ndarray, b_name: str, b: np.ndarray) -> None:
    if a.shape != b.shape:
        raise EngineError(
            b_name,
            f"has {_shape(b)} but {a_name} has {_shape(a)}; give one prediction per target",
        )


def _shape(a: np.ndarray) -> str:
    if a.shape[0] == 1:
        return f"{a.shape[1]} value" + ("s" if a.shape[1] != 1 else "")
    return f"{a.shape[0]} rows of {a.shape[1]}"


# ------------------------------------------------------------------ subscripts
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_SUP = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def sub(n: int | str) -> str:
    return str(n).translate(_SUB)


def sup(n: int | str) -> str:
    return str(n).translate(_SUP)
