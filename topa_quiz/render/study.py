"""Renderables for review and the wrong-answer notebook."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from .labels import concept_name
from .text import plain

if TYPE_CHECKING:
    from ..bank.model import Bank
    from ..i18n import Catalog
    from ..session.notebook import NotebookPage


def when_text(due: datetime, now: datetime, words: Catalog) -> str:
    """A due time as a person reads it: '10분 후' / 'in 10 minutes', with the local date."""
    delta = (due - now).total_seconds()
    local = due.astimezone().strftime("%Y-%m-%d %H:%M")
    if delta <= 60:
        return words("when.now")
    minutes = delta / 60
    if minutes < 90:
        amount = words("when.minutes", n=f"{minutes:.0f}")
    elif minutes < 60 * 36:
        amount = words("when.hours", n=f"{minutes / 60:.0f}")
    else:
        amount = words("when.days", n=f"{minutes / 1440:.0f}")
    return f"{amount} ({local})"


def next_review_line(due: datetime | None, now: datetime, words: Catalog) -> Text | None:
    if due is None:
        return None
    return Text.assemble("\n", (f"{words('review.next')}: ", "bold"), when_text(due, now, words))


def _given(page: NotebookPage, words: Catalog) -> str:
    return words("notebook.position", given=page.given) if page.given_position else page.given


def notebook_page(number: int, page: NotebookPage, bank: Bank, words: Catalog) -> RenderableType:
    """One notebook question: where it is from, the question as asked, your answer, the right one."""
    q = page.question
    head = Text(f"{number}. ", style="bold")
    head.append_text(plain(concept_name(bank, q.concepts[0], words.lang), "bold"))
    head.append(f" · {words('notebook.times', n=page.times_wrong)} · {page.when.astimezone():%Y-%m-%d %H:%M}")
    head.append_text(plain(f"\n{q.id}", "dim"))
    answer = page.answer if page.answer is not None else words("notebook.unknown_answer")
    lines = Table.grid(padding=(0, 1))
    lines.add_column(no_wrap=True)
    lines.add_column(overflow="fold")
    lines.add_row(Text(f"{words('notebook.your_answer')}:", style="bold red"), plain(_given(page, words)))
    lines.add_row(Text(f"{words('notebook.right_answer')}:", style="bold green"), plain(answer))
    return Group(head, Padding(plain(page.prompt), (0, 0, 0, 2)), Padding(lines, (0, 0, 0, 2)))


def notebook_view(pages: list[NotebookPage], bank: Bank, words: Catalog) -> RenderableType:
    """``topa wrong --list``: every question whose latest answer was wrong, oldest mistake first."""
    parts: list[RenderableType] = [Text(words("notebook.title"), style="bold")]
    for i, page in enumerate(pages, 1):
        parts += [Text(""), notebook_page(i, page, bank, words)]
    parts += [Text(""), Text(f"→ {words('notebook.drill_hint')}", style="dim")]
    return Group(*parts)


def last_time_line(page: NotebookPage, words: Catalog) -> Text:
    """Above a notebook question served again: what was answered last time (and with other numbers)."""
    line = Text(words("notebook.last_time", day=f"{page.when.astimezone():%Y-%m-%d}") + " ", style="yellow")
    line.append_text(plain(_given(page, words), "bold yellow"))
    if page.question.computed:
        line.append(" " + words("notebook.other_numbers"), style="dim")
    return line
