"""compute(): check the inputs against the registry, run the calculation, return its steps."""

from __future__ import annotations

import importlib
from collections.abc import Callable

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

_FUNCS: dict[str, Callable[..., tuple[object, list[Step]]]] = {}


def _function(calc: Calc) -> Callable[..., tuple[object, list[Step]]]:
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
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float, np.integer, np.floating))
            or float(value) != int(value)
        ):
            raise EngineError(p.name, f"expected a whole number, got {value!r}")
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
            raise EngineError(p.name, f"expected true or false, got {value!r}")
        return bool(value), bool(value), True
    if p.kind == "choice":
        if value not in p.choices:
            raise EngineError(p.name, f"expected one of {', '.join(p.choices)}, got {value!r}")
        return value, value, True
    raise AssertionError(f"unknown kind {p.kind}")  # pragma: no cover


def compute(name: str, **params: object) -> Calculation:
    """Run the calculation ``name`` on ``params``; the result with its worked steps."""
    calc = lookup(name)
    if calc is None:
        guess = closest(name)
        hint = f"; did you mean '{guess}'?" if guess else ""
        raise EngineError("name", f"unknown calculation '{name}'{hint}")
    known = {p.name for p in calc.params}
    for key in params:
        if key not in known:
            raise EngineError(
                key, f"'{calc.name}' takes no such parameter (it takes: {', '.join(sorted(known))})"
            )
    args: dict[str, object] = {}
    record: dict[str, object] = {}
    scalar_result = True
    for p in calc.params:
        if p.name in params:
            raw = params[p.name]
        elif p.required:
            raise EngineError(p.name, "is required")
        else:
            raw = p.default
        args[p.name], record[p.name], scalar = _coerce(p, raw, args)
        if p.kind == "vector" and p.name in ("x", "param", "w") and args[p.name] is not None:
            scalar_result = scalar_result and scalar
    with np.errstate(all="raise", under="ignore"):
        try:
            result, steps = _function(calc)(**args)
        except FloatingPointError as exc:
            raise EngineError(
                calc.params[0].name, f"the calculation failed numerically ({exc}); use other values"
            ) from None
    res_arr = np.asarray(result, dtype=float)
    if not np.all(np.isfinite(res_arr)):
        raise EngineError(calc.params[0].name, "the result is not finite; use smaller values")
    return Calculation(
        name=calc.name,
        inputs=record,
        result=to_value(res_arr, scalar_result and res_arr.size == 1),
        steps=tuple(
            Step(s.label, s.formula, to_value(s.value, scalar_result and np.size(s.value) == 1))
            for s in steps
        ),
    )
