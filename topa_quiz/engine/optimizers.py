"""Optimizer steps as torch.optim computes them, one gradient per step.

Each function takes the initial parameter θ₀ and the gradients g₁…g_T and returns θ_T,
every step's state (g, buffers, moments, the update) as worked steps, and the trajectory
θ₀, θ₁, …, θ_T as data.

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
>>> [s.label for s in compute("adam", param=1.0, grad=[0.5], lr=0.1).steps]
['θ₀', 'g₁', 'm₁', 'v₁', 'm̂₁', 'v̂₁', 'η·m̂₁/(√v̂₁ + ε)', 'θ₁']
"""

from __future__ import annotations

import numpy as np

from .core import EngineError, Step, sub, sup
from .formula import num, term, val

Path = tuple[np.ndarray, list[Step], list[np.ndarray]]


class _Run:
    """The steps and the trajectory of one optimizer run."""

    def __init__(self, param: np.ndarray, t0: int = 0) -> None:
        self.theta = param.copy()
        self.steps = [Step(f"θ{sub(t0)}", "", self.theta, "calc.note.start", key="theta")]
        self.path = [self.theta]

    def add(
        self, label: str, formula: str, value: np.ndarray, note: str = "", key: str = "", **args: object
    ) -> None:
        self.steps.append(Step(label, formula, value, note, dict(args), key))

    def grad(self, t: int, g: np.ndarray) -> None:
        self.add(f"g{sub(t)}", "", g, key="grad")

    def decay(self, t: int, g: np.ndarray, wd: float) -> np.ndarray:
        """L2-style weight decay folded into the gradient: g + λ·θ (torch's weight_decay)."""
        if wd == 0:
            return g
        g2 = g + wd * self.theta
        self.add(
            f"g{sub(t)} + λθ{sub(t - 1)}",
            f"{val(g)} + {num(wd)}·{term(self.theta)}",
            g2,
            "calc.note.weight_decay",
            "g",
        )
        return g2

    def move(self, t: int, new: np.ndarray, general: str, substituted: str) -> None:
        self.theta = new
        self.path.append(new)
        self.add(f"θ{sub(t)}", f"{general} = {substituted}", new, key="theta")

    def done(self) -> Path:
        return self.theta, self.steps, self.path


def _nonzero(denominator: np.ndarray) -> None:
    """√G + ε (or √v̂ + ε) is 0 only when ε = 0 and every gradient so far was 0: 0/0."""
    if np.any(denominator == 0):
        raise EngineError("eps", "calc.error.zero_over_zero")


def gd(param: np.ndarray, grad: list[np.ndarray], lr: float, weight_decay: float) -> Path:
    """Plain (full-batch) gradient descent θ ← θ − η·g."""
    run = _Run(param)
    for t, g in enumerate(grad, 1):
        run.grad(t, g)
        g = run.decay(t, g, weight_decay)
        before = run.theta
        run.move(t, before - lr * g, f"θ{sub(t - 1)} − η·g{sub(t)}", f"{val(before)} − {num(lr)}·{term(g)}")
    return run.done()


def sgd(param: np.ndarray, grad: list[np.ndarray], lr: float, weight_decay: float) -> Path:
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
) -> Path:
    """torch.optim.SGD with momentum μ: b₁ = g₁, then b ← μ·b + (1 − τ)·g; θ ← θ − η·b."""
    if nesterov and (momentum <= 0 or dampening != 0):
        raise EngineError("nesterov", "calc.error.nesterov")
    run = _Run(param)
    buf: np.ndarray | None = None
    for t, g in enumerate(grad, 1):
        run.grad(t, g)
        g = run.decay(t, g, weight_decay)
        buf = _buffer(run, t, g, buf, momentum, dampening)
        before = run.theta
        if nesterov:
            d = g + momentum * buf
            run.add(
                f"d{sub(t)}",
                f"g{sub(t)} + μ·b{sub(t)} = {val(g)} + {num(momentum)}·{term(buf)}",
                d,
                "calc.note.nesterov",
                "d",
            )
            run.move(
                t, before - lr * d, f"θ{sub(t - 1)} − η·d{sub(t)}", f"{val(before)} − {num(lr)}·{term(d)}"
            )
        else:
            run.move(
                t, before - lr * buf, f"θ{sub(t - 1)} − η·b{sub(t)}", f"{val(before)} − {num(lr)}·{term(buf)}"
            )
    return run.done()


def _buffer(run: _Run, t: int, g: np.ndarray, buf: np.ndarray | None, mu: float, tau: float) -> np.ndarray:
    """PyTorch's momentum buffer: b = g on the first step, then μ·b + (1 − τ)·g."""
    if buf is None:
        run.add(f"b{sub(t)}", f"g{sub(t)} = {val(g)}", g, "calc.note.momentum_first", "b")
        return g.copy()
    new = mu * buf + (1 - tau) * g
    if tau == 0:
        form = f"μ·b{sub(t - 1)} + g{sub(t)} = {num(mu)}·{term(buf)} + {term(g)}"
    else:
        form = f"μ·b{sub(t - 1)} + (1 − τ)·g{sub(t)} = {num(mu)}·{term(buf)} + {num(1 - tau)}·{term(g)}"
    run.add(f"b{sub(t)}", form, new, key="b")
    return new


def adagrad(
    param: np.ndarray,
    grad: list[np.ndarray],
    lr: float,
    eps: float,
    initial_accumulator: float,
    weight_decay: float,
) -> Path:
    """torch.optim.Adagrad: G ← G + g², θ ← θ − η·g / (√G + ε)."""
    run = _Run(param)
    acc = np.full_like(param, initial_accumulator)
    if initial_accumulator:
        run.add("G₀", "", acc, "calc.note.start", "G")
    for t, g in enumerate(grad, 1):
        run.grad(t, g)
        g = run.decay(t, g, weight_decay)
        prev, acc = acc, acc + g * g
        run.add(
            f"G{sub(t)}",
            f"G{sub(t - 1)} + g{sub(t)}² = {val(prev)} + {term(g)}²",
            acc,
            "calc.note.adagrad_sum",
            "G",
        )
        denominator = np.sqrt(acc) + eps
        _nonzero(denominator)
        before = run.theta
        run.move(
            t,
            before - lr * g / denominator,
            f"θ{sub(t - 1)} − η·g{sub(t)}/(√G{sub(t)} + ε)",
            f"{val(before)} − {num(lr)}·{term(g)}/(√{term(acc)} + {num(eps)})",
        )
    return run.done()


def rmsprop(
    param: np.ndarray,
    grad: list[np.ndarray],
    lr: float,
    rho: float,
    eps: float,
    weight_decay: float,
) -> Path:
    """torch.optim.RMSprop (alpha = ρ): v ← ρ·v + (1 − ρ)·g², θ ← θ − η·g / (√v + ε)."""
    run = _Run(param)
    v = np.zeros_like(param)
    for t, g in enumerate(grad, 1):
        run.grad(t, g)
        g = run.decay(t, g, weight_decay)
        prev, v = v, rho * v + (1 - rho) * g * g
        run.add(
            f"v{sub(t)}",
            f"ρ·v{sub(t - 1)} + (1 − ρ)·g{sub(t)}² = {num(rho)}·{term(prev)} + {num(1 - rho)}·{term(g)}²",
            v,
            key="v",
        )
        denominator = np.sqrt(v) + eps
        _nonzero(denominator)
        before = run.theta
        run.move(
            t,
            before - lr * g / denominator,
            f"θ{sub(t - 1)} − η·g{sub(t)}/(√v{sub(t)} + ε)",
            f"{val(before)} − {num(lr)}·{term(g)}/(√{term(v)} + {num(eps)})",
        )
    return run.done()


def _moments(
    run: _Run, t: int, g: np.ndarray, m: np.ndarray, v: np.ndarray, b1: float, b2: float
) -> tuple[np.ndarray, np.ndarray]:
    m2 = b1 * m + (1 - b1) * g
    v2 = b2 * v + (1 - b2) * g * g
    s, p = sub(t), sub(t - 1)
    run.add(f"m{s}", f"β₁·m{p} + (1 − β₁)·g{s} = {num(b1)}·{term(m)} + {num(1 - b1)}·{term(g)}", m2, key="m")
    run.add(
        f"v{s}", f"β₂·v{p} + (1 − β₂)·g{s}² = {num(b2)}·{term(v)} + {num(1 - b2)}·{term(g)}²", v2, key="v"
    )
    return m2, v2


def _corrected(
    run: _Run, t: int, m: np.ndarray, v: np.ndarray, b1: float, b2: float, on: bool
) -> tuple[np.ndarray, np.ndarray]:
    s = sub(t)
    if not on:
        factor = np.sqrt(1 - b2**t) / (1 - b1**t)
        run.add(f"m̂{s}", f"m{s} = {val(m)}", m, "calc.note.adam_no_bc", "m_hat", factor=num(factor))
        run.add(f"v̂{s}", f"v{s} = {val(v)}", v, key="v_hat")
        return m, v
    c1, c2 = 1 - b1**t, 1 - b2**t
    m_hat, v_hat = m / c1, v / c2
    run.add(
        f"m̂{s}",
        f"m{s}/(1 − β₁{sup(t)}) = {term(m)}/(1 − {num(b1)}{sup(t)}) = {term(m)}/{num(c1)}",
        m_hat,
        key="m_hat",
    )
    run.add(
        f"v̂{s}",
        f"v{s}/(1 − β₂{sup(t)}) = {term(v)}/(1 − {num(b2)}{sup(t)}) = {term(v)}/{num(c2)}",
        v_hat,
        key="v_hat",
    )
    return m_hat, v_hat


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
) -> Path:
    run = _Run(param)
    m = np.zeros_like(param)
    v = np.zeros_like(param)
    for t, g in enumerate(grad, 1):
        run.grad(t, g)
        start = f"θ{sub(t - 1)}"
        if decoupled and weight_decay:
            run.theta = run.theta * (1 - lr * weight_decay)
            run.add(
                f"{start}·(1 − ηλ)",
                f"{term(run.path[-1])}·(1 − {num(lr)}·{num(weight_decay)})",
                run.theta,
                "calc.note.adamw_decay",
                "decayed",
            )
            start = f"{start}·(1 − ηλ)"
        elif not decoupled:
            g = run.decay(t, g, weight_decay)
        m, v = _moments(run, t, g, m, v, beta1, beta2)
        m_hat, v_hat = _corrected(run, t, m, v, beta1, beta2, bias_correction)
        denominator = np.sqrt(v_hat) + eps
        _nonzero(denominator)
        update = lr * m_hat / denominator
        s = sub(t)
        run.add(
            f"η·m̂{s}/(√v̂{s} + ε)",
            f"{num(lr)}·{term(m_hat)}/(√{term(v_hat)} + {num(eps)})",
            update,
            key="update",
        )
        before = run.theta
        run.move(t, before - update, f"{start} − η·m̂{s}/(√v̂{s} + ε)", f"{val(before)} − {term(update)}")
    return run.done()


def adam(param, grad, lr, beta1, beta2, eps, weight_decay, bias_correction) -> Path:  # noqa: ANN001
    """torch.optim.Adam (weight decay added to the gradient)."""
    return _adam(param, grad, lr, beta1, beta2, eps, weight_decay, bias_correction, decoupled=False)


def adamw(param, grad, lr, beta1, beta2, eps, weight_decay, bias_correction) -> Path:  # noqa: ANN001
    """torch.optim.AdamW (decoupled weight decay θ ← θ·(1 − ηλ) before the Adam step)."""
    return _adam(param, grad, lr, beta1, beta2, eps, weight_decay, bias_correction, decoupled=True)
