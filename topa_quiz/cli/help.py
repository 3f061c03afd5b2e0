"""``--help`` in the session's language, drawn with plain Rich tables.

Typer's own help renderer imports Rich's Markdown, Syntax and Traceback machinery (about
60 ms) and words its headings in English. This one reads the same click objects (usage,
parameters, subcommands, epilog) and words every heading through the catalog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..i18n import Catalog

#: options Typer adds on its own, with the catalog id of their help
BUILTIN_HELP = {
    "--help": "help.help",
    "--install-completion": "help.install_completion",
    "--show-completion": "help.show_completion",
}


def _default_text(param: object, words: Catalog) -> str:
    if getattr(param, "required", False):
        return f" [{words('help.required')}]"
    default = getattr(param, "default", None)
    if getattr(param, "is_flag", False) or default in (None, (), []) or callable(default):
        return ""
    if not getattr(param, "show_default", True) and getattr(param, "show_default", None) is not None:
        return ""
    return f" [{words('help.default')}: {default}]"


def _param_rows(command: object, ctx: object, words: Catalog) -> tuple[list, list]:
    arguments, options = [], []
    for param in command.get_params(ctx):  # type: ignore[attr-defined]
        if getattr(param, "hidden", False):
            continue
        if param.param_type_name == "argument":
            name = getattr(param, "metavar", None) or param.name.upper()
            arguments.append((name, (getattr(param, "help", "") or "") + _default_text(param, words)))
            continue
        names = ", ".join([*param.opts, *param.secondary_opts])
        builtin = next((BUILTIN_HELP[o] for o in param.opts if o in BUILTIN_HELP), None)
        text = words(builtin) if builtin else (param.help or "")
        metavar = "" if param.is_flag else f" {_metavar(param, ctx)}"
        options.append((names + metavar, text + ("" if builtin else _default_text(param, words))))
    return arguments, options


def _metavar(param: object, ctx: object) -> str:
    shown = getattr(param, "metavar", None)
    if shown:
        return shown
    display = getattr(param, "display_type", None)
    return (display(ctx) or "") if display else ""


def _usage(command: object, ctx: object, words: Catalog) -> str:
    pieces = " ".join(command.collect_usage_pieces(ctx))  # type: ignore[attr-defined]
    for english, key in (
        ("[OPTIONS]", "help.usage_options"),
        ("COMMAND", "help.usage_command"),
        ("[ARGS]", "help.usage_args"),
    ):
        pieces = pieces.replace(english, words(key))
    return f"{ctx.command_path} {pieces}".strip()  # type: ignore[attr-defined]


def _table(rows: list[tuple[str, str]]) -> RenderableType:
    from rich.table import Table

    from ..render.text import plain

    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column(overflow="fold")
    for name, text in rows:
        table.add_row(plain(name), plain(text))
    return table


def help_view(command: object, ctx: object, words: Catalog) -> RenderableType:
    """The help of ``command``: usage, description, arguments, options, subcommands, epilog."""
    from rich.console import Group
    from rich.text import Text

    from ..render.text import plain

    parts: list[RenderableType] = [
        Text.assemble((f"{words('help.usage')}: ", "bold"), plain(_usage(command, ctx, words))),
    ]
    if getattr(command, "help", None):
        parts += [Text(""), plain(command.help.strip())]  # type: ignore[attr-defined]
    arguments, options = _param_rows(command, ctx, words)
    for key, rows in (("help.arguments", arguments), ("help.options", options)):
        if rows:
            parts += [Text(""), Text(words(key), style="bold"), _table(rows)]
    subcommands = _subcommands(command, ctx)
    if subcommands:
        parts += [Text(""), Text(words("help.commands"), style="bold"), _table(subcommands)]
    if getattr(command, "epilog", None):
        parts += [Text(""), plain(command.epilog, "dim")]  # type: ignore[attr-defined]
    return Group(*parts)


def _subcommands(command: object, ctx: object) -> list[tuple[str, str]]:
    if not hasattr(command, "list_commands"):
        return []
    rows = []
    for name in command.list_commands(ctx):  # type: ignore[attr-defined]
        sub = command.get_command(ctx, name)  # type: ignore[attr-defined]
        if sub is not None and not getattr(sub, "hidden", False):
            rows.append(
                (name, sub.get_short_help_str(limit=300) if hasattr(sub, "get_short_help_str") else "")
            )
    return rows


def format_help(self: object, ctx: object, formatter: object) -> None:
    """Replaces Typer's ``format_help``: print the localized help on stdout."""
    import os
    import sys

    from rich.console import Console

    from ..i18n import catalog
    from . import session_lang

    try:
        width = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        width = None
    console = Console(file=sys.stdout, highlight=False, width=width if width and width >= 20 else None)
    console.print(help_view(self, ctx, catalog(session_lang())))


def install() -> None:
    """Use :func:`format_help` for every Typer command and group of this process."""
    from typer.core import TyperCommand, TyperGroup

    TyperCommand.format_help = format_help  # type: ignore[method-assign]
    TyperGroup.format_help = format_help  # type: ignore[method-assign]
