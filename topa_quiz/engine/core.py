"""Shared types of the engine: results with worked steps, errors, input checks, number text.

Pure NumPy (float64); no I/O, no Rich. Words never live here: a step's ``note`` and an
error's ``key`` are message ids of the catalog (:mod:`topa_quiz.i18n`), a part of a message
is a :class:`~topa_quiz.errors.Msg` (the package's one message type).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ..errors import Msg
from .limits import MAX_STEP_VALUES, MAX_STEPS, MAX_VALUES

Value = float | list[float] | list[list[float]]


class EngineError(ValueError):
    """An input a calculation cannot take.

    ``param`` names the parameter at fault (the engine's name, ``y_true``, not a flag);
    ``key`` and ``fields`` are the catalog message and its arguments (values may be
    :class:`~topa_quiz.errors.Msg`), worded in any language by :meth:`text`; ``message`` is
    the English wording. ``key`` is always a catalog id (a test checks every raise).
    """

    def __init__(self, param: str, key: str, **fields: object) -> None:
        self.param = param
        self.key = key
        self.fields = fields
        self.message = self.text("en")
        super().__init__(f"{param}: {self.message}")

    def text(self, lang: str) -> str:
        """The message in ``lang`` (without the parameter's name)."""
        return _said(Msg(self.key, self.fields), lang)


def _said(msg: Msg, lang: str) -> str:
    from ..i18n import catalog

    return msg.words(catalog(lang))


@dataclass(frozen=True)
class Step:
    """One line of a worked calculation, as a student writes it on paper.

    ``label`` and ``formula`` are mathematics only (symbols, then the numbers substituted),
    the same in every language; words belong in ``note``: a message id of the catalog
    filled with ``args`` when the step is shown. ``key`` names what the step holds for code
    (``"m_hat"``, ``"theta"``, ...), stable whatever the label says.
    """

    label: str
    formula: str
    value: Value
    note: str = ""
    args: dict[str, object] = field(default_factory=dict)
    key: str = ""

    def note_text(self, lang: str) -> str:
        """The note in ``lang``, or "" when the step has none."""
        return _said(Msg(self.note, self.args), lang) if self.note else ""


@dataclass(frozen=True)
class Calculation:
    """A result together with the steps that produce it."""

    name: str
    inputs: dict[str, object]
    result: Value
    steps: tuple[Step, ...] = field(default_factory=tuple)
    #: an optimizer's parameter after each step, θ₀ first (empty for other calculations)
    trajectory: tuple[Value, ...] = ()

    def values(self, key: str) -> list[Value]:
        """The value of every step with this ``key``, in order (``values("m_hat")[-1]``)."""
        return [s.value for s in self.steps if s.key == key]

    def to_dict(self, lang: str | None = None) -> dict[str, object]:
        """JSON-ready; with ``lang``, steps that have a note carry its text as ``note``."""
        steps = []
        for s in self.steps:
            row: dict[str, object] = {"label": s.label, "formula": s.formula, "value": _json(s.value)}
            if lang and s.note:
                row["note"] = s.note_text(lang)
            steps.append(row)
        return {"function": self.name, "inputs": self.inputs, "result": self.result, "steps": steps}


def _json(v: object) -> object:
    """Non-finite numbers (a step may hold ln 0 = −∞) as null: JSON has no infinity."""
    if isinstance(v, list):
        return [_json(x) for x in v]
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


# ------------------------------------------------------------------ numbers
def fmt(v: float, digits: int = 6) -> str:
    """A number as a person writes it: ``digits`` decimals from 0.001 up to 100,000
    (7.389056, 0.119203), else ``digits`` significant figures (1.2346e-05); no trailing zeros.
    """
    v = float(v)
    if v == 0:
        return "0"
    if not math.isfinite(v):
        return "∞" if v > 0 else ("−∞" if v < 0 else "NaN")
    a = abs(v)
    if 1e-3 <= a < 1e5:
        text = f"{v:.{digits}f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text
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
def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _finite(name: str, arr: np.ndarray) -> np.ndarray:
    if not np.all(np.isfinite(arr)):
        raise EngineError(name, "calc.error.not_finite_list")
    return arr


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float, np.floating, np.integer)) and not isinstance(value, bool)


def _capped(name: str, value: object) -> None:
    """Refuse an over-long list before NumPy spends time and memory on it."""
    if isinstance(value, (list, tuple)):
        n = sum(len(r) if isinstance(r, (list, tuple)) else 1 for r in value)
        if n > MAX_VALUES:
            raise EngineError(name, "calc.error.too_many", n=n, cap=MAX_VALUES)


def as_number(name: str, value: object) -> float:
    if not _is_number(value):
        raise EngineError(name, "calc.error.not_number", got=_shown(value))
    v = float(value)  # type: ignore[arg-type]
    if not math.isfinite(v):
        raise EngineError(name, "calc.error.not_finite", got=fmt(v))
    return v


def as_vector(name: str, value: object) -> tuple[np.ndarray, bool]:
    """A number or a flat list as a 1-D float64 array; also whether it was a scalar."""
    if _is_number(value):
        return _finite(name, np.array([float(value)])), True  # type: ignore[arg-type]
    _capped(name, value)
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError, OverflowError):
        raise EngineError(name, "calc.error.not_numbers", got=_shown(value)) from None
    if arr.ndim != 1 or arr.size == 0:
        raise EngineError(name, "calc.error.not_flat")
    return _finite(name, arr), False


def as_batch(name: str, value: object) -> np.ndarray:
    """A flat list (one sample) or a list of equal rows as a 2-D array (samples × values)."""
    _capped(name, value)
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError, OverflowError):
        raise EngineError(name, "calc.error.not_rows") from None
    if arr.ndim == 0:
        arr = arr.reshape(1, 1)
    elif arr.ndim == 1:
        arr = arr.reshape(1, -1)
    if arr.ndim != 2 or arr.size == 0:
        raise EngineError(name, "calc.error.not_batch")
    return _finite(name, arr)


def as_steps(name: str, value: object, size: int) -> list[np.ndarray]:
    """Optimizer gradients: one entry per step, each a number or a vector of ``size``."""
    if _is_number(value):
        value = [value]
    if not isinstance(value, (list, tuple)) or not value:
        raise EngineError(name, "calc.error.no_steps")
    if len(value) > MAX_STEPS:
        raise EngineError(name, "calc.error.too_many_steps", n=len(value), cap=MAX_STEPS)
    if len(value) * size > MAX_STEP_VALUES:
        raise EngineError(name, "calc.error.too_many_step_values", n=len(value) * size, cap=MAX_STEP_VALUES)
    steps = []
    for i, g in enumerate(value, 1):
        arr, _ = as_vector(name, g)
        if arr.size == 1 and size > 1:
            arr = np.full(size, arr[0])
        if arr.size != size:
            raise EngineError(name, "calc.error.step_size", i=i, n=arr.size, size=size)
        steps.append(arr)
    return steps


def as_state(name: str, value: np.ndarray | None, like: np.ndarray) -> np.ndarray | None:
    """Optimizer state carried in (a buffer, a moment): shaped like the parameter."""
    if value is None:
        return None
    if value.size == 1 and like.size > 1:
        return np.full(like.size, value[0])
    if value.size != like.size:
        raise EngineError(name, "calc.error.state_size", n=value.size, size=like.size)
    return value.astype(float).copy()


def bound(low: float | None, high: float | None, low_open: bool, high_open: bool) -> Msg:
    """The allowed range as a message: ">= 0 and < 1" / "0 이상 1 미만"."""
    parts = []
    if low is not None:
        parts.append(Msg("calc.bound.gt" if low_open else "calc.bound.ge", {"v": fmt(low)}))
    if high is not None:
        parts.append(Msg("calc.bound.lt" if high_open else "calc.bound.le", {"v": fmt(high)}))
    if len(parts) == 2:
        return Msg("calc.bound.both", {"low": parts[0], "high": parts[1]})
    return parts[0]


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
        raise EngineError(name, "calc.error.range", bounds=bound(low, high, low_open, high_open), got=fmt(v))
    return v


def same_shape(a_name: str, a: np.ndarray, b_name: str, b: np.ndarray) -> None:
    if a.shape != b.shape:
        raise EngineError(b_name, "calc.error.shape", got=_count(b), other=a_name, want=_count(a))


def _count(a: np.ndarray) -> Msg:
    if a.shape[0] == 1:
        return Msg("calc.count.value" if a.shape[1] == 1 else "calc.count.values", {"n": a.shape[1]})
    return Msg("calc.count.rows", {"rows": a.shape[0], "n": a.shape[1]})


# ------------------------------------------------------------------ subscripts
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_SUP = str.maketrans("0123456789-−", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁻")


def sub(n: int | str) -> str:
    return str(n).translate(_SUB)


def sup(n: int | str) -> str:
    return str(n).translate(_SUP)
