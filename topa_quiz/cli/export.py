"""``topa export NAME``: one command per row of :data:`topa_quiz.export.EXPORTERS`.

flags -> :class:`~topa_quiz.export.ExportOptions` -> the exporter -> standard output or a
file. Text formats go to standard output unless ``--out`` names a file; a binary format
(the Anki package) needs ``--out``. genanki and NumPy are imported by the exporters only.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Optional

import typer
from typer.core import TyperGroup

try:  # Typer >= 0.2x vendors its own click
    from typer._click import exceptions as click
except ImportError:  # pragma: no cover - older Typer on click
    from click import exceptions as click  # type: ignore[no-redef]

from ..errors import UsageError
from ..export import EXPORTERS, FORMATS, Exporter
from .options import bank_option, example, lang_option, load_questions, words


class ExportGroup(TyperGroup):
    """``topa export FORMAT``: an unknown format is a usage error naming the known ones."""

    def resolve_command(self, ctx, args):  # noqa: ANN001, ANN201
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in self.commands:
            message = words()("export.unknown", name=name, names=", ".join(FORMATS))
            raise click.UsageError(message, ctx)
        return super().resolve_command(ctx, args)


def run_export(
    exporter: Exporter, out: str | None, variants: int, lang: str | None, banks: list[Path] | None
) -> None:
    """Build the export and send it where ``--out`` says (standard output by default for text)."""
    from ..export import ExportError, ExportOptions, check_out, save
    from .env import current

    env = current(lang)
    destination = out or exporter.destination
    if destination is None or (exporter.binary and destination == "-"):
        example_out = exporter.example_out
        raise UsageError("--out: " + env.words("export.needs_out", name=exporter.name, example=example_out))
    try:
        if destination != "-":
            check_out(Path(destination), env.lang)
        bank = load_questions(banks)
        built = exporter.build(bank, ExportOptions(env.lang, variants or exporter.variants, env.warn))
        if destination == "-":
            env.stdout.write(str(built.content))
            env.stdout.flush()
            return
        save(built.content, Path(destination), env.lang)
    except ExportError as exc:
        raise UsageError(f"--out: {exc.message}") from None
    wrote = env.words(
        f"export.{exporter.name}.wrote", count=built.count, questions=built.questions, path=destination
    )
    env.out.print(wrote, highlight=False, markup=False, soft_wrap=True)


def _signature(exporter: Exporter) -> inspect.Signature:
    """``--out``, then ``--variants`` and ``--lang`` where the format takes them, then ``--bank``."""
    w = words()
    kw = inspect.Parameter.KEYWORD_ONLY
    where = w("export.opt.out_binary" if exporter.destination is None else "export.opt.out_text")
    out = typer.Option(None, "--out", "-o", help=where, metavar="FILE")
    params = [inspect.Parameter("out", kw, default=out, annotation=Optional[str])]
    if exporter.variants:
        option = typer.Option(
            exporter.variants, "--variants", min=1, max=50, metavar="N", help=w("export.opt.variants")
        )
        params.append(inspect.Parameter("variants", kw, default=option, annotation=int))
    if exporter.languages:
        params.append(inspect.Parameter("lang", kw, default=lang_option(), annotation=Optional[str]))
    params.append(inspect.Parameter("bank_paths", kw, default=bank_option(), annotation=Optional[list[Path]]))
    return inspect.Signature(params)


def _add_command(app: typer.Typer, exporter: Exporter) -> None:
    def command(**kwargs: object) -> None:
        run_export(
            exporter,
            kwargs.get("out"),  # type: ignore[arg-type]
            int(kwargs.get("variants") or 0),  # type: ignore[call-overload]
            kwargs.get("lang"),  # type: ignore[arg-type]
            kwargs.get("bank_paths"),  # type: ignore[arg-type]
        )

    command.__signature__ = _signature(exporter)  # type: ignore[attr-defined]
    command.__name__ = f"export_{exporter.name}"
    app.command(
        name=exporter.name,
        help=words()(exporter.writes) + ".",
        epilog=example(exporter.example),
        context_settings={"help_option_names": ["-h", "--help"]},
    )(command)


def register(root: typer.Typer) -> None:
    """Add ``topa export`` and one subcommand per exporter, their help in the session's language."""
    w = words()
    app = typer.Typer(
        cls=ExportGroup,
        help=f"{w('cmd.export')}\n\n{w('export.cmd.help')}",
        no_args_is_help=True,
        rich_markup_mode="rich",
    )
    for exporter in EXPORTERS:
        _add_command(app, exporter)
    root.add_typer(app, name="export", epilog=example("topa export anki --out topa.apkg"))
