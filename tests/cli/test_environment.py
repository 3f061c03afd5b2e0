"""Commands driven through an injected Environment: scripted stdin, a recording console, a fake clock."""

from __future__ import annotations

import io

import pytest

from topa_quiz.cli.env import Environment
from topa_quiz.session.plan import ExamOptions, QuizOptions


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 4.0  # every look at the clock: four seconds later
        return self.now


def make_env(lines: list[str], lang: str = "en", tty: bool = False) -> Environment:
    return Environment(
        stdin=io.StringIO("".join(f"{line}\n" for line in lines)),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
        stdin_isatty=tty,
        stdout_isatty=tty,
        lang=lang,
        clock=Clock(),
        width=80,
    )


def test_a_quiz_through_a_fake_environment(tmp_path, monkeypatch):
    from topa_quiz.cli.quiz import run_quiz

    env = make_env(["s", "s"])
    run_quiz(env, QuizOptions(count=2, seed=1, lang="en"), None)
    out = env.stdout.getvalue()
    assert out.count("↷ Skipped") == 2 and "Explanation:" in out
    assert "Summary" in out and "Score: 0/2" in out
    import re

    seconds = int(re.search(r"Time: (\d+)s", out).group(1))
    assert seconds > 0 and seconds % 4 == 0  # measured on the fake clock, not the wall


def test_an_exam_times_out_on_the_fake_clock(monkeypatch):
    from topa_quiz.cli.exam import run_exam_command

    env = make_env(["1"] * 40, lang="ko")
    # 0.1 minutes = 6 s: the fake clock passes it after a couple of looks
    run_exam_command(env, ExamOptions(count=5, minutes=0.1, seed=3, lang="ko"), None)
    out = env.stdout.getvalue()
    assert "시간 종료" in out and "불합격" in out
    assert "⏱" in out


def test_echoed_input_shows_control_characters_and_is_cut(monkeypatch):
    env = make_env(["\x1b]0;pwned\x07" + "y" * 200])
    line = env.ask("› ")
    shown = env.stdout.getvalue()
    assert "\x1b" not in shown and "␛]0;pwned␇" in shown
    assert line.startswith("\x1b]0;pwned") and "…" in shown


def test_an_endless_line_is_cut_at_the_cap_and_the_rest_is_drained():
    from topa_quiz.cli.env import MAX_LINE

    env = make_env(["9" * (3 * MAX_LINE), "next"])
    first = env.ask("› ")
    assert len(first) <= MAX_LINE + 1
    assert env.ask("› ") == "next"


def test_end_of_input_is_eof():
    env = make_env([])
    with pytest.raises(EOFError):
        env.ask("› ")


def test_error_lines_are_text_not_markup():
    env = make_env([])
    env.error_line("bad value '[bold]x[/]' and [/]", "hint [link=http://x]y[/link]")
    err = env.stderr.getvalue()
    assert "'[bold]x[/]' and [/]" in err and "[link=http://x]y[/link]" in err
    assert err.startswith("error: ")
