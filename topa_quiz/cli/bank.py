"""``topa bank validate | stats | list``: check and browse question banks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..errors import ExitStatus
from .options import bank_option, example, lang_option, load_questions, words

if TYPE_CHECKING:
    from .env import Environment


def run_validate(env: Environment, paths: list[Path] | None) -> None:
    """Every problem as FILE:LINE:COL: message on stderr, exit 1; else one ok line."""
    from ..bank.loader import bank_paths_from
    from ..bank.validate import validate
    from ..render.text import plain

    bank, problems = validate(list(paths) if paths else bank_paths_from(None))
    if problems:
        for p in problems:
            env.err.print(plain(p.said(env.words)), soft_wrap=True)
        env.err.print(env.words("bank.problems", n=len(problems)), style="bold red")
        raise typer.Exit(ExitStatus.ERROR)
    counts = {"questions": len(bank.questions), "concepts": len(bank.concepts), "files": len(bank.sources)}
    env.out.print(env.words("bank.ok", **counts))


def run_bank_stats(env: Environment, as_json: bool, bank_paths: list[Path] | None) -> None:
    from ..render.bank import counts_view
    from ..session.figures import bank_counts

    bank = load_questions(bank_paths)
    counts = bank_counts(bank)
    if as_json:
        env.stdout.write(json.dumps(counts, ensure_ascii=False, indent=2) + "\n")
        return
    env.show(counts_view(counts, bank, env.words))


def run_list(
    env: Environment, topic: list[str] | None, concept: list[str] | None, paths: list[Path] | None
) -> None:
    from ..render.bank import question_lines, question_rows
    from ..session.select import Filters, select_questions

    bank = load_questions(paths)
    questions = select_questions(bank, Filters(topics=tuple(topic or ()), concepts=tuple(concept or ())))
    if not env.stdout_isatty:  # a pipe: one tab-separated line per question
        env.stdout.write("".join("\t".join(row) + "\n" for row in question_rows(questions, env.lang)))
        return
    env.show(question_lines(questions, env.words))


def register(root: typer.Typer) -> None:
    w = words()
    app = typer.Typer(help=w("cmd.bank"), no_args_is_help=True)

    @app.command("validate", help=w("cmd.bank.validate"), epilog=example("topa bank validate my_bank/"))
    def validate(
        paths: list[Path] | None = typer.Argument(None, help=w("opt.bank_paths"), metavar="PATH..."),
        lang: str | None = lang_option(),
    ) -> None:
        from .env import current

        run_validate(current(lang), paths)

    @app.command("stats", help=w("cmd.bank.stats"), epilog=example("topa bank stats --json"))
    def stats(
        as_json: bool = typer.Option(False, "--json", help=w("opt.bank_json")),
        bank_paths: list[Path] | None = bank_option(),
        lang: str | None = lang_option(),
    ) -> None:
        from .env import current

        run_bank_stats(current(lang), as_json, bank_paths)

    @app.command("list", help=w("cmd.bank.list"), epilog=example("topa bank list --concept optimizer.adam"))
    def list_(
        topic: list[str] | None = typer.Option(None, "--topic", "-t", help=w("opt.topic"), metavar="TOPIC"),
        concept: list[str] | None = typer.Option(
            None, "--concept", "-c", help=w("opt.concept"), metavar="CONCEPT"
        ),
        bank_paths: list[Path] | None = bank_option(),
        lang: str | None = lang_option(),
    ) -> None:
        from .env import current

        run_list(current(lang), topic, concept, bank_paths)

    root.add_typer(app, name="bank")
