"""Hand-derived values of the network calculations, their worked steps and their errors.

Each network below is small enough to work with pencil and paper; the derivation is in the
comments. (PyTorch's values for many more cases: test_network_golden.py.)
"""

from __future__ import annotations

import math

import pytest

from topa_quiz.engine import EngineError, compute

# ------------------------------------------------------------ 2-2-1, ReLU, MSE
# x = [1, 2], W₁ = [[0.5, −0.5], [1, 0.5]], b₁ = [0, −1]
#   z₁ = [0.5 − 1 + 0, 1 + 1 − 1] = [−0.5, 1],  h = ReLU(z₁) = [0, 1]
# W₂ = [[2, −1]], b₂ = [0.5]:  z₂ = 2·0 − 1·1 + 0.5 = −0.5 = ŷ (identity output)
# y = 1, MSE:  L = (−0.5 − 1)² = 2.25,  δ₂ = 2(ŷ − y)/1 = −3
#   ∂L/∂W₂ = δ₂hᵀ = [[0, −3]],  ∂L/∂b₂ = −3
#   ∂L/∂h = W₂ᵀδ₂ = [−6, 3],  ReLU′(z₁) = [0, 1],  δ₁ = [0, 3]
#   ∂L/∂W₁ = δ₁xᵀ = [[0, 0], [3, 6]],  ∂L/∂b₁ = [0, 3]
RELU_NET = {"x": [1, 2], "w1": [[0.5, -0.5], [1, 0.5]], "b1": [0, -1], "w2": [[2, -1]], "b2": [0.5]}
RELU_MSE = RELU_NET | {"hidden": "relu", "y_true": [1], "loss": "mse"}

# ------------------------------------------------------ 2-2-1, sigmoid, BCE
# x = [1, 1], W₁ = [[1, −1], [−1, 1]], b₁ = 0:  z₁ = [0, 0],  h = σ(0) = [0.5, 0.5]
# W₂ = [[1, 1]], b₂ = [−1]:  z₂ = 0,  ŷ = σ(0) = 0.5;  y = 1:  L = −ln 0.5 = ln 2
#   δ₂ = ŷ − y = −0.5 (σ′ cancels against BCE's derivative)
#   ∂L/∂W₂ = −0.5·[0.5, 0.5] = [[−0.25, −0.25]],  ∂L/∂b₂ = −0.5
#   ∂L/∂h = [−0.5, −0.5],  σ′(z₁) = 0.5·0.5 = [0.25, 0.25],  δ₁ = [−0.125, −0.125]
#   ∂L/∂W₁ = δ₁xᵀ = [[−0.125, −0.125], [−0.125, −0.125]],  ∂L/∂b₁ = [−0.125, −0.125]
SIG_BCE = {"x": [1, 1], "w1": [[1, -1], [-1, 1]], "b1": [0, 0], "w2": [[1, 1]], "b2": [-1]}
SIG_BCE |= {"hidden": "sigmoid", "y_true": [1], "loss": "bce"}

# ----------------------------------------------- batch of 2, softmax, CCE
# X = I (two samples), W₁ = I, b₁ = 0, identity hidden: H = X;  W₂ = 0, b₂ = 0:  Z₂ = 0
# Ŷ = softmax(0, 0) = [0.5, 0.5] per row;  Y = [[1, 0], [0, 1]]:  L = ln 2 (mean over 2 samples)
#   Δ₂ = (Ŷ − Y)/2 = [[−0.25, 0.25], [0.25, −0.25]]
#   ∂L/∂W₂ = Δ₂ᵀH = Δ₂ᵀ = [[−0.25, 0.25], [0.25, −0.25]],  ∂L/∂b₂ = Σ rows = [0, 0]
#   Δ₁ = (Δ₂W₂) ⊙ 1 = 0, so ∂L/∂W₁ = 0
BATCH_CCE = {"x": [[1, 0], [0, 1]], "w1": [[1, 0], [0, 1]], "b1": [0, 0], "w2": [[0, 0], [0, 0]]}
BATCH_CCE |= {"b2": [0, 0], "hidden": "identity", "y_true": [[1, 0], [0, 1]], "loss": "cce"}

HAND = [
    (RELU_MSE, "w2", [[0.0, -3.0]]),
    (RELU_MSE, "b2", -3.0),
    (RELU_MSE, "w1", [[0.0, 0.0], [3.0, 6.0]]),
    (RELU_MSE, "b1", [0.0, 3.0]),
    (SIG_BCE, "w2", [[-0.25, -0.25]]),
    (SIG_BCE, "b2", -0.5),
    (SIG_BCE, "w1", [[-0.125, -0.125], [-0.125, -0.125]]),
    (SIG_BCE, "b1", [-0.125, -0.125]),
    (BATCH_CCE, "w2", [[-0.25, 0.25], [0.25, -0.25]]),
    (BATCH_CCE, "b2", [0.0, 0.0]),
    (BATCH_CCE, "w1", [[0.0, 0.0], [0.0, 0.0]]),
]


@pytest.mark.parametrize(("net", "wrt", "expected"), HAND)
def test_backprop_by_hand(net: dict, wrt: str, expected) -> None:
    # every number here is a short binary fraction: the engine must hit it exactly
    assert compute("backprop", **net, wrt=wrt).result == expected


def _step(calc, start: str):
    return next(s for s in calc.steps if s.label.startswith(start))


def test_forward_pass_by_hand() -> None:
    calc = compute("forward", **RELU_NET)
    assert calc.result == -0.5
    assert [s.value for s in calc.steps] == [[-0.5, 1.0], [0.0, 1.0], -0.5, -0.5]
    assert [s.label for s in calc.steps] == ["z₁ = W₁x + b₁", "h = ReLU(z₁)", "z₂ = W₂h + b₂", "ŷ = z₂"]
    assert calc.steps[0].formula == "[0.5·1 + (-0.5)·2 + 0, 1·1 + 0.5·2 + (-1)]"


def test_forward_batch_gives_a_row_per_sample() -> None:
    # X = I, W₁ = I, b₁ = 0, ReLU: H = I;  W₂ = [[1, 2]], b₂ = 0.5:  ŷ = [1.5, 2.5] as rows
    calc = compute("forward", x=[[1, 0], [0, 1]], w1=[[1, 0], [0, 1]], b1=[0, 0], w2=[[1, 2]], b2=[0.5])
    assert calc.result == [[1.5], [2.5]]
    assert calc.steps[0].label == "Z₁ = XW₁ᵀ + b₁"


def test_backprop_steps_write_out_the_chain_rule() -> None:
    calc = compute("backprop", **RELU_MSE, wrt="w1")
    labels = [s.label for s in calc.steps]
    assert labels == [
        "z₁ = W₁x + b₁",
        "h = ReLU(z₁)",
        "z₂ = W₂h + b₂",
        "ŷ = z₂",
        "L = (1/n)·Σ(ŷ − y)²",
        "δ₂ = 2(ŷ − y)/n",
        "∂L/∂W₂ = δ₂hᵀ",
        "∂L/∂b₂ = δ₂",
        "∂L/∂h = W₂ᵀδ₂",
        "ReLU′(z₁)",
        "δ₁ = ∂L/∂h ⊙ ReLU′(z₁)",
        "∂L/∂W₁ = δ₁xᵀ",
        "∂L/∂b₁ = δ₁",
    ]
    values = [s.value for s in calc.steps[4:]]
    assert values == [
        2.25,
        -3.0,
        [[0.0, -3.0]],
        -3.0,
        [-6.0, 3.0],
        [0.0, 1.0],
        [0.0, 3.0],
        [[0.0, 0.0], [3.0, 6.0]],
        [0.0, 3.0],
    ]
    # the output layer's gradient is all the steps it needs
    assert len(compute("backprop", **RELU_MSE, wrt="b2").steps) == 8


def test_bce_loss_is_ln2_and_uses_the_natural_log() -> None:
    calc = compute("backprop", **SIG_BCE, wrt="b2")
    assert _step(calc, "L =").value == pytest.approx(math.log(2), abs=1e-15)
    assert _step(calc, "ŷ = σ(z₂)").value == 0.5  # the default output for BCE is sigmoid
    assert _step(calc, "δ₂").label == "δ₂ = (ŷ − y)/n"


def test_the_default_output_follows_the_loss() -> None:
    # the same logits z₂ = [0, 0]: softmax under CCE (ŷ = 0.5 each), identity under MSE (ŷ = 0)
    net = {"x": [1], "w1": [[1]], "b1": [0], "w2": [[0], [0]], "b2": [0, 0], "wrt": "b2"}
    assert _step(compute("backprop", **net, y_true=[1, 0], loss="cce"), "ŷ").value == [0.5, 0.5]
    assert _step(compute("backprop", **net, y_true=[1, 0], loss="mse"), "ŷ").value == [0.0, 0.0]


def test_mse_through_a_sigmoid_output_multiplies_by_its_slope() -> None:
    # the BCE network with MSE instead: ŷ = 0.5, ∂L/∂ŷ = 2(0.5 − 1) = −1, σ′ = 0.25: δ₂ = −0.25
    net = SIG_BCE | {"loss": "mse", "output": "sigmoid"}
    assert compute("backprop", **net, wrt="b2").result == -0.25


def test_mse_through_softmax_applies_its_jacobian() -> None:
    # z₂ = [0, 0], ŷ = [0.5, 0.5], y = [1, 0]: g = 2(ŷ − y)/2 = [−0.5, 0.5], Σ ŷg = 0
    # δ₂ = ŷ ⊙ (g − 0) = [−0.25, 0.25]
    net = {"x": [1], "w1": [[1]], "b1": [0], "w2": [[0], [0]], "b2": [0, 0], "output": "softmax"}
    assert compute("backprop", **net, y_true=[1, 0], loss="mse", wrt="b2").result == [-0.25, 0.25]


def test_one_output_batch_takes_targets_on_one_line() -> None:
    net = {
        "x": [[1, 2], [0, 0]],
        "w1": [[1, 0]],
        "b1": [0],
        "w2": [[1]],
        "b2": [0],
        "loss": "mse",
        "wrt": "b2",
    }
    as_rows = compute("backprop", **net, y_true=[[0], [1]]).result
    # ŷ = [1, 0], y = [0, 1]: ∂L/∂b₂ = Σ 2(ŷ − y)/2 = (2 − 2)/2 = 0
    assert as_rows == compute("backprop", **net, y_true=[0, 1]).result == 0.0


# ------------------------------------------------------------------ neuron
@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        # z = 0.5 + 0.5 − 1 = 0: σ(0) = 0.5, tanh(0) = 0, identity 0
        ({"x": [1, 1], "w": [0.5, 0.5], "b": -1}, 0.5),
        ({"x": [1, 1], "w": [0.5, 0.5], "b": -1, "activation": "tanh"}, 0.0),
        # z = −1 − 2 + 0.5 = −2.5: ReLU 0, leaky 0.01·(−2.5) = −0.025, α = 0.2: −0.5
        ({"x": [1, 2], "w": [-1, -1], "b": 0.5, "activation": "relu"}, 0.0),
        ({"x": [1, 2], "w": [-1, -1], "b": 0.5, "activation": "leaky-relu"}, -0.025),
        ({"x": [1, 2], "w": [-1, -1], "b": 0.5, "activation": "leaky-relu", "alpha": 0.2}, -0.5),
        ({"x": [1, 2], "w": [-1, -1], "b": 0.5, "activation": "identity"}, -2.5),
        # z = 1 = θ: the step fires only above θ
        ({"x": [1, 1], "w": [0.5, 0.5], "activation": "step", "threshold": 1}, 0.0),
        ({"x": [1, 1], "w": [0.5, 0.75], "activation": "step", "threshold": 1}, 1.0),
    ],
)
def test_neuron_by_hand(inputs: dict, expected: float) -> None:
    assert compute("neuron", **inputs).result == pytest.approx(expected, abs=1e-15)


def test_neuron_sigmoid_step_is_written_as_the_definition() -> None:
    calc = compute("neuron", x=2, w=1, b=0)
    assert calc.steps[1].formula == "1/(1 + e^(-2)) = 1/(1 + 0.135335)"
    assert calc.steps[1].label == "y = σ(z)"


# ------------------------------------------------------ param-count, chain
@pytest.mark.parametrize(
    ("layers", "bias", "expected", "formulas"),
    [
        # 784·128 + 128 = 100480; 128·10 + 10 = 1290; total 101770
        ([784, 128, 10], True, 101770, ["784·128 + 128", "128·10 + 10", "100480 + 1290"]),
        ([784, 128, 10], False, 101632, ["784·128", "128·10", "100352 + 1280"]),
        ([2, 2, 1], True, 9, ["2·2 + 2", "2·1 + 1", "6 + 3"]),
    ],
)
def test_param_count_by_hand(layers, bias, expected, formulas) -> None:
    calc = compute("param-count", layers=layers, bias=bias)
    assert calc.result == expected
    assert [s.formula for s in calc.steps] == formulas


@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        ({"z": 0, "layers": 4}, 0.25**4),  # four factors σ′(0) = 1/4
        ({"z": [0, 0, 0, 0, 0, 0]}, 0.25**6),  # six layers: six factors, not five
        ({"z": 0}, 0.25),
    ],
)
def test_sigmoid_chain_by_hand(inputs: dict, expected: float) -> None:
    assert compute("sigmoid-chain", **inputs).result == expected


def test_sigmoid_chain_states_the_bound() -> None:
    calc = compute("sigmoid-chain", z=[0, 1, -2])
    assert calc.steps[-1].formula == "σ′ ≤ 0.25 ⇒ ∏σ′(zᵢ) ≤ 0.25³"
    assert calc.result < calc.steps[-1].value == 0.25**3


# ------------------------------------------------------------------ errors
BAD = [
    ("neuron", {"x": [1, 2], "w": [1]}, "w", "one weight per input"),
    ("neuron", {"x": [1], "w": [1], "activation": "softmax"}, "activation", "expected one of"),
    ("neuron", {"x": [1], "w": [1], "activation": "relu", "threshold": 1}, "threshold", "step"),
    ("neuron", {"x": [1], "w": [1], "activation": "relu", "alpha": 0.2}, "alpha", "leaky-relu"),
    ("neuron", {"x": [1] * 65, "w": [1] * 65}, "x", "at most 64"),
    ("forward", RELU_NET | {"w1": [[1, 2, 3]]}, "w1", "one row per unit"),
    ("forward", RELU_NET | {"b1": [0]}, "b1", "one bias per hidden unit"),
    ("forward", RELU_NET | {"w2": [[1, 2, 3]]}, "w2", "2 units"),
    ("forward", RELU_NET | {"b2": [0, 0]}, "b2", "one bias per output"),
    ("forward", RELU_NET | {"hidden": "step"}, "hidden", "expected one of"),
    ("forward", RELU_NET | {"output": "relu"}, "output", "expected one of"),
    ("forward", RELU_NET | {"output": "softmax"}, "output", "softmax over one output"),
    ("forward", RELU_NET | {"w1": [[1, 1]] * 65, "b1": [0] * 65, "w2": [[1] * 65]}, "w1", "at most 64"),
    ("backprop", RELU_MSE | {"wrt": "w3"}, "wrt", "expected one of"),
    ("backprop", RELU_MSE | {"wrt": "w1", "loss": "bce", "output": "identity"}, "output", "sigmoid"),
    ("backprop", BATCH_CCE | {"wrt": "w1", "output": "sigmoid"}, "output", "softmax"),
    ("backprop", BATCH_CCE | {"wrt": "w1", "y_true": [0, 1]}, "y_true", "one row per sample"),
    ("backprop", BATCH_CCE | {"wrt": "w1", "y_true": [[1, 1], [0, 1]]}, "y_true", "one-hot"),
    ("backprop", RELU_MSE | {"wrt": "w1", "y_true": [1, 2]}, "y_true", "one target per output"),
    ("backprop", SIG_BCE | {"wrt": "w1", "y_true": [2]}, "y_true", "[0, 1]"),
    ("backprop", RELU_MSE, "wrt", "required"),
    ("param-count", {"layers": 784}, "layers", "at least two sizes"),
    ("param-count", {"layers": [784, 12.5]}, "layers", "whole numbers"),
    ("param-count", {"layers": [784, 0, 10]}, "layers", "whole numbers"),
    ("sigmoid-chain", {"z": [0, 1], "layers": 3}, "layers", "one z per layer"),
    ("sigmoid-chain", {"z": 0, "layers": 101}, "layers", "<= 100"),
]


@pytest.mark.parametrize(
    ("name", "inputs", "param", "words"), BAD, ids=[f"{b[0]}-{b[2]}-{i}" for i, b in enumerate(BAD)]
)
def test_bad_input_names_the_parameter(name: str, inputs: dict, param: str, words: str) -> None:
    with pytest.raises(EngineError) as err:
        compute(name, **inputs)
    assert err.value.param == param
    assert words in err.value.message
    assert "\n" not in str(err.value)
