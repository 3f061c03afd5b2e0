"""Activation functions and their derivatives, element-wise, as PyTorch computes them.

Every function takes float64 arrays and returns ``(result, steps)``; inputs are already
checked by :func:`topa_quiz.engine.compute`.

>>> from topa_quiz.engine import compute
>>> compute("sigmoid", x=0.0).result
0.5
"""

from __future__ import annotations

import numpy as np

from .core import EngineError, Step, fmt, fmt_array, sup

Result = tuple[np.ndarray | float, list[Step]]


def show(a: np.ndarray | float) -> str:
    """A one-element array as a number, a longer one as a list."""
    arr = np.asarray(a, dtype=float)
    return fmt(arr.item()) if arr.size == 1 else fmt_array(arr)


def term(a: np.ndarray | float) -> str:
    """Like show(), with a negative number in parentheses: 0.1·(-0.3), not 0.1·-0.3."""
    text = show(a)
    return f"({text})" if text.startswith("-") else text


def _sigmoid(x: np.ndarray) -> np.ndarray:
    """σ(x) without overflow: 1/(1+e^−x) for x ≥ 0, e^x/(1+e^x) for x < 0."""
    t = np.exp(-np.abs(x))  # in (0, 1]: never overflows
    return np.where(x >= 0, 1.0 / (1.0 + t), t / (1.0 + t))


def sigmoid(x: np.ndarray) -> Result:
    r"""Logistic sigmoid σ(x) = 1 / (1 + e^−x).

    Computed in the form that cannot overflow: with t = e^−|x| (always in (0, 1]),
    σ(x) = 1/(1+t) for x ≥ 0 and t/(1+t) for x < 0. ``sigmoid -1000`` is exactly 0.
    """
    t = np.exp(-np.abs(x))
    y = _sigmoid(x)
    steps = [Step("x", "input", x), Step("t = e^(−|x|)", f"e^(−|{show(x)}|)", t)]
    if x.size == 1:
        form = "1 / (1 + t)" if x.item() >= 0 else "t / (1 + t)  (x < 0, same value as 1/(1+e^−x))"
    else:
        form = "1/(1 + t) where x ≥ 0, t/(1 + t) where x < 0"
    steps.append(Step("σ(x)", form, y))
    return y, steps


def tanh(x: np.ndarray) -> Result:
    """Hyperbolic tangent, shown as tanh(x) = 2σ(2x) − 1 (the same function)."""
    s2 = _sigmoid(2 * x)
    y = np.tanh(x)
    return y, [
        Step("x", "input", x),
        Step("σ(2x)", f"σ({show(2 * x)})", s2),
        Step("tanh(x)", f"2·σ(2x) − 1 = 2·{show(s2)} − 1", y),
    ]


def relu(x: np.ndarray) -> Result:
    """ReLU(x) = max(0, x)."""
    y = np.maximum(x, 0.0)
    return y, [Step("x", "input", x), Step("ReLU(x)", f"max(0, {show(x)})", y)]


def leaky_relu(x: np.ndarray, alpha: float) -> Result:
    """Leaky ReLU: x for x ≥ 0, α·x below (torch.nn.functional.leaky_relu)."""
    y = np.where(x >= 0, x, alpha * x)
    return y, [
        Step("x", "input", x),
        Step("α", "slope for x < 0", alpha),
        Step("LeakyReLU(x)", f"x if x ≥ 0 else {fmt(alpha)}·x", y),
    ]


def softmax(x: np.ndarray) -> Result:
    """softmax(x)ᵢ = e^(xᵢ − max x) / Σⱼ e^(xⱼ − max x): shift-invariant, no overflow."""
    shift = x - x.max()
    e = np.exp(shift)
    total = e.sum()
    y = e / total
    return y, [
        Step("x", "scores", x),
        Step("x − max(x)", f"x − {fmt(x.max())} (the result does not change)", shift),
        Step("e^(x − max)", "exponentiate", e),
        Step("Σ", "sum of the exponentials", total),
        Step("softmax(x)", "each exponential / Σ (sums to 1)", y),
    ]


def sigmoid_derivative(x: np.ndarray) -> Result:
    """σ′(x) = σ(x)·(1 − σ(x)); its maximum is 0.25, at x = 0."""
    s = _sigmoid(x)
    y = s * (1.0 - s)
    return y, [
        Step("σ(x)", f"σ({show(x)})", s),
        Step("1 − σ(x)", f"1 − {show(s)}", 1.0 - s),
        Step("σ′(x)", f"σ(x)·(1 − σ(x)) = {show(s)}·{show(1.0 - s)}", y),
    ]


def tanh_derivative(x: np.ndarray) -> Result:
    """tanh′(x) = 1 − tanh²(x); its maximum is 1, at x = 0."""
    t = np.tanh(x)
    y = 1.0 - t * t
    return y, [
        Step("tanh(x)", f"tanh({show(x)})", t),
        Step("tanh′(x)", f"1 − tanh²(x) = 1 − {show(t)}²", y),
    ]


def relu_derivative(x: np.ndarray) -> Result:
    """1 where x > 0, else 0; at x = 0 PyTorch's autograd gives 0."""
    y = (x > 0).astype(float)
    return y, [Step("x", "input", x), Step("ReLU′(x)", "1 if x > 0, else 0 (0 at x = 0)", y)]


def step(x: np.ndarray, threshold: float) -> Result:
    """Step (threshold) function: 1 where x > θ, else 0."""
    y = (x > threshold).astype(float)
    return y, [
        Step("x", "input", x),
        Step("step(x)", f"1 if x > {fmt(threshold)}, else 0", y),
    ]


def linear_composition(a: float, layers: int, x: float) -> Result:
    """f(x) = a·x applied ``layers`` times: the same as one linear map c·x, c = a^N."""
    c = a**layers
    y = c * x
    if not np.isfinite(y):
        raise EngineError("a", f"a^{layers} overflows; use a smaller |a| or fewer layers")
    steps = [Step("x", "input", x), Step("f(x)", f"a·x with a = {fmt(a)}", a)]
    value, previous = x, x
    for n in range(1, layers + 1):
        previous, value = value, a * value
        if layers <= 6 or n <= 2 or n == layers:  # long chains: first two and the last
            steps.append(Step(f"layer {n}", f"a·{fmt(previous)}", value))
    steps.append(Step("c", f"a{sup(layers)} = {fmt(a)}{sup(layers)}", c))
    steps.append(Step("y = c·x", f"{fmt(c)}·{term(x)}", y))
    return y, steps
