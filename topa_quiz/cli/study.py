"""``topa review``, ``topa wrong`` (오답노트) and ``topa reset``: thin over the session layer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from .options import bank_option, count_option, example, lang_option, load_questions, seed_option, words

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..session.drill import Drill
    from ..session.items import Item
    from ..session.notebook import NotebookPage
    from .env import Environment

    Before = Callable[[Item], object]


def serve(env: Environment, drill: Drill, then: object = None, before: Before | None = None) -> None:
    """Record and serve ``drill``; ``then()`` runs before the summary (e.g. the next review);
    ``before(item)`` is shown above each question."""
    from .interact import run_drill
    from .progress import recording, show_summary
    from .quiz import offer_more

    with recording(env, drill):
        run_drill(drill, env, after=offer_more(env, drill), before=before)
    if callable(then):
        then()
    show_summary(env, drill)


def run_review(env: Environment, count: int, seed: int | None, bank_paths: list[Path] | None) -> None:
    from ..render.study import next_review_line
    from ..session.plan import plan_review
    from ..session.progress import next_due, review_figures

    bank = load_questions(bank_paths)
    figures = review_figures(env.now())
    drill = plan_review(
        bank,
        count,
        due=figures.due,
        seen=figures.seen,
        accuracy=figures.accuracy,
        seed=seed,
        lang=env.lang,
        clock=env.clock,
    )
    if drill is None:
        env.show(env.words("review.nothing"))
        return
    serve(env, drill, then=lambda: env.show(next_review_line(next_due(), env.now(), env.words)))


def run_notebook(env: Environment, count: int, list_only: bool, bank_paths: list[Path] | None) -> None:
    from ..session.notebook import notebook_pages, read_last_answers
    from ..session.plan import plan_notebook
    from ..session.progress import notebook

    bank = load_questions(bank_paths)
    entries = notebook({q.id for q in bank.questions})
    if not entries:
        env.show(env.words("notebook.empty"))
        return
    shown = entries if list_only else entries[:count]
    pages = notebook_pages(bank, shown, read_last_answers([e.question_id for e in shown]), env.lang)
    if list_only:
        from ..render.study import notebook_view

        env.show(notebook_view(pages, bank, env.words))
        return
    drill = plan_notebook(bank, count, [e.question_id for e in entries], lang=env.lang, clock=env.clock)
    if drill is not None:
        serve(env, drill, before=last_time(env, {p.question.id: p for p in pages}))


def last_time(env: Environment, pages: dict[str, NotebookPage]) -> Before:
    """What was answered last time, above the first showing of each notebook question."""
    from ..render.study import last_time_line

    told: set[str] = set()

    def line(item: Item) -> object:
        page = pages.get(item.question.id)
        if page is None or item.question.id in told:
            return None
        told.add(item.question.id)
        return last_time_line(page, env.words)

    return line


def run_reset(env: Environment, yes: bool) -> None:
    from ..store.backup import move_aside
    from ..store.paths import database_path

    path = database_path()
    if not path.exists():
        env.show(env.words("reset.nothing", path=str(path)))
        return
    if not yes and not confirmed(env, env.words("reset.confirm", path=str(path))):
        env.show(env.words("reset.kept"))
        return
    backup = move_aside(path)
    env.show(env.words("reset.moved", path=str(backup)))


def confirmed(env: Environment, question: str) -> bool:
    """Yes or no at the prompt, in the session's language (Enter: no); asked again until one
    of them; end of input is a usage error (nothing is changed)."""
    from ..errors import UsageError

    words = env.words
    yes, no = (set(words(key).split(",")) for key in ("reset.yes_words", "reset.no_words"))
    while True:
        try:
            reply = env.ask(question).strip().lower()
        except (EOFError, KeyboardInterrupt):
            env.show("")  # the error goes on a line of its own, not after the question
            raise UsageError("no confirmation given", key="reset.no_confirmation") from None
        if reply in yes:
            return True
        if reply in no or not reply:
            return False
        env.show(words("reset.yes_or_no"))


def register(app: typer.Typer) -> None:
    w = words()

    @app.command(
        "review", help=f"{w('cmd.review')}\n\n{w('cmd.review.help')}", epilog=example("topa review -n 20")
    )
    def review(
        count: int = count_option(10, "opt.cards"),
        seed: int | None = seed_option(),
        lang: str | None = lang_option(),
        bank_paths: list[Path] | None = bank_option(),
    ) -> None:
        from .env import current

        run_review(current(lang), count, seed, bank_paths)

    @app.command(
        "wrong", help=f"{w('cmd.wrong')}\n\n{w('cmd.wrong.help')}", epilog=example("topa wrong --list")
    )
    def wrong(
        count: int = count_option(10),
        list_only: bool = typer.Option(False, "--list", help=w("opt.list")),
        lang: str | None = lang_option(),
        bank_paths: list[Path] | None = bank_option(),
    ) -> None:
        from .env import current

        run_notebook(current(lang), count, list_only, bank_paths)

    @app.command("reset", help=w("cmd.reset"), epilog=example("topa reset --yes"))
    def reset(
        yes: bool = typer.Option(False, "--yes", "-y", help=w("opt.yes")),
        lang: str | None = lang_option(),
    ) -> None:
        from .env import current

        run_reset(current(lang), yes)
