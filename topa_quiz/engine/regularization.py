"""Weight penalties and dropout.

>>> from topa_quiz.engine import compute
>>> compute("dropout", p=0.5).result
2.0
"""

from __future__ import annotations

import numpy as np

from .activations import Result, show
from .core import Step, fmt


def l1(w: np.ndarray, lam: float) -> Result:
    """L1 (Lasso) penalty λ·Σ|wᵢ|."""
    a = np.abs(w)
    total = float(a.sum())
    pen = lam * total
    return pen, [
        Step("|wᵢ|", "absolute weights", a),
        Step("Σ|wᵢ|", "sum", total),
        Step("λ·Σ|wᵢ|", f"{fmt(lam)}·{fmt(total)}", pen),
    ]


def l2(w: np.ndarray, lam: float, half: bool) -> Result:
    """L2 (Ridge) penalty λ·Σwᵢ², or (λ/2)·Σwᵢ² with ``half``."""
    sq = w**2
    total = float(sq.sum())
    factor = lam / 2 if half else lam
    pen = factor * total
    label = "(λ/2)·Σwᵢ²" if half else "λ·Σwᵢ²"
    return pen, [
        Step("wᵢ²", "squared weights", sq),
        Step("Σwᵢ²", "sum", total),
        Step(label, f"{fmt(factor)}·{fmt(total)}", pen),
    ]


def dropout(p: float, x: np.ndarray | None) -> Result:
    """Inverted dropout: a kept unit is scaled by 1/(1 − p) in training; unchanged at test."""
    keep = 1.0 - p
    scale = 1.0 / keep
    steps = [
        Step("1 − p", "probability that a unit is kept", keep),
        Step("scale", f"1 / (1 − p) = 1 / {fmt(keep)}", scale),
    ]
    if x is not None:
        steps += [
            Step("kept unit (training)", f"x·scale = {show(x)}·{fmt(scale)}", x * scale),
            Step("dropped unit (training)", "0", np.zeros_like(x)),
            Step("expected value (training)", "(1 − p)·x·scale = x", keep * x * scale),
            Step("test time", "dropout is off: x unchanged", x),
        ]
    return scale, steps
