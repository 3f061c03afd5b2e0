"""The perceptron: a weighted sum of the inputs plus a bias, through a step function.

>>> from topa_quiz.engine import compute
>>> compute("perceptron", x=[1, 0], w=[0.5, 0.5], b=-0.7).result
0.0
"""

from __future__ import annotations

import numpy as np

from .activations import Result, term
from .core import EngineError, Step, fmt


def _weighted_sum(x: np.ndarray, w: np.ndarray, b: float) -> tuple[float, list[Step]]:
    if x.size != w.size:
        raise EngineError("w", f"has {w.size} weights but x has {x.size} inputs; give one weight per input")
    products = w * x + 0.0  # no -0.0
    z = float(products.sum() + b)
    terms = " + ".join(f"{term(wi)}·{term(xi)}" for wi, xi in zip(w, x, strict=True))
    return z, [
        Step("wᵢ·xᵢ", terms, products),
        Step("z = Σwᵢxᵢ + b", f"{term(products.sum())} + ({fmt(b)})", z),
    ]


def weighted_sum(x: np.ndarray, w: np.ndarray, b: float) -> Result:
    """z = Σ wᵢxᵢ + b."""
    return _weighted_sum(x, w, b)


def perceptron(x: np.ndarray, w: np.ndarray, b: float, threshold: float) -> Result:
    """y = 1 if Σ wᵢxᵢ + b > θ else 0 (Rosenblatt's perceptron, strict inequality)."""
    z, steps = _weighted_sum(x, w, b)
    y = 1.0 if z > threshold else 0.0
    verdict = ">" if z > threshold else "≤"
    steps.append(Step("y = step(z)", f"z = {fmt(z)} {verdict} θ = {fmt(threshold)} → {int(y)}", y))
    return y, steps
