"""``topa plot``: flags -> a :class:`PlotRequest` -> :mod:`topa_quiz.render.plots` -> print.

Also the picture of one calculation, for ``topa calc NAME ... --plot`` and ``p`` in the quiz.
plotext and the engine are imported inside the renderers, never here.
"""

from __future__ import annotations

import math
import os
from typing import TYPE_CHECKING

import typer

from ..engine.registry import CALCS
from ..errors import UsageError
from .common import LANG_OPTION
from .completion import complete_plot_name

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from ..engine import Calculation
    from ..engine.registry import Calc
    from ..render.plots import PlotRequest

#: what a problem found by the renderer is called on the command line
FLAGS = {"range": "--range", "x": "--range", "lr": "--lr", "alpha": "--alpha"}
CURVES = ", ".join(c.name for c in CALCS if c.plot == "curve")


def in_color(console: Console) -> bool:
    """Colours only in a terminal, and never with NO_COLOR."""
    return not os.environ.get("NO_COLOR") and not console.no_color and console.is_terminal


def numbers(option: str, values: list[str], lang: str) -> list[float]:
    """Numbers from repeated or comma-separated values; a one-line error for anything else."""
    from ..i18n import catalog

    out: list[float] = []
    for part in (p.strip() for raw in values for p in str(raw).split(",")):
        if not part:
            continue
        try:
            out.append(float(part))
        except ValueError:
            raise UsageError(f"{option}: " + catalog(lang)("plot.numbers", text=part)) from None
    return out


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text.split(",")[0]))
    except ValueError:
        return False


def plot_request(
    names: list[str], lr: list[str], range_: tuple[float, float], options: dict[str, object], lang: str
) -> PlotRequest:
    """The flags as a request. ``--lr 0.01 0.1 1.1``: the numbers after the first land among the
    names (Typer takes one value per option), so they are moved back to the learning rates."""
    from ..i18n import catalog
    from ..render.plots import LR_PLOT, PlotRequest

    lrs = numbers("--lr", lr, lang)
    if LR_PLOT in names:
        extra = [n for n in names if n != LR_PLOT]
        lrs += numbers("--lr", [n for n in extra if _is_number(n)], lang)
        names = [LR_PLOT] + [n for n in extra if not _is_number(n)]
    elif lr:
        raise UsageError(catalog(lang)("plot.lr_only"))
    return PlotRequest(
        tuple(names),
        float(range_[0]),
        float(range_[1]),
        bool(options["derivative"]),
        tuple(lrs) or PlotRequest.lrs,
        int(options["steps"]),  # type: ignore[call-overload]
        float(options["alpha"]),  # type: ignore[arg-type]
    )


def plot(
    names: list[str] | None = typer.Argument(
        None,
        metavar="NAME...",
        autocompletion=complete_plot_name,
        help=f"{CURVES}; or lr (the learning-rate effect). At most 10 lines in one plot.",
    ),
    derivative: bool = typer.Option(
        False, "--derivative", "-d", help="Also draw each function's derivative."
    ),
    range_: tuple[float, float] = typer.Option(
        (-6.0, 6.0),
        "--range",
        metavar="LOW HIGH",
        help="The x range, within ±1e6; negative numbers work: --range -6 6.",
    ),
    lr: list[str] | None = typer.Option(
        None,
        "--lr",
        metavar="ETA...",
        help="For 'lr': learning rates η, e.g. --lr 0.01 0.1 1.1 (or repeat --lr), at most 10; "
        "by default 0.01 0.1 1.1.",
    ),
    steps: int = typer.Option(20, "--steps", min=1, max=200, help="For 'lr': gradient-descent steps."),
    alpha: float = typer.Option(0.01, "--alpha", help="Slope α of leaky-relu for x < 0, from 0 to 1000."),
    lang: str | None = LANG_OPTION,
) -> None:
    """그래프 — draw activation functions (and derivatives) or the learning-rate effect in the terminal.

    [bold]topa plot lr[/] runs gradient descent on f(θ) = θ² from θ₀ = 1 with each learning
    rate: too small is slow, a good one converges, too large (η > 1) diverges.
    """
    from ..render.plots import PlotError, plot_view
    from .console import language, out_console

    lang = language(lang)
    options = {"derivative": derivative, "steps": steps, "alpha": alpha}
    request = plot_request(list(names or []), list(lr or []), range_, options, lang)
    console = out_console()
    try:
        view = plot_view(request, lang, console.width, console.height, in_color(console))
    except PlotError as exc:
        flag = FLAGS.get(exc.field)
        raise UsageError(f"{flag}: {exc.message}" if flag else exc.message) from None
    show(console, view)


def show(console: Console, view: RenderableType) -> None:
    """Print a rendered plot; a one-line message stays one line (the terminal folds it)."""
    from rich.text import Text

    console.print(view, soft_wrap=isinstance(view, Text))


def can_plot(calc: Calc | None, result: Calculation | None) -> bool:
    """Whether the calculation has a picture (for the quiz's ``p`` offer)."""
    from ..render.plots import can_plot as fits

    return fits(calc, result)


def offer_text(lang: str) -> str:
    """The quiz's offer of the picture after the feedback, in ``lang``."""
    from ..i18n import catalog

    return catalog(lang)("plot.offer")


def plot_calculation(console: Console, calc: Calc, result: Calculation, lang: str | None = None) -> None:
    """``topa calc NAME ... --plot``, ``p`` in the quiz: the picture, or one line saying why not."""
    from ..render.plots import calculation_view
    from .console import language

    lang = language(lang)
    show(console, calculation_view(calc, result, lang, console.width, console.height, in_color(console)))


def register(root: typer.Typer) -> None:
    """Add ``topa plot`` to the root app."""
    root.command(
        "plot",
        epilog="Example: topa plot sigmoid tanh --derivative --range -6 6 ; topa plot lr --lr 0.01 0.1 1.1",
        context_settings={"help_option_names": ["-h", "--help"]},
    )(plot)
