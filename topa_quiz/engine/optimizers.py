"""Optimizer steps as torch.optim computes them, one gradient per step.

Each function takes the initial parameter θ₀ and the gradients g₁…g_T and returns θ_T
with every step's state (g, buffers, moments, the update) as worked steps.

torch.optim.Adam, the algorithm (as in its docstring, maximize/amsgrad off)::

    m₀ = 0, v₀ = 0
    for t = 1 … T:
        g ← g_t + λ·θ                        (weight_decay λ, L2 style)
        m ← β₁·m + (1 − β₁)·g
        v ← β₂·v + (1 − β₂)·g²
        m̂ ← m / (1 − β₁ᵗ),  v̂ ← v / (1 − β₂ᵗ)
        θ ← θ − η·m̂ / (√v̂ + ε)

AdamW replaces the first line with θ ← θ·(1 − η·λ) (decoupled decay).

>>> from topa_quiz.engine import compute
>>> round(compute("adam", param=1.0, grad=[0.5], lr=0.1).result, 6)
0.9
"""

from __future__ import annotations

import numpy as np

from .activations import Result, term
from .core import EngineError, Step, fmt, sub


def _decay(steps: list[Step], t: int, g: np.ndarray, theta: np.ndarray, wd: float) -> np.ndarray:
    """L2-style weight decay folded into the gradient: g + λ·θ (torch's weight_decay)."""
    if wd == 0:
        return g
    g2 = g + wd * theta
    steps.append(Step(f"g{sub(t)} + λθ", f"{term(g)} + {fmt(wd)}·{term(theta)}", g2))
    return g2


def _grad_step(steps: list[Step], t: int, g: np.ndarray) -> None:
    steps.append(Step(f"g{sub(t)}", f"gradient of step {t}", g))


def _descend(theta: np.ndarray, lr: float, d: np.ndarray, t: int, label: str) -> tuple[np.ndarray, Step]:
    new = theta - lr * d
    return new, Step(f"θ{sub(t)}", f"θ{sub(t - 1)} − η·{label} = {term(theta)} − {fmt(lr)}·{term(d)}", new)


def _start(param: np.ndarray) -> list[Step]:
    return [Step("θ₀", "initial parameter", param)]


def gd(param: np.ndarray, grad: list[np.ndarray], lr: float, weight_decay: float) -> Result:
    """Plain (full-batch) gradient descent θ ← θ − η·g."""
    theta, steps = param.copy(), _start(param)
    for t, g in enumerate(grad, 1):
        _grad_step(steps, t, g)
        g = _decay(steps, t, g, theta, weight_decay)
        theta, s = _descend(theta, lr, g, t, "g")
        steps.append(s)
    return theta, steps


def sgd(param: np.ndarray, grad: list[np.ndarray], lr: float, weight_decay: float) -> Result:
    """torch.optim.SGD without momentum: the same rule, the gradient from a mini-batch."""
    return gd(param, grad, lr, weight_decay)


def momentum(
    param: np.ndarray,
    grad: list[np.ndarray],
    lr: float,
    momentum: float,
    nesterov: bool,
    dampening: float,
    weight_decay: float,
) -> Result:
    """torch.optim.SGD with momentum μ: b₁ = g₁, then b ← μ·b + (1 − τ)·g; θ ← θ − η·b."""
    if nesterov and (momentum <= 0 or dampening != 0):
        raise EngineError("nesterov", "needs momentum > 0 and dampening 0 (as in PyTorch)")
    theta, steps = param.copy(), _start(param)
    buf: np.ndarray | None = None
    for t, g in enumerate(grad, 1):
        _grad_step(steps, t, g)
        g = _decay(steps, t, g, theta, weight_decay)
        if buf is None:
            buf = g.copy()
            steps.append(Step(f"b{sub(t)}", "first step: the buffer starts as g", buf))
        else:
            prev = buf
            buf = momentum * buf + (1 - dampening) * g
            steps.append(
                Step(
                    f"b{sub(t)}",
                    f"μ·b + (1 − τ)·g = {fmt(momentum)}·{term(prev)} + {fmt(1 - dampening)}·{term(g)}",
                    buf,
                )
            )
        if nesterov:
            d = g + momentum * buf
            steps.append(
                Step(f"d{sub(t)}", f"Nesterov: g + μ·b = {term(g)} + {fmt(momentum)}·{term(buf)}", d)
            )
            theta, s = _descend(theta, lr, d, t, "d")
        else:
            theta, s = _descend(theta, lr, buf, t, "b")
        steps.append(s)
    return theta, steps


def adagrad(
    param: np.ndarray,
    grad: list[np.ndarray],
    lr: float,
    eps: float,
    initial_accumulator: float,
    weight_decay: float,
) -> Result:
    """torch.optim.Adagrad: G ← G + g², θ ← θ − η·g / (√G + ε)."""
    theta, steps = param.copy(), _start(param)
    acc = np.full_like(param, initial_accumulator)
    steps.append(Step("G₀", "initial accumulator", acc.copy()))
    for t, g in enumerate(grad, 1):
        _grad_step(steps, t, g)
        g = _decay(steps, t, g, theta, weight_decay)
        acc = acc + g * g
        steps.append(Step(f"G{sub(t)}", f"G{sub(t - 1)} + g² (sum of all squared gradients)", acc))
        denom = np.sqrt(acc) + eps
        steps.append(Step(f"√G{sub(t)} + ε", f"√{term(acc)} + {fmt(eps)}", denom))
        rate = lr / denom
        steps.append(Step(f"η / (√G{sub(t)} + ε)", "this step's effective learning rate", rate))
        theta, s = _descend(theta, 1.0, rate * g, t, "(η/(√G+ε))·g")
        steps.append(s)
    return theta, steps


def rmsprop(
    param: np.ndarray,
    grad: list[np.ndarray],
    lr: float,
    rho: float,
    eps: float,
    weight_decay: float,
) -> Result:
    """torch.optim.RMSprop (alpha = ρ): v ← ρ·v + (1 − ρ)·g², θ ← θ − η·g / (√v + ε)."""
    theta, steps = param.copy(), _start(param)
    v = np.zeros_like(param)
    for t, g in enumerate(grad, 1):
        _grad_step(steps, t, g)
        g = _decay(steps, t, g, theta, weight_decay)
        prev = v
        v = rho * v + (1 - rho) * g * g
        steps.append(
            Step(
                f"v{sub(t)}", f"ρ·v + (1 − ρ)·g² = {fmt(rho)}·{term(prev)} + {fmt(1 - rho)}·{term(g * g)}", v
            )
        )
        denom = np.sqrt(v) + eps
        steps.append(Step(f"√v{sub(t)} + ε", f"√{term(v)} + {fmt(eps)}", denom))
        theta, s = _descend(theta, lr, g / denom, t, "g/(√v+ε)")
        steps.append(s)
    return theta, steps


def _adam(
    param: np.ndarray,
    grad: list[np.ndarray],
    lr: float,
    beta1: float,
    beta2: float,
    eps: float,
    weight_decay: float,
    bias_correction: bool,
    decoupled: bool,
) -> Result:
    theta, steps = param.copy(), _start(param)
    m = np.zeros_like(param)
    v = np.zeros_like(param)
    for t, g in enumerate(grad, 1):
        _grad_step(steps, t, g)
        if decoupled:
            if weight_decay:
                before = theta
                theta = theta * (1 - lr * weight_decay)
                steps.append(
                    Step(
                        f"θ{sub(t - 1)}·(1 − ηλ)",
                        f"{term(before)}·(1 − {fmt(lr)}·{fmt(weight_decay)}) (decoupled decay)",
                        theta,
                    )
                )
        else:
            g = _decay(steps, t, g, theta, weight_decay)
        pm, pv = m, v
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        steps.append(
            Step(f"m{sub(t)}", f"β₁·m + (1 − β₁)·g = {fmt(beta1)}·{term(pm)} + {fmt(1 - beta1)}·{term(g)}", m)
        )
        steps.append(
            Step(
                f"v{sub(t)}",
                f"β₂·v + (1 − β₂)·g² = {fmt(beta2)}·{term(pv)} + {fmt(1 - beta2)}·{term(g * g)}",
                v,
            )
        )
        if bias_correction:
            c1, c2 = 1 - beta1**t, 1 - beta2**t
            m_hat, v_hat = m / c1, v / c2
            steps.append(Step(f"m̂{sub(t)}", f"m / (1 − β₁^{t}) = {term(m)} / {fmt(c1)}", m_hat))
            steps.append(Step(f"v̂{sub(t)}", f"v / (1 − β₂^{t}) = {term(v)} / {fmt(c2)}", v_hat))
        else:
            m_hat, v_hat = m, v
            steps.append(
                Step(
                    "no bias correction",
                    "m̂ = m, v̂ = v: early steps mis-scaled by "
                    "√(1−β₂ᵗ)/(1−β₁ᵗ) (≈3.16× too large at t=1 with the defaults)",
                    m,
                )
            )
        update = m_hat / (np.sqrt(v_hat) + eps)
        steps.append(Step("m̂/(√v̂ + ε)", f"{term(m_hat)} / (√{term(v_hat)} + {fmt(eps)})", update))
        theta, s = _descend(theta, lr, update, t, "m̂/(√v̂+ε)")
        steps.append(s)
    return theta, steps


def adam(param, grad, lr, beta1, beta2, eps, weight_decay, bias_correction) -> Result:  # noqa: ANN001
    """torch.optim.Adam (weight decay added to the gradient)."""
    return _adam(param, grad, lr, beta1, beta2, eps, weight_decay, bias_correction, decoupled=False)


def adamw(param, grad, lr, beta1, beta2, eps, weight_decay, bias_correction) -> Result:  # noqa: ANN001
    """torch.optim.AdamW (decoupled weight decay θ ← θ·(1 − ηλ) before the Adam step)."""
    return _adam(param, grad, lr, beta1, beta2, eps, weight_decay, bias_correction, decoupled=True)
