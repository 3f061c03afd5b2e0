"""Backprop's gradient is the slope of its own loss: central differences agree with it on
random small networks (every hidden activation, output, loss and parameter; batches too)."""

from __future__ import annotations

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from topa_quiz.engine import compute

VALUES = st.integers(-20, 20).map(lambda v: v / 10)


def matrix(draw, rows: int, cols: int) -> list[list[float]]:
    return [[draw(VALUES) for _ in range(cols)] for _ in range(rows)]


@st.composite
def networks(draw) -> dict:
    n, d, k, m = (
        draw(st.integers(1, 3)),
        draw(st.integers(1, 3)),
        draw(st.integers(1, 3)),
        draw(st.integers(1, 3)),
    )
    loss = draw(st.sampled_from(["mse", "bce", "cce"]))
    output = {"bce": "sigmoid", "cce": "softmax"}.get(loss) or draw(
        st.sampled_from(["identity", "sigmoid", "softmax"])
    )
    m = max(m, 2) if output == "softmax" else m
    if loss == "mse":
        y = matrix(draw, n, m)
    elif loss == "bce":
        y = [[draw(st.sampled_from([0.0, 0.25, 1.0])) for _ in range(m)] for _ in range(n)]
    else:
        y = [
            [1.0 if j == c else 0.0 for j in range(m)]
            for c in (draw(st.integers(0, m - 1)) for _ in range(n))
        ]
    x = matrix(draw, n, d)
    net = {"x": x if n > 1 else x[0], "w1": matrix(draw, k, d), "b1": matrix(draw, 1, k)[0]}
    net |= {"w2": matrix(draw, m, k), "b2": matrix(draw, 1, m)[0], "output": output}
    net |= {"hidden": draw(st.sampled_from(["identity", "sigmoid", "tanh", "relu", "leaky-relu"]))}
    return net | {"y_true": y if n > 1 else y[0], "loss": loss}


def loss_of(net: dict) -> float:
    calc = compute("backprop", **net, wrt="b2")
    return next(s.value for s in calc.steps if s.label.startswith("L ="))


@settings(max_examples=80, deadline=None)
@given(networks(), st.sampled_from(["w1", "b1", "w2", "b2"]), st.data())
def test_gradient_matches_central_differences(net: dict, wrt: str, data) -> None:
    z1 = np.asarray(
        compute("forward", **{k: v for k, v in net.items() if k not in ("y_true", "loss")}).steps[0].value
    )
    assume(net["hidden"] not in ("relu", "leaky-relu") or np.abs(z1).min() > 1e-3)  # away from the kink
    grad = np.asarray(compute("backprop", **net, wrt=wrt).result, dtype=float).reshape(-1)
    param = np.asarray(net[wrt], dtype=float)
    i = data.draw(st.integers(0, param.size - 1))
    # 1e-4, not smaller: near a saturated sigmoid (z ≈ 11, 1 − p ≈ 1.5e-5) ln(1 − p) loses digits,
    # and a tinier step turns that rounding into a wrong slope (the analytic value is the right one)
    eps = 1e-4
    slopes = []
    for sign in (1, -1):
        moved = param.reshape(-1).copy()
        moved[i] += sign * eps
        slopes.append(loss_of(net | {wrt: moved.reshape(param.shape).tolist()}))
    numeric = (slopes[0] - slopes[1]) / (2 * eps)
    assert abs(grad[i] - numeric) <= 1e-6 + 1e-4 * abs(numeric), (wrt, i, grad[i], numeric)
