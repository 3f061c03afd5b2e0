"""``topa quiz``: flags -> :class:`~topa_quiz.session.plan.QuizOptions` -> a drill -> the terminal."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from .options import bank_option, count_option, example, lang_option, load_questions, seed_option, words

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..session.drill import Drill, Event
    from ..session.items import Item
    from .env import Environment


def filter_options() -> dict[str, object]:
    """The filter flags, with shell completion of topics and concepts."""
    from .completion import complete_concept, complete_topic

    w = words()
    return {
        "topic": typer.Option(
            None, "--topic", "-t", help=w("opt.topic"), autocompletion=complete_topic, metavar="TOPIC"
        ),
        "concept": typer.Option(
            None, "--concept", "-c", help=w("opt.concept"), autocompletion=complete_concept, metavar="CONCEPT"
        ),
        "qtype": typer.Option(None, "--type", help=w("opt.type"), metavar="choice|ox|numeric"),
        "difficulty": typer.Option(None, "--difficulty", "-d", help=w("opt.difficulty"), metavar="1|2|3"),
    }


def offer_more(env: Environment, drill: Drill) -> Callable[[Event], None] | None:
    """In a terminal, after the feedback: ``p`` draws the calculation, ``r`` asks again."""
    from ..session.drill import Graded

    if not env.interactive:
        return None

    def after(event: Event) -> None:
        if not isinstance(event, Graded):
            return
        can_plot = plot_fits(event.item)
        can_retry = drill.can_retry(event)
        if not (can_plot or can_retry):
            return
        key = (
            "quiz.offer" if can_plot and can_retry else "quiz.offer_plot" if can_plot else "quiz.offer_retry"
        )
        reply = env.ask(env.words(key)).strip().lower()
        if reply == "p" and can_plot:
            draw_plot(env, event.item)
        elif reply == "r" and can_retry:
            drill.retry(event.item)

    return after


def plot_fits(item: Item) -> bool:
    from ..engine.registry import lookup
    from .plot import can_plot

    return can_plot(lookup(item.calculation.name) if item.calculation else None, item.calculation)


def draw_plot(env: Environment, item: Item) -> None:
    from ..engine.registry import lookup
    from .plot import plot_calculation

    plot_calculation(env.out, lookup(item.calculation.name), item.calculation, env.lang)  # type: ignore[union-attr,arg-type]


def run_quiz(env: Environment, options: object, bank_paths: list[Path] | None) -> None:
    """Plan, record and serve the drill, then show the summary (130 after Ctrl-C)."""
    from ..session.plan import plan_quiz
    from .progress import recording, show_summary

    bank = load_questions(bank_paths)
    drill = plan_quiz(bank, options, clock=env.clock)  # type: ignore[arg-type]
    with recording(env, drill):
        from .interact import run_drill

        run_drill(drill, env, after=offer_more(env, drill))
    show_summary(env, drill)


def register(app: typer.Typer) -> None:
    w = words()
    filters = filter_options()

    @app.command(
        "quiz",
        help=f"{w('cmd.quiz')}\n\n{w('cmd.quiz.help')}",
        epilog=example("topa quiz -n 5 --concept optimizer.adam --seed 7"),
    )
    def quiz(
        count: int = count_option(10),
        topic: list[str] | None = filters["topic"],
        concept: list[str] | None = filters["concept"],
        qtype: list[str] | None = filters["qtype"],
        difficulty: list[int] | None = filters["difficulty"],
        seed: int | None = seed_option(),
        lang: str | None = lang_option(),
        bank_paths: list[Path] | None = bank_option(),
    ) -> None:
        from ..session.plan import QuizOptions
        from .env import current

        env = current(lang)
        options = QuizOptions(
            count, *(tuple(v or ()) for v in (topic, concept, qtype, difficulty)), seed=seed, lang=env.lang
        )
        run_quiz(env, options, bank_paths)
