"""The catalogue of engine calculations: names, parameters, what can be drawn.

The registry is the one description of a calculation: the calc commands, completion, the
bank schema's name list, plots and the README's table all derive from it (:func:`names`,
:func:`topics`, :func:`markdown_table`). The words a learner reads (a calculation's summary
and notes, a parameter's help) live in the catalog (:mod:`topa_quiz.i18n`, module
``engine``) under ids derived from the names here: ``calc.NAME.summary``,
``calc.NAME.notes`` (optional) and each parameter's ``help_id``.

This module is metadata only: it imports neither NumPy nor the functions themselves, so
``topa --help``, ``topa calc --help`` and the bank validator's name checks stay cheap.
:func:`topa_quiz.engine.compute` resolves ``target`` lazily when a calculation runs.

The types, :class:`Param` and :class:`Calc`, are in :mod:`topa_quiz.engine.spec`.
"""

from __future__ import annotations

from dataclasses import replace

from .spec import METAVARS, REQUIRED, Calc, Param, catalog_text

__all__ = [
    "ALIASES",
    "BY_NAME",
    "CALCS",
    "METAVARS",
    "REQUIRED",
    "Calc",
    "Param",
    "closest",
    "drawable",
    "lookup",
    "markdown_table",
    "names",
    "schema_names",
    "topics",
]


# ---------------------------------------------------------------- parameters
def _x(help_id: str = "calc.param.x") -> Param:
    return Param("x", "vector", help_id, positional=True)


def _lr(default: object = REQUIRED) -> Param:
    return Param("lr", "number", "calc.param.lr", default, low=0)


def _wd(default: float = 0.0) -> Param:
    return Param("weight_decay", "number", "calc.param.weight_decay", default, low=0)


def _eps(default: float) -> Param:
    return Param("eps", "number", "calc.param.eps", default, low=0)


_PARAM = Param("param", "vector", "calc.param.param")
_GRAD = Param("grad", "steps", "calc.param.grad")
_BETAS = (
    Param("beta1", "number", "calc.param.beta1", 0.9, low=0, high=1, high_open=True),
    Param("beta2", "number", "calc.param.beta2", 0.999, low=0, high=1, high_open=True),
)
#: Adam's state after T earlier steps (PyTorch's exp_avg, exp_avg_sq, step)
_ADAM_STATE = (
    Param("m", "vector", "calc.param.m", None),
    Param("v", "vector", "calc.param.v", None),
    Param("step", "int", "calc.param.step", 0, low=0, high=1_000_000),
)
_Y_TRUE = Param("y_true", "batch", "calc.param.y_true")
_Y_PRED = Param("y_pred", "batch", "calc.param.y_pred")
_REDUCTION = Param("reduction", "choice", "calc.param.reduction", "mean", choices=("mean", "sum"))
_INPUTS = (Param("x", "vector", "calc.param.inputs"), Param("w", "vector", "calc.param.weights"))
_BIAS = Param("b", "number", "calc.param.bias", 0.0)
_THRESHOLD = Param("threshold", "number", "calc.param.threshold", 0.0)


def _calc(name: str, target: str, topic: str, params: tuple[Param, ...], example: str) -> Calc:
    return Calc(name, target, topic, params, example)


CALCS: tuple[Calc, ...] = (
    # ------------------------------------------------------------ activations
    _calc("sigmoid", "activations:sigmoid", "activation", (_x(),), "topa calc sigmoid 0 -2 3"),
    _calc("tanh", "activations:tanh", "activation", (_x(),), "topa calc tanh 0.5"),
    _calc("relu", "activations:relu", "activation", (_x(),), "topa calc relu -3 4"),
    _calc(
        "leaky-relu",
        "activations:leaky_relu",
        "activation",
        (_x(), Param("alpha", "number", "calc.param.alpha", 0.01, low=0)),
        "topa calc leaky-relu -5 2 --alpha 0.1",
    ),
    _calc(
        "softmax", "activations:softmax", "activation", (_x("calc.param.scores"),), "topa calc softmax 1 2 3"
    ),
    _calc(
        "sigmoid-derivative",
        "activations:sigmoid_derivative",
        "activation",
        (_x(),),
        "topa calc sigmoid-derivative 0 2",
    ),
    _calc(
        "tanh-derivative",
        "activations:tanh_derivative",
        "activation",
        (_x(),),
        "topa calc tanh-derivative 0 1",
    ),
    _calc(
        "relu-derivative",
        "activations:relu_derivative",
        "activation",
        (_x(),),
        "topa calc relu-derivative -1 0 2",
    ),
    _calc("step", "activations:step", "activation", (_x(), _THRESHOLD), "topa calc step -0.2 0 0.3"),
    _calc(
        "linear-composition",
        "activations:linear_composition",
        "activation",
        (
            Param("a", "number", "calc.param.a"),
            Param("layers", "int", "calc.param.layers", low=1, high=50),
            Param("x", "number", "calc.param.x_one"),
        ),
        "topa calc linear-composition --a 2 --layers 3 --x 1.5",
    ),
    # ----------------------------------------------------------- perceptron
    _calc(
        "weighted-sum",
        "perceptron:weighted_sum",
        "perceptron",
        (*_INPUTS, _BIAS),
        "topa calc weighted-sum --x 1,0 --w 0.5,0.5 --b -0.7",
    ),
    _calc(
        "perceptron",
        "perceptron:perceptron",
        "perceptron",
        (*_INPUTS, _BIAS, _THRESHOLD),
        "topa calc perceptron --x 1,0 --w 0.5,0.5 --b -0.7",
    ),
    # ---------------------------------------------------------------- losses
    _calc(
        "mse",
        "losses:mse",
        "loss",
        (_Y_TRUE, _Y_PRED, _REDUCTION),
        "topa calc mse --y-true 1,2,3 --y-pred 1.5,2,2",
    ),
    _calc(
        "mae",
        "losses:mae",
        "loss",
        (_Y_TRUE, _Y_PRED, _REDUCTION),
        "topa calc mae --y-true 1,2,3 --y-pred 1.5,2,2",
    ),
    _calc("r2", "losses:r2", "loss", (_Y_TRUE, _Y_PRED), "topa calc r2 --y-true 1,2,3 --y-pred 1.5,2,2"),
    _calc(
        "bce",
        "losses:bce",
        "loss",
        (_Y_TRUE, Param("y_pred", "batch", "calc.param.probabilities")),
        "topa calc bce --y-true 1,0,1 --y-pred 0.9,0.2,0.6",
    ),
    _calc(
        "bce-logits",
        "losses:bce_logits",
        "loss",
        (_Y_TRUE, Param("y_pred", "batch", "calc.param.logit_scores")),
        "topa calc bce-logits --y-true 1,0 --y-pred 2,-1",
    ),
    _calc(
        "cce",
        "losses:cce",
        "loss",
        (
            Param("y_true", "batch", "calc.param.one_hot"),
            Param("y_pred", "batch", "calc.param.class_probabilities"),
            Param("logits", "flag", "calc.param.logits", False),
        ),
        "topa calc cce --y-true 0,1,0 --y-pred 0.2,0.7,0.1",
    ),
    # ------------------------------------------------------------ optimizers
    _calc(
        "gd",
        "optimizers:gd",
        "optimizer",
        (_PARAM, _GRAD, _lr(), _wd()),
        "topa calc gd --param 1.0 --grad 0.5 --lr 0.1",
    ),
    _calc(
        "sgd",
        "optimizers:sgd",
        "optimizer",
        (_PARAM, _GRAD, _lr(), _wd()),
        "topa calc sgd --param 1.0 --grad 0.5 --grad 0.3 --lr 0.1",
    ),
    _calc(
        "momentum",
        "optimizers:momentum",
        "optimizer",
        (
            _PARAM,
            _GRAD,
            _lr(),
            Param("momentum", "number", "calc.param.momentum", 0.9, low=0),
            Param("nesterov", "flag", "calc.param.nesterov", False),
            Param("dampening", "number", "calc.param.dampening", 0.0, low=0, high=1),
            _wd(),
            Param("buffer", "vector", "calc.param.buffer", None),
            Param("velocity", "vector", "calc.param.velocity", None),
        ),
        "topa calc momentum --param 1.0 --grad 0.5 --grad 0.5 --lr 0.1",
    ),
    _calc(
        "adagrad",
        "optimizers:adagrad",
        "optimizer",
        (
            _PARAM,
            _GRAD,
            _lr(0.01),
            _eps(1e-10),
            Param("initial_accumulator", "number", "calc.param.initial_accumulator", 0.0, low=0),
            _wd(),
        ),
        "topa calc adagrad --param 1.0 --grad 0.5 --lr 0.1",
    ),
    _calc(
        "rmsprop",
        "optimizers:rmsprop",
        "optimizer",
        (
            _PARAM,
            _GRAD,
            _lr(0.01),
            Param("rho", "number", "calc.param.rho", 0.99, low=0, high=1),
            _eps(1e-8),
            _wd(),
        ),
        "topa calc rmsprop --param 1.0 --grad 0.5 --lr 0.01",
    ),
    _calc(
        "adam",
        "adam:adam",
        "optimizer",
        (
            _PARAM,
            _GRAD,
            _lr(0.001),
            *_BETAS,
            _eps(1e-8),
            Param("weight_decay", "number", "calc.param.adam_weight_decay", 0.0, low=0),
            Param("bias_correction", "flag", "calc.param.bias_correction", True),
            *_ADAM_STATE,
        ),
        "topa calc adam --param 1.0 --grad 0.5 --lr 0.1",
    ),
    _calc(
        "adamw",
        "adam:adamw",
        "optimizer",
        (
            _PARAM,
            _GRAD,
            _lr(0.001),
            *_BETAS,
            _eps(1e-8),
            Param("weight_decay", "number", "calc.param.adamw_weight_decay", 0.01, low=0),
            Param("bias_correction", "flag", "calc.param.bias_correction", True),
            *_ADAM_STATE,
        ),
        "topa calc adamw --param 1.0 --grad 0.5 --lr 0.1 --weight-decay 0.01",
    ),
    # -------------------------------------------------------- regularization
    _calc(
        "l1",
        "regularization:l1",
        "generalization",
        (Param("w", "vector", "calc.param.w"), Param("lam", "number", "calc.param.lam", low=0)),
        "topa calc l1 --w 0.5,-1,2 --lam 0.01",
    ),
    _calc(
        "l2",
        "regularization:l2",
        "generalization",
        (
            Param("w", "vector", "calc.param.w"),
            Param("lam", "number", "calc.param.lam", low=0),
            Param("half", "flag", "calc.param.half", False),
        ),
        "topa calc l2 --w 0.5,-1,2 --lam 0.01",
    ),
    _calc(
        "dropout",
        "regularization:dropout",
        "generalization",
        (
            Param("p", "number", "calc.param.p", low=0, high=1, high_open=True),
            Param("x", "vector", "calc.param.unit", None),
        ),
        "topa calc dropout --p 0.5 --x 2",
    ),
)

_CURVES = {
    "sigmoid": "sigmoid-derivative",
    "tanh": "tanh-derivative",
    "relu": "relu-derivative",
    "leaky-relu": "",
    "step": "",
    "sigmoid-derivative": "",
    "tanh-derivative": "",
    "relu-derivative": "",
}
_PATHS = ("gd", "sgd", "momentum", "adagrad", "rmsprop", "adam", "adamw")
CALCS = tuple(
    replace(c, plot="curve", derivative=_CURVES[c.name])
    if c.name in _CURVES
    else replace(c, plot="path")
    if c.name in _PATHS
    else c
    for c in CALCS
)

BY_NAME: dict[str, Calc] = {c.name: c for c in CALCS}

#: the names used in shared/concepts.yaml, mapped to the registry's
ALIASES: dict[str, str] = {
    "sigmoid_derivative": "sigmoid-derivative",
    "tanh_derivative": "tanh-derivative",
    "relu_derivative": "relu-derivative",
    "leaky_relu": "leaky-relu",
    "linear_composition": "linear-composition",
    "weighted_sum": "weighted-sum",
    "binary_cross_entropy": "bce",
    "categorical_cross_entropy": "cce",
    "gd_step": "gd",
    "sgd_step": "sgd",
    "momentum_step": "momentum",
    "adagrad_step": "adagrad",
    "rmsprop_step": "rmsprop",
    "adam_step": "adam",
    "adamw_step": "adamw",
    "l1_penalty": "l1",
    "l2_penalty": "l2",
    "dropout_scale": "dropout",
}
from .registry_network import ALIASES, BY_NAME, CALCS  # noqa: E402, F811  network calculations appended


def lookup(name: str) -> Calc | None:
    """The calculation called ``name`` (or one of its aliases), else None."""
    return BY_NAME.get(name) or BY_NAME.get(ALIASES.get(name, ""))


def closest(name: str) -> str | None:
    """The registered name nearest to a misspelt one, for 'did you mean'."""
    from difflib import get_close_matches

    hits = get_close_matches(name, [*BY_NAME, *ALIASES], n=1, cutoff=0.5)
    return (ALIASES.get(hits[0], hits[0])) if hits else None


def names() -> tuple[str, ...]:
    """Every calculation's name, in the registry's order (the calc commands, completion)."""
    return tuple(c.name for c in CALCS)


#: the order of the listing's groups: the exam notes' order, the network after the perceptron
TOPIC_ORDER = ("activation", "perceptron", "network", "loss", "optimizer", "generalization")


def topics() -> tuple[str, ...]:
    """The topics of the calculations in the listing's order (TOPIC_ORDER, then any other topic)."""
    present = dict.fromkeys(c.topic for c in CALCS)
    return tuple(t for t in TOPIC_ORDER if t in present) + tuple(t for t in present if t not in TOPIC_ORDER)


def schema_names() -> list[str]:
    """The names a bank may use for ``calc``: every name, then every alias (the schema's enum)."""
    return [*sorted(BY_NAME), *sorted(ALIASES)]


def drawable(kind: str) -> tuple[Calc, ...]:
    """The calculations that ``--plot`` draws as ``kind``: "curve" or "path"."""
    return tuple(c for c in CALCS if c.plot == kind)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def markdown_table(lang: str = "en") -> str:
    """The README's table of calculations: one row per calculation, grouped by topic, with
    its options as typed and what it computes.

    >>> print(markdown_table().splitlines()[2])
    | activations | `sigmoid X...` | sigmoid σ(x) = 1/(1 + e^(−x)), squashes into (0, 1) |
    """
    rows = [
        f"| {catalog_text(lang, 'calc.table.group')} | {catalog_text(lang, 'calc.table.name')} | {catalog_text(lang, 'calc.table.what')} |",
        "| --- | --- | --- |",
    ]
    for topic in topics():
        group = catalog_text(lang, f"calc.topic.{topic}")
        for c in (c for c in CALCS if c.topic == topic):
            rows.append(f"| {_cell(group)} | `{_cell(c.usage())}` | {_cell(c.summary(lang))} |")
            group = ""
    return "\n".join(rows) + "\n"
