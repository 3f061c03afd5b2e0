"""Activation functions and their derivatives, element-wise, as PyTorch computes them.

Every function takes float64 arrays and returns ``(result, steps)``; inputs are already
checked by :func:`topa_quiz.engine.compute`. The steps are written as on paper, e.g.
σ(−2) = 1/(1 + e^(−x)) = 1/(1 + e²) = 1/(1 + 7.389056) = 0.119203. Where the paper form
would overflow a float (e^1000), the value is computed in an equivalent form and the step's
note says so.

>>> from topa_quiz.engine import compute
>>> compute("sigmoid", x=0.0).result
0.5
>>> compute("sigmoid", x=-2.0).steps[0].formula
'1/(1 + e^(−x)) = 1/(1 + e²) = 1/(1 + 7.389056)'
"""

from __future__ import annotations

import numpy as np

from .core import EngineError, Step, fmt, fmt_array, sub, sup
from .formula import at, each, exp_of, num, one, par, plus, power

Result = tuple[np.ndarray | float, list[Step]]

#: e^x overflows a float past x ≈ 709.78: beyond this, a step is written in a stable form
LARGE = 700.0


def show(a: np.ndarray | float) -> str:
    """A one-element array as a number, a longer one as a list (the network steps' writer)."""
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


def sigmoid_steps(x: np.ndarray) -> tuple[np.ndarray, list[Step]]:
    """σ(x) with its steps: 1/(1 + e^(−x)), or e^x/(1 + e^x) where e^(−x) would overflow."""
    y = _sigmoid(x)
    if np.all(x >= -LARGE):
        e = np.exp(-x)
        if one(x):
            form = f"1/(1 + e^(−x)) = 1/(1 + {exp_of(-x.item())}) = 1/(1 + {num(e.item())})"
            return y, [Step(at("σ", x), form, y, key="y")]
        return y, [
            Step("e^(−x)", each(lambda v: exp_of(-v), x), e),
            Step("σ(x)", "1/(1 + e^(−x)) = " + each(lambda t: f"1/(1 + {num(t)})", e), y, key="y"),
        ]
    t = np.exp(-np.abs(x))
    if one(x):
        v, tv = x.item(), t.item()
        form = f"eˣ/(1 + eˣ) = {exp_of(v)}/(1 + {exp_of(v)}) = {num(tv)}/(1 + {num(tv)})"
        return y, [Step(at("σ", x), form, y, note="calc.note.sigmoid_stable", key="y")]

    def written(v: float, tv: float) -> str:
        return f"1/(1 + {num(tv)})" if v >= 0 else f"{num(tv)}/(1 + {num(tv)})"

    return y, [
        Step("e^(−|x|)", each(lambda v: exp_of(-abs(v)), x), t, note="calc.note.sigmoid_stable"),
        Step("σ(x)", each(written, x, t), y, key="y"),
    ]


def sigmoid(x: np.ndarray) -> Result:
    r"""Logistic sigmoid σ(x) = 1 / (1 + e^−x).

    Computed in the form that cannot overflow: with t = e^−|x| (always in (0, 1]),
    σ(x) = 1/(1+t) for x ≥ 0 and t/(1+t) for x < 0. ``sigmoid -1000`` is exactly 0.
    """
    return sigmoid_steps(x)


def tanh_steps(x: np.ndarray) -> tuple[np.ndarray, list[Step]]:
    """tanh(x) = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ), or ±(1 − e^(−2|x|))/(1 + e^(−2|x|)) for large |x|."""
    y = np.tanh(x)
    label = at("tanh", x)
    if np.all(np.abs(x) <= LARGE / 2):
        ep, em = np.exp(x), np.exp(-x)
        return y, [
            Step("eˣ", each(exp_of, x), ep),
            Step("e⁻ˣ", each(lambda v: exp_of(-v), x), em),
            Step(
                label,
                "(eˣ − e⁻ˣ)/(eˣ + e⁻ˣ) = "
                + each(lambda p, m: f"({num(p)} − {num(m)})/({num(p)} + {num(m)})", ep, em),
                y,
                key="y",
            ),
        ]
    with np.errstate(over="ignore"):
        t = np.exp(-2.0 * np.abs(x))  # −2|x| may be −∞: e^(−∞) = 0, which is right

    def written(v: float, tv: float) -> str:
        sign = "−" if v < 0 else ""
        return f"{sign}(1 − {num(tv)})/(1 + {num(tv)})"

    return y, [
        Step("e^(−2|x|)", each(lambda v: f"e^(−2·{num(abs(v))})", x), t, note="calc.note.tanh_stable"),
        Step(label, each(written, x, t), y, key="y"),
    ]


def tanh(x: np.ndarray) -> Result:
    """Hyperbolic tangent (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ), the same function as 2σ(2x) − 1."""
    return tanh_steps(x)


def relu(x: np.ndarray) -> Result:
    """ReLU(x) = max(0, x)."""
    y = np.maximum(x, 0.0)
    return y, [Step(at("ReLU", x), each(lambda v: f"max(0, {num(v)})", x), y, key="y")]


def leaky_relu(x: np.ndarray, alpha: float) -> Result:
    """Leaky ReLU: x for x ≥ 0, α·x below (torch.nn.functional.leaky_relu)."""
    with np.errstate(over="ignore"):
        y = np.where(x >= 0, x, alpha * x)
    if not np.all(np.isfinite(y)):
        raise EngineError("alpha" if alpha > 1 else "x", "calc.error.overflow")
    form = each(lambda v: num(v) if v >= 0 else f"{num(alpha)}·{par(v)}", x)
    return y, [Step(at("LeakyReLU", x), form, y, key="y")]


def softmax(x: np.ndarray) -> Result:
    """softmax(x)ᵢ = e^(xᵢ) / Σⱼ e^(xⱼ).

    When e^(xᵢ) would overflow (or every one would round to 0), every score is first
    reduced by the largest: e^(xᵢ − m) / Σⱼ e^(xⱼ − m) is the same value.
    """
    top = float(x.max())
    with np.errstate(over="ignore"):
        power_of = x - top  # −∞ for ±1e308: e^(−∞) = 0, which is right
    reduced = np.exp(power_of)
    y = reduced / reduced.sum()  # the value as PyTorch computes it, shifted or not
    shifted = not -LARGE <= top <= LARGE
    e = reduced if shifted else np.exp(x)
    total = float(e.sum())
    if shifted:
        first = Step(
            f"e^(xᵢ − {num(top)})",
            each(exp_of, power_of),
            e,
            note="calc.note.softmax_shift",
            args={"m": num(top)},
        )
    else:
        first = Step("e^(xᵢ)", each(exp_of, x), e)
    return y, [
        first,
        Step("Σⱼ", plus(e.tolist()), total, key="sum"),
        Step("softmax(x)ᵢ", each(lambda v: f"{num(v)}/{num(total)}", e), y, key="y"),
    ]


def sigmoid_derivative(x: np.ndarray) -> Result:
    """σ′(x) = σ(x)·(1 − σ(x)); its maximum is 0.25, at x = 0."""
    s, steps = sigmoid_steps(x)
    y = s * (1.0 - s)
    steps.append(
        Step(at("σ′", x), "σ(x)·(1 − σ(x)) = " + each(lambda v: f"{num(v)}·(1 − {num(v)})", s), y, key="d")
    )
    return y, steps


def tanh_derivative(x: np.ndarray) -> Result:
    """tanh′(x) = 1 − tanh²(x); its maximum is 1, at x = 0."""
    t, steps = tanh_steps(x)
    y = 1.0 - t * t
    steps.append(
        Step(at("tanh′", x), "1 − tanh²(x) = " + each(lambda v: f"1 − {power(v, 2)}", t), y, key="d")
    )
    return y, steps


def relu_derivative(x: np.ndarray) -> Result:
    """1 where x > 0, else 0; at x = 0 PyTorch's autograd gives 0."""
    y = (x > 0).astype(float)
    note = "calc.note.relu_zero" if np.any(x == 0) else ""
    form = each(lambda v: f"{num(v)} > 0 ⇒ 1" if v > 0 else f"{num(v)} ≤ 0 ⇒ 0", x)
    return y, [Step(at("ReLU′", x), form, y, note=note, key="d")]


def step(x: np.ndarray, threshold: float) -> Result:
    """Step (threshold) function: 1 where x > θ, else 0."""
    y = (x > threshold).astype(float)
    th = num(threshold)
    note = "calc.note.step_equal" if np.any(x == threshold) else ""
    form = each(lambda v: f"{num(v)} > {th} ⇒ 1" if v > threshold else f"{num(v)} ≤ {th} ⇒ 0", x)
    return y, [Step(at("step", x), form, y, note=note, key="y")]


def linear_composition(a: float, layers: int, x: float) -> Result:
    """f(x) = a·x applied ``layers`` times: the same as one linear map c·x, c = a^N."""
    with np.errstate(over="ignore", invalid="ignore"):
        c = np.float64(a) ** layers
        outputs = [np.float64(x)]
        for _ in range(layers):
            outputs.append(np.float64(a) * outputs[-1])
        y = c * np.float64(x)
    if not np.isfinite(c):
        raise EngineError("a", "calc.error.power", n=layers)
    if not (np.all(np.isfinite(outputs)) and np.isfinite(y)):
        raise EngineError("x", "calc.error.overflow")
    steps = [Step("h₁", f"a·x = {num(a)}·{par(x)}", float(outputs[1]), key="h")]
    for n in range(2, layers + 1):
        if layers > 6 and 2 < n < layers:
            continue  # a long chain: the first two layers and the last
        note, args = (
            ("calc.note.layers_skipped", {"first": 3, "last": layers - 1}) if n == layers > 6 else ("", {})
        )
        steps.append(
            Step(
                f"h{sub(n)}",
                f"a·h{sub(n - 1)} = {num(a)}·{par(outputs[n - 1])}",
                float(outputs[n]),
                note,
                args,
                "h",
            )
        )
    steps.append(Step("c", f"a{sup(layers)} = {power(a, layers)}", float(c), key="c"))
    steps.append(Step("c·x", f"{num(c)}·{par(x)}", float(y), "calc.note.linear_same", {"n": layers}, key="y"))
    return float(y), steps
