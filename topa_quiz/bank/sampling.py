"""Draw a numeric question's parameters from their declared forms.

Forms: a fixed value; ``{choice: [...]}``; ``{uniform: [lo, hi], round: 2, size: n}``;
``{integers: [lo, hi], size: n}``. ``cases`` is a list of whole parameter sets.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # NumPy is needed to draw, not to check forms: the loader stays light
    import numpy as np

SPEC_KEYS = ({"choice"}, {"uniform", "round", "size"}, {"integers", "size"})


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
            bounds = spec[form]
            if (
                not isinstance(bounds, list)
                or len(bounds) != 2
                or not all(isinstance(b, (int, float)) and not isinstance(b, bool) for b in bounds)
                or bounds[0] > bounds[1]
            ):
                return f"{form} takes [low, high] with low <= high"
            size = spec.get("size")
            if size is not None and (
                not isinstance(size, int) or isinstance(size, bool) or not 1 <= size <= 100
            ):
                return "size must be a whole number from 1 to 100"
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
