"""compute(): check the inputs against the registry, run the calculation, return its steps."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from .core import (
    Calculation,
    EngineError,
    Step,
    as_batch,
    as_number,
    as_steps,
    as_vector,
    check_range,
    to_value,
)
from .registry import Calc, Param, closest, lookup

_FUNCS: dict[str, Callable[..., tuple]] = {}
_NUMERIC = ("number", "vector", "batch", "steps")


def _function(calc: Calc) -> Callable[..., tuple]:
    if calc.name not in _FUNCS:
        module, attr = calc.target.split(":")
        _FUNCS[calc.name] = getattr(importlib.import_module(f"{__package__}.{module}"), attr)
    return _FUNCS[calc.name]


def _coerce(p: Param, value: object, args: dict[str, object]) -> tuple[object, object, bool]:
    """(value for the function, value for the record, was it a scalar)."""
    if value is None and p.default is None:
        return None, None, False
    if p.kind == "number":
        v = as_number(p.name, value)
        check_range(p.name, v, p.low, p.high, p.low_open, p.high_open)
        return v, v, True
    if p.kind == "int":
        if not isinstance(value, (int, float, np.integer, np.floating)) or isinstance(value, bool):
            raise EngineError(p.name, "calc.error.whole", got=repr(value)[:40])
        if not np.isfinite(float(value)) or float(value) != int(value):
            raise EngineError(p.name, "calc.error.whole", got=repr(value)[:40])
        v = int(value)
        check_range(p.name, v, p.low, p.high)
        return v, v, True
    if p.kind == "vector":
        arr, scalar = as_vector(p.name, value)
        return arr, to_value(arr, scalar), scalar
    if p.kind == "batch":
        arr = as_batch(p.name, value)
        return arr, arr.tolist() if arr.shape[0] > 1 else arr[0].tolist(), False
    if p.kind == "steps":
        size = np.size(args["param"]) if "param" in args else 1
        steps = as_steps(p.name, value, size)
        return steps, [to_value(s, size == 1) for s in steps], False
    if p.kind == "flag":
        if not isinstance(value, (bool, np.bool_)):
            raise EngineError(p.name, "calc.error.bool", got=repr(value)[:40])
        return bool(value), bool(value), True
    if p.kind == "choice":
        if value not in p.choices:
            raise EngineError(p.name, "calc.error.choice", choices=", ".join(p.choices), got=repr(value)[:40])
        return value, value, True
    raise AssertionError(f"unknown kind {p.kind}")  # pragma: no cover


def _find(name: str) -> Calc:
    calc = lookup(name)
    if calc is None:
        guess = closest(name)
        if guess:
            raise EngineError("name", "calc.error.unknown_hint", name=name, guess=guess)
        raise EngineError("name", "calc.error.unknown", name=name)
    return calc


def _culprit(calc: Calc, args: dict[str, object]) -> str:
    """The input to blame when a calculation overflows: the largest number given.

    Functions raise a precise EngineError where they can (ε = 0, α·x); this is the fallback.
    """
    best, name = -1.0, calc.params[0].name
    for p in calc.params:
        value = args.get(p.name)
        if p.kind not in _NUMERIC or value is None:
            continue
        flat = np.abs(np.concatenate([np.ravel(v) for v in value]) if p.kind == "steps" else np.ravel(value))
        if flat.size and float(flat.max()) > best:
            best, name = float(flat.max()), p.name
    return name


def _run(calc: Calc, args: dict[str, object]) -> tuple[np.ndarray, list[Step], list[object]]:
    """The calculation under NumPy's 'raise' mode: an overflow is an EngineError, never a warning."""
    with np.errstate(all="raise", under="ignore"):
        try:
            out = _function(calc)(**args)
            result = np.asarray(out[0], dtype=float)
        except (FloatingPointError, OverflowError, ZeroDivisionError) as exc:
            key = "calc.error.undefined" if "invalid" in str(exc) else "calc.error.overflow"
            raise EngineError(_culprit(calc, args), key) from None
    if np.any(np.isnan(result)):
        raise EngineError(_culprit(calc, args), "calc.error.undefined")
    if not np.all(np.isfinite(result)):
        raise EngineError(_culprit(calc, args), "calc.error.overflow")
    return result, list(out[1]), list(out[2]) if len(out) > 2 else []


def compute(name: str, **params: object) -> Calculation:
    """Run the calculation ``name`` on ``params``; the result with its worked steps.

    >>> compute("relu", x=[-3, 4]).result
    [0.0, 4.0]
    """
    calc = _find(name)
    known = {p.name for p in calc.params}
    for key in params:
        if key not in known:
            raise EngineError(key, "calc.error.no_such_param", calc=calc.name, names=", ".join(sorted(known)))
    args: dict[str, object] = {}
    record: dict[str, object] = {}
    scalar_result = True
    for p in calc.params:
        if p.name in params:
            raw = params[p.name]
        elif p.required:
            raise EngineError(p.name, "calc.error.required")
        else:
            raw = p.default
        args[p.name], record[p.name], scalar = _coerce(p, raw, args)
        if p.kind == "vector" and p.name in ("x", "param", "w") and args[p.name] is not None:
            scalar_result = scalar_result and scalar
    result, steps, path = _run(calc, args)

    def plain(v: object) -> object:
        return to_value(v, scalar_result and np.size(v) == 1)  # type: ignore[arg-type]

    return Calculation(
        name=calc.name,
        inputs=record,
        result=to_value(result, scalar_result and result.size == 1),
        steps=tuple(replace(s, value=plain(s.value)) for s in steps),
        trajectory=tuple(plain(theta) for theta in path),  # type: ignore[misc]
    )
