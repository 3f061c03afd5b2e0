"""Weight penalties and dropout.

>>> from topa_quiz.engine import compute
>>> compute("dropout", p=0.5).result
2.0
>>> compute("l2", w=[0.5, -1, 2], lam=0.01).steps[0].formula
'0.5² + (−1)² + 2²'
"""

from __future__ import annotations

import numpy as np

from .activations import Result
from .core import EngineError, Step
from .formula import num, par, plus_texts, power, seq


def l1(w: np.ndarray, lam: float) -> Result:
    """L1 (Lasso) penalty λ·Σ|wᵢ|."""
    total = float(np.abs(w).sum())
    pen = lam * total
    return pen, [
        Step("Σ|wᵢ|", plus_texts([f"|{num(v)}|" for v in w]), total, key="sum"),
        Step("λ·Σ|wᵢ|", f"{num(lam)}·{num(total)}", pen, key="penalty"),
    ]


def l2(w: np.ndarray, lam: float, half: bool) -> Result:
    """L2 (Ridge) penalty λ·Σwᵢ², or (λ/2)·Σwᵢ² with ``half``."""
    total = float((w**2).sum())
    factor = lam / 2 if half else lam
    pen = factor * total
    label, form = (
        ("(λ/2)·Σwᵢ²", f"({num(lam)}/2)·{num(total)}") if half else ("λ·Σwᵢ²", f"{num(lam)}·{num(total)}")
    )
    return pen, [
        Step("Σwᵢ²", plus_texts([power(v, 2) for v in w]), total, key="sum"),
        Step(label, form, pen, key="penalty"),
    ]


def dropout(p: float, x: np.ndarray | None) -> Result:
    """Inverted dropout: a kept unit is scaled by 1/(1 − p) in training; unchanged at test."""
    keep = 1.0 - p
    scale = 1.0 / keep
    steps = [
        Step("1 − p", f"1 − {num(p)}", keep, "calc.note.keep", key="keep"),
        Step("1/(1 − p)", f"1/{num(keep)}", scale, key="scale"),
    ]
    if x is None:
        return scale, steps
    with np.errstate(over="ignore"):
        kept = x * scale
    if not np.all(np.isfinite(kept)):
        raise EngineError("x", "calc.error.overflow")
    xs = seq([num(v) for v in x])
    steps += [
        Step(
            "x/(1 − p)", seq([f"{par(v)}/{num(keep)}" for v in x]), kept, "calc.note.dropout_kept", key="kept"
        ),
        Step("0", "0", np.zeros_like(x), "calc.note.dropout_dropped"),
        Step(
            "E[x̃]",
            f"(1 − p)·x/(1 − p) + p·0 = {num(keep)}·{seq([num(v) for v in kept])} + {num(p)}·0",
            keep * kept,
            "calc.note.dropout_expected",
        ),
        Step("x", xs, x, "calc.note.dropout_test"),
    ]
    return scale, steps
