"""Regenerate tests/golden/golden_network.json: PyTorch's own values for the network calculations
(neuron, forward, backprop, param-count, sigmoid-chain).

Run it with a Python that has PyTorch, never the project's venv (torch is not a dependency of
topa-quiz or of its tests)::

    python3 -m venv /work/venvs/torch-network
    /work/venvs/torch-network/bin/pip install torch==2.13.0 numpy
    /work/venvs/torch-network/bin/python tests/golden/make_golden_network.py

Everything is float64. Networks are real ``torch.nn.Linear`` layers whose weight and bias are
set to the case's numbers (so W has one row per unit, as the engine takes it); activations come
from ``torch`` / ``torch.nn.functional``; gradients from autograd (``loss.backward()``) through
``F.mse_loss``, ``F.binary_cross_entropy`` and ``F.cross_entropy``, all with reduction='mean'.
Parameter counts are ``sum(p.numel())`` over an ``nn.Sequential`` of Linear layers. The
vanishing-gradient chain is autograd through N ``torch.sigmoid`` layers.

Each case stores the engine's parameter names, so the test calls ``compute(name, **inputs)``,
and the expected value in the engine's shape: one number where the result has one element, a
vector for one sample, a list of rows for a batch or a weight matrix.

torch is imported inside :func:`main` only, so that pytest's doctest collection can import
this file without it.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

OUT = Path(__file__).with_name("golden_network.json")
CASES: list[dict] = []


def plain(v):
    """A tensor as the engine returns it: a float for one element, else (nested) lists."""
    v = v.detach()
    return float(v.reshape(-1)[0]) if v.numel() == 1 else v.tolist()


def add(name: str, inputs: dict, expected, source: str) -> None:
    number = sum(c["name"] == name for c in CASES) + 1
    CASES.append(
        {"id": f"{name}-{number}", "name": name, "inputs": inputs, "expected": expected, "source": source}
    )


def nice(rng: random.Random, *shape: int) -> list:
    """Numbers a question could print: one decimal, in [-1, 1]."""
    if len(shape) == 1:
        return [round(rng.uniform(-1, 1), 1) + 0.0 for _ in range(shape[0])]  # no -0.0
    return [nice(rng, *shape[1:]) for _ in range(shape[0])]


# ------------------------------------------------------------------ neuron
def neuron_cases(torch, F, tv: str) -> None:
    acts = {
        "identity": lambda z, **_: z,
        "sigmoid": lambda z, **_: torch.sigmoid(z),
        "tanh": lambda z, **_: torch.tanh(z),
        "relu": lambda z, **_: F.relu(z),
        "leaky-relu": lambda z, alpha=0.01, **_: F.leaky_relu(z, negative_slope=alpha),
        "step": lambda z, threshold=0.0, **_: torch.heaviside(z - threshold, torch.tensor(0.0)),
    }
    table = [
        ([1.0, 2.0], [0.5, -0.2], 0.1, "sigmoid", {}),
        ([1.0, 1.0], [0.5, 0.5], -1.0, "sigmoid", {}),
        (2.0, 1.5, -4.0, "sigmoid", {}),
        ([0.5, -1.0, 2.0], [0.4, 0.3, -0.2], 0.2, "tanh", {}),
        ([1.0, 2.0], [0.5, -0.5], 0.3, "relu", {}),
        ([1.0, 2.0], [0.5, 0.5], 0.0, "relu", {}),
        ([1.0, 2.0], [-1.0, -1.0], 0.5, "leaky-relu", {}),
        ([1.0, 2.0], [-1.0, -1.0], 0.5, "leaky-relu", {"alpha": 0.2}),
        ([3.0, 1.0], [0.2, 0.5], -0.6, "identity", {}),
        ([1.0, 0.0], [0.5, 0.5], -0.7, "step", {}),
        ([1.0, 1.0], [0.5, 0.5], -0.7, "step", {}),
        ([1.0, 1.0], [0.5, 0.5], 0.0, "step", {"threshold": 1.0}),
        ([1.0, 1.0], [0.6, 0.5], 0.0, "step", {"threshold": 1.0}),
    ]
    for x, w, b, act, extra in table:
        xt, wt = torch.tensor(x).reshape(-1), torch.tensor(w).reshape(-1)
        z = wt @ xt + b
        y = acts[act](z, **extra)
        src = f"{tv}: w @ x + b, then {act}"
        if act == "step":
            src = f"torch.heaviside(z − θ, 0) {tv}: 1 only when z > θ (hand rule, as the perceptron)"
        add("neuron", {"x": x, "w": w, "b": b, "activation": act, **extra}, plain(y), src)


# -------------------------------------------------------------- the network
def network(torch, x, w1, b1, w2, b2):
    lin1, lin2 = torch.nn.Linear(len(w1[0]), len(w1)), torch.nn.Linear(len(w2[0]), len(w2))
    with torch.no_grad():
        lin1.weight.copy_(torch.tensor(w1))
        lin1.bias.copy_(torch.tensor(b1))
        lin2.weight.copy_(torch.tensor(w2))
        lin2.bias.copy_(torch.tensor(b2))
    return lin1, lin2, torch.tensor(x)


def activation(torch, F, name: str):
    return {
        "identity": lambda z: z,
        "sigmoid": torch.sigmoid,
        "tanh": torch.tanh,
        "relu": F.relu,
        "leaky-relu": F.leaky_relu,  # default negative_slope 0.01
        "softmax": lambda z: torch.softmax(z, dim=-1),
    }[name]


def shapes() -> list[tuple[int, int, int, int]]:
    """(samples, inputs, hidden, outputs); samples 0 means one sample given as a flat list."""
    return [(0, 2, 2, 1), (0, 2, 3, 2), (0, 3, 2, 3), (3, 2, 2, 1), (2, 3, 4, 2), (4, 2, 3, 3)]


def forward_cases(torch, F, tv: str, rng: random.Random) -> None:
    hidden = ["identity", "sigmoid", "tanh", "relu", "leaky-relu"]
    outputs = ["identity", "sigmoid", "softmax"]
    i = 0
    for h in hidden:
        for o in outputs:
            n, d, k, m = shapes()[i % len(shapes())]
            i += 1
            m = max(m, 2) if o == "softmax" else m
            x = nice(rng, d) if n == 0 else nice(rng, n, d)
            w1, b1, w2, b2 = nice(rng, k, d), nice(rng, k), nice(rng, m, k), nice(rng, m)
            lin1, lin2, xt = network(torch, x, w1, b1, w2, b2)
            y = activation(torch, F, o)(lin2(activation(torch, F, h)(lin1(xt))))
            inputs = {"x": x, "w1": w1, "b1": b1, "w2": w2, "b2": b2, "hidden": h, "output": o}
            add("forward", inputs, plain(y), f"torch.nn.Linear ×2 {tv}, hidden {h}, output {o}")


# ---------------------------------------------------------------- backprop
def backprop_case(torch, F, tv, inputs: dict, targets_for_torch=None) -> None:
    loss, out, hid = inputs["loss"], inputs.get("output"), inputs.get("hidden", "relu")
    out = out or {"mse": "identity", "bce": "sigmoid", "cce": "softmax"}[loss]
    lin1, lin2, xt = network(torch, inputs["x"], inputs["w1"], inputs["b1"], inputs["w2"], inputs["b2"])
    z2 = lin2(activation(torch, F, hid)(lin1(xt)))
    yhat = activation(torch, F, out)(z2)
    y = torch.tensor(inputs["y_true"]) if targets_for_torch is None else targets_for_torch
    if loss == "mse":
        value = F.mse_loss(yhat, y.reshape(yhat.shape))
    elif loss == "bce":
        value = F.binary_cross_entropy(yhat, y.reshape(yhat.shape))
    else:
        value = F.cross_entropy(z2, y)
    value.backward()
    param = {"w1": lin1.weight, "b1": lin1.bias, "w2": lin2.weight, "b2": lin2.bias}[inputs["wrt"]]
    fn = {"mse": "mse_loss", "bce": "binary_cross_entropy", "cce": "cross_entropy"}[loss]
    src = f"autograd {tv}: F.{fn}(reduction='mean'), hidden {hid}, output {out}, ∂L/∂{inputs['wrt']}"
    add("backprop", inputs, plain(param.grad), src)


def backprop_cases(torch, F, tv: str, rng: random.Random) -> None:
    wrts = ["w1", "b1", "w2", "b2"]
    hidden = ["relu", "sigmoid", "tanh", "leaky-relu", "identity"]
    plan = [("mse", "identity"), ("mse", "sigmoid"), ("mse", "softmax"), ("bce", None), ("cce", None)]
    i = 0
    for loss, out in plan:
        for j, wrt in enumerate(wrts):
            n, d, k, m = shapes()[i % len(shapes())]
            h = hidden[i % len(hidden)]
            i += 1
            m = max(m, 2) if (out == "softmax" or loss == "cce") else m
            x = nice(rng, d) if n == 0 else nice(rng, n, d)
            w1, b1, w2, b2 = nice(rng, k, d), nice(rng, k), nice(rng, m, k), nice(rng, m)
            rows = max(n, 1)
            if loss == "cce":
                classes = [rng.randrange(m) for _ in range(rows)]
                y = [[1.0 if c == cls else 0.0 for c in range(m)] for cls in classes]
            else:
                y = [[float(rng.randrange(2)) for _ in range(m)] for _ in range(rows)]
                if loss == "mse" and out == "identity":
                    y = nice(rng, rows, m)
            y_in = y[0] if n == 0 else y
            inputs = {"x": x, "w1": w1, "b1": b1, "w2": w2, "b2": b2, "hidden": h}
            if out is not None and j % 2 == 0:
                inputs["output"] = out
            if loss == "bce" and j == 1:
                inputs["output"] = "sigmoid"
            inputs |= {"y_true": y_in, "loss": loss, "wrt": wrt}
            backprop_case(torch, F, tv, inputs)
    # CCE with class indices on the torch side: the engine takes the same targets one-hot
    x, w1, b1, w2, b2 = (
        [[1.0, 0.5], [-0.5, 2.0]],
        [[0.3, -0.2], [0.1, 0.4]],
        [0.1, -0.1],
        nice(rng, 3, 2),
        [0.0] * 3,
    )
    onehot, idx = [[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]], torch.tensor([2, 0])
    for wrt in ("w2", "b1"):
        inputs = {"x": x, "w1": w1, "b1": b1, "w2": w2, "b2": b2, "hidden": "tanh"}
        backprop_case(torch, F, tv, inputs | {"y_true": onehot, "loss": "cce", "wrt": wrt}, idx)
    # autograd's choice at a kink: ReLU′(0) = 0 and LeakyReLU′(0) = 0.01 (z₁ = [0, 1])
    for h in ("relu", "leaky-relu"):
        inputs = {"x": [1.0, 1.0], "w1": [[1.0, -1.0], [0.5, 0.5]], "b1": [0.0, 0.0], "w2": [[1.0, 2.0]]}
        inputs |= {"b2": [0.0], "hidden": h, "y_true": [0.5], "loss": "mse", "wrt": "w1"}
        backprop_case(torch, F, tv, inputs)
    # the hand-worked 2-2-1 networks of tests/engine/test_network.py
    relu_net = {"x": [1.0, 2.0], "w1": [[0.5, -0.5], [1.0, 0.5]], "b1": [0.0, -1.0], "w2": [[2.0, -1.0]]}
    relu_net |= {"b2": [0.5], "hidden": "relu", "y_true": [1.0], "loss": "mse"}
    sig_net = {"x": [1.0, 1.0], "w1": [[1.0, -1.0], [-1.0, 1.0]], "b1": [0.0, 0.0], "w2": [[1.0, 1.0]]}
    sig_net |= {"b2": [-1.0], "hidden": "sigmoid", "y_true": [1.0], "loss": "bce"}
    for net in (relu_net, sig_net):
        for wrt in wrts:
            backprop_case(torch, F, tv, net | {"wrt": wrt})


# ------------------------------------------------------- param-count, chain
def param_count_cases(torch, tv: str) -> None:
    for sizes, bias in [
        ([784, 128, 10], True),
        ([784, 128, 10], False),
        ([2, 2, 1], True),
        ([3, 4, 2], False),
        ([10, 64, 64, 3], True),
        ([4, 1], True),
    ]:
        layers = [torch.nn.Linear(n, m, bias=bias) for n, m in zip(sizes, sizes[1:], strict=False)]
        total = sum(p.numel() for p in torch.nn.Sequential(*layers).parameters())
        src = f"sum(p.numel()) over nn.Sequential(nn.Linear(n, m, bias={bias}), ...) {tv}"
        add("param-count", {"layers": sizes, "bias": bias}, float(total), src)


def sigmoid_chain_cases(torch, tv: str) -> None:
    for zs, layers in [
        (0.0, 4),
        (0.0, 1),
        ([0.0, 1.0, -2.0], None),
        (2.0, 6),
        ([0.5, -0.5, 3.0, 0.0, 1.5], None),
    ]:
        n = layers or (len(zs) if isinstance(zs, list) else 1)
        values = zs if isinstance(zs, list) else [zs] * n
        z1 = torch.tensor(values[0], requires_grad=True)
        a = torch.sigmoid(z1)
        for z in values[1:]:  # weight 1, and a bias that makes the pre-activation the given z
            a = torch.sigmoid(a + (z - a.detach()))
        a.backward()
        inputs = {"z": zs} | ({"layers": layers} if layers else {})
        add(
            "sigmoid-chain",
            inputs,
            float(z1.grad),
            f"autograd {tv}: ∂a_N/∂z₁ through {n} torch.sigmoid layers",
        )


def main() -> None:
    import torch
    import torch.nn.functional as F

    torch.set_default_dtype(torch.float64)
    tv = f"torch {torch.__version__.split('+')[0]}"
    rng = random.Random(20261201)
    neuron_cases(torch, F, tv)
    forward_cases(torch, F, tv, rng)
    backprop_cases(torch, F, tv, rng)
    param_count_cases(torch, tv)
    sigmoid_chain_cases(torch, tv)
    names = sorted({c["name"] for c in CASES})
    data = {
        "generated_by": "tests/golden/make_golden_network.py",
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
