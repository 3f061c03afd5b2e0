"""``--help`` in the session's language, as plain text.

Typer's own help renderer imports Rich's Markdown, Syntax and Traceback machinery (about
60 ms) and words its headings in English. This one reads the same click objects (usage,
parameters, subcommands, epilog), words every heading through the catalog and writes plain
text wrapped at spaces by terminal cells (Korean takes two), without importing Rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..render.visible import cells, visible, wrap

if TYPE_CHECKING:
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
    if isinstance(default, (tuple, list)):  # --range (-6.0, 6.0) is typed -6 6
        default = " ".join(f"{v:g}" if isinstance(v, float) else str(v) for v in default)
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


#: the placeholder of a value whose option names none (Typer's own is English: <int range>)
TYPE_METAVARS = {"integer": "N", "integer range": "N", "float": "NUM", "float range": "NUM"}


def _metavar(param: object, ctx: object) -> str:
    shown = getattr(param, "metavar", None)
    if shown:
        return shown
    kind = getattr(getattr(param, "type", None), "name", "")
    return TYPE_METAVARS.get(kind) or str(getattr(param, "name", "") or "").upper()


def _usage(command: object, ctx: object, words: Catalog) -> str:
    pieces = " ".join(command.collect_usage_pieces(ctx))  # type: ignore[attr-defined]
    for english, key in (
        ("[OPTIONS]", "help.usage_options"),
        ("COMMAND", "help.usage_command"),
        ("[ARGS]", "help.usage_args"),
    ):
        pieces = pieces.replace(english, words(key))
    return f"{ctx.command_path} {pieces}".strip()  # type: ignore[attr-defined]


def _table(rows: list[tuple[str, str]], width: int) -> list[str]:
    left = min(max(cells(visible(name)) for name, _ in rows), max(12, width // 3))
    out = []
    for name, text in rows:
        first = visible(name)
        if cells(first) > left:  # a long name gets a line of its own
            out.append(f"  {first}")
            first = ""
        for i, line in enumerate(wrap(visible(text), max(20, width - left - 4))):
            label = first if i == 0 else ""
            out.append(f"  {label}{' ' * (left - cells(label))}  {line}".rstrip())
    return out


def help_text(command: object, ctx: object, words: Catalog, width: int) -> str:
    """The help of ``command`` as plain text: usage, description, arguments, options, commands."""
    lines = [f"{words('help.usage')}: {visible(_usage(command, ctx, words))}"]
    if getattr(command, "help", None):
        lines += ["", *wrap(visible(command.help.strip()), width)]  # type: ignore[attr-defined]
    arguments, options = _param_rows(command, ctx, words)
    sections = (
        ("help.arguments", arguments),
        ("help.options", options),
        ("help.commands", _subcommands(command, ctx)),
    )
    for key, rows in sections:
        if rows:
            lines += ["", words(key), *_table(rows, width)]
    if getattr(command, "epilog", None):
        lines += ["", *wrap(visible(command.epilog), width)]  # type: ignore[attr-defined]
    return "\n".join(lines) + "\n"


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
    """Replaces Typer's ``format_help``: write the localized help on stdout."""
    import os
    import shutil
    import sys

    from ..i18n import catalog
    from . import session_lang

    try:
        width = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        width = shutil.get_terminal_size((80, 24)).columns
    sys.stdout.write(help_text(self, ctx, catalog(session_lang()), max(40, min(width, 120)) - 1))


def install() -> None:
    """Use :func:`format_help` for every Typer command and group of this process."""
    from typer.core import TyperCommand, TyperGroup

    TyperCommand.format_help = format_help  # type: ignore[method-assign]
    TyperGroup.format_help = format_help  # type: ignore[method-assign]
