"""The network calculations' entries in the registry: neuron, forward, backprop, param-count,
sigmoid-chain (metadata only, like :mod:`topa_quiz.engine.registry`, which appends them).

Matrices are ``batch`` parameters: rows separated by ';' on the command line, a list of rows
in Python and in a bank. A weight matrix has one row per unit, as torch.nn.Linear stores it.
"""

from __future__ import annotations

from .registry import Calc, Param

_HIDDEN = ("identity", "sigmoid", "tanh", "relu", "leaky-relu")
_OUTPUTS = ("identity", "sigmoid", "softmax")

_NETWORK_PARAMS = (
    Param("x", "batch", "calc.param.net_x"),
    Param("w1", "batch", "calc.param.net_w1"),
    Param("b1", "vector", "calc.param.net_b1"),
    Param("w2", "batch", "calc.param.net_w2"),
    Param("b2", "vector", "calc.param.net_b2"),
    Param("hidden", "choice", "calc.param.net_hidden", "relu", choices=_HIDDEN),
)

# Each calculation's summary and notes are the catalog's calc.NAME.summary and calc.NAME.notes
# (i18n/ko/engine.py, i18n/en/engine.py), as for the registry's own calculations.
NETWORK_CALCS: tuple[Calc, ...] = (
    Calc(
        "neuron",
        "network:neuron",
        "network",
        (
            Param("x", "vector", "calc.param.inputs"),
            Param("w", "vector", "calc.param.weights"),
            Param("b", "number", "calc.param.bias", 0.0),
            Param(
                "activation",
                "choice",
                "calc.param.net_activation",
                "sigmoid",
                choices=("identity", "step", "sigmoid", "tanh", "relu", "leaky-relu"),
            ),
            Param("alpha", "number", "calc.param.net_alpha", 0.01, low=0),
            Param("threshold", "number", "calc.param.net_threshold", 0.0),
        ),
        "topa calc neuron --x 1,2 --w 0.5,-0.3 --b 0.1 --activation sigmoid",
    ),
    Calc(
        "forward",
        "network:forward",
        "network",
        (*_NETWORK_PARAMS, Param("output", "choice", "calc.param.net_output", "identity", choices=_OUTPUTS)),
        'topa calc forward --x 1,2 --w1 "0.1,0.2;0.3,0.4" --b1 0,0 --w2 "0.5,-0.5" --b2 0.1',
    ),
    Calc(
        "backprop",
        "network_backprop:backprop",
        "network",
        (
            *_NETWORK_PARAMS,
            Param("output", "choice", "calc.param.net_backprop_output", None, choices=_OUTPUTS),
            Param("y_true", "batch", "calc.param.net_y_true"),
            Param("loss", "choice", "calc.param.net_loss", choices=("mse", "bce", "cce")),
            Param("wrt", "choice", "calc.param.net_wrt", choices=("w1", "b1", "w2", "b2")),
        ),
        'topa calc backprop --x 1,2 --w1 "0.1,0.2;0.3,0.4" --b1 0,0 --w2 "0.5,-0.5" --b2 0.1 '
        "--y-true 1 --loss bce --wrt w1",
    ),
    Calc(
        "param-count",
        "network:param_count",
        "network",
        (
            Param("layers", "vector", "calc.param.net_layers"),
            Param("bias", "flag", "calc.param.net_bias", True),
        ),
        "topa calc param-count --layers 784,128,10",
    ),
    Calc(
        "sigmoid-chain",
        "network:sigmoid_chain",
        "activation",
        (
            Param("z", "vector", "calc.param.net_z", 0.0),
            Param("layers", "int", "calc.param.net_chain_layers", None, low=1, high=100),
        ),
        "topa calc sigmoid-chain --layers 4 --z 0",
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
