"""Draw a numeric question's parameters from their declared forms.

Forms: a fixed value; ``{choice: [...]}``; ``{uniform: [lo, hi], round: 2, size: n}``;
``{integers: [lo, hi], size: n}``. ``cases`` is a list of whole parameter sets.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..errors import Msg

if TYPE_CHECKING:
    from ..rng import Rng

SPEC_KEYS = ({"choice"}, {"uniform", "round", "size"}, {"integers", "size"})
MAX_SIZE = 100
#: integer bounds lie within int64 (high + 1 too): NumPy computes with the drawn values, and a
#: NumPy Generator, which draws int64, may be passed for the draws
INT64 = 2**63


def _number(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _looks_numeric(text: str | None) -> bool:
    try:
        float(text)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return True


def _bounds_problem(form: str, bounds: object) -> Msg | None:
    if not isinstance(bounds, list) or len(bounds) != 2 or not all(_number(b) for b in bounds):
        text = next((b for b in bounds if isinstance(b, str)), None) if isinstance(bounds, list) else None
        if _looks_numeric(text):
            return Msg("problem.spec.bounds_text", {"form": form, "text": text})
        return Msg("problem.spec.bounds", {"form": form})
    lo, hi = bounds
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return Msg("problem.spec.bounds_finite", {"form": form})
    if lo > hi:
        return Msg("problem.spec.bounds", {"form": form})
    if form == "uniform" and not math.isfinite(hi - lo):
        return Msg("problem.spec.uniform_apart")
    if form == "integers":
        if not all(float(b).is_integer() for b in bounds):
            return Msg("problem.spec.integers_whole")
        if lo < -INT64 or hi > INT64 - 2:
            return Msg("problem.spec.integers_64")
    return None


def spec_problem(spec: object) -> Msg | None:
    """What is wrong with a parameter's form (a ``problem.spec.…`` message), or None."""
    if not isinstance(spec, Mapping):
        return None  # a fixed value: the engine judges it
    keys = set(spec)
    if "choice" in keys:
        if keys != {"choice"} or not isinstance(spec["choice"], list) or not spec["choice"]:
            return Msg("problem.spec.choice")
        return None
    for form in ("uniform", "integers"):
        if form in keys:
            allowed = next(k for k in SPEC_KEYS if form in k)
            if keys - allowed:
                return Msg("problem.spec.only", {"form": form, "keys": ", ".join(sorted(allowed))})
            issue = _bounds_problem(form, spec[form])
            if issue:
                return issue
            size = spec.get("size")
            if size is not None and (
                not isinstance(size, int) or isinstance(size, bool) or not 1 <= size <= MAX_SIZE
            ):
                return Msg("problem.spec.size", {"max": MAX_SIZE})
            r = spec.get("round", 2)
            if not isinstance(r, int) or isinstance(r, bool) or not 0 <= r <= 10:
                return Msg("problem.spec.round")
            return None
    return Msg("problem.spec.unknown", {"keys": str(sorted(keys))})


def _plain(v: object) -> object:
    if isinstance(v, Mapping):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if hasattr(v, "item") and not isinstance(v, (list, dict, str)):  # a NumPy scalar
        return v.item()
    return v


def resolve(spec: object, rng: Rng) -> object:
    """One drawn value of a parameter form (fixed values pass through)."""
    if not isinstance(spec, Mapping):
        return _plain(spec)
    if "choice" in spec:
        values = spec["choice"]
        return _plain(values[int(rng.integers(len(values)))])
    size = spec.get("size")
    import numpy as np

    if "uniform" in spec:
        lo, hi = spec["uniform"]
        r = spec.get("round", 2)
        draw = np.round(rng.uniform(lo, hi, size), r) + 0.0
        return draw.tolist() if size else float(draw)
    lo, hi = spec["integers"]
    draw = rng.integers(int(lo), int(hi) + 1, size)
    return [int(v) for v in draw] if size else int(draw)  # type: ignore[union-attr]


def sample_params(
    params: Mapping[str, object], cases: tuple[Mapping[str, object], ...], rng: Rng
) -> dict[str, object]:
    """A case (if any), then each parameter drawn on top of it."""
    out: dict[str, object] = {}
    if cases:
        case = cases[int(rng.integers(len(cases)))]
        out.update({k: resolve(v, rng) for k, v in case.items()})
    out.update({k: resolve(v, rng) for k, v in params.items()})
    return out
