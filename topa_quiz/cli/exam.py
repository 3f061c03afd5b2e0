"""``topa exam``: flags -> :class:`~topa_quiz.session.plan.ExamOptions` -> an exam -> the report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..errors import ExitStatus
from .options import bank_option, example, lang_option, load_questions, seed_option, words

if TYPE_CHECKING:
    from ..session.plan import ExamOptions
    from .env import Environment


def run_exam_command(env: Environment, options: ExamOptions, bank_paths: list[Path] | None) -> None:
    """Plan the exam, serve it against the clock, record it, then show the report."""
    from ..render.exam import exam_report
    from ..render.labels import duration
    from ..session.plan import plan_exam
    from .interact import run_exam
    from .progress import raise_not_recorded, recording

    bank = load_questions(bank_paths)
    exam = plan_exam(bank, options, clock=env.clock)
    words_ = env.words
    env.out.print(
        words_(
            "exam_title",
            n=len(exam.items),
            minutes=duration(options.minutes * 60, env.lang),
            mark=f"{options.pass_mark:g}",
        ),
        style="bold",
    )
    env.out.print(words_("exam_rules"), style="dim")
    with recording(env, exam):
        run_exam(exam, env)
    env.show("")
    env.show(exam_report(exam, words_))
    raise_not_recorded(exam)
    if exam.summary.interrupted:
        raise typer.Exit(ExitStatus.INTERRUPTED)


def register(app: typer.Typer) -> None:
    w = words()

    @app.command(
        "exam",
        help=f"{w('cmd.exam')}\n\n{w('cmd.exam.help')}",
        epilog=example("topa exam --count 20 --minutes 30 --seed 1"),
    )
    def exam(
        count: int = typer.Option(40, "--count", "-n", help=w("opt.exam_count"), metavar="N"),
        minutes: float = typer.Option(60.0, "--minutes", "-m", help=w("opt.minutes"), metavar="MIN"),
        pass_mark: float = typer.Option(60.0, "--pass-mark", help=w("opt.pass_mark"), metavar="%"),
        seed: int | None = seed_option(),
        lang: str | None = lang_option(),
        bank_paths: list[Path] | None = bank_option(),
    ) -> None:
        from ..session.plan import ExamOptions
        from .env import current

        env = current(lang)
        run_exam_command(env, ExamOptions(count, minutes, pass_mark, seed, env.lang), bank_paths)
