"""Renderables for ``topa bank``: question counts and the question list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from .text import plain

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..bank.model import Bank, Question
    from ..i18n import Catalog


def counts_view(counts: dict, bank: Bank, words: Catalog) -> RenderableType:
    lang = words.lang
    table = Table(
        box=box.SIMPLE_HEAD, title=words("bank.n_questions", n=counts["questions"]), title_justify="left"
    )
    table.add_column(words("bank.topic_concept"))
    table.add_column(words("bank.questions"), justify="right")
    for tid, tname in bank.topics.items():
        table.add_row(Text.assemble(plain(tname.get(lang), "bold"), f" ({tid})"), str(counts["topics"][tid]))
        for c in bank.concepts.values():
            if c.topic == tid:
                table.add_row(
                    Text.assemble("  ", plain(c.name(lang)), " ", plain(c.id, "dim")),
                    str(counts["concepts"][c.id]),
                )
    types = ", ".join(f"{_type_name(k, words)} {v}" for k, v in counts["types"].items())
    return Group(table, Text(f"{words('bank.types')}: {types}"))


def _type_name(key: str, words: Catalog) -> str:
    """A question type as the learner reads it (``choice-computed`` -> 객관식(계산))."""
    return words(f"bank.type.{key}") if words.has(f"bank.type.{key}") else key


def _kind(q: Question) -> str:
    return q.type + ("*" if q.computed else "")


def question_rows(questions: Sequence[Question], lang: str) -> list[tuple[str, ...]]:
    """One row per question for a pipe: id, type, concepts, prompt (whitespace collapsed)."""
    return [(q.id, _kind(q), ",".join(q.concepts), " ".join(q.prompt.get(lang).split())) for q in questions]


def question_lines(questions: Sequence[Question], words: Catalog) -> RenderableType:
    """Each question as two lines: the id with its type and concepts, then the prompt's start.

    Nothing is squeezed into columns, so ids stay whole at any width.
    """
    lines: list[RenderableType] = []
    for q in questions:
        head = Text.assemble(
            plain(q.id, "bold cyan"), "  ", (_kind(q), "dim"), "  ", plain(", ".join(q.concepts), "dim")
        )
        prompt = plain("  " + " ".join(q.prompt.get(words.lang).split()))
        prompt.truncate(1000)
        prompt.no_wrap, prompt.overflow = True, "ellipsis"
        lines += [head, prompt]
    lines.append(Text(words("bank.listed", n=len(questions)), style="dim"))
    return Group(*lines)
