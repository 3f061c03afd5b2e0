"""``topa calc NAME ...``: any engine calculation with its worked steps.

The subcommands come from :mod:`topa_quiz.engine.registry`, so the command line, the bank
and the engine share one list of names and parameters. Only the subcommand that runs is
built (``topa calc adam`` does not build the other 30), in the session's language.
"""

from __future__ import annotations

import inspect
import json
from typing import TYPE_CHECKING, Optional

import typer
from typer.core import TyperGroup

from ..engine.registry import Calc, Param, lookup, names
from ..errors import UsageError
from .options import example, lang_option, words

if TYPE_CHECKING:
    from .env import Environment

METAVARS = {"number": "NUM", "int": "INT", "vector": "V", "batch": "ROWS"}


class CalcGroup(TyperGroup):
    """The calculations of the registry, each built only when asked for."""

    def list_commands(self, ctx: object) -> list[str]:
        return list(names())

    def resolve_command(self, ctx: object, args: list[str]):  # noqa: ANN201
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            from ..engine.registry import closest

            guess = closest(name)
            if guess:
                raise UsageError.said("calc.unknown_guess", name=name, guess=guess)
            raise UsageError.said("calc.unknown", name=name)
        return super().resolve_command(ctx, args)

    def get_command(self, ctx: object, name: str):  # noqa: ANN201
        calc = lookup(name)
        if calc is None or calc.name != name:
            return None
        sub = typer.Typer(add_completion=False)
        make_command(sub, calc)
        return typer.main.get_command(sub)


def _help(p: Param, lang: str) -> str:
    bounds = p.bounds_text(lang)
    return p.help(lang) + (f" ({bounds})" if bounds else "")


def _parameter(p: Param, lang: str) -> inspect.Parameter:
    """The Typer declaration of one calculation parameter (values stay text: we parse them)."""
    kw, text, w = inspect.Parameter.KEYWORD_ONLY, _help(p, lang), words()
    if p.required:
        text += f" [{w('help.required')}]"
    elif p.default is not None and p.kind not in ("flag", "steps"):
        text += f" [{w('help.default')}: {p.default}]"
    if p.positional:
        default = typer.Argument(None, help=f"{text} {w('calc.positional')}", metavar="X...")
        return inspect.Parameter(p.name, kw, default=default, annotation=Optional[list[str]])
    if p.kind == "steps":
        default = typer.Option(None, p.option, help=text, metavar="G")
        return inspect.Parameter(p.name, kw, default=default, annotation=Optional[list[str]])
    if p.kind == "flag":
        decl = f"{p.option}/--no-{p.option[2:]}" if p.default else p.option
        return inspect.Parameter(
            p.name, kw, default=typer.Option(bool(p.default), decl, help=text), annotation=bool
        )
    metavar = "|".join(p.choices) if p.choices else METAVARS[p.kind]
    default = typer.Option(None, p.option, help=text, metavar=metavar)
    return inspect.Parameter(p.name, kw, default=default, annotation=Optional[str])


def signature(calc: Calc, lang: str) -> inspect.Signature:
    w, kw = words(), inspect.Parameter.KEYWORD_ONLY
    extra = [
        inspect.Parameter(
            "json_", kw, default=typer.Option(False, "--json", help=w("opt.calc_json")), annotation=bool
        ),
        inspect.Parameter(
            "plot", kw, default=typer.Option(False, "--plot", help=w("opt.calc_plot")), annotation=bool
        ),
        inspect.Parameter("lang", kw, default=lang_option(), annotation=Optional[str]),
    ]
    return inspect.Signature([*(_parameter(p, lang) for p in calc.params), *extra])


def engine_values(calc: Calc, options: dict[str, object]) -> dict[str, object]:
    """The typed options as the engine's values; a missing or bad one is a UsageError."""
    from .calc_args import parse, positional_numbers

    values: dict[str, object] = {}
    for p in calc.params:
        raw = options.get(p.name)
        if p.kind == "flag":
            values[p.name] = bool(raw)
        elif raw is None or raw == []:
            if p.required:
                option = "X" if p.positional else p.option
                raise UsageError.said("calc.missing", option=option, name=calc.name, example=calc.example)
        else:
            values[p.name] = positional_numbers("X", raw) if p.positional else parse(p, raw, p.option)  # type: ignore[arg-type]
    return values


def run_calc(env: Environment, calc: Calc, options: dict[str, object], as_json: bool, plot: bool) -> None:
    from ..engine import EngineError, compute

    try:
        result = compute(calc.name, **engine_values(calc, options))
    except EngineError as exc:
        p = calc.param(exc.param)
        option = ("X" if p.positional else p.option) if p else exc.param
        message = exc.text(env.lang)
        for other in calc.params:  # the engine says y_true; the user typed --y-true
            if "_" in other.name:
                message = message.replace(other.name, other.option)
        raise UsageError.said("calc.engine", option=option, problem=message) from None
    if as_json:
        env.stdout.write(json.dumps(result.to_dict(env.lang), ensure_ascii=False) + "\n")
        return
    from ..render.steps import calculation_view

    env.show(calculation_view(result, calc.summary(env.lang), env.lang))
    if plot:
        from .plot import plot_calculation

        plot_calculation(env.out, calc, result, env.lang)


def make_command(app: typer.Typer, calc: Calc) -> None:
    from . import session_lang

    lang = session_lang()

    def command(**kwargs: object) -> None:
        from .env import current

        env = current(kwargs.pop("lang"))  # type: ignore[arg-type]
        as_json, plot = bool(kwargs.pop("json_")), bool(kwargs.pop("plot"))
        run_calc(env, calc, kwargs, as_json, plot)

    command.__signature__ = signature(calc, lang)  # type: ignore[attr-defined]
    command.__name__ = calc.name.replace("-", "_")
    summary, notes = calc.summary(lang), calc.notes(lang)
    positional = any(p.positional for p in calc.params)
    app.command(
        name=calc.name,
        help=summary + (f"\n\n{notes}" if notes else ""),
        short_help=summary,
        epilog=example(calc.example),
        context_settings={"ignore_unknown_options": positional, "help_option_names": ["-h", "--help"]},
    )(command)


def show_list(env: Environment) -> None:
    from ..render.steps import calc_list

    env.show(calc_list(env.words))


def register(root: typer.Typer) -> None:
    w = words()
    app = typer.Typer(
        cls=CalcGroup, help=w("cmd.calc"), epilog=example("topa calc adam --param 1.0 --grad 0.5 --lr 0.1")
    )

    @app.callback(invoke_without_command=True)
    def _calc_root(ctx: typer.Context, lang: Optional[str] = lang_option()) -> None:
        if ctx.invoked_subcommand is None:
            from .env import current

            show_list(current(lang))

    root.add_typer(app, name="calc")
