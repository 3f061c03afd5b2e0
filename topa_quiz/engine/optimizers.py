"""Optimizer steps as torch.optim computes them, one gradient per step.

Each function takes the initial parameter θ₀ and the gradients g₁…g_T and returns θ_T,
every step's state (g, buffers, moments, the update) as worked steps, and the trajectory
θ₀, θ₁, …, θ_T as data.

Adam and AdamW live in :mod:`topa_quiz.engine.adam`.

>>> from topa_quiz.engine import compute
>>> compute("momentum", param=1.0, grad=[0.5, 0.5], lr=0.1).trajectory
(1.0, 0.95, 0.855)
>>> compute("adagrad", param=1.0, grad=[-0.5]).steps[-1].formula
'θ₀ − η·g₁/(√G₁ + ε) = 1 − 0.01·(−0.5)/(√0.25 + 1e−10)'
"""

from __future__ import annotations

import numpy as np

from .core import EngineError, Step, as_state, sub
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
    buffer: np.ndarray | None = None,
    velocity: np.ndarray | None = None,
) -> Path:
    """torch.optim.SGD with momentum μ, from scratch or carrying state from earlier steps.

    From scratch (PyTorch)::

        b₁ = g₁, then b ← μ·b + (1 − τ)·g;  θ ← θ − η·b   (Nesterov: θ ← θ − η·(g + μ·b))

    ``buffer`` B is PyTorch's ``momentum_buffer`` from earlier training: every step, the
    first too, is b ← μ·b + (1 − τ)·g from b = B. ``velocity`` V is the previous update of
    the classic form v ← μ·v − η·(1 − τ)·g, θ ← θ + v (Nesterov: θ ← θ + μ·v − η·g); it is
    PyTorch's form with B = −V/η, so both give the same θ. At most one of the two.
    """
    if nesterov and (momentum <= 0 or dampening != 0):
        raise EngineError("nesterov", "calc.error.nesterov")
    if buffer is not None and velocity is not None:
        raise EngineError("velocity", "calc.error.buffer_and_velocity")
    if velocity is not None:
        return _classic(param, grad, lr, momentum, nesterov, dampening, weight_decay, velocity)
    run = _Run(param)
    buf = as_state("buffer", buffer, param)
    if buf is not None:
        run.add("b₀", "", buf, "calc.note.state_given", "b")
    for t, g in enumerate(grad, 1):
        run.grad(t, g)
        g = run.decay(t, g, weight_decay)
        buf = _buffer(run, t, g, buf, momentum, dampening)
        before = run.theta
        if nesterov:
            d = g + momentum * buf
            form = f"g{sub(t)} + μ·b{sub(t)} = {val(g)} + {num(momentum)}·{term(buf)}"
            run.add(f"d{sub(t)}", form, d, "calc.note.nesterov", "d")
            run.move(
                t, before - lr * d, f"θ{sub(t - 1)} − η·d{sub(t)}", f"{val(before)} − {num(lr)}·{term(d)}"
            )
        else:
            run.move(
                t, before - lr * buf, f"θ{sub(t - 1)} − η·b{sub(t)}", f"{val(before)} − {num(lr)}·{term(buf)}"
            )
    return run.done()


def _buffer(run: _Run, t: int, g: np.ndarray, buf: np.ndarray | None, mu: float, tau: float) -> np.ndarray:
    """PyTorch's momentum buffer: b = g on the first step from scratch, then μ·b + (1 − τ)·g."""
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


def _classic(
    param: np.ndarray,
    grad: list[np.ndarray],
    lr: float,
    mu: float,
    nesterov: bool,
    tau: float,
    weight_decay: float,
    velocity: np.ndarray,
) -> Path:
    """The velocity form: v ← μ·v − η·(1 − τ)·g, θ ← θ + v (Nesterov: θ ← θ + μ·v − η·g)."""
    run = _Run(param)
    v = as_state("velocity", velocity, param)
    run.add("v₀", "", v, "calc.note.state_given", "velocity")
    for t, g in enumerate(grad, 1):
        run.grad(t, g)
        g = run.decay(t, g, weight_decay)
        s, p = sub(t), sub(t - 1)
        prev, v = v, mu * v - lr * (1 - tau) * g
        if tau == 0:
            form = f"μ·v{p} − η·g{s} = {num(mu)}·{term(prev)} − {num(lr)}·{term(g)}"
        else:
            form = f"μ·v{p} − η·(1 − τ)·g{s} = {num(mu)}·{term(prev)} − {num(lr)}·{num(1 - tau)}·{term(g)}"
        run.add(f"v{s}", form, v, key="velocity")
        before = run.theta
        if nesterov:
            run.move(
                t,
                before + mu * v - lr * g,
                f"θ{p} + μ·v{s} − η·g{s}",
                f"{val(before)} + {num(mu)}·{term(v)} − {num(lr)}·{term(g)}",
            )
        else:
            run.move(t, before + v, f"θ{p} + v{s}", f"{val(before)} + {term(v)}")
    return run.done()


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
