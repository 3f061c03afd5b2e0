"""Rich renderables for a drill: the question panel, what each event says, the summary.

Every function takes the catalog of the session's language (``words``) and returns a
renderable; nothing here prints. Bank text is shown with :func:`~topa_quiz.render.text.plain`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from .labels import concept_name, duration, mastery_bar, topic_name
from .text import plain

if TYPE_CHECKING:
    from rich.table import Table

    from ..bank.model import Bank
    from ..i18n import Catalog
    from ..session.drill import Event, Summary
    from ..session.grading import Answer
    from ..session.items import Item


def question_panel(
    item: Item, number: int, total: int, bank: Bank, words: Catalog, commands: str = "commands"
) -> Panel:
    """The question: its number, topic, difficulty, prompt and what the kind adds (options…)."""
    body: list[RenderableType] = [plain(item.prompt), *item.behaviour.panel_body(item, words)]
    title = Text.assemble((f"{number}/{total}", "bold"), " · ")
    title.append_text(plain(topic_name(bank, bank.topic_of(item.question), words.lang)))
    if item.question.difficulty:
        title.append(" · " + "★" * item.question.difficulty)
    return Panel(
        Group(*body),
        title=title,
        title_align="left",
        subtitle=Text(words(commands)),
        subtitle_align="right",
        box=box.ROUNDED,
        padding=(0, 1),
    )


def question_view(
    item: Item,
    number: int,
    total: int,
    bank: Bank,
    words: Catalog,
    size: tuple[int, int, bool],
    commands: str = "commands",
) -> RenderableType:
    """The question panel, after the question's figure when it has one (a chart or its table).

    ``size`` is the console's (width, height, color).
    """
    panel = question_panel(item, number, total, bank, words, commands)
    figure = getattr(item.question, "figure", None)
    if figure is None:
        return panel
    from .figure import question_figure_view

    width, height, color = size
    return Group(question_figure_view(figure, words.lang, width, height, color), panel)


def hint_text(item: Item, text: str, words: Catalog) -> Text:
    """The hint: the first step of the calculation for computed questions, else the text given."""
    if not text:
        return Text(words("no_hints"), style="yellow")
    line = Text(f"💡 {words('hint')}: ", style="bold yellow")
    line.append_text(plain(text))
    return line


def explained(item: Item, words: Catalog) -> list[RenderableType]:
    """The answer, the explanation and the worked steps: what a learner studies."""
    from .steps import steps_table

    parts: list[RenderableType] = [
        Text.assemble((f"{words('answer')}: ", "bold"), plain(item.answer_text())),
        Text.assemble((f"{words('explanation')}: ", "bold"), plain(item.explanation)),
    ]
    if item.calculation is not None:
        from ..engine.registry import lookup

        calc = lookup(item.calculation.name)
        title = f"{words('steps')} ({calc.title(words.lang) if calc else item.calculation.name})"
        parts.append(steps_table(item.calculation, title=title, lang=words.lang))
    return parts


def feedback(item: Item, answer: Answer, words: Catalog) -> Group:
    """Right or wrong, the answer, why the chosen option is wrong, the explanation and steps."""
    verdict = (
        Text(f"✔ {words('correct')}", style="bold green")
        if answer.correct
        else Text(f"✘ {words('wrong')}", style="bold red")
    )
    answer_line, *rest = explained(item, words)
    return Group(verdict, answer_line, *item.behaviour.feedback(item, answer, words), *rest)


def skipped(item: Item, words: Catalog) -> Group:
    """A skipped question still teaches: the answer, the explanation and the steps."""
    return Group(Text(f"↷ {words('skipped')}", style="yellow"), *explained(item, words))


def event_view(event: Event, words: Catalog, feedback_on: bool = True) -> RenderableType | None:
    """What to show for one event of a drill (None: nothing)."""
    from ..session.drill import Graded, Hint, Notice, Skipped
    from ..session.grading import Invalid

    if isinstance(event, Invalid):
        return Text(f"↺ {event.message}", style="yellow")
    if isinstance(event, Hint):
        return hint_text(event.item, event.text, words)
    if isinstance(event, Notice):
        return Text(words(event.key), style="yellow")
    if isinstance(event, Graded) and feedback_on:
        return feedback(event.item, event.answer, words)
    if isinstance(event, Skipped) and feedback_on:
        return skipped(event.item, words)
    return None


def _tally_table(rows: list[tuple[str, int, int]], heading: str, words: Catalog) -> Table:
    from rich.table import Table  # with fractions, 4 ms of start-up: only once a summary has rows

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(heading)
    table.add_column(words("right"), justify="right")
    table.add_column("", no_wrap=True)
    for name, ok, n in rows:
        table.add_row(plain(name), f"{ok}/{n}", mastery_bar(ok / n if n else 0, 10))
    return table


def summary_view(s: Summary, bank: Bank, words: Catalog) -> RenderableType:
    """The score, the time, a table per topic and per concept, and what to study next."""
    lang = words.lang
    if not s.attempts:
        return Panel(Text(words("no_answers")), title=words("summary"), box=box.ROUNDED)
    right = s.right
    pct = right / len(s.attempts)
    head = Text.assemble(
        (f"{words('score')}: ", "bold"),
        (f"{right}/{len(s.attempts)}", "bold green" if pct >= 0.6 else "bold red"),
        f" ({pct:.0%})   ",
        (f"{words('time')}: ", "bold"),
        duration(s.seconds, lang),
    )
    if s.ended_early:
        head.append(f"   ({words('ended_early')}: {len(s.attempts)}/{s.planned})", style="dim")
    topics = [(topic_name(bank, tid, lang), ok, n) for tid, (ok, n) in s.by_topic(bank).items()]
    concepts = [(concept_name(bank, cid, lang), ok, n) for cid, (ok, n) in s.by_concept().items()]
    weak = [c for c in s.weakest(bank) if c in bank.concepts]
    if weak:
        study = Text(f"{words('study_next')}: ", style="bold")
        study.append_text(plain(", ".join(f"{concept_name(bank, c, lang)} ({c})" for c in weak)))
        study.append_text(plain(f"\n→ topa quiz --concept {weak[0]}", "dim"))
    else:
        study = Text(words("all_good"), style="green")
    return Panel(
        Group(
            head,
            _tally_table(topics, words("topic"), words),
            _tally_table(concepts, words("concept"), words),
            study,
        ),
        title=words("summary"),
        title_align="left",
        box=box.ROUNDED,
    )
