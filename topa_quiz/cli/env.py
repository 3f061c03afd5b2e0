"""The command line's view of the world, injected: stdin, the consoles, terminals, clocks.

Modelled on httpie's ``Environment``: commands read and print only through it, so a test
swaps in a scripted stdin, a recording console and a fake clock. :func:`current` builds
the real one for the process (looked up at call time, so test runners that replace
``sys.stdin``/``sys.stdout`` are honoured).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import IO, TYPE_CHECKING

from ..i18n import DEFAULT_LANG, LANGS, Catalog, catalog

if TYPE_CHECKING:  # Rich is imported when something is printed, not before (calc --json)
    from rich.console import Console

#: the longest line read at a prompt (longer input is cut there and refused as an answer)
MAX_LINE = 4096


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _isatty(stream: IO[str] | None) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (ValueError, OSError):
        return False


def _width() -> int | None:
    """The width to draw at: COLUMNS when usable, clamped to 20..1000; None to let Rich measure.

    COLUMNS=0 or junk is not passed on (Rich would read it and print nothing at all): the
    terminal's own width is used, 80 columns when there is none.
    """
    raw = os.environ.get("COLUMNS")
    if raw is None:
        return None
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value <= 0:
        import shutil

        value = shutil.get_terminal_size((80, 24)).columns
    return min(max(value, 20), 1000)


@dataclass
class Environment:
    """Everything a command touches outside the package."""

    stdin: IO[str]
    stdout: IO[str]
    stderr: IO[str]
    stdin_isatty: bool
    stdout_isatty: bool
    lang: str = DEFAULT_LANG
    clock: Callable[[], float] = time.monotonic
    now: Callable[[], datetime] = _utc_now
    width: int | None = None
    _out: Console | None = field(default=None, repr=False)
    _err: Console | None = field(default=None, repr=False)

    @property
    def words(self) -> Catalog:
        return catalog(self.lang)

    @property
    def interactive(self) -> bool:
        """A person at a terminal on both ends (live countdown, the plot offer)."""
        return self.stdin_isatty and self.stdout_isatty

    @property
    def out(self) -> Console:
        if self._out is None:
            from rich.console import Console

            self._out = Console(file=self.stdout, highlight=False, soft_wrap=False, width=self.width)
        return self._out

    @property
    def err(self) -> Console:
        if self._err is None:
            from rich.console import Console

            self._err = Console(file=self.stderr, highlight=False, width=self.width)
        return self._err

    @property
    def size(self) -> tuple[int, int, bool]:
        """The output's (width, height, whether it shows colour), for charts."""
        out = self.out
        return out.width, out.height, bool(out.color_system) and not out.no_color

    def ask(self, prompt: str) -> str:
        """One line typed by the learner (EOFError at the end of input).

        In a terminal the line is read with line editing; from a pipe it is read from
        ``stdin`` and echoed (with control characters made visible), as a terminal would.
        """
        from rich.text import Text

        from ..render.text import plain
        from ..startup import settled

        settled()  # the program now waits for the learner: start-up is over
        if self.stdin_isatty and self.stdin is sys.stdin:
            return self.out.input(Text(prompt, style="bold cyan"))
        self.out.print(Text(prompt, style="bold cyan"), end="")
        line = self.stdin.readline(MAX_LINE + 1)
        if not line:
            raise EOFError
        if len(line) > MAX_LINE and not line.endswith("\n"):  # drain the rest of an endless line
            while (more := self.stdin.readline(MAX_LINE)) and not more.endswith("\n"):
                pass
        line = line.rstrip("\r\n")
        self.out.print(plain(line if len(line) <= 80 else line[:79] + "…"))
        return line

    def show(self, renderable: object) -> None:
        if renderable is not None:
            self.out.print(renderable)

    def error_line(self, message: str, hint: str = "") -> None:
        """One line on stderr: ``error: message (hint)``, shown as text."""
        from rich.text import Text

        from ..render.text import plain

        line = Text(f"{self.words('cli.error')}: ", style="bold red")
        line.append_text(plain(message))
        if hint:
            line.append_text(plain(f" ({hint})", "dim"))
        self.err.print(line, soft_wrap=True)

    def warn(self, message: str) -> None:
        from rich.text import Text

        from ..render.text import plain

        line = Text(f"{self.words('cli.warning')}: ", style="yellow")
        line.append_text(plain(message))
        self.err.print(line, soft_wrap=True)


def language(value: str | None = None) -> str:
    """--lang, else TOPA_LANG, else Korean; a UsageError naming where the bad value came from."""
    from ..errors import UsageError

    source = "lang" if value else "TOPA_LANG"
    lang = (value or os.environ.get("TOPA_LANG") or DEFAULT_LANG).strip().lower()
    if lang not in LANGS:
        raise UsageError(
            f"expected ko or en, got '{lang}'",
            key="cli.bad_lang",
            field=source,
            value=lang,
            known=", ".join(LANGS),
        )
    return lang


def current(lang: str | None = None) -> Environment:
    """The process's environment, in the session's language."""
    return Environment(
        stdin=sys.stdin,
        stdout=sys.stdout,
        stderr=sys.stderr,
        stdin_isatty=_isatty(sys.stdin),
        stdout_isatty=_isatty(sys.stdout),
        lang=language(lang),
        width=_width(),
    )
