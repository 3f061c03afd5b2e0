"""The ``topa`` command line: Typer, one small module per command group, loaded on demand.

Every failure ends in :func:`report` as one line on stderr and an exit status (see
:class:`topa_quiz.errors.ExitStatus`); ``TOPA_TRACEBACK=1`` shows the traceback of an
unexpected error for developers. A command's module is imported only when that command
runs (``topa --help`` lists them from :data:`COMMANDS` without importing any), and heavy
libraries (NumPy, YAML, SQLite, fsrs, plotext) only inside the commands that need them.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import os
import sys

import typer

try:  # Typer >= 0.2x vendors its own click
    from typer._click import core as click_core
    from typer._click import exceptions as click
except ImportError:  # pragma: no cover - older Typer on click
    from click import core as click_core  # type: ignore[no-redef]
    from click import exceptions as click  # type: ignore[no-redef]
from typer.core import TyperGroup

from ..errors import ExitStatus, TopaError
from ..i18n import DEFAULT_LANG, LANGS, catalog
from .coercion import install as _install_coercion
from .help import install as _install_help

_install_help()
_install_coercion()

#: command name -> (module in this package, catalog id of its one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "quiz": ("quiz", "cmd.quiz"),
    "learn": ("learn", "cmd.learn"),
    "review": ("study", "cmd.review"),
    "wrong": ("study", "cmd.wrong"),
    "exam": ("exam", "cmd.exam"),
    "stats": ("stats", "cmd.stats"),
    "plan": ("plan", "cmd.plan"),
    "today": ("plan", "cmd.today"),
    "calc": ("calc", "cmd.calc"),
    "plot": ("plot", "cmd.plot"),
    "export": ("export", "cmd.export"),
    "bank": ("bank", "cmd.bank"),
    "reset": ("study", "cmd.reset"),
}

#: domain fields (errors raised below the CLI) -> how the command line spells them
FLAGS = {
    "topics": "--topic",
    "concepts": "--concept",
    "types": "--type",
    "difficulties": "--difficulty",
    "count": "--count",
    "seed": "--seed",
    "minutes": "--minutes",
    "pass_mark": "--pass-mark",
    "exam_date": "--exam-date",
    "daily_minutes": "--daily-minutes",
    "clear": "--clear",
    "lang": "--lang",
    "TOPA_LANG": "TOPA_LANG",
}


#: the arguments of the run in progress, when the root was called with them (a test runner, the
#: Python API): help texts built during the run follow its --lang, not the process's argv
_this_run: list[str] | None = None


def session_lang(argv: list[str] | None = None) -> str:
    """The language of this run, for help texts and errors: --lang/-l, TOPA_LANG, Korean.

    Never fails: a bad value falls back to Korean here (the command itself reports it).
    """
    if argv is None:
        argv = _this_run if _this_run is not None else sys.argv[1:]
    return _lang_of(tuple(argv), os.environ.get("TOPA_LANG", ""))


@functools.lru_cache(maxsize=8)
def _lang_of(args: tuple[str, ...], env_value: str) -> str:
    value = env_value
    for i, arg in enumerate(args):
        if arg in ("--lang", "-l") and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
    for candidate in (value, env_value):  # a bad --lang is told in TOPA_LANG's language
        if candidate.strip().lower() in LANGS:
            return candidate.strip().lower()
    return DEFAULT_LANG


def report(exc: BaseException, lang: str) -> int:
    """One line on stderr for ``exc``; the exit status that goes with it."""
    from .env import current

    env = current(lang)
    words = env.words
    if isinstance(exc, click.UsageError):
        from .usage import usage_message

        cmd = exc.ctx.command_path if exc.ctx else "topa"
        env.error_line(usage_message(exc, words), words("cli.see_help", cmd=cmd))
        return ExitStatus.USAGE
    if isinstance(exc, click.ClickException):
        env.error_line(exc.format_message())
        return exc.exit_code
    if isinstance(exc, TopaError):
        flag = FLAGS.get(exc.field, "")
        if isinstance(exc.values.get("filters"), dict):  # the filters as the user typed them
            exc.values["filters"] = " ".join(
                f"{FLAGS.get(field, field)} {value}"
                for field, values in exc.values["filters"].items()
                for value in values
            )
        env.error_line((f"{flag}: " if flag else "") + exc.words(words))
        return exc.status
    env.error_line(words("cli.unexpected", kind=type(exc).__name__, detail=str(exc)), words("cli.bug_hint"))
    return ExitStatus.ERROR


def _quiet_broken_pipe() -> int:
    """The reader went away (``topa bank list | head``): stop quietly, status 0."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return ExitStatus.OK


def _take_ctrl_c() -> None:
    """Make Ctrl-C (SIGINT) raise KeyboardInterrupt even when topa was started with it ignored.

    A process started with SIGINT ignored (a background job of a non-interactive shell, or a
    test run started that way) keeps SIG_IGN, and Python then installs no handler: Ctrl-C
    did nothing and a quiz waiting for input could not be ended (issue 13, item 32). Ctrl-C
    always ends a session with its summary and status 130; nothing answered is lost by that.
    """
    import signal

    try:
        if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
            signal.signal(signal.SIGINT, signal.default_int_handler)
    except ValueError:  # not the main thread: signals are not ours to set
        pass


def _tolerant_streams() -> None:
    """Never fail on the terminal's encoding: characters an ASCII (or other narrow) stdout
    cannot show are written as escapes, and bytes stdin cannot decode become U+FFFD (an
    answer that is then asked for again), instead of a UnicodeError."""
    for stream, errors in (
        (sys.stdout, "backslashreplace"),
        (sys.stderr, "backslashreplace"),
        (sys.stdin, "replace"),
    ):
        with contextlib.suppress(AttributeError, ValueError, OSError):  # a test runner's stream
            stream.reconfigure(errors=errors)  # type: ignore[union-attr]


class TopaGroup(TyperGroup):
    """The root group: commands loaded on demand; every exception mapped to one line."""

    _loaded: dict[tuple[str, str], click_core.Command]

    def list_commands(self, ctx: click_core.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click_core.Context, name: str) -> click_core.Command | None:
        if name not in COMMANDS:
            return None
        loaded = getattr(self, "_loaded", {})
        if (session_lang(), name) in loaded:
            return loaded[(session_lang(), name)]
        # a stand-in that carries the one-line help, so listing commands imports nothing
        from typer.core import TyperCommand

        return TyperCommand(name, help=catalog(session_lang())(COMMANDS[name][1]))

    def resolve_command(self, ctx: click_core.Context, args: list[str]):  # noqa: ANN201
        name = args[0] if args else ""
        if name in COMMANDS:
            return name, load_command(self, name), args[1:]
        return super().resolve_command(ctx, args)

    def _speak(self, lang: str) -> None:
        """The root's own help texts in this run's language (the module may have been imported
        for another one, as a test runner or the Python API does)."""
        words = catalog(lang)
        self.help = words("cmd.root")
        for param in self.params:
            if param.name == "version":
                param.help = words("cli.version_help")  # type: ignore[attr-defined]

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):  # noqa: ANN001
        global _this_run
        _this_run = list(args) if args is not None else None
        lang = session_lang()
        self._speak(lang)
        _take_ctrl_c()
        _tolerant_streams()
        try:
            code = super().main(args, prog_name or "topa", complete_var, standalone_mode=False, **extra)
            code = code if isinstance(code, int) else 0
        except typer.Exit as exc:
            code = exc.exit_code
        except (typer.Abort, KeyboardInterrupt):
            code = ExitStatus.INTERRUPTED
        except click.NoArgsIsHelpError:
            code = ExitStatus.USAGE  # the help is already on screen: no error line
        except BrokenPipeError:
            code = _quiet_broken_pipe()
        except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
            if os.environ.get("TOPA_TRACEBACK") and not isinstance(exc, (TopaError, click.ClickException)):
                raise
            code = report(exc, lang)
        if standalone_mode:
            sys.exit(int(code))
        return int(code)


def load_command(group: TopaGroup, name: str) -> click_core.Command:
    """Import the module of ``name``, let it register its commands (their help in this run's
    language), and keep the one asked for."""
    if not hasattr(group, "_loaded"):
        group._loaded = {}
    lang = session_lang()
    if (lang, name) not in group._loaded:
        module = importlib.import_module(f"{__name__}.{COMMANDS[name][0]}")
        sub = typer.Typer(cls=TyperGroup, rich_markup_mode="rich", add_completion=False)
        module.register(sub)
        built = typer.main.get_group(sub)
        for other in built.list_commands(click_core.Context(built)):
            group._loaded[(lang, other)] = built.get_command(click_core.Context(built), other)  # type: ignore[assignment]
    return group._loaded[(lang, name)]


def _root_help() -> str:
    return catalog(session_lang())("cmd.root")


app = typer.Typer(
    cls=TopaGroup,
    name="topa",
    help=_root_help(),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _database_location() -> str | None:
    from ..store.paths import database_path

    try:
        return str(database_path())
    except Exception:  # noqa: BLE001 - --version must work even where the path cannot be resolved
        return None


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"topa-quiz {__version__}")
        location = _database_location()
        if location:
            typer.echo(f"{catalog(session_lang())('cli.database')}: {location}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False,
        "--version",
        "-V",
        callback=_version,
        is_eager=True,
        help=catalog(session_lang())("cli.version_help"),
    ),
) -> None:
    pass


def main() -> None:
    """The ``topa`` console script."""
    app()
