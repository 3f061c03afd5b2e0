"""The network calculations' entries in the registry: neuron, forward, backprop, param-count,
sigmoid-chain (metadata only, like :mod:`topa_quiz.engine.registry`, which appends them).

Matrices are ``batch`` parameters: rows separated by ';' on the command line, a list of rows
in Python and in a bank. A weight matrix has one row per unit, as torch.nn.Linear stores it.
"""

from __future__ import annotations

from .registry import Calc, Param

_CAPS = "At most 64 samples, inputs, hidden units and outputs (so at most 4,096 weights in a matrix)."
_HIDDEN = ("identity", "sigmoid", "tanh", "relu", "leaky-relu")
_LINEAR = "one row per unit, one column per input (torch.nn.Linear's weight); rows separated by ';'"

_NETWORK_PARAMS = (
    Param("x", "batch", "input x (one sample), or one sample per row separated by ';' (a batch)"),
    Param("w1", "batch", f"hidden layer's weights W₁: {_LINEAR}"),
    Param("b1", "vector", "hidden layer's biases b₁, one per hidden unit"),
    Param("w2", "batch", f"output layer's weights W₂: {_LINEAR} (a hidden unit's output is an input)"),
    Param("b2", "vector", "output layer's biases b₂, one per output"),
    Param("hidden", "choice", "hidden activation f (leaky-relu with slope 0.01)", "relu", choices=_HIDDEN),
)
_OUTPUTS = ("identity", "sigmoid", "softmax")

NETWORK_CALCS: tuple[Calc, ...] = (
    Calc(
        "neuron",
        "network:neuron",
        "network",
        "뉴런 neuron: z = w·x + b, y = f(z)",
        (
            Param("x", "vector", "inputs x"),
            Param("w", "vector", "weights w (one per input)"),
            Param("b", "number", "bias b", 0.0),
            Param(
                "activation",
                "choice",
                "activation f",
                "sigmoid",
                choices=("identity", "step", "sigmoid", "tanh", "relu", "leaky-relu"),
            ),
            Param("alpha", "number", "slope α for z < 0 (leaky-relu only)", 0.01, low=0),
            Param("threshold", "number", "threshold θ: step gives 1 if z > θ, else 0 (step only)", 0.0),
        ),
        "topa calc neuron --x 1,2 --w 0.5,-0.3 --b 0.1 --activation sigmoid",
        notes="ReLU′ and the step function follow PyTorch: step(θ) is 0, the unit fires only above θ. "
        "At most 64 inputs.",
    ),
    Calc(
        "forward",
        "network:forward",
        "network",
        "순전파 forward pass: ŷ = g(W₂·f(W₁x + b₁) + b₂), one hidden layer",
        (
            *_NETWORK_PARAMS,
            Param("output", "choice", "output activation g", "identity", choices=_OUTPUTS),
        ),
        'topa calc forward --x 1,2 --w1 "0.1,0.2;0.3,0.4" --b1 0,0 --w2 "0.5,-0.5" --b2 0.1',
        notes='torch.nn.Linear\'s convention: --w1 "0.1,0.2;0.3,0.4" is 2 hidden units × 2 inputs. '
        'A batch --x "1,2;3,4" gives one row of outputs per sample; one output is one number. ' + _CAPS,
    ),
    Calc(
        "backprop",
        "network_backprop:backprop",
        "network",
        "역전파 backpropagation: ∂L/∂W or ∂L/∂b of one hidden layer's network, by the chain rule",
        (
            *_NETWORK_PARAMS,
            Param(
                "output",
                "choice",
                "output activation g (default: identity for mse, sigmoid for bce, softmax for cce)",
                None,
                choices=_OUTPUTS,
            ),
            Param(
                "y_true",
                "batch",
                "targets y, one per output (one row per sample); cce: one-hot rows such as 0,0,1, "
                "not class indices",
            ),
            Param("loss", "choice", "loss L (mean reduction, as PyTorch)", choices=("mse", "bce", "cce")),
            Param("wrt", "choice", "the parameter to differentiate by", choices=("w1", "b1", "w2", "b2")),
        ),
        'topa calc backprop --x 1,2 --w1 "0.1,0.2;0.3,0.4" --b1 0,0 --w2 "0.5,-0.5" --b2 0.1 '
        "--y-true 1 --loss bce --wrt w1",
        notes="PyTorch's mean reduction: MSE and BCE average over every output element, CCE over "
        "the samples. BCE takes a sigmoid output and CCE a softmax output (the default for each); "
        "CCE targets are one-hot rows (or probabilities summing to 1). The gradient has the shape "
        "of --wrt (a list of rows for w1, w2). " + _CAPS,
    ),
    Calc(
        "param-count",
        "network:param_count",
        "network",
        "파라미터 수 parameters of fully connected layers: Σ (n·m + m)",
        (
            Param("layers", "vector", "sizes: inputs, then each layer's units (784,128,10)"),
            Param("bias", "flag", "count the biases (--no-bias: weights only)", True),
        ),
        "topa calc param-count --layers 784,128,10",
        notes="A fully connected layer from n inputs to m units has n·m weights and m biases, "
        "as torch.nn.Linear. At most 50 sizes, each at most 1,000,000.",
    ),
    Calc(
        "sigmoid-chain",
        "network:sigmoid_chain",
        "activation",
        "기울기 소멸 vanishing gradient: ∏ σ′(zᵢ) reaching the first of N sigmoid layers",
        (
            Param(
                "z", "vector", "pre-activation zᵢ of each sigmoid layer (one value: the same for all)", 0.0
            ),
            Param(
                "layers",
                "int",
                "number of sigmoid layers N (default: one per --z value)",
                None,
                low=1,
                high=100,
            ),
        ),
        "topa calc sigmoid-chain --layers 4 --z 0",
        notes="N sigmoid layers joined by weights 1: ∂a_N/∂z₁ = σ′(z₁)·σ′(z₂)·…·σ′(z_N), one factor "
        "per layer. σ′ ≤ 0.25 (at z = 0), so the product shrinks at least 4× per layer: "
        "at most 0.25ᴺ. At most 100 layers.",
    ),
)

#: concept-file spellings (shared/concepts-beyond.yaml) of the network calculations
NETWORK_ALIASES: dict[str, str] = {
    "param_count": "param-count",
    "sigmoid_chain": "sigmoid-chain",
    "forward_pass": "forward",
    "backpropagation": "backprop",
}

# The registry's own tables with the network calculations appended: registry.py imports these
# three back under the same names, after defining its own (one line, at the end of its tables).
from .registry import ALIASES as _ALIASES  # noqa: E402
from .registry import BY_NAME as _BY_NAME  # noqa: E402
from .registry import CALCS as _CALCS  # noqa: E402

CALCS: tuple[Calc, ...] = _CALCS + NETWORK_CALCS
BY_NAME: dict[str, Calc] = {**_BY_NAME, **{c.name: c for c in NETWORK_CALCS}}
ALIASES: dict[str, str] = {**_ALIASES, **NETWORK_ALIASES}
