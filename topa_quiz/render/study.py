"""Renderables for review and the wrong-answer notebook."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich import box
from rich.table import Table
from rich.text import Text

from .labels import concept_name
from .text import plain

if TYPE_CHECKING:
    from ..bank.model import Bank
    from ..i18n import Catalog
    from ..session.progress import NotebookEntry


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


def notebook_table(entries: list[NotebookEntry], bank: Bank, words: Catalog) -> Table:
    by_id = {q.id: q for q in bank.questions}
    table = Table(box=box.SIMPLE_HEAD, title=words("notebook.title"), title_justify="left")
    table.add_column("#", justify="right")
    table.add_column(words("notebook.id"), style="cyan", no_wrap=True, overflow="fold")  # ids stay whole
    table.add_column(words("concept"))
    table.add_column(words("notebook.missed"), justify="right")
    table.add_column(words("notebook.last"), no_wrap=True)
    for i, e in enumerate(entries, 1):
        q = by_id[e.question_id]
        local = e.last_wrong.astimezone().strftime("%Y-%m-%d %H:%M")
        name = concept_name(bank, q.concepts[0], words.lang)
        table.add_row(str(i), plain(e.question_id), plain(name), str(e.times_wrong), local)
    return table
