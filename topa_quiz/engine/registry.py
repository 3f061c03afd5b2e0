"""The catalogue of engine calculations: names, parameters, help.

This module is metadata only: it imports neither NumPy nor the functions
themselves, so ``topa --help``, ``topa calc --help`` and the bank validator's
name checks stay cheap. :func:`topa_quiz.engine.compute` resolves ``target``
lazily when a calculation actually runs.

Parameter kinds
---------------
``number``  one real number.
``int``     one integer.
``vector``  one number or a 1-D list; a scalar input gives a scalar result.
``batch``   a 1-D list (one sample) or a list of rows (several samples).
``steps``   optimizer gradients: one entry per step; each entry is a number
            (scalar parameter) or a list (vector parameter).
``flag``    true/false.
``choice``  one of ``choices``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from difflib import get_close_matches

REQUIRED = object()


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    help: str
    default: object = REQUIRED
    positional: bool = False
    choices: tuple[str, ...] = ()
    #: closed bounds unless the matching *_open flag is set
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False

    @property
    def required(self) -> bool:
        return self.default is REQUIRED

    @property
    def option(self) -> str:
        """The command-line spelling: ``y_true`` -> ``--y-true``."""
        return "--" + self.name.replace("_", "-")

    def bounds_text(self) -> str:
        lo = "" if self.low is None else ("(" if self.low_open else "[") + f"{self.low:g}"
        hi = "" if self.high is None else f"{self.high:g}" + (")" if self.high_open else "]")
        if self.low is not None and self.high is not None:
            return f"in {lo}, {hi}"
        if self.low is not None:
            return f"{'>' if self.low_open else '>='} {self.low:g}"
        if self.high is not None:
            return f"{'<' if self.high_open else '<='} {self.high:g}"
        return ""


@dataclass(frozen=True)
class Calc:
    name: str
    target: str
    topic: str
    summary: str
    params: tuple[Param, ...]
    example: str
    notes: str = ""
    scalar_param: str | None = field(default=None)
    #: what ``--plot`` and ``topa plot`` can draw: "curve" (an element-wise function of x,
    #: drawn over a range), "path" (an optimizer: the trajectory in its result), or "" (nothing)
    plot: str = ""
    #: for a "curve": the calculation of its derivative, drawn beside it with --derivative
    derivative: str = ""

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


# ---------------------------------------------------------------- parameters
def _x(help_: str = "input value(s) x") -> Param:
    return Param("x", "vector", help_, positional=True)


def _lr(default: object = REQUIRED) -> Param:
    return Param("lr", "number", "learning rate η (학습률)", default, low=0)


def _wd(default: float = 0.0) -> Param:
    return Param("weight_decay", "number", "L2 penalty λ added to the gradient as λ·θ", default, low=0)


_PARAM = Param("param", "vector", "initial parameter θ₀ (scalar or vector)")
_GRAD = Param(
    "grad",
    "steps",
    "gradient g of each step; repeat the option once per step (--grad 0.5 --grad 0.2)",
)
_EPS = "ε, added for numerical stability"
_ADAM_MOMENTS = (
    Param("beta1", "number", "β₁, decay of the first moment m", 0.9, low=0, high=1, high_open=True),
    Param("beta2", "number", "β₂, decay of the second moment v", 0.999, low=0, high=1, high_open=True),
    Param("eps", "number", _EPS, 1e-8, low=0),
)
_Y_TRUE = Param("y_true", "batch", "targets y; rows separated by ';'")


def _y_pred(help_: str) -> Param:
    return Param("y_pred", "batch", help_)


_ELEMENTWISE = "activation"

CALCS: tuple[Calc, ...] = (
    # ------------------------------------------------------------ activations
    Calc(
        "sigmoid",
        "activations:sigmoid",
        _ELEMENTWISE,
        "시그모이드 sigmoid σ(x) = 1/(1+e^−x), squashes into (0, 1)",
        (_x(),),
        "topa calc sigmoid 0 -2 3",
    ),
    Calc(
        "tanh",
        "activations:tanh",
        _ELEMENTWISE,
        "하이퍼볼릭 탄젠트 tanh(x) = 2σ(2x) − 1, squashes into (−1, 1)",
        (_x(),),
        "topa calc tanh 0.5",
    ),
    Calc(
        "relu",
        "activations:relu",
        _ELEMENTWISE,
        "렐루 ReLU(x) = max(0, x)",
        (_x(),),
        "topa calc relu -3 4",
    ),
    Calc(
        "leaky-relu",
        "activations:leaky_relu",
        _ELEMENTWISE,
        "리키 렐루 Leaky ReLU: x if x ≥ 0, else α·x",
        (_x(), Param("alpha", "number", "slope α for x < 0 (PyTorch negative_slope)", 0.01, low=0)),
        "topa calc leaky-relu -5 2 --alpha 0.1",
    ),
    Calc(
        "softmax",
        "activations:softmax",
        _ELEMENTWISE,
        "소프트맥스 softmax(x)ᵢ = e^xᵢ / Σⱼ e^xⱼ, probabilities that sum to 1",
        (_x("scores (logits) of one sample"),),
        "topa calc softmax 1 2 3",
        notes="Computed as e^(x − max x) / Σ e^(x − max x): the same value, without overflow.",
    ),
    Calc(
        "sigmoid-derivative",
        "activations:sigmoid_derivative",
        _ELEMENTWISE,
        "시그모이드 미분 σ′(x) = σ(x)·(1 − σ(x)), at most 0.25 (at x = 0)",
        (_x(),),
        "topa calc sigmoid-derivative 0 2",
    ),
    Calc(
        "tanh-derivative",
        "activations:tanh_derivative",
        _ELEMENTWISE,
        "tanh 미분 tanh′(x) = 1 − tanh²(x), at most 1 (at x = 0)",
        (_x(),),
        "topa calc tanh-derivative 0 1",
    ),
    Calc(
        "relu-derivative",
        "activations:relu_derivative",
        _ELEMENTWISE,
        "ReLU 미분: 1 if x > 0, else 0 (PyTorch takes 0 at x = 0)",
        (_x(),),
        "topa calc relu-derivative -1 0 2",
    ),
    Calc(
        "step",
        "activations:step",
        _ELEMENTWISE,
        "계단 함수 step: 1 if x > threshold, else 0",
        (_x(), Param("threshold", "number", "threshold θ (임곗값)", 0.0)),
        "topa calc step -0.2 0 0.3",
    ),
    Calc(
        "linear-composition",
        "activations:linear_composition",
        _ELEMENTWISE,
        "선형 활성화의 한계: f(x) = a·x applied N times is c·x with c = a^N",
        (
            Param("a", "number", "slope a of f(x) = a·x"),
            Param("layers", "int", "number of layers N", low=1, high=50),
            Param("x", "number", "input x"),
        ),
        "topa calc linear-composition --a 2 --layers 3 --x 1.5",
    ),
    # ----------------------------------------------------------- perceptron
    Calc(
        "weighted-sum",
        "perceptron:weighted_sum",
        "perceptron",
        "가중합 weighted sum z = Σ wᵢxᵢ + b",
        (
            Param("x", "vector", "inputs x"),
            Param("w", "vector", "weights w (one per input)"),
            Param("b", "number", "bias b", 0.0),
        ),
        "topa calc weighted-sum --x 1,0 --w 0.5,0.5 --b -0.7",
    ),
    Calc(
        "perceptron",
        "perceptron:perceptron",
        "perceptron",
        "퍼셉트론 perceptron: y = 1 if Σ wᵢxᵢ + b > θ, else 0",
        (
            Param("x", "vector", "inputs x"),
            Param("w", "vector", "weights w (one per input)"),
            Param("b", "number", "bias b", 0.0),
            Param("threshold", "number", "threshold θ (임곗값)", 0.0),
        ),
        "topa calc perceptron --x 1,0 --w 0.5,0.5 --b -0.7",
    ),
    # ---------------------------------------------------------------- losses
    Calc(
        "mse",
        "losses:mse",
        "loss",
        "평균 제곱 오차 MSE = (1/n)·Σ(ŷ − y)²",
        (
            _Y_TRUE,
            _y_pred("predictions ŷ, same shape as y-true"),
            Param(
                "reduction", "choice", "mean (default, as PyTorch) or sum", "mean", choices=("mean", "sum")
            ),
        ),
        "topa calc mse --y-true 1,2,3 --y-pred 1.5,2,2",
        notes="A 2-D input is averaged over all elements, as torch.nn.MSELoss does.",
    ),
    Calc(
        "mae",
        "losses:mae",
        "loss",
        "평균 절대 오차 MAE = (1/n)·Σ|ŷ − y|",
        (
            _Y_TRUE,
            _y_pred("predictions ŷ, same shape as y-true"),
            Param(
                "reduction", "choice", "mean (default, as PyTorch) or sum", "mean", choices=("mean", "sum")
            ),
        ),
        "topa calc mae --y-true 1,2,3 --y-pred 1.5,2,2",
    ),
    Calc(
        "r2",
        "losses:r2",
        "loss",
        "결정 계수 R² = 1 − SS_res / SS_tot",
        (_Y_TRUE, _y_pred("predictions ŷ, same shape as y-true")),
        "topa calc r2 --y-true 1,2,3 --y-pred 1.5,2,2",
        notes="A 2-D input is taken as one list of values (one R² over all elements); "
        "scikit-learn's r2_score instead averages R² per column.",
    ),
    Calc(
        "bce",
        "losses:bce",
        "loss",
        "이진 교차 엔트로피 BCE = −mean[y·log p + (1−y)·log(1−p)]",
        (_Y_TRUE, _y_pred("predicted probabilities p in [0, 1]")),
        "topa calc bce --y-true 1,0,1 --y-pred 0.9,0.2,0.6",
        notes="Natural log; each log is clamped at −100 as torch.nn.BCELoss does, "
        "so p = 0 or 1 gives a finite loss.",
    ),
    Calc(
        "bce-logits",
        "losses:bce_logits",
        "loss",
        "BCE on logits z: −mean[y·log σ(z) + (1−y)·log(1−σ(z))], computed stably",
        (_Y_TRUE, _y_pred("logits z (raw scores, any real number)")),
        "topa calc bce-logits --y-true 1,0 --y-pred 2,-1",
        notes="Uses max(z,0) − z·y + log(1 + e^−|z|), as torch.nn.BCEWithLogitsLoss.",
    ),
    Calc(
        "cce",
        "losses:cce",
        "loss",
        "범주형 교차 엔트로피 CCE = −mean over samples of Σₖ yₖ·log pₖ",
        (
            Param("y_true", "batch", "one-hot (or probability) targets; samples separated by ';'"),
            _y_pred("predicted probabilities per class; samples separated by ';'"),
            Param("logits", "flag", "y-pred holds raw scores: apply softmax first", False),
        ),
        "topa calc cce --y-true 0,1,0 --y-pred 0.2,0.7,0.1",
        notes="Natural log, clamped at −100. With --logits this equals "
        "torch.nn.CrossEntropyLoss with probability targets.",
    ),
    # ------------------------------------------------------------ optimizers
    Calc(
        "gd",
        "optimizers:gd",
        "optimizer",
        "경사하강법 gradient descent: θ ← θ − η·g (g from all training data)",
        (_PARAM, _GRAD, _lr(), _wd()),
        "topa calc gd --param 1.0 --grad 0.5 --lr 0.1",
    ),
    Calc(
        "sgd",
        "optimizers:sgd",
        "optimizer",
        "확률적 경사하강법 SGD: θ ← θ − η·g (g from a mini-batch)",
        (_PARAM, _GRAD, _lr(), _wd()),
        "topa calc sgd --param 1.0 --grad 0.5 --grad 0.3 --lr 0.1",
        notes="Same update rule as gd; what differs is the data the gradient comes from.",
    ),
    Calc(
        "momentum",
        "optimizers:momentum",
        "optimizer",
        "모멘텀 momentum (torch.optim.SGD): b ← μ·b + (1−τ)·g, θ ← θ − η·b",
        (
            _PARAM,
            _GRAD,
            _lr(),
            Param("momentum", "number", "momentum μ", 0.9, low=0),
            Param("nesterov", "flag", "Nesterov momentum: step with g + μ·b", False),
            Param("dampening", "number", "dampening τ", 0.0, low=0, high=1),
            _wd(),
        ),
        "topa calc momentum --param 1.0 --grad 0.5 --grad 0.5 --lr 0.1",
        notes="PyTorch's form: the first step sets b = g. Some texts write "
        "v ← μ·v − η·g, θ ← θ + v, which gives the same θ for a constant η.",
    ),
    Calc(
        "adagrad",
        "optimizers:adagrad",
        "optimizer",
        "아다그라드 AdaGrad: G ← G + g², θ ← θ − η·g / (√G + ε)",
        (
            _PARAM,
            _GRAD,
            _lr(0.01),
            Param("eps", "number", _EPS, 1e-10, low=0),
            Param("initial_accumulator", "number", "initial value of G", 0.0, low=0),
            _wd(),
        ),
        "topa calc adagrad --param 1.0 --grad 0.5 --lr 0.1",
        notes="PyTorch defaults; ε outside the root. Keras differs: learning_rate 0.001, "
        "initial_accumulator_value 0.1, epsilon 1e-7, and ε inside the root: η·g/√(G + ε).",
    ),
    Calc(
        "rmsprop",
        "optimizers:rmsprop",
        "optimizer",
        "RMSProp: v ← ρ·v + (1−ρ)·g², θ ← θ − η·g / (√v + ε)",
        (
            _PARAM,
            _GRAD,
            _lr(0.01),
            Param("rho", "number", "decay rate ρ (감쇠율; PyTorch calls it alpha)", 0.99, low=0, high=1),
            Param("eps", "number", _EPS, 1e-8, low=0),
            _wd(),
        ),
        "topa calc rmsprop --param 1.0 --grad 0.5 --lr 0.01",
        notes="PyTorch defaults (alpha = ρ = 0.99); ε outside the root. Keras defaults differ: "
        "rho 0.9, learning_rate 0.001, epsilon 1e-7, and ε is inside the root: η·g/√(v + ε).",
    ),
    Calc(
        "adam",
        "optimizers:adam",
        "optimizer",
        "아담 Adam: moments m, v with bias correction, θ ← θ − η·m̂ / (√v̂ + ε)",
        (
            _PARAM,
            _GRAD,
            _lr(0.001),
            *_ADAM_MOMENTS,
            Param(
                "weight_decay",
                "number",
                "L2 penalty added to the gradient (g + λθ), as torch.optim.Adam",
                0.0,
                low=0,
            ),
            Param("bias_correction", "flag", "divide by 1 − βᵗ (turn off to see the common mistake)", True),
        ),
        "topa calc adam --param 1.0 --grad 0.5 --lr 0.1",
        notes="torch.optim.Adam: weight decay is added to the gradient (L2 style), unlike AdamW. "
        "Keras uses epsilon 1e-7 and adds it to √v before bias correction "
        "(θ ← θ − η·√(1−β₂ᵗ)/(1−β₁ᵗ)·m/(√v + ε)); Keras's weight_decay is decoupled.",
    ),
    Calc(
        "adamw",
        "optimizers:adamw",
        "optimizer",
        "AdamW: θ ← θ·(1 − η·λ), then the Adam step (decoupled weight decay)",
        (
            _PARAM,
            _GRAD,
            _lr(0.001),
            *_ADAM_MOMENTS,
            Param("weight_decay", "number", "decoupled weight decay λ", 0.01, low=0),
            Param("bias_correction", "flag", "divide by 1 − βᵗ", True),
        ),
        "topa calc adamw --param 1.0 --grad 0.5 --lr 0.1 --weight-decay 0.01",
        notes="torch.optim.AdamW (default weight_decay 0.01, eps 1e-8). Keras AdamW defaults to "
        "weight_decay 0.004 and epsilon 1e-7 (ε placed as in Keras Adam).",
    ),
    # -------------------------------------------------------- regularization
    Calc(
        "l1",
        "regularization:l1",
        "generalization",
        "L1 규제 (Lasso) penalty λ·Σ|wᵢ|",
        (Param("w", "vector", "weights w"), Param("lam", "number", "strength λ", low=0)),
        "topa calc l1 --w 0.5,-1,2 --lam 0.01",
    ),
    Calc(
        "l2",
        "regularization:l2",
        "generalization",
        "L2 규제 (Ridge) penalty λ·Σwᵢ²",
        (
            Param("w", "vector", "weights w"),
            Param("lam", "number", "strength λ", low=0),
            Param("half", "flag", "use the (λ/2)·Σw² convention", False),
        ),
        "topa calc l2 --w 0.5,-1,2 --lam 0.01",
        notes="Some texts write the penalty as (λ/2)·Σw² so that its gradient is λ·w; "
        "pass --half for that convention.",
    ),
    Calc(
        "dropout",
        "regularization:dropout",
        "generalization",
        "드롭아웃 (inverted) dropout: kept units are scaled by 1/(1 − p) in training",
        (
            Param("p", "number", "drop probability p", low=0, high=1, high_open=True),
            Param("x", "vector", "a unit's activation, to see it scaled", None),
        ),
        "topa calc dropout --p 0.5 --x 2",
        notes="At test time dropout is off and x passes unchanged (torch.nn.Dropout in eval mode).",
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
    hits = get_close_matches(name, [*BY_NAME, *ALIASES], n=1, cutoff=0.5)
    return (ALIASES.get(hits[0], hits[0])) if hits else None
