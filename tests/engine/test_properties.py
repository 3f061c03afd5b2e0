"""Properties that hold for every input, and hand-derived values."""

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from topa_quiz.engine import EngineError, compute

reals = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
vectors = st.lists(st.floats(min_value=-50, max_value=50, allow_nan=False), min_size=1, max_size=8)


@given(reals)
def test_sigmoid_in_unit_interval_and_symmetric(x):
    s = compute("sigmoid", x=x).result
    assert 0.0 <= s <= 1.0
    assert compute("sigmoid", x=-x).result == pytest.approx(1 - s, abs=1e-12)


@given(reals)
def test_sigmoid_derivative_never_exceeds_quarter(x):
    assert 0.0 <= compute("sigmoid-derivative", x=x).result <= 0.25


@given(reals)
def test_tanh_derivative_at_most_one(x):
    assert 0.0 <= compute("tanh-derivative", x=x).result <= 1.0


@given(vectors)
def test_softmax_sums_to_one_and_is_shift_invariant(xs):
    p = np.array(compute("softmax", x=xs).result)
    assert p.sum() == pytest.approx(1.0, abs=1e-12)
    shifted = np.array(compute("softmax", x=[v + 123.0 for v in xs]).result)
    np.testing.assert_allclose(shifted, p, rtol=1e-9, atol=1e-12)


@given(vectors)
def test_relu_is_nonnegative_and_leaky_keeps_sign(xs):
    r = compute("relu", x=xs).result
    lk = compute("leaky-relu", x=xs, alpha=0.1).result
    for x, a, b in zip(xs, r, lk, strict=True):
        assert a >= 0 and a == max(x, 0)
        assert b == (x if x >= 0 else 0.1 * x)


@given(st.lists(st.floats(0, 1), min_size=1, max_size=6), st.data())
def test_bce_is_finite_and_nonnegative(ps, data):
    ys = data.draw(st.lists(st.sampled_from([0.0, 1.0]), min_size=len(ps), max_size=len(ps)))
    loss = compute("bce", y_true=ys, y_pred=ps).result
    assert math.isfinite(loss) and 0 <= loss <= 100


@settings(max_examples=50)
@given(st.floats(-5, 5), st.floats(0.01, 10))
def test_adam_first_step_moves_by_lr(g, lr):
    """With bias correction m̂₁ = g and v̂₁ = g², so step 1 is lr·g/(|g| + ε):
    about lr in size, whatever |g| is, and never more than lr."""
    if abs(g) < 1e-3:
        return
    theta = compute("adam", param=0.0, grad=[g], lr=lr).result
    assert theta == pytest.approx(-lr * g / (abs(g) + 1e-8), rel=1e-9)
    assert abs(theta) <= lr
    assert theta == pytest.approx(-lr * math.copysign(1, g), rel=1e-5)


def test_extreme_inputs_are_exact_and_warning_free():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert compute("sigmoid", x=-1000.0).result == 0.0
        assert compute("sigmoid", x=1000.0).result == 1.0
        assert compute("softmax", x=[1000, 1001, 1002]).result == compute("softmax", x=[0, 1, 2]).result
        assert compute("bce", y_true=[1, 0], y_pred=[0.0, 1.0]).result == pytest.approx(100.0)
        assert compute("bce-logits", y_true=[1], y_pred=[-1000.0]).result == pytest.approx(1000.0)


# Hand derivations -----------------------------------------------------------
HAND = [
    # σ(0) = 1/(1+e^0) = 1/2
    ("sigmoid", {"x": 0.0}, 0.5),
    # σ'(0) = σ(0)(1-σ(0)) = 0.5·0.5
    ("sigmoid-derivative", {"x": 0.0}, 0.25),
    # tanh'(0) = 1 - 0²
    ("tanh-derivative", {"x": 0.0}, 1.0),
    # f(f(f(x))) with a=2: 2³·1.5 = 12
    ("linear-composition", {"a": 2, "layers": 3, "x": 1.5}, 12.0),
    # AND gate, x=(1,1): 0.5+0.5-0.7 = 0.3 > 0 → 1 ; x=(1,0): -0.2 → 0
    ("perceptron", {"x": [1, 1], "w": [0.5, 0.5], "b": -0.7}, 1.0),
    ("perceptron", {"x": [1, 0], "w": [0.5, 0.5], "b": -0.7}, 0.0),
    # z exactly at the threshold is not above it: step(0) = 0
    ("step", {"x": 0.0}, 0.0),
    # MSE: errors 0.5, 0, -1 → (0.25+0+1)/3
    ("mse", {"y_true": [1, 2, 3], "y_pred": [1.5, 2, 2]}, 1.25 / 3),
    ("mse", {"y_true": [1, 2, 3], "y_pred": [1.5, 2, 2], "reduction": "sum"}, 1.25),
    # MAE: (0.5+0+1)/3
    ("mae", {"y_true": [1, 2, 3], "y_pred": [1.5, 2, 2]}, 0.5),
    # R²: SS_res = 1.25, SS_tot = 2 → 1 - 0.625
    ("r2", {"y_true": [1, 2, 3], "y_pred": [1.5, 2, 2]}, 0.375),
    # BCE, one sample y=1, p=0.5: -ln 0.5
    ("bce", {"y_true": [1], "y_pred": [0.5]}, math.log(2)),
    # CCE one-hot: -ln 0.7
    ("cce", {"y_true": [0, 1, 0], "y_pred": [0.2, 0.7, 0.1]}, -math.log(0.7)),
    # GD: 1 - 0.1·0.5
    ("gd", {"param": 1.0, "grad": [0.5], "lr": 0.1}, 0.95),
    # Momentum μ=0.9: b1 = 0.5, θ1 = 0.95; b2 = 0.9·0.5+0.5 = 0.95, θ2 = 0.95-0.095
    ("momentum", {"param": 1.0, "grad": [0.5, 0.5], "lr": 0.1}, 0.855),
    # Adagrad: G = 0.25, θ = 1 - 0.1·0.5/(0.5+1e-10)
    ("adagrad", {"param": 1.0, "grad": [0.5], "lr": 0.1}, 1 - 0.1 * 0.5 / (0.5 + 1e-10)),
    # RMSprop ρ=0.99: v = 0.01·0.25 = 0.0025, √v = 0.05, θ = 1 - 0.01·0.5/(0.05+1e-8)
    ("rmsprop", {"param": 1.0, "grad": [0.5]}, 1 - 0.01 * 0.5 / (0.05 + 1e-8)),
    # Adam step 1: m̂ = g, v̂ = g² → θ = 1 - 0.1·0.5/(0.5+1e-8)
    ("adam", {"param": 1.0, "grad": [0.5], "lr": 0.1}, 1 - 0.1 * 0.5 / (0.5 + 1e-8)),
    # Adam without bias correction, step 1: m = 0.05, v = 0.00025, √v = 0.0158114
    (
        "adam",
        {"param": 1.0, "grad": [0.5], "lr": 0.1, "bias_correction": False},
        1 - 0.1 * 0.05 / (math.sqrt(0.00025) + 1e-8),
    ),
    # AdamW λ=0.1: θ·(1 - 0.1·0.1) = 0.99, then the Adam step of ≈0.1
    ("adamw", {"param": 1.0, "grad": [0.5], "lr": 0.1, "weight_decay": 0.1}, 0.99 - 0.1 * 0.5 / (0.5 + 1e-8)),
    # L1: 0.01·(0.5+1+2); L2: 0.01·(0.25+1+4); half: /2
    ("l1", {"w": [0.5, -1, 2], "lam": 0.01}, 0.035),
    ("l2", {"w": [0.5, -1, 2], "lam": 0.01}, 0.0525),
    ("l2", {"w": [0.5, -1, 2], "lam": 0.01, "half": True}, 0.02625),
    # dropout p = 0.2: 1/0.8
    ("dropout", {"p": 0.2}, 1.25),
]


@pytest.mark.parametrize(("name", "params", "expected"), HAND)
def test_hand_derived(name, params, expected):
    assert compute(name, **params).result == pytest.approx(expected, rel=1e-12, abs=1e-12)


def test_adam_steps_show_every_state():
    labels = [s.label for s in compute("adam", param=1.0, grad=[0.5, 0.2], lr=0.1).steps]
    for want in ("g₁", "m₁", "v₁", "m̂₁", "v̂₁", "θ₁", "g₂", "m₂", "v₂", "m̂₂", "v̂₂", "θ₂"):
        assert want in labels


@pytest.mark.parametrize(
    ("name", "params", "param"),
    [
        ("sigmoid", {"x": float("nan")}, "x"),
        ("sigmoid", {"x": "abc"}, "x"),
        ("dropout", {"p": 1.0}, "p"),
        ("dropout", {"p": -0.1}, "p"),
        ("gd", {"param": 1, "grad": [1], "lr": -0.1}, "lr"),
        ("bce", {"y_true": [1], "y_pred": [1.5]}, "y_pred"),
        ("mse", {"y_true": [1, 2], "y_pred": [1]}, "y_pred"),
        ("r2", {"y_true": [2, 2], "y_pred": [1, 2]}, "y_true"),
        ("adam", {"param": [1, 2], "grad": [[1, 2, 3]]}, "grad"),
        ("momentum", {"param": 1, "grad": [1], "lr": 0.1, "nesterov": True, "dampening": 0.5}, "nesterov"),
        ("sigmoid", {"y": 1}, "y"),
        ("sigmoyd", {"x": 1}, "name"),
    ],
)
def test_bad_inputs_name_the_parameter(name, params, param):
    with pytest.raises(EngineError) as err:
        compute(name, **params)
    assert err.value.param == param
