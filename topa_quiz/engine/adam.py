"""Adam and AdamW as torch.optim computes them, from scratch or part-way through training.

torch.optim.Adam, the algorithm (as in its docstring, maximize/amsgrad off)::

    m₀ = 0, v₀ = 0                           (or m_T = M, v_T = V after T earlier steps)
    for t = 1 … T (or T + 1 …):
        g ← g_t + λ·θ                        (weight_decay λ, L2 style)
        m ← β₁·m + (1 − β₁)·g
        v ← β₂·v + (1 − β₂)·g²
        m̂ ← m / (1 − β₁ᵗ),  v̂ ← v / (1 − β₂ᵗ)
        θ ← θ − η·m̂ / (√v̂ + ε)

AdamW replaces the first line with θ ← θ·(1 − η·λ) (decoupled decay). With ``step`` T the
moments ``m`` and ``v`` are those after T earlier steps (PyTorch's ``exp_avg``,
``exp_avg_sq`` and ``step`` in the optimizer's state), the next step is t = T + 1, and the
labels count from there: θ_T, g_{T+1}, m̂_{T+1}, …

m̂ and v̂ are steps with the keys ``m_hat`` and ``v_hat``: ``calc.values("m_hat")[-1]``.

>>> from topa_quiz.engine import compute
>>> round(compute("adam", param=1.0, grad=[0.5], lr=0.1).result, 6)
0.9
>>> [s.label for s in compute("adam", param=1.0, grad=[0.5], lr=0.1).steps]
['θ₀', 'g₁', 'm₁', 'v₁', 'm̂₁', 'v̂₁', 'η·m̂₁/(√v̂₁ + ε)', 'θ₁']
>>> state = compute("adam", param=1.0, grad=[0.5], lr=0.1, m=0.1, v=0.01, step=2)
>>> [s.label for s in state.steps][:4], round(state.values("m_hat")[-1], 6)
(['θ₂', 'm₂', 'v₂', 'g₃'], 0.516605)
"""

from __future__ import annotations

import numpy as np

from .core import EngineError, as_state, sub, sup
from .formula import num, term, val
from .optimizers import Path, _nonzero, _Run


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
        factor = (1 - b1**t) / np.sqrt(1 - b2**t)  # m/√v against m̂/√v̂ (ε aside)
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


def _state(
    param: np.ndarray, m: np.ndarray | None, v: np.ndarray | None, step: int
) -> tuple[np.ndarray, np.ndarray]:
    """The moments to start from: zeros, or M and V after ``step`` earlier steps."""
    if step == 0 and (m is not None or v is not None):
        raise EngineError("step", "calc.error.moments_need_step")
    m0 = as_state("m", m, param)
    v0 = as_state("v", v, param)
    if v0 is not None and np.any(v0 < 0):
        raise EngineError("v", "calc.error.negative_v")
    return (np.zeros_like(param) if m0 is None else m0), (np.zeros_like(param) if v0 is None else v0)


def _decoupled(run: _Run, t: int, lr: float, weight_decay: float) -> str:
    """AdamW's θ ← θ·(1 − ηλ); the name of θ as the update then writes it."""
    start = f"θ{sub(t - 1)}"
    if not weight_decay:
        return start
    before = run.theta
    run.theta = before * (1 - lr * weight_decay)
    form = f"{term(before)}·(1 − {num(lr)}·{num(weight_decay)})"
    run.add(f"{start}·(1 − ηλ)", form, run.theta, "calc.note.adamw_decay", "decayed")
    return f"{start}·(1 − ηλ)"


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
    m: np.ndarray | None = None,
    v: np.ndarray | None = None,
    step: int = 0,
) -> Path:
    m, v = _state(param, m, v, step)
    run = _Run(param, step)
    if step:
        run.add(f"m{sub(step)}", "", m, "calc.note.state_given", "state")
        run.add(f"v{sub(step)}", "", v, "calc.note.state_given", "state")
    for t, g in enumerate(grad, step + 1):
        run.grad(t, g)
        if decoupled:
            start = _decoupled(run, t, lr, weight_decay)
        else:
            start = f"θ{sub(t - 1)}"
            g = run.decay(t, g, weight_decay)
        m, v = _moments(run, t, g, m, v, beta1, beta2)
        m_hat, v_hat = _corrected(run, t, m, v, beta1, beta2, bias_correction)
        denominator = np.sqrt(v_hat) + eps
        _nonzero(denominator)
        update = lr * m_hat / denominator
        s = sub(t)
        form = f"{num(lr)}·{term(m_hat)}/(√{term(v_hat)} + {num(eps)})"
        run.add(f"η·m̂{s}/(√v̂{s} + ε)", form, update, key="update")
        before = run.theta
        run.move(t, before - update, f"{start} − η·m̂{s}/(√v̂{s} + ε)", f"{val(before)} − {term(update)}")
    return run.done()


def adam(param, grad, lr, beta1, beta2, eps, weight_decay, bias_correction, m=None, v=None, step=0) -> Path:  # noqa: ANN001
    """torch.optim.Adam (weight decay added to the gradient)."""
    return _adam(param, grad, lr, beta1, beta2, eps, weight_decay, bias_correction, False, m, v, step)


def adamw(param, grad, lr, beta1, beta2, eps, weight_decay, bias_correction, m=None, v=None, step=0) -> Path:  # noqa: ANN001
    """torch.optim.AdamW (decoupled weight decay θ ← θ·(1 − ηλ) before the Adam step)."""
    return _adam(param, grad, lr, beta1, beta2, eps, weight_decay, bias_correction, True, m, v, step)
