"""Terminal plots with plotext: activation curves, learning-rate paths, ``calc --plot``.

Every value comes from the engine (:func:`topa_quiz.engine.compute`); plotext only draws.
plotext and the engine (NumPy) are imported inside the functions, so importing this module
is cheap. A plot takes the console's width (capped) and a height that fits the console; with
less than :data:`MIN_WIDTH` columns or :data:`MIN_HEIGHT` rows it is replaced by one line
saying so. Colors follow the console: none when NO_COLOR is set or output is not a terminal,
so the text of a plot can be piped and tested.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from ..engine import Calculation
    from ..engine.registry import Calc

MIN_WIDTH = 40
MIN_HEIGHT = 10
MAX_WIDTH = 140
MAX_HEIGHT = 24

#: one marker per series, so lines stay apart without colors
MARKERS = ("•", "*", "+", "x", "o", "#", "@", "%", "&", "=")
POINT_MARKER = "O"

#: activation -> the engine calculation of its derivative (None: computed below from the engine)
ACTIVATIONS: dict[str, str | None] = {
    "sigmoid": "sigmoid-derivative",
    "tanh": "tanh-derivative",
    "relu": "relu-derivative",
    "leaky-relu": None,
    "step": None,
    "sigmoid-derivative": None,
    "tanh-derivative": None,
    "relu-derivative": None,
}
OPTIMIZERS = ("gd", "sgd", "momentum", "adagrad", "rmsprop", "adam", "adamw")
#: what ``topa plot`` accepts as a name, with a few words for shell completion
PLOT_NAMES: dict[str, str] = {
    "sigmoid": "σ(x) = 1/(1+e^−x)",
    "tanh": "tanh(x)",
    "relu": "max(0, x)",
    "leaky-relu": "x if x ≥ 0 else α·x",
    "step": "1 if x > 0 else 0",
    "sigmoid-derivative": "σ′(x) = σ(x)(1−σ(x))",
    "tanh-derivative": "1 − tanh²(x)",
    "relu-derivative": "1 if x > 0 else 0",
    "lr": "learning-rate effect: gradient descent on θ² with several η",
}

_THETA = re.compile(r"^θ([₀₁₂₃₄₅₆₇₈₉]+)$")
_SUB = str.maketrans("0123456789-", "₀₁₂₃₄₅₆₇₈₉₋")


@dataclass
class Series:
    label: str
    x: list[float]
    y: list[float]
    lines: bool = True
    marker: str = ""


@dataclass
class Figure:
    title: str
    series: list[Series] = field(default_factory=list)
    xlabel: str = "x"
    ylabel: str = ""
    ylim: tuple[float, float] | None = None
    xticks: list[float] | None = None


# --------------------------------------------------------------------- output
def plot_size(console: Console) -> tuple[int, int] | None:
    """(width, height) of a plot for this console, or None when there is no room."""
    width, height = console.width, console.height
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        return None
    return min(width - 1, MAX_WIDTH), min(height - 1, MAX_HEIGHT)


def no_room_message(console: Console) -> str:
    return (
        f"no room for a plot: the terminal is {console.width}×{console.height}; plots need at least "
        f"{MIN_WIDTH} columns and {MIN_HEIGHT} rows (widen the window or set COLUMNS/LINES)"
    )


def colorless(console: Console) -> bool:
    return bool(os.environ.get("NO_COLOR")) or console.no_color or not console.is_terminal


def build(fig: Figure, width: int, height: int, plain: bool) -> str:
    """The plot as text (ANSI colors unless ``plain``), drawn by plotext."""
    import plotext as plt

    canvas = plt.figure
    canvas.clear()
    canvas.plot_size(width, height)
    canvas.theme("colorless" if plain else "simple")
    for i, s in enumerate(fig.series):
        sig = canvas.signal(s.x, s.y, marker=s.marker or MARKERS[i % len(MARKERS)])
        if s.lines and len(s.x) > 1:
            sig.lines()
        sig.label(s.label)
        canvas.draw(sig)
    canvas.title(fig.title)
    canvas.label(fig.xlabel, axis="x")
    if fig.ylabel:
        canvas.label(fig.ylabel, axis="y")
    if fig.ylim:
        canvas.ruler("y").lim(*fig.ylim)
    if fig.xticks:
        canvas.ruler("x").ticks(fig.xticks)
    text = canvas.build().string(colorless=plain)
    canvas.clear()
    return "\n".join(line.rstrip() for line in text.splitlines()) if plain else text


def show(console: Console, fig: Figure) -> bool:
    """Print ``fig`` through Rich; one line instead when the console is too small."""
    size = plot_size(console)
    if size is None:
        console.print(no_room_message(console), soft_wrap=True, highlight=False, markup=False)
        return False
    plain = colorless(console)
    text = build(fig, *size, plain=plain)
    if plain:
        console.print(text, soft_wrap=True, highlight=False, markup=False)
    else:
        from rich.text import Text

        console.print(Text.from_ansi(text), soft_wrap=True)
    return True


# ---------------------------------------------------------------- activations
def grid(lo: float, hi: float, n: int = 241) -> list[float]:
    return [lo + (hi - lo) * i / (n - 1) for i in range(n)]


def _values(name: str, xs: list[float], extra: dict[str, object]) -> list[float]:
    from ..engine import compute, lookup

    calc = lookup(name)
    accepted = {p.name for p in calc.params} if calc else set()
    result = compute(name, x=xs, **{k: v for k, v in extra.items() if k in accepted}).result
    return [float(v) for v in result]  # type: ignore[union-attr]


def derivative_values(name: str, xs: list[float], extra: dict[str, object]) -> list[float]:
    """f′ at ``xs``, from the engine's own derivative where it has one."""
    if ACTIVATIONS.get(name):
        return _values(str(ACTIVATIONS[name]), xs, extra)
    if name == "leaky-relu":  # 1 where x > 0, α elsewhere (PyTorch): from the engine's ReLU′
        alpha = float(extra.get("alpha", 0.01))  # type: ignore[arg-type]
        return [d + alpha * (1.0 - d) for d in _values("relu-derivative", xs, {})]
    return [0.0 for _ in xs]  # step: 0 wherever it has a derivative


def activation_figure(
    names: Sequence[str],
    lo: float,
    hi: float,
    derivative: bool = False,
    extra: dict[str, object] | None = None,
    samples: int = 241,
) -> Figure:
    extra = extra or {}
    xs = grid(lo, hi, samples)
    fig = Figure(title=", ".join(names) + (" and derivatives" if derivative else ""), ylabel="f(x)")
    for name in names:
        fig.series.append(Series(name, xs, _values(name, xs, extra)))
        if derivative and not name.endswith("-derivative"):
            note = " = 0 (undefined at 0)" if name == "step" else ""
            fig.series.append(Series(f"{name}′{note}", xs, derivative_values(name, xs, extra)))
    return fig


# -------------------------------------------------------------- learning rate
def lr_path(lr: float, steps: int = 20, theta0: float = 1.0) -> list[float]:
    """θ₀ … θ_steps of gradient descent on f(θ) = θ² (gradient 2θ), one engine ``gd`` step each.

    The path stops early if a step overflows (a very large η).
    """
    from ..engine import EngineError, compute

    path = [float(theta0)]
    for _ in range(steps):
        theta = path[-1]
        try:
            nxt = float(compute("gd", param=theta, grad=2.0 * theta, lr=lr).result)  # type: ignore[arg-type]
        except EngineError:
            break
        if not math.isfinite(nxt):
            break
        path.append(nxt)
    return path


def lr_verdict(lr: float, path: Sequence[float]) -> tuple[str, str]:
    """(one word, why) for a learning rate on f(θ) = θ², where θ_k = (1 − 2η)^k·θ₀."""
    r = 1.0 - 2.0 * lr
    factor = f"θₖ = (1 − 2η)ᵏ = ({r:g})ᵏ"
    if abs(r) > 1 + 1e-12:
        return "diverging", f"{factor}, |1 − 2η| > 1: every step overshoots by more than it corrects"
    if abs(abs(r) - 1) <= 1e-12:
        return (
            ("stuck", f"{factor}: θ never moves")
            if r > 0
            else ("bouncing", f"{factor}: θ jumps between +1 and −1 for ever")
        )
    if abs(path[-1]) > 0.1:
        return "slow", f"{factor}: right direction, but the steps are too small"
    if r < 0:
        return "zigzag", f"{factor}: overshoots the minimum each step but still converges"
    return "good", f"{factor}: converges quickly toward the minimum θ = 0"


def lr_figure(lrs: Sequence[float], steps: int = 20) -> tuple[Figure, list[str]]:
    fig = Figure(title="gradient descent on f(θ) = θ², θ₀ = 1", xlabel="step k", ylabel="θ")
    notes: list[str] = []
    biggest = 0.0
    for lr in lrs:
        path = lr_path(lr, steps)
        word, why = lr_verdict(lr, path)
        fig.series.append(Series(f"η={lr:g} {word}", list(range(len(path))), path))
        last = len(path) - 1
        notes.append(f"η = {lr:g}: θ{str(last).translate(_SUB)} = {path[-1]:.4g} — {word}: {why}")
        biggest = max(biggest, max(abs(v) for v in path))
    fig.xticks = step_ticks(max(len(s.x) for s in fig.series) - 1)
    if biggest > 3:
        fig.ylim = (-3.0, 3.0)
        fig.title += " (θ clipped to ±3)"
    return fig, notes


# ------------------------------------------------------------- calc --plot
def step_ticks(last: int) -> list[float]:
    """Whole-number ticks 0 … last, at most about 8 of them."""
    every = max(1, math.ceil(last / 8))
    return [float(k) for k in range(0, last + 1, every)]


def optimizer_path(result: Calculation) -> list[list[float]]:
    """θ₀, θ₁, … from the steps labelled so, each as a list (one entry per component)."""
    found: list[tuple[int, list[float]]] = []
    digits = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
    for s in result.steps:
        m = _THETA.match(s.label)
        if m:
            value = s.value if isinstance(s.value, list) else [s.value]
            found.append((int(m.group(1).translate(digits)), [float(v) for v in value]))  # type: ignore[arg-type]
    found.sort(key=lambda t: t[0])
    return [v for _, v in found]


def calculation_figure(calc: Calc, result: Calculation) -> Figure | None:
    """The picture of one calculation, or None when no picture fits it."""
    from ..engine.core import fmt

    if calc.name in ACTIVATIONS:
        raw = result.inputs.get("x")
        xs = [float(v) for v in (raw if isinstance(raw, list) else [raw])]  # type: ignore[union-attr]
        ys = result.result if isinstance(result.result, list) else [result.result]
        extra = {k: v for k, v in result.inputs.items() if k != "x"}
        marks = [*xs, float(extra.get("threshold", 0.0))]  # type: ignore[arg-type]
        lo, hi = min(-6.0, min(marks) - 1.0), max(6.0, max(marks) + 1.0)
        fig = activation_figure([calc.name], lo, hi, extra=extra)
        label = (
            ", ".join(f"{calc.name}({fmt(x)}) = {fmt(y)}" for x, y in zip(xs, ys, strict=False))  # type: ignore[arg-type]
            if len(xs) <= 2
            else f"the {len(xs)} asked points"
        )
        fig.series.append(
            Series(
                label,
                xs,
                [float(y) for y in ys],
                lines=False,  # type: ignore[arg-type]
                marker=POINT_MARKER,
            )
        )
        fig.title = f"{calc.name}(x) with the asked point{'s' if len(xs) > 1 else ''}"
        return fig
    if calc.name in OPTIMIZERS:
        path = optimizer_path(result)
        if not path:
            return None
        fig = Figure(title=f"{calc.name}: parameter θ over the steps", xlabel="step", ylabel="θ")
        ks = list(range(len(path)))
        size = len(path[0])
        for j in range(size):
            label = "θ" if size == 1 else f"θ[{j}]"
            fig.series.append(Series(label, ks, [p[j] for p in path]))
        fig.xticks = step_ticks(len(path) - 1)
        return fig
    return None


def plot_calculation(console: Console, calc: Calc, result: Calculation) -> None:
    """``topa calc NAME ... --plot``: draw the calculation, or say in one line why not."""
    fig = calculation_figure(calc, result)
    if fig is None:
        console.print(
            f"no plot fits '{calc.name}': --plot draws activations (sigmoid, tanh, relu, ...) "
            f"and optimizer paths ({', '.join(OPTIMIZERS)})",
            soft_wrap=True,
            highlight=False,
            markup=False,
        )
        return
    show(console, fig)


# ------------------------------------------------------------------ topa plot
def plot_command(
    console: Console,
    names: Sequence[str],
    lo: float,
    hi: float,
    derivative: bool,
    lrs: Sequence[float],
    steps: int,
    alpha: float,
) -> None:
    """Everything ``topa plot`` does after parsing; problems are :class:`UsageError`."""
    if not names:
        raise UsageError("name a function to plot: " + ", ".join(PLOT_NAMES))
    unknown = [n for n in names if n not in PLOT_NAMES]
    if unknown:
        from difflib import get_close_matches

        guess = get_close_matches(unknown[0], list(PLOT_NAMES), n=1)
        hint = f"; did you mean '{guess[0]}'?" if guess else f" (choose from {', '.join(PLOT_NAMES)})"
        raise UsageError(f"cannot plot '{unknown[0]}'{hint}")
    if "lr" in names:
        if len(names) > 1:
            raise UsageError("'lr' is plotted on its own: topa plot lr --lr 0.01 0.1 1.1")
        if any(not math.isfinite(v) or v <= 0 for v in lrs):
            raise UsageError("--lr: each learning rate must be a number > 0")
        fig, notes = lr_figure(lrs, steps)
        if show(console, fig):
            for line in notes:
                console.print(line, soft_wrap=True, highlight=False, markup=False)
        return
    if not (math.isfinite(lo) and math.isfinite(hi)) or lo >= hi:
        raise UsageError(f"--range: expected LOW HIGH with LOW < HIGH, got {lo:g} {hi:g}")
    size = plot_size(console)
    samples = max(61, min(2 * size[0], 401)) if size else 61
    from ..engine import EngineError

    try:
        fig = activation_figure(names, lo, hi, derivative, {"alpha": alpha}, samples)
    except EngineError as exc:
        raise UsageError(f"--{exc.param}: {exc.message}") from None
    show(console, fig)
