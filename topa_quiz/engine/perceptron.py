"""The perceptron: a weighted sum of the inputs plus a bias, through a step function.

The rounding rule: the weighted sum is computed the way a student computes it on paper.
Each number is taken as the decimal it is written as (its shortest form: 0.1 is 0.1, not
0.1000000000000000055…), the products and the sum are exact decimal arithmetic (to 50
significant digits), and only the finished sum becomes a float. So
0.6·0.5 + 0.3·(−2) + 0.2·1.5 + 0 is exactly 0 (floating point would give 5.55e−17), and
the perceptron compares that exact sum with its threshold.

>>> from topa_quiz.engine import compute
>>> compute("perceptron", x=[1, 0], w=[0.5, 0.5], b=-0.7).result
0.0
>>> compute("weighted-sum", x=[0.5, -2.0, 1.5], w=[0.6, 0.3, 0.2]).result
0.0
"""

from __future__ import annotations

from decimal import Decimal, localcontext

import numpy as np

from .activations import Result
from .core import EngineError, Step
from .formula import num, par, plus, seq


def _decimal(v: float) -> Decimal:
    """A float as the decimal it is written as (repr is the shortest round-tripping form)."""
    return Decimal(repr(float(v)))


def _exact_sum(x: np.ndarray, w: np.ndarray, b: float) -> tuple[list[Decimal], Decimal]:
    with localcontext() as ctx:
        ctx.prec = 50
        products = [_decimal(wi) * _decimal(xi) for wi, xi in zip(w, x, strict=True)]
        z = sum(products, start=Decimal(0)) + _decimal(b)
    return products, z


def _weighted_sum(x: np.ndarray, w: np.ndarray, b: float) -> tuple[float, Decimal, list[Step]]:
    if x.size != w.size:
        raise EngineError("w", "calc.error.weights", n=w.size, m=x.size)
    products, z_exact = _exact_sum(x, w, b)
    values = np.array([float(p) for p in products]) + 0.0  # no −0.0
    z = float(z_exact)
    if not (np.all(np.isfinite(values)) and np.isfinite(z)):
        raise EngineError("x" if np.abs(x).max() >= np.abs(w).max() else "w", "calc.error.overflow")
    with np.errstate(all="ignore"):
        floating = float(np.sum(w * x) + b)  # what floating point alone would give
    note = "calc.note.decimal_sum" if num(floating) != num(z) else ""  # only a visible difference
    return (
        z,
        z_exact,
        [
            Step(
                "wᵢ·xᵢ",
                seq([f"{num(wi)}·{par(xi)}" for wi, xi in zip(w, x, strict=True)]),
                values,
                key="products",
            ),
            Step("z = Σwᵢxᵢ + b", plus([*values.tolist(), b]), z, note, {"float": num(floating)}, key="z"),
        ],
    )


def weighted_sum(x: np.ndarray, w: np.ndarray, b: float) -> Result:
    """z = Σ wᵢxᵢ + b, in exact decimals (see the module's rounding rule)."""
    z, _, steps = _weighted_sum(x, w, b)
    return z, steps


def perceptron(x: np.ndarray, w: np.ndarray, b: float, threshold: float) -> Result:
    """y = 1 if Σ wᵢxᵢ + b > θ else 0 (Rosenblatt's perceptron, strict inequality).

    The decision compares the exact decimal sum with θ (see the module's rounding rule).
    """
    z, z_exact, steps = _weighted_sum(x, w, b)
    fires = z_exact > _decimal(threshold)
    y = 1.0 if fires else 0.0
    form = f"{num(z)} > {num(threshold)} ⇒ 1" if fires else f"{num(z)} ≤ {num(threshold)} ⇒ 0"
    steps.append(Step("y", form, y, "calc.note.fires" if fires else "calc.note.does_not_fire", key="y"))
    return y, steps
