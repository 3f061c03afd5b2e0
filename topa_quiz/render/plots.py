"""What the engine's calculations look like: curves, optimizer paths, one step, learning rates.

What can be drawn comes from the registry (:mod:`topa_quiz.engine.registry`): a calculation
whose ``plot`` is ``"curve"`` is drawn over a range of x (with its ``derivative`` beside it on
request); ``"path"`` is an optimizer, drawn from the θ₀, θ₁, … of its result's
``trajectory`` (one step: before, after and the direction); anything else draws nothing.
``topa plot lr`` is the one picture of its own: gradient descent on f(θ) = θ² with several η.

Every value comes from the engine; every word from the catalog in the session's language.
The builders return :class:`~topa_quiz.render.figure.Chart` data; the ``*_view`` functions
lay a chart out for a terminal and return Rich renderables (they print nothing).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.text import Text

from ..engine.registry import CALCS, Calc, lookup
from ..i18n import catalog
from .figure import MARKERS, MIN_HEIGHT, MIN_WIDTH, POINT_MARKER, Chart, Series, chart_view

if TYPE_CHECKING:
    from ..engine.core import Calculation

#: the special plot of ``topa plot``: the learning-rate effect
LR_PLOT = "lr"
#: |θ| beyond this leaves the learning-rate plot: the line ends at the edge and the note says so
LR_LIMIT = 3.0
#: ``--range`` and the asked points of ``calc --plot`` are drawn within ±this
RANGE_LIMIT = 1e6
ALPHA_LIMIT = 1e3
#: lines in one plot: one marker each
MAX_LINES = len(MARKERS)
_SUB = str.maketrans("0123456789-", "₀₁₂₃₄₅₆₇₈₉₋")


def curve_names() -> tuple[str, ...]:
    """The calculations drawn as curves of x (``Calc.plot == "curve"``)."""
    return tuple(c.name for c in CALCS if c.plot == "curve")


def path_names() -> tuple[str, ...]:
    """The optimizers, drawn as the path of θ (``Calc.plot == "path"``)."""
    return tuple(c.name for c in CALCS if c.plot == "path")


def plot_names(lang: str) -> dict[str, str]:
    """What ``topa plot`` accepts, each with a few words (for completion and errors)."""
    names = {c.name: c.summary for c in CALCS if c.plot == "curve"}
    names[LR_PLOT] = catalog(lang)("plot.lr.help")
    return names


class PlotError(ValueError):
    """A request that cannot be drawn; ``field`` names what was wrong (names, range, lr, alpha)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class PlotRequest:
    """What ``topa plot`` was asked to draw."""

    names: tuple[str, ...]
    lo: float = -6.0
    hi: float = 6.0
    derivative: bool = False
    lrs: tuple[float, ...] = (0.01, 0.1, 1.1)
    steps: int = 20
    alpha: float = 0.01


def _title(name: str, lang: str) -> str:
    """How a picture names the calculation ``name`` (시그모이드, Adam)."""
    calc = lookup(name)
    return calc.title(lang) if calc else name


def _fmt(v: float) -> str:
    from ..engine.core import fmt

    return fmt(v)


# --------------------------------------------------------------- topa plot
def check_request(request: PlotRequest, lang: str) -> None:
    """:class:`PlotError` for a request that cannot be drawn, in the words of ``lang``."""
    _check_names(request.names, lang)
    if LR_PLOT in request.names:
        _check_lr(request, lang)
    else:
        _check_curves(request, lang)


def _check_names(names: Sequence[str], lang: str) -> None:
    t = catalog(lang)
    known = plot_names(lang)
    if not names:
        raise PlotError("names", t("plot.name_needed", names=", ".join(known)))
    unknown = [n for n in names if n not in known]
    if unknown:
        from difflib import get_close_matches

        guess = get_close_matches(unknown[0], list(known), n=1)
        if guess:
            raise PlotError("names", t("plot.unknown_guess", name=unknown[0], guess=guess[0]))
        raise PlotError("names", t("plot.unknown", name=unknown[0], names=", ".join(known)))
    if LR_PLOT in names and len(names) > 1:
        raise PlotError("names", t("plot.lr_alone"))


def _check_lr(request: PlotRequest, lang: str) -> None:
    t = catalog(lang)
    bad = [v for v in request.lrs if not math.isfinite(v) or v <= 0]
    if bad:
        raise PlotError("lr", t("plot.lr_positive", value=_fmt(bad[0])))
    if len(request.lrs) > MAX_LINES:
        raise PlotError("lr", t("plot.too_many", n=MAX_LINES, count=len(request.lrs)))


def _check_curves(request: PlotRequest, lang: str) -> None:
    t = catalog(lang)
    lo, hi = request.lo, request.hi
    if not (math.isfinite(lo) and math.isfinite(hi)) or lo >= hi:
        raise PlotError("range", t("plot.range_order", lo=_fmt(lo), hi=_fmt(hi)))
    if max(abs(lo), abs(hi)) > RANGE_LIMIT:
        raise PlotError("range", t("plot.range_limit", limit=_fmt(RANGE_LIMIT), lo=_fmt(lo), hi=_fmt(hi)))
    if not (math.isfinite(request.alpha) and 0 <= request.alpha <= ALPHA_LIMIT):
        raise PlotError("alpha", t("plot.alpha_limit", limit=_fmt(ALPHA_LIMIT), value=_fmt(request.alpha)))
    lines = len(request.names) * (2 if request.derivative else 1)
    if lines > MAX_LINES:
        raise PlotError("names", t("plot.too_many", n=MAX_LINES, count=lines))


def plot_chart(request: PlotRequest, lang: str, samples: int = 241) -> Chart:
    """The chart ``topa plot`` draws; :class:`PlotError` when the request cannot be drawn."""
    from ..engine import EngineError

    check_request(request, lang)
    if LR_PLOT in request.names:
        return lr_chart(request.lrs, request.steps, lang)
    try:
        return curves_chart(
            request.names, request.lo, request.hi, request.derivative, {"alpha": request.alpha}, lang, samples
        )
    except EngineError as exc:
        raise PlotError(exc.param, exc.message) from None


def plot_view(request: PlotRequest, lang: str, width: int, height: int, color: bool) -> RenderableType:
    """``topa plot``: the chart for this terminal, or one line saying there is no room."""
    samples = max(61, min(2 * width, 401))
    chart = plot_chart(request, lang, samples)
    return chart_view(chart, width, height, color) or no_room(width, height, lang)


def no_room(width: int, height: int, lang: str) -> Text:
    """One line saying the terminal is too small for a plot."""
    return Text(
        catalog(lang)("plot.no_room", width=width, height=height, min_width=MIN_WIDTH, min_height=MIN_HEIGHT)
    )


# ------------------------------------------------------------------ curves
def grid(lo: float, hi: float, n: int = 241) -> list[float]:
    return [lo + (hi - lo) * i / (n - 1) for i in range(n)]


def curve_values(name: str, xs: Sequence[float], extra: dict[str, object]) -> list[float]:
    """The engine's ``name`` at each of ``xs``; ``extra`` parameters it does not take are left out."""
    from ..engine import compute

    calc = lookup(name)
    accepted = {p.name for p in calc.params} if calc else set()
    result = compute(name, x=list(xs), **{k: v for k, v in extra.items() if k in accepted}).result
    return [float(v) for v in result]  # type: ignore[union-attr]


def curves_chart(
    names: Sequence[str],
    lo: float,
    hi: float,
    derivative: bool,
    extra: dict[str, object],
    lang: str,
    samples: int = 241,
) -> Chart:
    """Each curve over [lo, hi]; with ``derivative``, the registry's derivative of each beside it."""
    t = catalog(lang)
    xs = tuple(grid(lo, hi, samples))
    derivatives = {c.derivative for c in CALCS if c.derivative}
    series: list[Series] = []
    notes: list[str] = []
    for name in names:
        series.append(Series(_title(name, lang), xs, tuple(curve_values(name, xs, extra))))
        calc = lookup(name)
        if not derivative or name in derivatives or calc is None:
            continue
        if calc.derivative:
            values = tuple(curve_values(calc.derivative, xs, extra))
            series.append(Series(_title(calc.derivative, lang), xs, values))
        else:
            notes.append(t("plot.no_derivative", name=_title(name, lang)))
    key = "plot.curves.title"
    if derivative:
        key = "plot.curves.title_derivative" + ("_one" if len(names) == 1 else "")
    title = t(key, names=", ".join(_title(n, lang) for n in names))
    return Chart(title, tuple(series), "x", "f(x)", notes=tuple(notes))


# ------------------------------------------------------------ learning rate
def lr_path(lr: float, steps: int = 20, theta0: float = 1.0) -> list[float]:
    """θ₀ … θ_steps of gradient descent on f(θ) = θ² (gradient 2θ), one engine ``gd`` step each.

    The path ends early where a step overflows a float64 (a very large η).
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


def lr_verdict(lr: float, path: Sequence[float]) -> str:
    """The verdict on η for f(θ) = θ², where θₖ = (1 − 2η)ᵏ·θ₀: diverging, stuck, bouncing,
    slow, zigzag or good."""
    r = 1.0 - 2.0 * lr
    if abs(r) > 1 + 1e-12:
        return "diverging"
    if abs(abs(r) - 1) <= 1e-12:
        return "stuck" if r > 0 else "bouncing"
    if abs(path[-1]) > 0.1:
        return "slow"
    return "zigzag" if r < 0 else "good"


def lr_note(lr: float, path: Sequence[float], steps: int, lang: str) -> str:
    """One sentence per η: the last θ, the verdict and why; where the line was cut off."""
    t = catalog(lang)
    verdict = lr_verdict(lr, path)
    r = 1.0 - 2.0 * lr
    factor = abs(r) if verdict == "diverging" else r
    last = len(path) - 1
    note = t(
        "plot.lr.note",
        lr=f"{lr:g}",
        theta="θ" + str(last).translate(_SUB),
        last=f"{path[-1]:.4g}",
        verdict=t(f"plot.lr.word.{verdict}"),
        why=t(f"plot.lr.why.{verdict}", factor=_fmt(factor)),
    )
    exit_at = next((k for k, v in enumerate(path) if abs(v) > LR_LIMIT), None)
    if exit_at is not None:
        note += " " + t("plot.lr.clipped", limit=f"{LR_LIMIT:g}", k=exit_at)
    if last < steps:
        note += " " + t("plot.lr.overflow", k=last)
    return note


def lr_chart(lrs: Sequence[float], steps: int, lang: str) -> Chart:
    """Gradient descent on θ² from θ₀ = 1 with each η; a path that leaves ±:data:`LR_LIMIT` is
    drawn up to the edge and its note says where it left."""
    t = catalog(lang)
    series: list[Series] = []
    notes: list[str] = []
    clipped = False
    for lr in lrs:
        path = lr_path(lr, steps)
        exit_at = next((k for k, v in enumerate(path) if abs(v) > LR_LIMIT), None)
        shown = path if exit_at is None else path[: exit_at + 1]
        clipped = clipped or exit_at is not None
        label = t("plot.lr.legend", lr=f"{lr:g}", verdict=t(f"plot.lr.word.{lr_verdict(lr, path)}"))
        series.append(Series(label, tuple(float(k) for k in range(len(shown))), tuple(shown)))
        notes.append(lr_note(lr, path, steps, lang))
    return Chart(
        t("plot.lr.title"),
        tuple(series),
        t("plot.lr.xlabel"),
        "θ",
        ylim=(-LR_LIMIT, LR_LIMIT) if clipped else None,
        xlim=(0.0, float(steps)),
        xticks=step_ticks(steps),
        notes=tuple(notes),
    )


def step_ticks(last: int) -> tuple[float, ...]:
    """Whole-number ticks 0 … last, at most about 8 of them."""
    every = max(1, math.ceil(last / 8))
    return tuple(float(k) for k in range(0, last + 1, every))


# ------------------------------------------------------------ calc --plot
def trajectory(result: Calculation) -> list[list[float]]:
    """θ₀, θ₁, … of an optimizer's result, each as a list (one entry per component)."""
    points = tuple(getattr(result, "trajectory", ())) or _trajectory_from_labels(result)
    return [[float(v) for v in p] if isinstance(p, list) else [float(p)] for p in points]  # type: ignore[arg-type]


def _trajectory_from_labels(result: Calculation) -> tuple[object, ...]:
    """Until the engine fills ``Calculation.trajectory``: θ₀, θ₁, … read from the steps labelled
    so. Delete this function (and its call above) once every optimizer returns its trajectory."""
    import re

    label = re.compile(r"^θ([₀₁₂₃₄₅₆₇₈₉]+)$")
    digits = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
    found = []
    for s in result.steps:
        m = label.match(s.label)
        if m:
            found.append((int(m.group(1).translate(digits)), s.value))
    return tuple(v for _, v in sorted(found, key=lambda kv: kv[0]))


def can_plot(calc: Calc | None, result: Calculation | None) -> bool:
    """Whether ``calc --plot`` (and ``p`` in the quiz) has a picture of this result."""
    if calc is None or result is None:
        return False
    if calc.plot == "curve":
        return True
    return calc.plot == "path" and len(trajectory(result)) >= 2


def curve_chart(calc: Calc, result: Calculation, lang: str) -> Chart:
    """The curve of ``calc`` around the asked points, the points marked on it."""
    t = catalog(lang)
    raw = result.inputs.get("x")
    xs = [float(v) for v in (raw if isinstance(raw, list) else [raw])]  # type: ignore[union-attr, arg-type]
    ys = [float(v) for v in (result.result if isinstance(result.result, list) else [result.result])]  # type: ignore[union-attr, arg-type]
    extra = {k: v for k, v in result.inputs.items() if k != "x"}
    near = [(x, y) for x, y in zip(xs, ys, strict=False) if abs(x) <= RANGE_LIMIT]
    marks = [x for x, _ in near] + [float(extra.get("threshold", 0.0))]  # type: ignore[arg-type]
    lo, hi = min(-6.0, min(marks) - 1.0), max(6.0, max(marks) + 1.0)
    curve = curves_chart([calc.name], lo, hi, False, extra, lang)
    if len(xs) <= 2:
        label = ", ".join(f"{calc.title(lang)}({_fmt(x)}) = {_fmt(y)}" for x, y in near)
    else:
        label = t("plot.points_label", n=len(xs))
    points = Series(label, tuple(x for x, _ in near), tuple(y for _, y in near), False, POINT_MARKER)
    outside = [
        t("plot.outside", name=calc.title(lang), x=_fmt(x), y=_fmt(y))
        for x, y in zip(xs, ys, strict=False)
        if abs(x) > RANGE_LIMIT
    ]
    title = t("plot.point.title_one" if len(xs) == 1 else "plot.point.title_many", name=calc.title(lang))
    series = curve.series + ((points,) if near else ())
    return Chart(title, series, curve.xlabel, curve.ylabel, notes=tuple(outside))


def path_chart(calc: Calc, path: list[list[float]], lang: str) -> Chart:
    """θ over the steps, one line per component of θ."""
    t = catalog(lang)
    ks = tuple(float(k) for k in range(len(path)))
    size = len(path[0])
    series = tuple(
        Series("θ" if size == 1 else f"θ[{j}]", ks, tuple(p[j] for p in path)) for j in range(size)
    )
    return Chart(
        t("plot.path.title", name=calc.title(lang)),
        series,
        t("plot.path.xlabel"),
        "θ",
        xticks=step_ticks(len(path) - 1),
    )


def calculation_view(
    calc: Calc, result: Calculation, lang: str, width: int, height: int, color: bool
) -> RenderableType:
    """``calc NAME ... --plot`` and ``p`` in the quiz: the picture of one result for this
    terminal, or one line saying why there is none."""
    from ..engine import EngineError

    t = catalog(lang)
    if not can_plot(calc, result):
        return Text(
            t(
                "plot.nothing_fits",
                name=calc.name,
                curves=", ".join(curve_names()),
                paths=", ".join(path_names()),
            )
        )
    if calc.plot == "path":
        path = trajectory(result)
        if len(path) == 2:
            if width < MIN_WIDTH:
                return no_room(width, height, lang)
            from .optimizer_step import first_gradient, step_view

            gradient = first_gradient(result, len(path[0]))
            return step_view(calc.title(lang), path[0], path[1], gradient, lang, width)
        chart = path_chart(calc, path, lang)
    else:
        try:
            chart = curve_chart(calc, result, lang)
        except EngineError as exc:
            return Text(f"{exc.param}: {exc.message}")
    return chart_view(chart, width, height, color) or no_room(width, height, lang)
