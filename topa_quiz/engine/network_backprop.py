"""Backpropagation through one hidden layer: ∂L/∂W₁, ∂L/∂b₁, ∂L/∂W₂ or ∂L/∂b₂, as autograd
gives them, with the chain rule written out.

The network is :func:`topa_quiz.engine.network.forward`'s (torch.nn.Linear's convention: one
weight row per unit). Losses take PyTorch's mean reduction: MSE and BCE average over every
element of the output (n = samples × outputs), CCE over the samples (N); CCE targets are
one-hot rows (or probability rows summing to 1), never class indices.

    δ₂ = ∂L/∂z₂            MSE: 2(ŷ − y)/n through g′;  BCE + sigmoid: (ŷ − y)/n;  CCE + softmax: (ŷ − y)/N
    ∂L/∂W₂ = δ₂hᵀ,  ∂L/∂b₂ = δ₂                     (a batch sums over its samples)
    δ₁ = (W₂ᵀδ₂) ⊙ f′(z₁)
    ∂L/∂W₁ = δ₁xᵀ,  ∂L/∂b₁ = δ₁

>>> from topa_quiz.engine import compute
>>> compute("backprop", x=[1, 2], w1=[[1, 0], [0, 1]], b1=[0, 0], w2=[[1, -1]], b2=[0],
...         y_true=[0], loss="mse", wrt="b2").result
-2.0
"""

from __future__ import annotations

import numpy as np

from .activations import Result, show, term
from .core import EngineError, Msg, Step, fmt, fmt_array
from .network import SHOW_TERMS, SYMBOL, Pass, forward_steps, run_forward, slope

#: the output each loss takes when --output is left out
DEFAULT_OUTPUT = {"mse": "identity", "bce": "sigmoid", "cce": "softmax"}
#: the output a loss must have (MSE takes any)
PAIRED = {"bce": "sigmoid", "cce": "softmax"}
LOG_FLOOR = -100.0  # torch's binary_cross_entropy clamps each log at −100


def _num(a: np.ndarray, symbol: str) -> str:
    """The numbers of a small value, the symbol of a large one."""
    return (show(a[0]) if a.shape[0] == 1 else fmt_array(a)) if a.size <= SHOW_TERMS else symbol


def _shape(a: np.ndarray) -> Msg:
    if a.shape[0] == 1:
        return Msg("net.shape.one_value") if a.shape[1] == 1 else Msg("net.shape.values", {"n": a.shape[1]})
    return Msg("net.shape.rows", {"rows": a.shape[0], "n": a.shape[1]})


def targets(y_true: np.ndarray, p: Pass, loss: str) -> np.ndarray:
    """y as rows like ŷ; a one-output batch may give its targets on one line (1,0,1)."""
    y = y_true
    if y.shape != p.y.shape and y.shape == (1, p.y.shape[0]) and p.y.shape[1] == 1:
        y = y.T
    if y.shape != p.y.shape:
        raise EngineError("y_true", "net.error.targets_shape", given=_shape(y), wanted=_shape(p.y))
    if loss in PAIRED and (np.any(y < 0) or np.any(y > 1)):
        raise EngineError("y_true", "net.error.targets_range", loss=loss.upper(), value=fmt_array(y_true))
    if loss == "cce" and not np.allclose(y.sum(axis=1), 1.0, rtol=0, atol=1e-9):
        raise EngineError("y_true", "net.error.cce_targets")
    return y


def loss_step(loss: str, p: Pass, y: np.ndarray) -> Step:
    """The loss with PyTorch's mean reduction, the numbers in where they fit."""
    yhat, n, rows = p.y, y.size, y.shape[0]
    if loss == "mse":
        err = (yhat - y).ravel()
        value = float(np.mean(err**2))
        parts = " + ".join(f"{term(e)}²" for e in err) if n <= SHOW_TERMS else fmt(np.sum(err**2))
        return Step("L = (1/n)·Σ(ŷ − y)²", f"({parts}) / {n}", value, "network.loss_mse", {"n": n})
    if loss == "bce":
        with np.errstate(divide="ignore"):
            log_p, log_q = np.maximum(np.log(yhat), LOG_FLOOR), np.maximum(np.log(1 - yhat), LOG_FLOOR)
        value = float(-np.mean(y * log_p + (1 - y) * log_q))
        terms = [_bce_term(t, q) for t, q in zip(y.ravel(), yhat.ravel(), strict=True)]
        parts = " + ".join(terms) if n <= 4 else fmt(-value * n)
        return Step(
            "L = −(1/n)·Σ[y·ln ŷ + (1 − y)·ln(1 − ŷ)]",
            f"−({parts}) / {n}",
            value,
            "network.loss_bce",
            {"n": n},
        )
    shifted = p.z2 - p.z2.max(axis=1, keepdims=True)
    log_soft = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    value = float(-np.mean((y * log_soft).sum(axis=1)))
    terms = [
        f"{'' if t == 1 else fmt(t) + '·'}ln {fmt(q)}"
        for t, q in zip(y.ravel(), yhat.ravel(), strict=True)
        if t
    ]
    parts = " + ".join(terms) if len(terms) <= SHOW_TERMS else fmt(-value * rows)
    return Step("L = −(1/N)·Σₙ Σₖ yₙₖ·ln ŷₙₖ", f"−({parts}) / {rows}", value, "network.loss_cce", {"n": rows})


def _bce_term(t: float, q: float) -> str:
    if t == 1:
        return f"ln {fmt(q)}"
    if t == 0:
        return f"ln(1 − {fmt(q)})"
    return f"{fmt(t)}·ln {fmt(q)} + {fmt(1 - t)}·ln(1 − {fmt(q)})"


def delta_out(loss: str, p: Pass, y: np.ndarray) -> tuple[np.ndarray, list[Step]]:
    """δ₂ = ∂L/∂z₂, through the output's derivative (simplified for BCE + sigmoid, CCE + softmax)."""
    yhat, n, rows = p.y, y.size, y.shape[0]
    d, yh, yy = ("δ₂", "ŷ", "y") if p.single else ("Δ₂", "Ŷ", "Y")
    diff = f"{_num(yhat, yh)} − {_num(y, yy)}"
    if loss in PAIRED:
        div, sym = (n, "n") if loss == "bce" else (rows, "N")
        delta = (yhat - y) / div
        note = f"network.delta2_{loss}"
        return delta, [Step(f"{d} = ({yh} − {yy})/{sym}", f"({diff}) / {div}", p.v(delta), note, {"n": div})]
    g = 2 * (yhat - y) / n
    dl = f"∂L/∂{yh}"
    if p.output == "identity":
        step = Step(f"{d} = 2({yh} − {yy})/n", f"2·({diff}) / {n}", p.v(g), "network.delta2_mse", {"n": n})
        return g, [step]
    steps = [Step(f"{dl} = 2({yh} − {yy})/n", f"2·({diff}) / {n}", p.v(g), "network.dl_dyhat", {"n": n})]
    if p.output == "sigmoid":
        local = yhat * (1 - yhat)
        delta = g * local
        form = f"{_num(g, dl)} ⊙ {_num(local, f'{yh}(1 − {yh})')}"
        steps.append(Step(f"{d} = {dl} ⊙ {yh}(1 − {yh})", form, p.v(delta), "network.delta2_sigmoid"))
    else:
        inner = (g * yhat).sum(axis=1, keepdims=True)
        delta = yhat * (g - inner)
        form = f"{_num(yhat, yh)} ⊙ ({_num(g, dl)} − {_num(inner, 'Σ')})"
        label = f"{d} = {yh} ⊙ ({dl} − Σₖ ŷₖ·∂L/∂ŷₖ)"
        steps.append(Step(label, form, p.v(delta), "network.delta2_softmax"))
    return delta, steps


def _outer(delta: np.ndarray, inp: np.ndarray, symbol: str) -> str:
    """δ·inpᵀ with the numbers in, one product per weight (one sample, few weights)."""
    if delta.shape[0] == 1 and delta.size * inp.size <= SHOW_TERMS:
        rows = ("[" + ", ".join(f"{term(d)}·{term(v)}" for v in inp[0]) + "]" for d in delta[0])
        return "[" + ", ".join(rows) + "]"
    if delta.size + inp.size <= 2 * SHOW_TERMS and delta.shape[0] > 1:
        return f"{fmt_array(delta.T)}·{fmt_array(inp)}"
    return symbol


def _bias(delta: np.ndarray, symbol: str) -> str:
    if delta.shape[0] == 1:
        return _num(delta, symbol)
    return " + ".join(show(r) for r in delta) if delta.size <= SHOW_TERMS else symbol


def layer_grads(delta: np.ndarray, inp: np.ndarray, layer: int, p: Pass) -> list[Step]:
    """∂L/∂Wₗ and ∂L/∂bₗ from the layer's δ and its input (x or h)."""
    k = "₁" if layer == 1 else "₂"
    d, src = (f"δ{k}", "x" if layer == 1 else "h") if p.single else (f"Δ{k}", "X" if layer == 1 else "H")
    w_label = f"∂L/∂W{k} = {d}{src}ᵀ" if p.single else f"∂L/∂W{k} = {d}ᵀ{src}"
    b_label = f"∂L/∂b{k} = {d}" if p.single else f"∂L/∂b{k} = Σₙ {d}"
    gw, gb = delta.T @ inp, delta.sum(axis=0)
    return [
        Step(w_label, _outer(delta, inp, w_label.split(" = ")[1]), gw, "network.grad_w", {"layer": layer}),
        Step(b_label, _bias(delta, d), gb, "network.grad_b", {"layer": layer}),
    ]


def _slope_formula(p: Pass) -> str:
    h = "h" if p.single else "H"
    small = p.h.size <= SHOW_TERMS
    if p.hidden == "sigmoid":
        return f"{h} ⊙ (1 − {h})" + (f" = {_num(p.h, h)} ⊙ {_num(1 - p.h, h)}" if small else "")
    if p.hidden == "tanh":
        rows = [", ".join(f"{term(v)}²" for v in row) for row in p.h]
        squares = f"[{rows[0]}]" if p.single else "[" + ", ".join(f"[{r}]" for r in rows) + "]"
        return f"1 − {h}²" + (f" = 1 − {squares}" if small else "")
    if p.hidden == "identity":
        return "1"
    return f"{SYMBOL[p.hidden]}′({_num(p.z1, 'z₁' if p.single else 'Z₁')})"


def delta_hidden(delta2: np.ndarray, p: Pass) -> tuple[np.ndarray, list[Step]]:
    """δ₁ = (W₂ᵀδ₂) ⊙ f′(z₁): the error carried back through W₂ and the hidden activation."""
    back = delta2 @ p.w2
    dact = slope(p.hidden, p.z1, p.h)
    delta1 = back * dact + 0.0  # no −0.0
    one = p.single
    f = SYMBOL[p.hidden] or "f"
    z1 = "z₁" if one else "Z₁"
    dh, d1, d2 = ("∂L/∂h", "δ₁", "δ₂") if one else ("∂L/∂H", "Δ₁", "Δ₂")
    back_label = f"{dh} = W₂ᵀδ₂" if one else f"{dh} = Δ₂W₂"
    if one and p.w2.size <= SHOW_TERMS:
        cols = (
            " + ".join(f"{term(w)}·{term(d)}" for w, d in zip(col, delta2[0], strict=True)) for col in p.w2.T
        )
        back_form = "[" + ", ".join(cols) + "]"
    else:
        back_form = f"{_num(delta2, d2)}·{_num(p.w2, 'W₂')}" if not one else f"W₂ᵀ{d2}"
    return delta1, [
        Step(back_label, back_form, p.v(back), "network.dl_dh"),
        Step(f"{f}′({z1})", _slope_formula(p), p.v(dact), f"network.slope.{p.hidden}"),
        Step(
            f"{d1} = {dh} ⊙ {f}′({z1})",
            f"{_num(back, dh)} ⊙ {_num(dact, f + '′')}",
            p.v(delta1),
            "network.delta1",
        ),
    ]


def backprop(
    x: np.ndarray,
    w1: np.ndarray,
    b1: np.ndarray,
    w2: np.ndarray,
    b2: np.ndarray,
    hidden: str,
    output: str | None,
    y_true: np.ndarray,
    loss: str,
    wrt: str,
) -> Result:
    """The gradient of ``loss`` with respect to ``wrt`` (w1, b1, w2 or b2), shaped like it.

    The output defaults to the loss's own (MSE: identity, BCE: sigmoid, CCE: softmax); BCE
    with anything but a sigmoid output, or CCE with anything but softmax, is an error.
    """
    if output is None:
        output = DEFAULT_OUTPUT[loss]
    elif loss in PAIRED and output != PAIRED[loss]:
        raise EngineError(
            "output", "net.error.loss_output", loss=loss.upper(), paired=PAIRED[loss], output=output
        )
    p = run_forward(x, w1, b1, w2, b2, hidden, output)
    y = targets(y_true, p, loss)
    steps = [*forward_steps(p), loss_step(loss, p, y)]
    delta2, more = delta_out(loss, p, y)
    steps += more + layer_grads(delta2, p.h, 2, p)
    if wrt in ("w2", "b2"):
        return (steps[-2] if wrt == "w2" else steps[-1]).value, steps
    delta1, more = delta_hidden(delta2, p)
    steps += more + layer_grads(delta1, p.x, 1, p)
    return (steps[-2] if wrt == "w1" else steps[-1]).value, steps
