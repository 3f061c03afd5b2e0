"""A scripted session over every command of ``topa``, as text: what a learner would read.

:func:`transcript` runs the steps of :func:`steps` through the real root command (Typer's
runner, one home for the whole session, so ``review`` and ``wrong`` see what ``quiz``
recorded); :func:`pty_transcript` types at the installed ``topa`` in a pseudo-terminal for
what only a terminal shows (the offers after an answer, the exam's countdown and its
time-out). :func:`allowed` gathers the identifiers a learner may see (rule 3 of
:mod:`tests.e2e.english`) from the program itself.
"""

from __future__ import annotations

import io
import os
import re
import shlex
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tests.e2e.english import Allowed, identifiers, plain

#: answers for any question: invalid, hint, skip, a wrong number, then ones each kind accepts
ANSWERS = ["뭐지", "?", "s", "p", "0.123", "o", "1", "x", "2", "?", "0.5", "3", "s", "1", "o", "4"] * 6


@dataclass(frozen=True)
class Step:
    """One command line, with what is typed at it and extra environment variables."""

    args: tuple[str, ...]
    input: str | None = None
    env: dict[str, str] = field(default_factory=dict)


def lines(*answers: str) -> str:
    return "".join(a + "\n" for a in answers)


def calc_steps() -> list[Step]:
    """``topa calc``, every calculation's registry example and every calculation's ``--help``."""
    from topa_quiz.engine.registry import CALCS

    out = [Step(("calc",)), Step(("calc", "--help"))]
    for calc in CALCS:
        out.append(Step(tuple(shlex.split(calc.example)[1:])))
        out.append(Step(("calc", calc.name, "--help")))
    out.append(Step(("calc", "sigmoid", "-2", "--plot")))
    out.append(Step(("calc", "adam", "--param", "1", "--grad", "0.5", "--lr", "0.1", "--plot")))
    return out


def plot_steps() -> list[Step]:
    from topa_quiz.engine.registry import CALCS

    out = [Step(("plot", c.name)) for c in CALCS if c.plot == "curve"]
    out.append(Step(("plot", "sigmoid", "tanh", "--derivative")))
    out.append(Step(("plot", "lr", "--lr", "0.01", "0.1", "1.1")))
    return out


def help_steps() -> list[Step]:
    from topa_quiz.cli import COMMANDS

    out = [Step(()), Step(("--help",)), Step(("--version",))]
    out += [Step((name, "--help")) for name in COMMANDS]
    for group, subs in (("bank", ("validate", "stats", "list")), ("export", ("anki", "gift", "json"))):
        out += [Step((group, sub, "--help")) for sub in subs]
    return out


def study_steps(home: Path) -> list[Step]:
    """The learner's path: nothing yet, a quiz, review, the notebook, an exam, stats, learn."""
    answers = lines(*ANSWERS)
    return [
        Step(("review",)),
        Step(("wrong",)),
        Step(("stats",)),
        Step(("quiz", "-n", "8", "--seed", "1"), answers),
        Step(("quiz", "-n", "3", "--type", "numeric", "--seed", "2"), lines("abc", "?", "0.123", "s", "1e9")),
        Step(("quiz", "-n", "2", "--type", "ox", "--seed", "3"), lines("3", "o", "x")),
        Step(("quiz", "-n", "2", "--concept", "optimizer.adam", "--seed", "4"), lines("q")),
        Step(("review", "-n", "3", "--seed", "1"), answers),
        Step(("wrong", "--list")),
        Step(("wrong", "-n", "2"), answers),
        Step(("exam", "-n", "4", "--seed", "1"), lines("1", "s", "o", "q")),
        Step(("exam", "-n", "2", "--seed", "2"), lines("1", "2")),
        Step(("stats",)),
        Step(("stats", "--since", "7")),
        *plan_steps(),
        Step(("learn",)),
        Step(("learn", "activation.sigmoid", "--plot"), answers),
        Step(("learn", "optimizer.adam", "--no-check")),
        Step(("learn", "loss", "--no-check")),
        Step(("learn", "--sheet")),
        Step(("learn", "--sheet", "--out", str(home / "sheet.md"))),
    ]


def plan_steps() -> list[Step]:
    """``topa plan`` (none, set, changed, shown, cleared) and ``topa today`` with and without it."""
    from datetime import date, timedelta

    exam_day = (date.today() + timedelta(days=20)).isoformat()  # within 30 days: a mock exam is due
    return [
        Step(("plan",)),
        Step(("today",)),
        Step(("plan", "--exam-date", exam_day)),
        Step(("plan", "--exam-date", exam_day, "--pass-mark", "70", "--daily-minutes", "30")),
        Step(("plan",)),
        Step(("today",)),
        Step(("plan", "--exam-date", "2000-01-01")),
        Step(("plan", "--exam-date", "nope")),
        Step(("plan", "--daily-minutes", "0")),
        Step(("plan", "--clear")),
    ]


def tool_steps(home: Path) -> list[Step]:
    return [
        Step(("export", "gift")),
        Step(("export", "anki", "--out", str(home / "topa.apkg"))),
        Step(("export", "json", "--out", str(home / "topa.json"))),
        Step(("bank", "validate")),
        Step(("bank", "stats")),
        Step(("bank", "list")),
        Step(("bank", "list", "--concept", "optimizer.adam")),
        Step(("bank",)),
    ]


def error_steps(home: Path) -> list[Step]:
    """A handful of mistakes, each one line."""
    file_home = home / "a-file"
    file_home.write_text("not a folder\n", encoding="utf-8")
    return [
        Step(("quiz", "--bogus")),
        Step(("quiz", "-n", "abc")),
        Step(("quiz", "-n")),
        Step(("quiz", "--concept", "nosuch.concept")),
        Step(("quiz", "--type", "essay")),
        Step(("quiz", "--lang", "fr")),
        Step(("nosuch",)),
        Step(("calc", "sigmoid")),
        Step(("calc", "adam", "--param", "1")),
        Step(("calc", "nosuch")),
        Step(("calc", "sigmod", "1")),
        Step(("calc", "sigmoid", "abc")),
        Step(("calc", "adam", "--param", "1", "--grad", "0.5", "--lr", "-1")),
        Step(("plot", "nosuch")),
        Step(("plot", "sigmoid", "--range", "5", "1")),
        Step(("plot", "sigmoid", "--lr", "0.1")),
        Step(("exam", "--minutes", "-1")),
        Step(("exam", "--count", "0")),
        Step(("learn", "nosuch.concept")),
        Step(("export", "anki")),
        Step(("bank", "validate", str(home / "missing.yaml"))),
        Step(("bank", "validate", str(home))),
        Step(("quiz", "--bank", str(home / "missing.yaml"))),
        Step(("stats",), env={"TOPA_HOME": str(file_home)}),
    ]


def reset_steps() -> list[Step]:
    """Both answers to the prompt, no answer at all, and --yes."""
    return [
        Step(("reset",), lines("글쎄", "아니요")),
        Step(("reset",), lines("n")),
        Step(("reset",), ""),
        Step(("reset",), lines("y")),
        Step(("reset",)),
        Step(("reset", "--yes")),
    ]


def steps(home: Path) -> list[Step]:
    """The whole session, in the order a learner might meet it."""
    return [
        *help_steps(),
        *study_steps(home),
        *calc_steps(),
        *plot_steps(),
        *tool_steps(home),
        *error_steps(home),
        *reset_steps(),
    ]


@dataclass(frozen=True)
class Screen:
    """What one step showed, and the words the learner typed for it."""

    command: str
    text: str
    typed: frozenset[str]


def _typed(args: tuple[str, ...], script: str | list[str] | None) -> frozenset[str]:
    answers = script.splitlines() if isinstance(script, str) else list(script or ())
    return frozenset(w for piece in (*args, *answers) for w in re.split(r"[\s,=]+", piece) if w)


def transcript(home: Path, env: dict[str, str], monkeypatch: object) -> list[Screen]:
    """Run every step in-process; the screen of each (stdout and stderr together)."""
    from typer.testing import CliRunner

    from topa_quiz.cli import app

    runner = CliRunner()
    screens: list[Screen] = []
    for step in steps(home):
        monkeypatch.setattr(sys, "argv", ["topa", *step.args])  # type: ignore[attr-defined]
        result = runner.invoke(app, list(step.args), input=step.input, env={**env, **step.env})
        assert "Traceback" not in result.output, (step.args, result.output)
        assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), (
            step.args,
            result.exception,
        )
        screens.append(Screen(f"topa {shlex.join(step.args)}", result.output, _typed(step.args, step.input)))
    sheet = home / "sheet.md"
    screens.append(Screen(f"cat {sheet}", sheet.read_text("utf-8"), frozenset()))
    return screens


#: what only a terminal shows, each with the answers typed at its prompts (then q)
#: (None: nobody types, the exam runs out of time)
PTY_RUNS: tuple[tuple[tuple[str, ...], list[str] | None], ...] = (
    (("quiz", "-n", "3", "--type", "numeric", "--seed", "5"), ["?", "p", "0.123", "r", "0.5", "p", "s"]),
    (("quiz", "-n", "2", "--concept", "optimizer.sgd", "--seed", "6"), ["1", "p", "1", "p"]),
    (("exam", "-n", "2", "--minutes", "0.03", "--seed", "1"), None),
    (("exam", "-n", "3", "--seed", "2"), ["1", "s"]),
    (("learn", "activation", "--seed", "2"), ["", "", "q"]),
    (("reset",), ["몰라", "n"]),
)


def pty_transcript(tmp_path: Path, env: dict[str, str]) -> list[Screen]:
    """What only a terminal shows: a numeric quiz with its offers (p, r), the exam's countdown
    and its time-out, the pages of a topic. The script answers each prompt as it comes."""
    import pexpect

    topa = Path(sys.executable).with_name("topa")
    screens = []
    for args, script in PTY_RUNS:
        child = pexpect.spawn(
            str(topa),
            list(args),
            env={**{k: v for k, v in os.environ.items() if k != "COLUMNS"}, "TERM": "xterm", **env},
            encoding="utf-8",
            dimensions=(40, 100),
            timeout=30,
            cwd=str(tmp_path),
        )
        child.logfile_read = log = io.StringIO()
        if script is None:
            child.expect(pexpect.EOF)
        else:
            answers = iter(script)
            while child.expect(["› ", pexpect.EOF]) == 0:
                child.sendline(next(answers, "q"))
        child.close()
        screens.append(Screen(f"topa {shlex.join(args)}", plain(log.getvalue()), _typed(args, script)))
    return screens


def allowed() -> Allowed:
    """Rule 3: the identifiers a learner types or reads as code, from the program and its bank."""
    from topa_quiz.bank.loader import bank_paths_from, load_bank
    from topa_quiz.cli import COMMANDS
    from topa_quiz.engine.registry import CALCS
    from topa_quiz.export import FORMATS
    from topa_quiz.i18n import LANGS
    from topa_quiz.kinds import KINDS

    bank, _ = load_bank(bank_paths_from(None))
    names: set[str] = {"topa", "topa-quiz", "lr", "validate", "stats", "list", *COMMANDS, *LANGS}
    names |= {"COLUMNS", "LINES", "NO_COLOR", "TERM"}  # the terminal's environment variables
    names |= set(FORMATS) | set(KINDS)
    names |= set(bank.topics) | set(bank.concepts) | {q.id for q in bank.questions}
    for calc in CALCS:
        names |= {calc.name, *(p.name for p in calc.params)}
        names |= {c for p in calc.params for c in (p.choices or ())}
    names |= _metavars()
    return Allowed(identifiers(names))


def _metavars() -> set[str]:
    """Every metavar and choice of every command's parameters (NAME, PATH, ko|en, ...)."""
    from typer.main import get_command

    from topa_quiz.cli import COMMANDS, app, click_core, load_command
    from topa_quiz.engine.registry import CALCS

    root = get_command(app)
    found: set[str] = set()
    commands = [load_command(root, name) for name in COMMANDS]  # type: ignore[arg-type]
    while commands:
        command = commands.pop()
        for param in command.params:
            if getattr(param, "metavar", None):
                found.add(param.metavar)
            found |= set(getattr(getattr(param, "type", None), "choices", ()) or ())
        if hasattr(command, "list_commands"):
            ctx = click_core.Context(command)
            subs = command.list_commands(ctx)
            if set(subs) >= {c.name for c in CALCS}:
                subs = [c.name for c in CALCS]
            commands += [c for c in (command.get_command(ctx, s) for s in subs) if c is not None]
    return found
