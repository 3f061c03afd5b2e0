"""``topa export NAME``: one command per row of :data:`topa_quiz.export.EXPORTERS`.

flags -> :class:`~topa_quiz.export.ExportOptions` -> the exporter -> standard output or a
file. Text formats go to standard output unless ``--out`` names a file; a binary format
(the Anki package) needs ``--out``. genanki and NumPy are imported by the exporters only.
"""

from __future__ import annotations

import inspect
import sys
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
from .common import BANK_OPTION, LANG_OPTION

VARIANTS_HELP = "Sampled variants per computed question (fewer when its parameters allow fewer)."


class ExportGroup(TyperGroup):
    """``topa export FORMAT``: an unknown format is a usage error naming the known ones."""

    def resolve_command(self, ctx, args):  # noqa: ANN001, ANN201
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in self.commands:
            from ..i18n import catalog
            from .console import language

            message = catalog(language(None))("export.unknown", name=name, names=", ".join(FORMATS))
            raise click.UsageError(message, ctx)
        return super().resolve_command(ctx, args)


app = typer.Typer(
    cls=ExportGroup,
    help="내보내기 — export the bank to Anki (.apkg), Moodle GIFT or JSON.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)


@app.callback()
def _export_root() -> None:
    """내보내기 — export the bank to Anki (.apkg), Moodle GIFT or JSON.

    Formats: anki, gift, json. Text formats go to standard output unless --out names a file.
    """


def _warn(lang: str):  # noqa: ANN202 - a callback
    def warn(message: str) -> None:
        from rich.text import Text

        from ..i18n import catalog
        from .console import err_console

        err_console().print(Text.assemble((catalog(lang)("export.warning") + ": ", "yellow"), message))

    return warn


def run_export(
    exporter: Exporter, out: str | None, variants: int, lang: str | None, banks: list[Path] | None
) -> None:
    """Build the export and send it where ``--out`` says (standard output by default for text)."""
    from ..export import ExportError, ExportOptions, check_out, save
    from ..i18n import catalog
    from .common import load_questions
    from .console import language, out_console

    lang = language(lang)
    t = catalog(lang)
    destination = out or exporter.destination
    if destination is None or (exporter.binary and destination == "-"):
        raise UsageError("--out: " + t("export.needs_out", name=exporter.name, example=exporter.example_out))
    try:
        if destination != "-":
            check_out(Path(destination), lang)
        bank = load_questions(banks)
        built = exporter.build(bank, ExportOptions(lang, variants or exporter.variants, _warn(lang)))
        if destination == "-":
            sys.stdout.write(str(built.content))
            sys.stdout.flush()
            return
        save(built.content, Path(destination), lang)
    except ExportError as exc:
        raise UsageError(f"--out: {exc.message}") from None
    wrote = t(f"export.{exporter.name}.wrote", count=built.count, questions=built.questions, path=destination)
    out_console().print(wrote, highlight=False, markup=False, soft_wrap=True)


def _signature(exporter: Exporter) -> inspect.Signature:
    kw = inspect.Parameter.KEYWORD_ONLY
    where = (
        "Output file (required: the content is binary)."
        if exporter.destination is None
        else "Output file; '-' or none: standard output."
    )
    params = [
        inspect.Parameter(
            "out",
            kw,
            default=typer.Option(None, "--out", "-o", help=where, metavar="FILE"),
            annotation=Optional[str],
        )
    ]
    if exporter.variants:
        option = typer.Option(exporter.variants, "--variants", min=1, max=50, help=VARIANTS_HELP)
        params.append(inspect.Parameter("variants", kw, default=option, annotation=int))
    if exporter.languages:
        params.append(inspect.Parameter("lang", kw, default=LANG_OPTION, annotation=Optional[str]))
    params.append(inspect.Parameter("bank_paths", kw, default=BANK_OPTION, annotation=Optional[list[Path]]))
    return inspect.Signature(params)


def _make_command(exporter: Exporter) -> None:
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
    from ..i18n import catalog

    app.command(
        name=exporter.name,
        help=catalog("en")(exporter.writes) + ".",
        epilog=f"Example: {exporter.example}",
        context_settings={"help_option_names": ["-h", "--help"]},
    )(command)


for _exporter in EXPORTERS:
    _make_command(_exporter)


def register(root: typer.Typer) -> None:
    """Add ``topa export`` to the root app."""
    root.add_typer(app, name="export", epilog="Example: topa export anki --out topa.apkg")
