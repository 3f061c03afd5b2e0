"""``topa plot``: flags -> a :class:`PlotRequest` -> :mod:`topa_quiz.render.plots` -> print.

Also the picture of one calculation, for ``topa calc NAME ... --plot`` and ``p`` in the quiz.
plotext and the engine are imported inside the renderers, never here.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import typer

from ..engine.registry import CALCS
from ..errors import UsageError
from .completion import complete_plot_name
from .options import example, lang_option, words

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from ..engine import Calculation
    from ..engine.registry import Calc
    from ..render.plots import PlotRequest

#: what a problem found by the renderer is called on the command line
FLAGS = {"range": "--range", "x": "--range", "lr": "--lr", "alpha": "--alpha"}


def in_color(console: Console) -> bool:
    """Colours only in a terminal, and never with NO_COLOR (Rich reads it into ``no_color``)."""
    return not console.no_color and console.is_terminal


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


def run_plot(
    names: list[str], lr: list[str], range_: tuple[float, float], options: dict[str, object]
) -> None:
    """Everything ``topa plot`` does after Typer: the request, the picture, one line on error."""
    from ..render.plots import PlotError, plot_view
    from .env import current

    env = current(options.pop("lang"))  # type: ignore[arg-type]
    request = plot_request(names, lr, range_, options, env.lang)
    console = env.out
    try:
        view = plot_view(request, env.lang, console.width, console.height, in_color(console))
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


def plot_calculation(console: Console, calc: Calc, result: Calculation, lang: str | None = None) -> None:
    """``topa calc NAME ... --plot``, ``p`` in the quiz: the picture, or one line saying why not."""
    from ..render.plots import calculation_view
    from .env import language

    lang = language(lang)
    show(console, calculation_view(calc, result, lang, console.width, console.height, in_color(console)))


def register(app: typer.Typer) -> None:
    """Add ``topa plot`` to ``app``, its help in the session's language."""
    from ..render.plots import ALPHA_LIMIT, MAX_LINES, RANGE_LIMIT

    w = words()
    curves = ", ".join(c.name for c in CALCS if c.plot == "curve")

    @app.command(
        "plot",
        help=f"{w('cmd.plot')}\n\n{w('plot.cmd.help')}",
        epilog=example("topa plot sigmoid tanh --derivative --range -6 6 ; topa plot lr --lr 0.01 0.1 1.1"),
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    def plot(
        names: list[str] | None = typer.Argument(
            None,
            metavar="NAME...",
            autocompletion=complete_plot_name,
            help=w("plot.opt.names", curves=curves, n=MAX_LINES),
        ),
        derivative: bool = typer.Option(False, "--derivative", "-d", help=w("plot.opt.derivative")),
        range_: tuple[float, float] = typer.Option(
            (-6.0, 6.0), "--range", metavar="LOW HIGH", help=w("plot.opt.range", limit=f"{RANGE_LIMIT:g}")
        ),
        lr: list[str] | None = typer.Option(
            None, "--lr", metavar="ETA...", help=w("plot.opt.lr", n=MAX_LINES)
        ),
        steps: int = typer.Option(20, "--steps", min=1, max=200, metavar="N", help=w("plot.opt.steps")),
        alpha: float = typer.Option(
            0.01, "--alpha", metavar="NUM", help=w("plot.opt.alpha", limit=f"{ALPHA_LIMIT:g}")
        ),
        lang: str | None = lang_option(),
    ) -> None:
        options = {"derivative": derivative, "steps": steps, "alpha": alpha, "lang": lang}
        run_plot(list(names or []), list(lr or []), range_, options)
