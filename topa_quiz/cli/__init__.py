"""The ``topa`` command line: Typer, one module per command group.

Every failure ends here as one line on stderr and an exit status (see
:class:`topa_quiz.errors.ExitStatus`); ``TOPA_TRACEBACK=1`` shows the traceback of an
unexpected error for developers. Heavy imports (NumPy, YAML, SQLite, fsrs, plotext) happen
inside the commands that need them, so ``topa --help`` stays fast.
"""

from __future__ import annotations

import os
import sys

import typer

try:  # Typer >= 0.2x vendors its own click
    from typer._click import exceptions as click
except ImportError:  # pragma: no cover - older Typer on click
    from click import exceptions as click  # type: ignore[no-redef]
from typer.core import TyperGroup

from ..errors import ExitStatus, TopaError


def _error_line(message: str, hint: str = "") -> None:
    from .console import err_console

    err_console().print(
        f"[bold red]error:[/] {message}" + (f" [dim]({hint})[/]" if hint else ""),
        highlight=False,
        soft_wrap=True,
    )


def _take_ctrl_c() -> None:
    """Make Ctrl-C (SIGINT) raise KeyboardInterrupt even when topa was started with it ignored.

    A process started with SIGINT ignored (a background job of a non-interactive shell, or a
    test run started that way) keeps SIG_IGN, and Python then installs no handler: Ctrl-C
    would do nothing and a quiz waiting for input could not be ended. Ctrl-C always ends a
    session with its summary and exit status 130; nothing answered is lost by that.
    """
    import signal

    try:
        if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
            signal.signal(signal.SIGINT, signal.default_int_handler)
    except ValueError:  # not the main thread: signals are not ours to set
        pass


class TopaGroup(TyperGroup):
    """The root group: maps every exception to one line and an exit status."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):  # noqa: ANN001
        _take_ctrl_c()
        try:
            code = super().main(args, prog_name or "topa", complete_var, standalone_mode=False, **extra)
            code = code if isinstance(code, int) else 0
        except typer.Exit as exc:
            code = exc.exit_code
        except typer.Abort:
            code = ExitStatus.INTERRUPTED
        except click.NoArgsIsHelpError:
            code = ExitStatus.USAGE  # the help is already on screen: no error line
        except click.UsageError as exc:
            cmd = exc.ctx.command_path if exc.ctx else "topa"
            _error_line(exc.format_message(), f"see '{cmd} --help'")
            code = ExitStatus.USAGE
        except click.ClickException as exc:
            _error_line(exc.format_message())
            code = exc.exit_code
        except TopaError as exc:
            _error_line(exc.message)
            code = exc.status
        except KeyboardInterrupt:
            code = ExitStatus.INTERRUPTED
        except BrokenPipeError:
            code = ExitStatus.OK
        except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
            if os.environ.get("TOPA_TRACEBACK"):
                raise
            _error_line(
                f"unexpected {type(exc).__name__}: {exc}",
                "a bug: please report it; TOPA_TRACEBACK=1 shows the traceback",
            )
            code = ExitStatus.ERROR
        if standalone_mode:
            sys.exit(int(code))
        return int(code)


app = typer.Typer(
    cls=TopaGroup,
    name="topa",
    help="TOPA 1급 딥러닝 기초 문제 풀이 — drills for the TOPA level-1 AI certification.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"topa-quiz {__version__}")
        from .console import data_location

        location = data_location()
        if location:
            typer.echo(f"progress database: {location}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False,
        "--version",
        "-V",
        callback=_version,
        is_eager=True,
        help="Show the version and where progress is kept.",
    ),
) -> None:
    """TOPA 1급 딥러닝 기초 문제 풀이 — drills for the TOPA level-1 AI certification.

    Start with [bold]topa quiz[/]; compute any reference value with [bold]topa calc[/].
    """


def _register() -> None:
    from . import bank, calc, exam, extras, quiz, stats, study

    quiz.register(app)
    study.register(app)
    exam.register(app)
    stats.register(app)
    app.add_typer(calc.app, name="calc")
    bank.register(app)
    extras.register(app)


_register()


def main() -> None:
    """The ``topa`` console script."""
    app()
