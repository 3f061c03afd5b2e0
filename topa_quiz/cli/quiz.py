"""``topa quiz``: randomized drills, graded with tolerance, explained with Rich."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..errors import ExitStatus, UsageError
from .common import BANK_OPTION, LANG_OPTION, load_questions
from .console import err_console, language, out_console
from .extras import complete_concept, complete_topic

TOPIC_OPTION = typer.Option(
    None, "--topic", "-t", help="Only this topic (repeatable).", autocompletion=complete_topic
)
CONCEPT_OPTION = typer.Option(
    None,
    "--concept",
    "-c",
    help="Only this concept; a prefix works: optimizer, activation.sigmoid (repeatable).",
    autocompletion=complete_concept,
)
TYPE_OPTION = typer.Option(None, "--type", help="choice, ox or numeric (repeatable).")
DIFFICULTY_OPTION = typer.Option(None, "--difficulty", "-d", help="1, 2 or 3 (repeatable).")
SEED_OPTION = typer.Option(
    None, "--seed", help="Make the session reproducible: same questions, numbers and order."
)


def build_items(questions, bank, rng, lang):  # noqa: ANN001
    """Concrete items; a question the engine cannot build is skipped with a warning."""
    from ..session.items import ItemError, make_item

    items = []
    for q in questions:
        try:
            items.append(make_item(q, bank, rng, lang))
        except ItemError as exc:
            err_console().print(
                f"[yellow]warning:[/] skipped question {exc} (run 'topa bank validate')", highlight=False
            )
    return items


def ask_line(prompt: str) -> str:
    """One line from stdin; EOFError at the end of input."""
    console = out_console()
    line = console.input(f"[bold cyan]{prompt}[/]")
    if not sys.stdin.isatty():  # a script or pipe: show what was read, as a terminal would
        console.print(line, markup=False, highlight=False)
    return line


def interactive_session(items, bank, lang, record=None, feedback=True):  # noqa: ANN001
    """Run items through the shared session loop with Rich rendering."""
    from ..render import quiz as view
    from ..session.quiz import SessionIO, run_session

    console = out_console()

    def topic_name(item) -> str:  # noqa: ANN001
        tid = bank.topic_of(item.question)
        return bank.topics[tid].get(lang) if tid in bank.topics else tid

    io = SessionIO(ask=ask_line, show=console.print, record=record or (lambda a: None))

    def offer_plot(item) -> None:  # noqa: ANN001
        """In a terminal, 'p' after the feedback draws the calculation (activations, optimizers)."""
        from ..engine.registry import lookup
        from .plots import calculation_figure, plot_calculation

        calc = lookup(item.calculation.name) if item.calculation else None
        if calc is None or calculation_figure(calc, item.calculation) is None:
            return
        label = "p=그래프 보기, Enter=다음" if lang == "ko" else "p = show the plot, Enter = next"
        if ask_line(f"{label} › ").strip().lower() == "p":
            plot_calculation(console, calc, item.calculation)

    return run_session(
        items,
        bank,
        io,
        lang,
        render_question=lambda item, n, total: view.question_panel(item, n, total, topic_name(item), lang),
        render_feedback=(lambda item, ans: view.feedback(item, ans, lang)) if feedback else None,
        render_hint=lambda item: view.hint_text(item, lang),
        render_invalid=lambda message: f"[yellow]↺ {message}[/]",
        render_skipped=(lambda item: view.skipped_text(item, lang)) if feedback else None,
        after_feedback=offer_plot if feedback and sys.stdin.isatty() else None,
    )


def quiz(
    count: int = typer.Option(10, "--count", "-n", min=1, max=500, help="Number of questions."),
    topic: list[str] | None = TOPIC_OPTION,
    concept: list[str] | None = CONCEPT_OPTION,
    qtype: list[str] | None = TYPE_OPTION,
    difficulty: list[int] | None = DIFFICULTY_OPTION,
    seed: int | None = SEED_OPTION,
    lang: str | None = LANG_OPTION,
    bank_paths: list[Path] | None = BANK_OPTION,
) -> None:
    """문제 풀이 — a randomized drill with explanations after each answer.

    Answer with an option number (1-5 or ①-⑤), o/x, or a number (0.5, .5, 1/2, 5e-1).
    At any prompt: ? hint, s skip, q quit. Ctrl-C ends the session with its summary.
    """
    import numpy as np

    from ..session.select import Filters, draw, select_questions

    lang = language(lang)
    bank = load_questions(bank_paths)
    filters = Filters(tuple(topic or ()), tuple(concept or ()), tuple(qtype or ()), tuple(difficulty or ()))
    pool = select_questions(bank, filters)
    rng = np.random.default_rng(seed)
    items = build_items(draw(pool, count, rng), bank, rng, lang)
    if not items:
        raise UsageError("none of the matching questions could be built; run 'topa bank validate'")
    from ..store.recorder import open_recorder

    recorder = open_recorder("quiz", seed, planned=len(items), lang=lang)
    try:
        summary = interactive_session(items, bank, lang, record=recorder.record)
    finally:
        recorder.close()
    finish(summary, bank, lang)


def finish(summary, bank, lang) -> None:  # noqa: ANN001
    """Print the summary; Ctrl-C ends with exit status 130."""
    from ..render.quiz import summary_view

    console = out_console()
    console.print()
    console.print(summary_view(summary, bank, lang))
    if summary.not_recorded is not None:
        raise summary.not_recorded
    if summary.interrupted:
        raise typer.Exit(ExitStatus.INTERRUPTED)


def register(root: typer.Typer) -> None:
    root.command(
        "quiz",
        epilog="Example: topa quiz -n 5 --concept optimizer.adam --seed 7",
    )(quiz)
