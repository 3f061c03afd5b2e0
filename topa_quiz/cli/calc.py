"""``topa calc NAME ...``: any engine calculation with its worked steps.

The subcommands are generated from :mod:`topa_quiz.engine.registry`, so the command line,
the bank and the engine share one list of names and parameters.
"""

from __future__ import annotations

import inspect
import json
from typing import Optional

import typer
from rich import box
from rich.table import Table

from ..engine.registry import CALCS, Calc, Param
from ..errors import UsageError
from .console import out_console
from .values import parse, positional_numbers

app = typer.Typer(
    help="계산기 — compute any reference value with its worked steps (PyTorch's conventions).",
    no_args_is_help=False,
    rich_markup_mode="rich",
)

TOPIC_ORDER = ("activation", "perceptron", "network", "loss", "optimizer", "generalization")


def calc_table() -> Table:
    table = Table(box=box.SIMPLE_HEAD, title="topa calc NAME — calculations", title_justify="left")
    table.add_column("name", style="bold cyan", no_wrap=True)
    table.add_column("what it computes", overflow="fold")
    for topic in TOPIC_ORDER:
        for c in (c for c in CALCS if c.topic == topic):
            table.add_row(c.name, c.summary)
    return table


@app.callback(invoke_without_command=True)
def _calc_root(ctx: typer.Context) -> None:
    """계산기 — compute any reference value with its worked steps (PyTorch's conventions).

    Example: topa calc adam --param 1.0 --grad 0.5 --lr 0.1
    """
    if ctx.invoked_subcommand is None:
        console = out_console()
        console.print(calc_table())
        console.print("Details and options: [bold]topa calc NAME --help[/]")


def _option_name(p: Param) -> str:
    return "X" if p.positional else p.option


def _default_text(p: Param) -> str:
    if p.required:
        return " [required]"
    if p.default is None or p.kind == "flag":
        return ""
    return f" [default: {p.default}]"


def _signature(calc: Calc) -> inspect.Signature:
    params: list[inspect.Parameter] = []
    kw = inspect.Parameter.KEYWORD_ONLY
    for p in calc.params:
        help_ = p.help + (f" ({p.bounds_text()})" if p.bounds_text() else "") + _default_text(p)
        if p.positional:
            default = typer.Argument(None, help=help_ + " Several numbers, or comma lists.", metavar="X...")
            params.append(inspect.Parameter(p.name, kw, default=default, annotation=Optional[list[str]]))
        elif p.kind == "steps":
            default = typer.Option(None, p.option, help=help_, metavar="G")
            params.append(inspect.Parameter(p.name, kw, default=default, annotation=Optional[list[str]]))
        elif p.kind == "flag":
            decl = f"{p.option}/--no-{p.option[2:]}" if p.default else p.option
            params.append(
                inspect.Parameter(
                    p.name, kw, default=typer.Option(bool(p.default), decl, help=p.help), annotation=bool
                )
            )
        else:
            metavar = {
                "number": "NUM",
                "int": "INT",
                "vector": "V",
                "batch": "ROWS",
                "choice": "|".join(p.choices),
            }
            default = typer.Option(None, p.option, help=help_, metavar=metavar[p.kind])
            params.append(inspect.Parameter(p.name, kw, default=default, annotation=Optional[str]))
    params.append(
        inspect.Parameter(
            "json_",
            kw,
            default=typer.Option(False, "--json", help="Print one JSON object and nothing else."),
            annotation=bool,
        )
    )
    params.append(
        inspect.Parameter(
            "plot",
            kw,
            default=typer.Option(
                False, "--plot", help="Draw the calculation in the terminal where a picture fits."
            ),
            annotation=bool,
        )
    )
    return inspect.Signature(params)


def run(calc: Calc, options: dict[str, object], as_json: bool, plot: bool = False) -> None:
    values: dict[str, object] = {}
    for p in calc.params:
        raw = options.get(p.name)
        if p.kind == "flag":
            values[p.name] = bool(raw)
            continue
        if raw is None or raw == []:
            if p.required:
                raise UsageError(f"{_option_name(p)}: missing; {calc.name} needs it, e.g. {calc.example}")
            continue
        values[p.name] = positional_numbers("X", raw) if p.positional else parse(p, raw, p.option)  # type: ignore[arg-type]
    from ..engine import EngineError, compute

    try:
        result = compute(calc.name, **values)
    except EngineError as exc:
        p = calc.param(exc.param)
        where = _option_name(p) if p else exc.param
        message = exc.message
        for other in calc.params:  # the engine says y_true; the user typed --y-true
            if "_" in other.name:
                message = message.replace(other.name, other.option)
        raise UsageError(f"{where}: {message}") from None
    if as_json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        return
    from ..render.steps import calculation_view

    console = out_console()
    console.print(calculation_view(result, calc.summary))
    if plot:
        from .plot import plot_calculation

        plot_calculation(console, calc, result)


def _make_command(calc: Calc) -> None:
    def command(**kwargs: object) -> None:
        as_json = bool(kwargs.pop("json_"))
        plot = bool(kwargs.pop("plot"))
        run(calc, kwargs, as_json, plot)

    command.__signature__ = _signature(calc)  # type: ignore[attr-defined]
    command.__name__ = calc.name.replace("-", "_")
    doc = calc.summary + (f"\n\n{calc.notes}" if calc.notes else "")
    positional = any(p.positional for p in calc.params)
    app.command(
        name=calc.name,
        help=doc,
        short_help=calc.summary,
        epilog=f"Example: {calc.example}",
        context_settings={"ignore_unknown_options": positional, "help_option_names": ["-h", "--help"]},
    )(command)


for _calc in CALCS:
    _make_command(_calc)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="calc")
