"""Regenerate tests/golden/golden.json: independent reference values for the engine.

Run it with a Python that has PyTorch (never the project's own venv; torch is not a
dependency of topa-quiz or of its tests)::

    python3 -m venv /tmp/torchenv
    /tmp/torchenv/bin/pip install torch==2.13.0 numpy
    /tmp/torchenv/bin/python tests/golden/make_golden.py

Every value comes from PyTorch itself where PyTorch has the calculation
(torch.nn.functional, torch.nn losses, autograd for derivatives, and real
``torch.optim`` optimizers stepping a float64 tensor whose ``.grad`` is set per
step). What PyTorch lacks (R², L1/L2 penalties, linear composition, perceptron,
step, Adam without bias correction) is derived by hand in plain Python floats,
with the derivation in the case's ``source``.

Each case stores the engine's own parameter names (see
topa_quiz/engine/registry.py), so the test can call ``compute(name, **inputs)``.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
TV = torch.__version__.split("+")[0]
F64 = torch.float64
OUT = Path(__file__).with_name("golden.json")

CASES: list[dict] = []


def t(x) -> torch.Tensor:
    return torch.tensor(x, dtype=F64)


def plain(v: torch.Tensor | float):
    """A tensor as a float (0-d) or (nested) list of floats."""
    if isinstance(v, torch.Tensor):
        v = v.detach()
        return float(v.item()) if v.dim() == 0 else v.tolist()
    return float(v)


def add(name: str, inputs: dict, expected, source: str, note: str = "") -> None:
    case = {
        "id": f"{name}-{sum(c['name'] == name for c in CASES) + 1}",
        "name": name,
        "inputs": inputs,
        "expected": plain(expected) if not isinstance(expected, list) else expected,
        "source": source,
    }
    if note:
        case["note"] = note
    CASES.append(case)


# ------------------------------------------------------------ activations
def elementwise(name: str, fn, xs, source: str, **extra) -> None:
    for x in xs:
        add(name, {"x": x, **extra}, fn(t(x)), source)


XS = [0.0, -2.0, 3.0, [0.0, -2.0, 3.0], [-10.0, -0.5, 0.5, 10.0], [-40.0, 40.0]]

elementwise("sigmoid", torch.sigmoid, XS + [[-1000.0, 1000.0]], f"torch.sigmoid {TV}")
elementwise("tanh", torch.tanh, XS + [0.5, [-1000.0, 1000.0]], f"torch.tanh {TV}")
elementwise("relu", F.relu, XS + [[-3.0, 4.0, 0.0]], f"torch.nn.functional.relu {TV}")
# default slope: the engine's alpha default (0.01) must equal PyTorch's negative_slope default
elementwise(
    "leaky-relu",
    F.leaky_relu,
    [[-5.0, 2.0, 0.0], -100.0, 7.5],
    f"torch.nn.functional.leaky_relu default negative_slope (0.01) {TV}",
)
for x, a in [([-5.0, 2.0], 0.1), (-3.0, 0.2), ([-1.0, 0.0, 1.0], 0.0), ([-2.0, 4.0], 1.5)]:
    add(
        "leaky-relu",
        {"x": x, "alpha": a},
        F.leaky_relu(t(x), a),
        f"torch.nn.functional.leaky_relu(negative_slope={a}) {TV}",
    )

for x in [
    [1.0, 2.0, 3.0],
    [1000.0, 1001.0, 1002.0],
    [0.0, 0.0, 0.0, 0.0],
    [-1000.0, 0.0],
    [5.0],
    [2.0, -1.0, 0.5, 3.0],
]:
    add("softmax", {"x": x}, F.softmax(t(x), dim=0), f"torch.nn.functional.softmax(dim=0) {TV}")


def autograd_derivative(fn):
    def d(x: torch.Tensor) -> torch.Tensor:
        x = x.clone().requires_grad_(True)
        fn(x).sum().backward()
        return x.grad

    return d


elementwise(
    "sigmoid-derivative",
    autograd_derivative(torch.sigmoid),
    XS + [2.0],
    f"torch autograd of torch.sigmoid {TV}",
)
elementwise(
    "tanh-derivative", autograd_derivative(torch.tanh), XS + [1.0], f"torch autograd of torch.tanh {TV}"
)
elementwise(
    "relu-derivative",
    autograd_derivative(F.relu),
    XS + [[-1.0, 0.0, 2.0]],
    f"torch autograd of torch.nn.functional.relu (0 at x = 0) {TV}",
)

# step: no torch function; hand: 1 if x > threshold (strictly), else 0
for x, th in [
    ([-0.2, 0.0, 0.3], None),
    (0.0, None),
    (0.5, 0.5),
    ([0.4, 0.5, 0.6], 0.5),
    ([-3.0, -1.0], -2.0),
]:
    xs = x if isinstance(x, list) else [x]
    thr = 0.0 if th is None else th
    ys = [1.0 if v > thr else 0.0 for v in xs]
    inputs = {"x": x} if th is None else {"x": x, "threshold": th}
    add(
        "step",
        inputs,
        ys if isinstance(x, list) else ys[0],
        f"hand: 1 if x > {thr:g} else 0 (x = threshold gives 0)",
    )

# linear composition: hand, a·(a·(…a·x)) = a^N·x
for a, n, x in [(2.0, 3, 1.5), (-0.5, 5, 4.0), (1.0, 50, -2.0), (3.0, 1, 2.0), (0.9, 10, 1.0)]:
    v = x
    for _ in range(n):
        v = a * v
    add(
        "linear-composition",
        {"a": a, "layers": n, "x": x},
        v,
        f"hand: ({a:g})^{n}·{x:g}, applied layer by layer",
    )

# ------------------------------------------------------------ perceptron
for x, w, b, th in [
    ([1.0, 0.0], [0.5, 0.5], -0.7, None),
    ([1.0, 1.0], [0.5, 0.5], -0.7, None),
    ([0.0, 0.0], [0.5, 0.5], -0.2, None),
    ([2.0, -1.0, 3.0], [0.1, 0.4, -0.2], 0.0, None),
    ([1.0, 1.0], [0.5, 0.5], None, 1.0),  # z = 1 = θ exactly: not > θ, so 0
    ([1.0, 1.0], [0.5, 0.5], 0.25, 1.0),
    (3.0, 2.0, 1.0, None),
]:
    xs = x if isinstance(x, list) else [x]
    ws = w if isinstance(w, list) else [w]
    z = math.fsum(xi * wi for xi, wi in zip(xs, ws, strict=True)) + (0.0 if b is None else b)
    base = {"x": x, "w": w}
    if b is not None:
        base["b"] = b
    add(
        "weighted-sum",
        base,
        z,
        "hand: z = Σ wᵢxᵢ + b = "
        + " + ".join(f"{wi:g}·{xi:g}" for xi, wi in zip(xs, ws, strict=True))
        + f" + {0.0 if b is None else b:g}",
    )
    thr = 0.0 if th is None else th
    inputs = dict(base) if th is None else {**base, "threshold": th}
    add("perceptron", inputs, 1.0 if z > thr else 0.0, f"hand: z = {z:g}; 1 if z > {thr:g} else 0")


# ----------------------------------------------------------------- losses
def loss_case(name, y, p, fn, source, **extra):
    add(name, {"y_true": y, "y_pred": p, **extra}, fn(t(p), t(y)), source)


REG = [
    ([1.0, 2.0, 3.0], [1.5, 2.0, 2.0]),
    ([0.0, 0.0], [0.0, 0.0]),
    ([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0]),
    ([[1.0, 2.0], [3.0, 4.0]], [[1.5, 2.5], [2.0, 4.0]]),
    ([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], [[0.0, 2.0, 4.0], [4.0, 7.0, 5.0]]),
    (2.0, 3.5),
]
for y, p in REG:
    loss_case("mse", y, p, torch.nn.MSELoss(), f"torch.nn.MSELoss() {TV}")
    loss_case("mae", y, p, torch.nn.L1Loss(), f"torch.nn.L1Loss() {TV}")
for y, p in REG[:1] + REG[3:5]:
    loss_case(
        "mse",
        y,
        p,
        torch.nn.MSELoss(reduction="sum"),
        f"torch.nn.MSELoss(reduction='sum') {TV}",
        reduction="sum",
    )
    loss_case(
        "mae",
        y,
        p,
        torch.nn.L1Loss(reduction="sum"),
        f"torch.nn.L1Loss(reduction='sum') {TV}",
        reduction="sum",
    )
    loss_case(
        "mse",
        y,
        p,
        torch.nn.MSELoss(reduction="mean"),
        f"torch.nn.MSELoss(reduction='mean') {TV}",
        reduction="mean",
    )

# R²: not in torch.nn; hand, 1 − Σ(y−ŷ)² / Σ(y−ȳ)², 1-D only
for y, p in [
    ([1.0, 2.0, 3.0], [1.5, 2.0, 2.0]),
    ([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0]),
    ([1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0]),
    ([1.0, 2.0, 3.0], [2.0, 2.0, 2.0]),
    ([1.0, 2.0, 3.0], [3.0, 2.0, 1.0]),
]:
    mean = math.fsum(y) / len(y)
    ss_res = math.fsum((a - b) ** 2 for a, b in zip(y, p, strict=True))
    ss_tot = math.fsum((a - mean) ** 2 for a in y)
    add(
        "r2",
        {"y_true": y, "y_pred": p},
        1.0 - ss_res / ss_tot,
        f"hand: 1 − SS_res/SS_tot = 1 − {ss_res:g}/{ss_tot:g}",
    )

for y, p in [
    ([1.0, 0.0, 1.0], [0.9, 0.2, 0.6]),
    ([1.0], [0.0]),  # log 0 clamped at −100: loss 100
    ([0.0], [1.0]),  # log(1 − 1) clamped: loss 100
    ([1.0, 0.0], [1.0, 0.0]),  # perfect, with 0·(−100) terms: loss 0
    ([1.0, 0.0, 1.0, 0.0], [0.0, 1.0, 1.0, 0.0]),
    ([0.3, 0.8], [0.5, 0.7]),  # soft targets
    ([[1.0, 0.0], [0.0, 1.0]], [[0.8, 0.3], [0.1, 0.6]]),
    (1.0, 0.5),
]:
    loss_case("bce", y, p, torch.nn.BCELoss(), f"torch.nn.BCELoss() {TV} (logs clamped at −100)")

for y, z in [
    ([1.0, 0.0], [2.0, -1.0]),
    ([1.0, 0.0, 1.0, 0.0], [1000.0, -1000.0, -1000.0, 1000.0]),  # 0, 0, 1000, 1000
    ([1.0], [50.0]),
    ([0.0], [-50.0]),
    ([1.0, 0.0, 1.0], [0.0, 0.0, 0.0]),  # log 2
    ([0.25, 0.75], [3.0, -2.0]),
    ([[1.0, 0.0], [0.0, 1.0]], [[4.0, -3.0], [0.5, 0.5]]),
    ([1.0, 0.0], [-800.0, 800.0]),
]:
    loss_case("bce-logits", y, z, torch.nn.BCEWithLogitsLoss(), f"torch.nn.BCEWithLogitsLoss() {TV}")


def cce_probs(p: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    p2, y2 = p.reshape(-1, p.shape[-1]), y.reshape(-1, y.shape[-1])
    return -(y2 * torch.clamp(torch.log(p2), min=-100.0)).sum(dim=1).mean()


for y, p in [
    ([0.0, 1.0, 0.0], [0.2, 0.7, 0.1]),
    ([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]], [[0.5, 0.3, 0.2], [0.1, 0.2, 0.7]]),
    ([1.0, 0.0], [0.0, 1.0]),  # log 0 clamped at −100: loss 100
    ([0.0, 1.0, 0.0], [0.0, 1.0, 0.0]),  # 0·(−100) terms must stay 0
    ([0.2, 0.5, 0.3], [0.3, 0.4, 0.3]),  # probability targets
]:
    loss_case("cce", y, p, cce_probs, f"torch: −mean_rows Σ y·clamp(torch.log(p), −100) {TV}")
# the non-logit one-hot case also equals NLLLoss on clamped log-probabilities
y, p = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], [[0.6, 0.3, 0.1], [0.2, 0.2, 0.6]]
loss_case(
    "cce",
    y,
    p,
    lambda pp, yy: F.nll_loss(torch.clamp(torch.log(pp), min=-100.0), yy.argmax(dim=1)),
    f"torch.nn.functional.nll_loss(clamp(log p, −100), class index) {TV}",
)

for y, z in [
    ([0.0, 1.0, 0.0], [1.0, 2.0, 0.5]),
    ([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]], [[2.0, 1.0, 0.1], [0.5, 0.5, 3.0]]),
    ([0.1, 0.6, 0.3], [1.0, 2.0, 3.0]),
    ([[0.25, 0.25, 0.5], [1.0, 0.0, 0.0]], [[1000.0, 1001.0, 1002.0], [-5.0, 0.0, 5.0]]),
    ([1.0, 0.0], [0.0, 0.0]),  # log 2
]:
    loss_case(
        "cce",
        y,
        z,
        lambda zz, yy: torch.nn.CrossEntropyLoss()(
            zz.reshape(-1, zz.shape[-1]), yy.reshape(-1, yy.shape[-1])
        ),
        f"torch.nn.CrossEntropyLoss() with probability targets {TV}",
        logits=True,
    )


# ------------------------------------------------------------- optimizers
def run_optim(cls, param, grads, **kw) -> torch.Tensor:
    """Real optimizer.step() calls on a float64 tensor, with .grad set before each."""
    p = t(param).clone().requires_grad_(True)
    opt = cls([p], **kw)
    for g in grads:
        opt.zero_grad()
        p.grad = t(g).reshape(p.shape).clone()
        opt.step()
    return p.detach()


def optim_case(name, cls, param, grad, torch_kw, engine_kw, label):
    grads = grad if isinstance(grad, list) else [grad]
    got = run_optim(cls, param, grads, **torch_kw)
    inputs = {"param": param, "grad": grad, **engine_kw}
    add(
        name,
        inputs,
        got,
        f"torch.optim.{label}({', '.join(f'{k}={v}' for k, v in torch_kw.items())}) "
        f"{TV}, {len(grads)} step(s)",
    )


SCALAR_RUNS = [
    (1.0, 0.5),  # a bare float is one step
    (1.0, [0.5]),
    (1.0, [0.5, 0.3, -0.2]),
    (-2.0, [1.0, -1.0, 0.5, 0.25, 2.0]),
    (0.5, [0.0, 0.1]),
]
VECTOR_RUNS = [
    ([1.0, -1.0], [[0.5, -0.5], [0.2, 0.1]]),
    ([0.5, 2.0, -3.0], [[1.0, 0.0, -2.0], [0.5, 0.5, 0.5], [-1.0, 0.2, 0.0]]),
    ([1.0, 2.0], [[0.1, -0.3]]),
]
ALL_RUNS = SCALAR_RUNS + VECTOR_RUNS

SGD = torch.optim.SGD
for name in ("gd", "sgd"):
    for param, grad in ALL_RUNS:
        optim_case(name, SGD, param, grad, {"lr": 0.1}, {"lr": 0.1}, "SGD")
    for param, grad in [(1.0, [0.5, 0.3]), ([1.0, -2.0], [[0.5, 0.5], [0.1, -0.1]])]:
        optim_case(
            name, SGD, param, grad, {"lr": 0.1, "weight_decay": 0.1}, {"lr": 0.1, "weight_decay": 0.1}, "SGD"
        )

for param, grad in ALL_RUNS:
    optim_case("momentum", SGD, param, grad, {"lr": 0.1, "momentum": 0.9}, {"lr": 0.1}, "SGD")
for param, grad, kw in [
    (1.0, [0.5, 0.5], {"momentum": 0.9, "nesterov": True}),
    (1.0, [0.5, 0.3, -0.2, 0.1], {"momentum": 0.9, "nesterov": True}),
    ([1.0, -1.0], [[0.5, -0.5], [0.2, 0.1]], {"momentum": 0.8, "nesterov": True}),
    (1.0, [0.5, 0.5, 0.5], {"momentum": 0.9, "dampening": 0.5}),  # first step ignores τ
    ([1.0, -1.0], [[0.5, -0.5], [0.2, 0.1], [1.0, 1.0]], {"momentum": 0.5, "dampening": 0.1}),
    (1.0, [0.5, 0.3, -0.2], {"momentum": 0.9, "weight_decay": 0.01}),
    (2.0, [0.5, 0.3, -0.2], {"momentum": 0.9, "weight_decay": 0.1, "nesterov": True}),
    ([1.0, -1.0], [[0.5, -0.5], [0.2, 0.1]], {"momentum": 0.5, "weight_decay": 0.2, "dampening": 0.3}),
    (1.0, [0.5, 0.5], {"momentum": 0.0}),
]:
    optim_case("momentum", SGD, param, grad, {"lr": 0.05, **kw}, {"lr": 0.05, **kw}, "SGD")

for param, grad in ALL_RUNS:
    optim_case("adagrad", torch.optim.Adagrad, param, grad, {"lr": 0.1}, {"lr": 0.1}, "Adagrad")
optim_case("adagrad", torch.optim.Adagrad, 1.0, [0.5, 0.3], {}, {}, "Adagrad")  # all defaults
for param, grad, tkw in [
    (1.0, [0.5, 0.3, -0.2], {"eps": 0.1}),
    (1.0, [0.5, 0.3, -0.2], {"initial_accumulator_value": 0.1}),
    ([1.0, -1.0], [[0.5, -0.5], [0.2, 0.0]], {"initial_accumulator_value": 0.5, "eps": 1e-3}),
    (1.0, [0.5, 0.3, -0.2], {"weight_decay": 0.1}),
    (0.5, [0.0, 0.0, 0.1], {"eps": 1e-10}),  # zero gradient at step 1: 0/(0+ε) = 0
]:
    ekw = {("initial_accumulator" if k == "initial_accumulator_value" else k): v for k, v in tkw.items()}
    optim_case("adagrad", torch.optim.Adagrad, param, grad, {"lr": 0.1, **tkw}, {"lr": 0.1, **ekw}, "Adagrad")

RMS = torch.optim.RMSprop
for param, grad in ALL_RUNS:
    optim_case("rmsprop", RMS, param, grad, {"lr": 0.01}, {"lr": 0.01}, "RMSprop")
optim_case("rmsprop", RMS, 1.0, [0.5, 0.3], {}, {}, "RMSprop")  # all defaults
for param, grad, tkw in [
    (1.0, [0.5, 0.3, -0.2], {"alpha": 0.9}),
    (1.0, [0.5, 0.3, -0.2], {"alpha": 0.9, "eps": 0.1}),
    ([1.0, -1.0], [[0.5, -0.5], [0.2, 0.0]], {"alpha": 0.5, "eps": 1e-3}),
    (1.0, [0.5, 0.3, -0.2], {"weight_decay": 0.1}),
    (1.0, [0.001, 0.002], {"eps": 0.01}),
]:
    ekw = {("rho" if k == "alpha" else k): v for k, v in tkw.items()}
    optim_case("rmsprop", RMS, param, grad, {"lr": 0.01, **tkw}, {"lr": 0.01, **ekw}, "RMSprop")

ADAM, ADAMW = torch.optim.Adam, torch.optim.AdamW
for param, grad in ALL_RUNS:
    optim_case("adam", ADAM, param, grad, {"lr": 0.1}, {"lr": 0.1}, "Adam")
optim_case("adam", ADAM, 1.0, [0.5, 0.3], {}, {}, "Adam")  # all defaults
for param, grad, kw in [
    (1.0, [0.5, 0.3, -0.2], {"beta1": 0.5, "beta2": 0.9}),
    (1.0, [0.01, 0.02, -0.01], {"eps": 0.1}),
    ([1.0, -1.0], [[0.5, -0.5], [0.2, 0.0]], {"beta1": 0.8, "beta2": 0.99, "eps": 1e-3}),
    (1.0, [0.5, 0.3, -0.2], {"weight_decay": 0.1}),
    ([2.0, -1.0], [[0.5, -0.5], [0.2, 0.1], [0.0, 0.0]], {"weight_decay": 0.5}),
    (1.0, [0.5, 0.5], {"beta1": 0.0, "beta2": 0.0}),
]:
    tkw = {("betas" if k.startswith("beta") else k): v for k, v in kw.items()}
    if "beta1" in kw:
        tkw["betas"] = (kw["beta1"], kw["beta2"])
    optim_case("adam", ADAM, param, grad, {"lr": 0.1, **tkw}, {"lr": 0.1, **kw}, "Adam")

for param, grad in ALL_RUNS:
    optim_case("adamw", ADAMW, param, grad, {"lr": 0.1}, {"lr": 0.1}, "AdamW")
optim_case("adamw", ADAMW, 1.0, [0.5, 0.3], {}, {}, "AdamW")  # all defaults (λ = 0.01)
for param, grad, kw in [
    (1.0, [0.5, 0.3, -0.2], {"weight_decay": 0.1}),
    ([2.0, -1.0], [[0.5, -0.5], [0.2, 0.1], [0.0, 0.0]], {"weight_decay": 0.5}),
    (1.0, [0.5, 0.3, -0.2], {"weight_decay": 0.0}),
    (1.0, [0.01, 0.02, -0.01], {"eps": 0.1, "weight_decay": 0.1}),
    (1.0, [0.5, 0.3, -0.2], {"beta1": 0.5, "beta2": 0.9, "weight_decay": 0.2}),
]:
    tkw = {k: v for k, v in kw.items() if not k.startswith("beta")}
    if "beta1" in kw:
        tkw["betas"] = (kw["beta1"], kw["beta2"])
    optim_case("adamw", ADAMW, param, grad, {"lr": 0.1, **tkw}, {"lr": 0.1, **kw}, "AdamW")


# bias_correction=False has no torch switch: derive by hand, θ ← θ − η·m/(√v + ε)
def adam_no_bc(param, grads, lr, b1=0.9, b2=0.999, eps=1e-8, wd=0.0, decoupled=False):
    theta = param if isinstance(param, list) else [param]
    theta = [float(x) for x in theta]
    m = [0.0] * len(theta)
    v = [0.0] * len(theta)
    for g in grads:
        g = g if isinstance(g, list) else [g]
        for i in range(len(theta)):
            gi = g[i]
            if decoupled:
                theta[i] *= 1.0 - lr * wd
            else:
                gi = gi + wd * theta[i]
            m[i] = b1 * m[i] + (1 - b1) * gi
            v[i] = b2 * v[i] + (1 - b2) * gi * gi
            theta[i] -= lr * m[i] / (math.sqrt(v[i]) + eps)
    return theta if isinstance(param, list) else theta[0]


for param, grad in [(1.0, [0.5]), (1.0, [0.5, 0.3, -0.2]), ([1.0, -1.0], [[0.5, -0.5], [0.2, 0.1]])]:
    add(
        "adam",
        {"param": param, "grad": grad, "lr": 0.1, "bias_correction": False},
        adam_no_bc(param, grad, 0.1),
        "hand: Adam without bias correction, m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − η·m/(√v + ε)",
    )
    add(
        "adamw",
        {"param": param, "grad": grad, "lr": 0.1, "weight_decay": 0.1, "bias_correction": False},
        adam_no_bc(param, grad, 0.1, wd=0.1, decoupled=True),
        "hand: AdamW without bias correction, θ ← θ(1 − ηλ), then θ ← θ − η·m/(√v + ε)",
    )
# sanity: the hand routine agrees with torch when bias correction is replaced by β = 0 runs
assert (
    abs(
        adam_no_bc(1.0, [0.5, 0.5], 0.1, b1=0.0, b2=0.0)
        - float(run_optim(ADAM, 1.0, [0.5, 0.5], lr=0.1, betas=(0.0, 0.0)))
    )
    < 1e-12
)


# ------------------------------------------------- optimizer state carried in
# Part-way through training (issue 11): the optimizer's state is loaded with
# load_state_dict, then real steps run. The engine's inputs name the state as the
# engine does: momentum --buffer B (PyTorch's momentum_buffer) or --velocity V (the
# classic v ← μv − ηg, θ ← θ + v, which is PyTorch's form with B = −V/η); Adam's
# --m/--v/--step (exp_avg, exp_avg_sq, step).
def run_optim_state(cls, param, grads, state, **kw):
    """optimizer.step() on a float64 tensor after loading ``state`` into the optimizer."""
    p = t(param).clone().requires_grad_(True)
    opt = cls([p], **kw)
    loaded = opt.state_dict()
    loaded["state"] = {
        0: {
            k: (torch.tensor(float(v)) if k == "step" else t(v).reshape(p.shape).clone())
            for k, v in state.items()
        }
    }
    opt.load_state_dict(loaded)
    for g in grads:
        opt.zero_grad()
        p.grad = t(g).reshape(p.shape).clone()
        opt.step()
    return p.detach(), opt.state[p]


def full(v, like):
    """A scalar state broadcast to the parameter's shape, as the engine does."""
    return [v] * len(like) if isinstance(like, list) and not isinstance(v, list) else v


for param, grad, buf, kw in [
    (1.0, [0.5], 0.5, {"momentum": 0.9}),
    (1.0, [0.5, 0.3, -0.2], -0.4, {"momentum": 0.9}),
    ([1.0, -1.0], [[0.5, -0.5], [0.2, 0.1]], [0.3, -0.2], {"momentum": 0.8}),
    (1.0, [0.5, 0.5], 0.5, {"momentum": 0.9, "dampening": 0.5}),  # with a buffer τ applies at once
    (2.0, [0.5, 0.3], 1.0, {"momentum": 0.9, "nesterov": True}),
    (1.0, [0.5, 0.3], 0.2, {"momentum": 0.9, "weight_decay": 0.1}),
]:
    got, _ = run_optim_state(SGD, param, grad, {"momentum_buffer": full(buf, param)}, lr=0.1, **kw)
    add(
        "momentum",
        {"param": param, "grad": grad, "lr": 0.1, "buffer": buf, **kw},
        got,
        f"torch.optim.SGD(lr=0.1, {kw}) {TV} with state momentum_buffer={buf}, {len(grad)} step(s)",
    )
for param, grad, vel, lr, kw in [
    (1.0, [0.5], -0.05, 0.1, {"momentum": 0.9}),
    (1.0, [0.5, 0.3, -0.2], 0.02, 0.1, {"momentum": 0.9}),
    ([1.0, -1.0], [[0.5, -0.5], [0.2, 0.1]], [-0.03, 0.04], 0.05, {"momentum": 0.8}),
    (2.0, [0.5, 0.3], -0.1, 0.1, {"momentum": 0.9, "nesterov": True}),
    (1.0, [0.5, 0.3], -0.05, 0.1, {"momentum": 0.9, "dampening": 0.3}),
    (1.0, [0.5, 0.3], 0.01, 0.2, {"momentum": 0.5, "weight_decay": 0.1}),
]:
    vs = vel if isinstance(vel, list) else [vel]
    buf = [-x / lr for x in vs] if isinstance(vel, list) else -vel / lr
    got, _ = run_optim_state(SGD, param, grad, {"momentum_buffer": full(buf, param)}, lr=lr, **kw)
    add(
        "momentum",
        {"param": param, "grad": grad, "lr": lr, "velocity": vel, **kw},
        got,
        f"torch.optim.SGD(lr={lr}, {kw}) {TV} with momentum_buffer = −V/η = {buf} "
        f"(the classic v ← μv − ηg, θ ← θ + v with v₀ = {vel}), {len(grad)} step(s)",
    )

ADAM_STATE = [
    (1.0, [0.5], 0.1, 0.01, 2, {}),
    (1.0, [0.5, 0.3, -0.2], -0.05, 0.002, 5, {}),
    ([1.0, -1.0], [[0.5, -0.5], [0.2, 0.1]], [0.2, -0.1], [0.01, 0.03], 10, {"beta1": 0.8, "beta2": 0.99}),
    (1.0, [0.5], 0.0, 0.0, 3, {}),  # moments after three zero gradients
    (2.0, [0.5, 0.3], 0.3, 0.05, 100, {"weight_decay": 0.1}),
    (1.0, [0.2], 0.05, 0.004, 1, {"eps": 0.1}),
]
for name, cls in (("adam", ADAM), ("adamw", ADAMW)):
    for param, grad, m, v, step, kw in ADAM_STATE:
        tkw = {k: val for k, val in kw.items() if not k.startswith("beta")}
        if "beta1" in kw:
            tkw["betas"] = (kw["beta1"], kw["beta2"])
        state = {"step": step, "exp_avg": full(m, param), "exp_avg_sq": full(v, param)}
        got, after = run_optim_state(cls, param, grad, state, lr=0.1, **tkw)
        add(
            name,
            {"param": param, "grad": grad, "lr": 0.1, "m": m, "v": v, "step": step, **kw},
            got,
            f"torch.optim.{cls.__name__}(lr=0.1, {tkw}) {TV} with state step={step}, exp_avg={m}, "
            f"exp_avg_sq={v}, {len(grad)} step(s)",
        )
        # the moments after the last step, from torch's state; m̂ and v̂ by hand from them
        t_last = step + len(grad)
        b1, b2 = kw.get("beta1", 0.9), kw.get("beta2", 0.999)
        assert int(after["step"]) == t_last
        CASES[-1]["expected_state"] = {
            "m": plain(after["exp_avg"]),
            "v": plain(after["exp_avg_sq"]),
            "m_hat": plain(after["exp_avg"] / (1 - b1**t_last)),
            "v_hat": plain(after["exp_avg_sq"] / (1 - b2**t_last)),
        }


# hand check of one Adam state case: step 3 from m = 0.1, v = 0.01, g = 0.5
_m, _v = 0.9 * 0.1 + 0.1 * 0.5, 0.999 * 0.01 + 0.001 * 0.25
_hand = 1.0 - 0.1 * (_m / (1 - 0.9**3)) / (math.sqrt(_v / (1 - 0.999**3)) + 1e-8)
assert (
    abs(_hand - next(c for c in CASES if c["name"] == "adam" and c["inputs"].get("step") == 2)["expected"])
    < 1e-12
)


# ---------------------------------------------------------- regularization
for w, lam in [([0.5, -1.0, 2.0], 0.01), (-3.0, 0.5), ([0.0, 0.0], 1.0), ([1.5, -2.5, 0.25, 4.0], 0.1)]:
    ws = w if isinstance(w, list) else [w]
    add(
        "l1",
        {"w": w, "lam": lam},
        lam * math.fsum(abs(x) for x in ws),
        f"hand: λ·Σ|w| = {lam:g}·{math.fsum(abs(x) for x in ws):g}",
    )
    s2 = math.fsum(x * x for x in ws)
    add("l2", {"w": w, "lam": lam}, lam * s2, f"hand: λ·Σw² = {lam:g}·{s2:g}")
    add("l2", {"w": w, "lam": lam, "half": True}, lam / 2 * s2, f"hand: (λ/2)·Σw² = {lam:g}/2·{s2:g}")


def dropout_kept_scale(p: float) -> float:
    """The value torch's train-mode dropout gives a kept unit of 1 (inverted dropout)."""
    torch.manual_seed(0)
    out = F.dropout(torch.ones(10_000, dtype=F64), p=p, training=True)
    kept = out[out != 0]
    assert kept.numel() > 0 and torch.all(kept == kept[0])
    return float(kept[0])


# The calculation's result is the scale 1/(1 − p) itself (registry alias "dropout_scale");
# with x given, the kept unit's value x/(1 − p) is shown as a step: checked as "expected_kept".
for p, x in [
    (0.5, 2.0),
    (0.2, [1.0, 2.0, 3.0]),
    (0.0, 1.5),
    (0.9, -1.0),
    (0.75, [4.0, -0.5]),
    (0.5, None),
    (0.1, None),
    (0.0, None),
]:
    scale = dropout_kept_scale(p)
    src = f"torch.nn.functional.dropout(training=True) {TV}: a kept unit 1 becomes {scale:g} = 1/(1−{p:g})"
    if x is None:
        add("dropout", {"p": p}, scale, src)
        continue
    add("dropout", {"p": p, "x": x}, scale, src)
    CASES[-1]["expected_kept"] = [xi * scale for xi in x] if isinstance(x, list) else x * scale


# ---------------------------------------- extremes that have a finite answer
# Issue 13 items 15, 16 and 19: each of these was refused or wrong before.
CE = f"torch.nn.functional.cross_entropy {TV} with the class index of the one-hot target (log_softmax, no clamp)"
add(
    "cce",
    {"y_true": [0.0, 0.0, 1.0], "y_pred": [1000.0, 0.0, -1000.0], "logits": True},
    F.cross_entropy(t([[1000.0, 0.0, -1000.0]]), torch.tensor([2])),
    CE,
)
add(
    "cce",
    {"y_true": [1.0, 0.0], "y_pred": [1e308, -1e308], "logits": True},
    F.cross_entropy(t([[1e308, -1e308]]), torch.tensor([0])),
    CE,
)
add("tanh", {"x": [1e308, -1e308]}, torch.tanh(t([1e308, -1e308])), f"torch.tanh {TV}")
add("softmax", {"x": [-1e308, 1e308]}, torch.softmax(t([-1e308, 1e308]), 0), f"torch.softmax {TV}")
add("sigmoid", {"x": [-1e308, 1e308]}, torch.sigmoid(t([-1e308, 1e308])), f"torch.sigmoid {TV}")
add(
    "bce-logits",
    {"y_true": [1.0, 0.0], "y_pred": [1e308, -1e308]},
    F.binary_cross_entropy_with_logits(t([1e308, -1e308]), t([1.0, 0.0])),
    f"torch.nn.functional.binary_cross_entropy_with_logits {TV}",
)
add(
    "r2",
    {"y_true": [1e-170, 0.0], "y_pred": [0.0, 0.0]},
    -1.0,
    "hand: R² is scale-free; for y = s·[1, 0], ŷ = 0: SS_res = s², SS_tot = s²/2, R² = 1 − 2 = −1",
)
for x, w, b in [([0.5, -2.0, 1.5], [0.6, 0.3, 0.2], 0.0), ([0.1, 0.2], [1.0, 1.0], -0.3)]:
    add(
        "weighted-sum",
        {"x": x, "w": w, "b": b},
        0.0,
        "hand: the products and the sum in exact decimals are 0",
    )
    add("perceptron", {"x": x, "w": w, "b": b}, 0.0, "hand: z = 0 exactly in decimals, not above θ = 0 → 0")


def main() -> None:
    names = sorted({c["name"] for c in CASES})
    data = {
        "generated_by": "tests/golden/make_golden.py",
        "torch_version": torch.__version__,
        "dtype": "float64",
        "tolerance": {"rel": 1e-6, "abs": 1e-9},
        "names": names,
        "cases": CASES,
    }
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT} with {len(CASES)} cases over {len(names)} calculations")


if __name__ == "__main__":
    main()
