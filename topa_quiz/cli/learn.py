"""``topa learn [CONCEPT|TOPIC]``: study pages, the mastery map and the formula sheet.

Flags -> one call of :mod:`topa_quiz.session.learn` -> :mod:`topa_quiz.render.learn` ->
the :class:`~topa_quiz.cli.env.Environment`. A page's picture is drawn when the output is a
terminal (or with ``--plot``); a topic's pages wait for Enter between them only when a
person is at a terminal on both ends.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from .options import example, lang_option, seed_option, words

if TYPE_CHECKING:
    from ..session.learn import Syllabus
    from .env import Environment

#: what the learner types at the page turn to stop
STOP = "q"
#: the tallest picture on a page (a chart never needs a whole screen)
PICTURE_HEIGHT = 20


def complete_name(incomplete: str) -> list[tuple[str, str]]:
    """Topics and concept ids, as ``--concept`` completes them."""
    from .completion import complete_concept

    return complete_concept(incomplete)


def show_pages(env: Environment, syllabus: Syllabus, concepts: tuple[str, ...], options: dict) -> bool:
    """Each page in turn (fresh examples from one seeded generator); False when the learner stopped."""
    from ..render.learn import page_view
    from ..session.learn import build_page, rng_for

    rng = rng_for(options["seed"])
    paging = len(concepts) > 1
    for n, cid in enumerate(concepts, 1):
        page = build_page(syllabus, cid, rng)
        position = (n, len(concepts)) if paging else None
        picture = picture_for(env, page) if env.stdout_isatty or options["plot"] else None
        env.show(page_view(page, syllabus.bank, env.words, picture=picture, position=position))
        if paging and n < len(concepts) and env.interactive and not turn_page(env):
            return False
    return True


def picture_for(env: Environment, page: object) -> object:
    from ..render.learn import page_picture
    from .plot import in_color

    console = env.out
    height = min(console.height, PICTURE_HEIGHT)
    return page_picture(page, env.lang, console.width, height, in_color(console))  # type: ignore[arg-type]


def turn_page(env: Environment, key: str = "learn.turn_page") -> bool:
    """Enter: go on; q or end of input: stop."""
    env.show("")
    try:
        return env.ask(env.words(key)).strip().lower() != STOP
    except EOFError:
        return False


def run_check(env: Environment, syllabus: Syllabus, kind: str, target: str, seed: int | None) -> None:
    """The 3-question check, recorded; the summary only when something was answered."""
    from ..render.labels import concept_name, topic_name
    from ..session.learn import plan_check

    name_of = topic_name if kind == "topic" else concept_name
    name = name_of(syllabus.bank, target, env.lang)
    drill = plan_check(syllabus, kind, target, seed=seed, lang=env.lang, clock=env.clock)
    env.show("")
    if drill is None:
        env.show(env.words("learn.no_check", name=name))
        return
    from rich.rule import Rule
    from rich.text import Text

    from .interact import run_drill
    from .progress import recording, show_summary
    from .quiz import offer_more

    env.show(Rule(Text(env.words("learn.check", n=len(drill.items), name=name)), align="left"))
    with recording(env, drill):
        run_drill(drill, env, after=offer_more(env, drill))
    if drill.summary.attempts or drill.summary.interrupted:
        show_summary(env, drill)


def run_learn(env: Environment, name: str | None, options: dict) -> None:
    """The map (no name), or the pages of a concept or a topic, then the check."""
    from ..session.learn import load_syllabus
    from .options import load_questions

    syllabus = load_syllabus(load_questions(None))
    if name is None:
        from ..render.learn import map_view
        from ..session.learn import mastery_map, read_accuracy

        env.show(map_view(mastery_map(syllabus, read_accuracy()), syllabus.bank, env.words))
        return
    kind, target = syllabus.resolve(name)
    concepts = syllabus.topic_concepts(target) if kind == "topic" else (target,)
    if not show_pages(env, syllabus, concepts, options) or not options["check"]:
        return
    if not env.interactive or turn_page(env, "learn.start_check"):  # in a terminal: read, then go on
        run_check(env, syllabus, kind, target, options["seed"])


def run_sheet(env: Environment, out: Path | None) -> None:
    """The formula sheet on screen, or as Markdown in ``out`` with one line saying where."""
    from ..session.learn import load_syllabus
    from .options import load_questions

    syllabus = load_syllabus(load_questions(None))
    if out is None:
        from ..render.learn import sheet_view

        env.show(sheet_view(syllabus, env.words))
        return
    from ..render.learn import sheet_markdown

    write_text(env, out, sheet_markdown(syllabus, env.words))
    env.show(env.words("learn.sheet_written", path=str(out)))


def write_text(env: Environment, path: Path, text: str) -> None:
    """Write ``text`` (UTF-8); a path that cannot be written is one line, exit 2."""
    import errno

    from ..errors import UsageError

    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        why = {
            errno.ENOENT: "learn.why.missing",
            errno.EACCES: "learn.why.denied",
            errno.EPERM: "learn.why.denied",
            errno.EROFS: "learn.why.denied",
            errno.EISDIR: "learn.why.directory",
        }.get(exc.errno or 0, "learn.why.other")
        reason = env.words(why, detail=exc.strerror or type(exc).__name__)
        raise UsageError(
            f"cannot write {path}", key="learn.cannot_write", path=str(path), why=reason
        ) from None


def register(app: typer.Typer) -> None:
    w = words()

    @app.command(
        "learn",
        help=f"{w('cmd.learn')}\n\n{w('learn.cmd.help')}",
        epilog=example(
            "topa learn activation.sigmoid ; topa learn optimizer ; topa learn --sheet --out sheet.md"
        ),
    )
    def learn(
        name: str | None = typer.Argument(
            None, metavar="CONCEPT|TOPIC", help=w("learn.opt.name"), autocompletion=complete_name
        ),
        sheet: bool = typer.Option(False, "--sheet", help=w("learn.opt.sheet")),
        out: Path | None = typer.Option(None, "--out", "-o", metavar="FILE.md", help=w("learn.opt.out")),
        check: bool = typer.Option(True, "--check/--no-check", help=w("learn.opt.check")),
        plot: bool = typer.Option(False, "--plot", help=w("learn.opt.plot")),
        seed: int | None = seed_option(),
        lang: str | None = lang_option(),
    ) -> None:
        from ..errors import UsageError
        from ..session.plan import check_seed
        from .env import current

        env = current(lang)
        check_seed(seed)
        if sheet or out is not None:
            if name is not None:
                raise UsageError(
                    f"--sheet covers every topic; leave out '{name}'", key="learn.sheet_alone", name=name
                )
            run_sheet(env, out)
            return
        run_learn(env, name, {"seed": seed, "check": check, "plot": plot})
