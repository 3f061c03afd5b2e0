"""Small neural networks as PyTorch computes them: one neuron, a forward pass through one
hidden layer, parameter counts and the gradient that reaches the first of N sigmoid layers.
Backpropagation through the same network is in :mod:`topa_quiz.engine.network_backprop`.

Weight matrices follow ``torch.nn.Linear``: one row per unit of the layer, one column per
input, so a layer computes z = W·x + b, and for a batch X (one sample per row) Z = X·Wᵀ + b.

>>> from topa_quiz.engine import compute
>>> compute("neuron", x=[1, 2], w=[0.5, -0.25], b=0.5, activation="relu").result
0.5
>>> compute("forward", x=[1, 2], w1=[[1, 0], [0, 1]], b1=[0, -3], w2=[[1, 1]], b2=[0]).result
1.0
>>> compute("param-count", layers=[784, 128, 10]).result
101770.0
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .activations import Result, _sigmoid, show, term
from .core import EngineError, Msg, Step, fmt, fmt_array, sub, sup

#: the largest number of samples, inputs, hidden units or outputs a network takes
MAX_UNITS = 64
#: torch.nn.LeakyReLU's default negative_slope, the hidden layer's slope in forward/backprop
LEAKY = 0.01
MAX_CHAIN = 100
MAX_WIDTH = 1_000_000
MAX_LAYERS = 50
#: up to this many terms a formula shows every product; beyond it, the symbols only
SHOW_TERMS = 12

SYMBOL = {
    "identity": "",
    "step": "step",
    "sigmoid": "σ",
    "tanh": "tanh",
    "relu": "ReLU",
    "leaky-relu": "LeakyReLU",
    "softmax": "softmax",
}


# ------------------------------------------------------------------ activations
def activate(name: str, z: np.ndarray, alpha: float = LEAKY, threshold: float = 0.0) -> np.ndarray:
    """An activation applied element-wise (softmax: along each row)."""
    if name == "identity":
        return z + 0.0
    if name == "step":
        return (z > threshold).astype(float)
    if name == "sigmoid":
        return _sigmoid(z)
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0.0)
    if name == "leaky-relu":
        return np.where(z > 0, z, alpha * z) + 0.0
    if name == "softmax":
        e = np.exp(z - z.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)
    raise AssertionError(name)  # pragma: no cover


def slope(name: str, z: np.ndarray, a: np.ndarray, alpha: float = LEAKY) -> np.ndarray:
    """f′(z) element-wise, as autograd takes it: ReLU′(0) = 0, LeakyReLU′(0) = α."""
    if name == "identity":
        return np.ones_like(z)
    if name == "sigmoid":
        return a * (1.0 - a)
    if name == "tanh":
        return 1.0 - a * a
    if name == "relu":
        return (z > 0).astype(float)
    if name == "leaky-relu":
        return np.where(z > 0, 1.0, alpha)
    raise AssertionError(name)  # pragma: no cover


def _exp(v: float) -> str:
    """e^v as a number, or as e^v itself where it would overflow."""
    return fmt(math.exp(v)) if v < 700 else f"e^{fmt(v)}"


def act_formula(
    name: str, z: np.ndarray, alpha: float = LEAKY, threshold: float = 0.0, symbol: str = "z"
) -> str:
    """f(z) with the numbers in: the definition for one value, f([...]) for several, f(symbol)
    for more than a formula can hold."""
    inner = show(z) if z.size <= SHOW_TERMS else symbol
    if name == "identity":
        return inner
    if z.size > 1:
        return f"{SYMBOL[name]}({inner})"
    v = float(z.item())
    if name == "step":
        return f"{fmt(v)} {'>' if v > threshold else '≤'} {fmt(threshold)}"
    if name == "sigmoid":
        return f"1/(1 + e^({fmt(-v)})) = 1/(1 + {_exp(-v)})"
    if name == "tanh" and abs(v) <= 20:
        a, b = _exp(v), _exp(-v)
        return f"(e^({fmt(v)}) − e^({fmt(-v)}))/(e^({fmt(v)}) + e^({fmt(-v)})) = ({a} − {b})/({a} + {b})"
    if name == "relu":
        return f"max(0, {fmt(v)})"
    if name == "leaky-relu":
        return fmt(v) if v > 0 else f"{fmt(alpha)}·{term(v)}"
    return f"{SYMBOL[name]}({fmt(v)})"


# ---------------------------------------------------------------------- neuron
def neuron(x: np.ndarray, w: np.ndarray, b: float, activation: str, alpha: float, threshold: float) -> Result:
    """One artificial neuron: z = w·x + b, then y = f(z).

    >>> from topa_quiz.engine import compute
    >>> compute("neuron", x=[1, 1], w=[0.5, 0.5], b=-1.0, activation="sigmoid").result
    0.5
    """
    cap("x", x.size, "inputs")
    if w.size != x.size:
        raise EngineError("w", "net.error.weights", n=w.size, inputs=x.size)
    if threshold != 0 and activation != "step":
        raise EngineError("threshold", "net.error.threshold_only_step", activation=activation)
    if alpha != LEAKY and activation != "leaky-relu":
        raise EngineError("alpha", "net.error.alpha_only_leaky", activation=activation)
    products = w * x + 0.0
    z = float(products.sum() + b)
    y = float(activate(activation, np.array(z), alpha, threshold))
    terms = " + ".join(f"{term(wi)}·{term(xi)}" for wi, xi in zip(w, x, strict=True))
    f = SYMBOL[activation]
    form = act_formula(activation, np.array(z), alpha, threshold)
    args = {"alpha": fmt(alpha), "threshold": fmt(threshold)}
    return y, [
        Step("z = w·x + b", f"{terms} + {term(b)}", z, "network.neuron_z"),
        Step(f"y = {f}(z)" if f else "y = z", form, y, f"network.act.{activation}", args),
    ]


# --------------------------------------------------------------------- forward
@dataclass(frozen=True)
class Pass:
    """A forward pass: the inputs (x always as rows) and every intermediate value."""

    x: np.ndarray
    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray
    hidden: str
    output: str
    z1: np.ndarray
    h: np.ndarray
    z2: np.ndarray
    y: np.ndarray

    @property
    def single(self) -> bool:
        """One sample: values are vectors (z₁, h, ...), not matrices (Z₁, H, ...)."""
        return self.x.shape[0] == 1

    def v(self, a: np.ndarray) -> np.ndarray:
        """A per-sample value as the user sees it: a vector for one sample, rows for a batch."""
        return a[0] if self.single else a


def cap(name: str, n: int, what: str) -> None:
    """``what``: samples, inputs, units or outputs (a catalog word ``net.count.<what>``)."""
    if n > MAX_UNITS:
        raise EngineError(name, "net.error.too_many", n=n, what=Msg(f"net.count.{what}"), most=MAX_UNITS)


def check_network(x: np.ndarray, w1: np.ndarray, b1: np.ndarray, w2: np.ndarray, b2: np.ndarray) -> None:
    """Every shape against nn.Linear's convention; the error names the parameter at fault."""
    cap("x", x.shape[0], "samples")
    cap("x", x.shape[1], "inputs")
    cap("w1", w1.shape[0], "units")
    cap("w2", w2.shape[0], "outputs")
    if w1.shape[1] != x.shape[1]:
        raise EngineError("w1", "net.error.w1_columns", cols=w1.shape[1], inputs=x.shape[1])
    if b1.size != w1.shape[0]:
        raise EngineError("b1", "net.error.b1", n=b1.size, rows=w1.shape[0])
    if w2.shape[1] != w1.shape[0]:
        raise EngineError("w2", "net.error.w2_columns", cols=w2.shape[1], units=w1.shape[0])
    if b2.size != w2.shape[0]:
        raise EngineError("b2", "net.error.b2", n=b2.size, rows=w2.shape[0])


def run_forward(
    x: np.ndarray, w1: np.ndarray, b1: np.ndarray, w2: np.ndarray, b2: np.ndarray, hidden: str, output: str
) -> Pass:
    check_network(x, w1, b1, w2, b2)
    if output == "softmax" and w2.shape[0] == 1:
        raise EngineError("output", "net.error.softmax_one")
    z1 = x @ w1.T + b1
    h = activate(hidden, z1)
    z2 = h @ w2.T + b2
    return Pass(x, w1, b1, w2, b2, hidden, output, z1, h, z2, activate(output, z2))


def _affine(w: np.ndarray, inp: np.ndarray, b: np.ndarray) -> str:
    """W·x + b with the numbers in, one sum per unit (or the matrices, for a batch)."""
    if inp.shape[0] == 1 and w.size <= SHOW_TERMS:
        rows = (" + ".join(f"{term(wi)}·{term(xi)}" for wi, xi in zip(row, inp[0], strict=True)) for row in w)
        return "[" + ", ".join(f"{r} + {term(bi)}" for r, bi in zip(rows, b, strict=True)) + "]"
    if inp.size + w.size <= 2 * SHOW_TERMS:
        return f"{fmt_array(inp)}·{fmt_array(w.T)} + {fmt_array(b)}"
    return "Σⱼ wᵢⱼ·xⱼ + bᵢ"


def _softmax_formula(z: np.ndarray) -> tuple[str, str]:
    """softmax with the numbers in, and the note (shifted by max z where e^z would overflow)."""
    if z.shape[0] > 1 or z.size > SHOW_TERMS:
        return "e^(z₂ₖ) / Σⱼ e^(z₂ⱼ)", "network.softmax_rows"
    row = z[0]
    shift = 0.0 if row.max() <= 50 else float(row.max())
    e = np.exp(row - shift)
    note = "network.softmax" if shift == 0 else "network.softmax_shifted"
    return f"{fmt_array(e)} / {fmt(e.sum())}", note


def forward_steps(p: Pass) -> list[Step]:
    """z₁, h, z₂, ŷ (Z₁, H, Z₂, Ŷ for a batch) with the numbers in."""
    one = p.single
    x, z1, h, z2 = ("x", "z₁", "h", "z₂") if one else ("X", "Z₁", "H", "Z₂")
    mul1, mul2 = ("W₁x", "W₂h") if one else ("XW₁ᵀ", "HW₂ᵀ")
    yhat = "ŷ" if one else "Ŷ"
    f, g = SYMBOL[p.hidden], SYMBOL[p.output]
    h_form = act_formula(p.hidden, p.v(p.z1), symbol=z1)
    if p.output == "softmax":
        y_form, y_note = _softmax_formula(p.z2)
    else:
        y_form, y_note = act_formula(p.output, p.v(p.z2), symbol=z2), "network.yhat"
    return [
        Step(f"{z1} = {mul1} + b₁", _affine(p.w1, p.x, p.b1), p.v(p.z1), "network.z1"),
        Step(f"{h} = {f}({z1})" if f else f"{h} = {z1}", h_form, p.v(p.h), "network.h"),
        Step(f"{z2} = {mul2} + b₂", _affine(p.w2, p.h, p.b2), p.v(p.z2), "network.z2"),
        Step(f"{yhat} = {g}({z2})" if g else f"{yhat} = {z2}", y_form, p.v(p.y), y_note),
    ]


def forward(
    x: np.ndarray, w1: np.ndarray, b1: np.ndarray, w2: np.ndarray, b2: np.ndarray, hidden: str, output: str
) -> Result:
    """The forward pass of a network with one hidden layer (torch.nn.Linear convention).

    ŷ = g(W₂·f(W₁x + b₁) + b₂), f the hidden activation, g the output's. A batch ``x`` (one
    sample per row) gives one row of outputs per sample.
    """
    p = run_forward(x, w1, b1, w2, b2, hidden, output)
    return p.v(p.y), forward_steps(p)


# ----------------------------------------------------------------- param-count
def param_count(layers: np.ndarray, bias: bool) -> Result:
    """Parameters of fully connected layers n₀ → n₁ → … : Σ (nᵢ₋₁·nᵢ + nᵢ), without + nᵢ for no bias.

    >>> from topa_quiz.engine import compute
    >>> compute("param-count", layers=[3, 4, 2], bias=False).result
    20.0
    """
    sizes = [float(n) for n in layers]
    if len(sizes) < 2:
        raise EngineError("layers", "net.error.layers_two")
    if len(sizes) > MAX_LAYERS:
        raise EngineError("layers", "net.error.layers_many", n=len(sizes), most=MAX_LAYERS)
    for n in sizes:
        if n != int(n) or not 1 <= n <= MAX_WIDTH:
            raise EngineError("layers", "net.error.layers_size", most=f"{MAX_WIDTH:,}", value=fmt(n))
    widths = [int(n) for n in sizes]
    steps, counts = [], []
    for i, (n, m) in enumerate(zip(widths, widths[1:], strict=False), 1):
        count = n * m + (m if bias else 0)
        counts.append(count)
        form = f"{n}·{m} + {m}" if bias else f"{n}·{m}"
        note = "network.layer_params" if bias else "network.layer_params_no_bias"
        steps.append(Step(f"P{sub(i)}", form, float(count), note, {"i": i, "n": n, "m": m}))
    total = float(sum(counts))
    label = "P = " + " + ".join(f"P{sub(i)}" for i in range(1, len(counts) + 1))
    steps.append(Step(label, " + ".join(str(c) for c in counts), total, "network.params_total"))
    return total, steps


# --------------------------------------------------------------- sigmoid-chain
def sigmoid_chain(z: np.ndarray, layers: int | None) -> Result:
    """∂a_N/∂z₁ through N sigmoid layers joined by weights 1: ∏ᵢ σ′(zᵢ), one factor per layer.

    σ′(z) = σ(z)(1 − σ(z)) ≤ 0.25, so the product is at most 0.25ᴺ.

    >>> from topa_quiz.engine import compute
    >>> compute("sigmoid-chain", z=0.0, layers=3).result
    0.015625
    """
    if z.size > MAX_CHAIN:
        raise EngineError("z", "net.error.chain_many", n=z.size, most=MAX_CHAIN)
    if layers is not None and z.size not in (1, layers):
        raise EngineError("layers", "net.error.chain_layers", layers=layers, n=z.size)
    n = layers or z.size
    zs = np.full(n, z[0]) if z.size == 1 else z
    s = _sigmoid(zs)
    d = s * (1.0 - s)
    product = float(np.prod(d))
    if np.all(zs == zs[0]):
        shown, factors = [0], f"{fmt(d[0])}{sup(n)}" if n > 1 else fmt(d[0])
    else:
        shown = list(range(n)) if n <= 6 else [0, 1, n - 1]
        factors = "·".join(fmt(v) for v in d) if n <= 6 else f"{fmt(d[0])}·{fmt(d[1])}·…·{fmt(d[-1])}"
    same = len(shown) == 1 and n > 1
    steps = []
    for i in shown:
        form = f"σ({fmt(zs[i])})·(1 − σ({fmt(zs[i])})) = {fmt(s[i])}·{fmt(1 - s[i])}"
        note = "network.chain_factor_all" if same else "network.chain_factor"
        steps.append(Step(f"σ′(z{'' if same else sub(i + 1)})", form, d[i], note, {"i": i + 1, "n": n}))
    steps.append(Step(f"∏σ′(zᵢ), i = 1…{n}", factors, product, "network.chain_product", {"n": n}))
    steps.append(
        Step(f"0.25{sup(n)}", f"σ′ ≤ 0.25 ⇒ ∏σ′(zᵢ) ≤ 0.25{sup(n)}", 0.25**n, "network.chain_bound", {"n": n})
    )
    return product, steps
