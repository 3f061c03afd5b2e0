"""Draw a numeric question's parameters from their declared forms.

Forms: a fixed value; ``{choice: [...]}``; ``{uniform: [lo, hi], round: 2, size: n}``;
``{integers: [lo, hi], size: n}``. ``cases`` is a list of whole parameter sets.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # NumPy is needed to draw, not to check forms: the loader stays light
    import numpy as np

SPEC_KEYS = ({"choice"}, {"uniform", "round", "size"}, {"integers", "size"})
MAX_SIZE = 100
#: integers are drawn as int64: bounds must lie within it (high + 1 too)
INT64 = 2**63


def _number(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _looks_numeric(text: str | None) -> bool:
    try:
        float(text)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return True


def _bounds_problem(form: str, bounds: object) -> str | None:
    if not isinstance(bounds, list) or len(bounds) != 2 or not all(_number(b) for b in bounds):
        text = next((b for b in bounds if isinstance(b, str)), None) if isinstance(bounds, list) else None
        hint = f" ('{text}' is text in YAML: write it with a dot, as 1.0e30)" if _looks_numeric(text) else ""
        return f"{form} takes [low, high], two numbers with low <= high{hint}"
    lo, hi = bounds
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return f"{form} bounds must be finite numbers"
    if lo > hi:
        return f"{form} takes [low, high], two numbers with low <= high"
    if form == "uniform" and not math.isfinite(hi - lo):
        return "uniform bounds are too far apart to draw between (keep high - low below 1e308)"
    if form == "integers":
        if not all(float(b).is_integer() for b in bounds):
            return "integers takes whole-number bounds"
        if lo < -INT64 or hi > INT64 - 2:
            return "integers bounds must fit in 64 bits (from -2**63 to 2**63 - 2)"
    return None


def spec_problem(spec: object) -> str | None:
    """What is wrong with a parameter's form, or None."""
    if not isinstance(spec, Mapping):
        return None  # a fixed value: the engine judges it
    keys = set(spec)
    if "choice" in keys:
        if keys != {"choice"} or not isinstance(spec["choice"], list) or not spec["choice"]:
            return "{choice: [...]} takes a non-empty list and nothing else"
        return None
    for form in ("uniform", "integers"):
        if form in keys:
            allowed = next(k for k in SPEC_KEYS if form in k)
            if keys - allowed:
                return f"{{{form}: ...}} takes only {', '.join(sorted(allowed))}"
            issue = _bounds_problem(form, spec[form])
            if issue:
                return issue
            size = spec.get("size")
            if size is not None and (
                not isinstance(size, int) or isinstance(size, bool) or not 1 <= size <= MAX_SIZE
            ):
                return f"size must be a whole number from 1 to {MAX_SIZE}"
            r = spec.get("round", 2)
            if not isinstance(r, int) or isinstance(r, bool) or not 0 <= r <= 10:
                return "round must be a whole number from 0 to 10"
            return None
    return f"unknown parameter form with keys {sorted(keys)}: use choice, uniform or integers"


def _plain(v: object) -> object:
    if isinstance(v, Mapping):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if hasattr(v, "item") and not isinstance(v, (list, dict, str)):  # a NumPy scalar
        return v.item()
    return v


def resolve(spec: object, rng: np.random.Generator) -> object:
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
    return draw.tolist() if size else int(draw)


def sample_params(
    params: Mapping[str, object], cases: tuple[Mapping[str, object], ...], rng: np.random.Generator
) -> dict[str, object]:
    """A case (if any), then each parameter drawn on top of it."""
    out: dict[str, object] = {}
    if cases:
        case = cases[int(rng.integers(len(cases)))]
        out.update({k: resolve(v, rng) for k, v in case.items()})
    out.update({k: resolve(v, rng) for k, v in params.items()})
    return out
