"""What the application layer reads from the progress store: due cards, the notebook, accuracy.

Each function opens the database, reads and closes it; a database that does not exist yet
reads as empty (nothing is created just to read).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..store.paths import database_path


@dataclass(frozen=True)
class ReviewFigures:
    due: list[str]
    seen: set[str]
    accuracy: dict[str, tuple[int, int]]


@dataclass(frozen=True)
class NotebookEntry:
    question_id: str
    last_wrong: datetime
    times_wrong: int


def _reading():  # noqa: ANN202 - a connection, or None before the first answer
    from ..store.db import connect

    path = database_path()
    return connect(path, create=False, write=False) if path.exists() else None  # read-only files too


def review_figures(now: datetime | None = None) -> ReviewFigures:
    from ..store.queries import carded_questions, concept_accuracy, due_questions

    conn = _reading()
    if conn is None:
        return ReviewFigures([], set(), {})
    try:
        return ReviewFigures(due_questions(conn, now), carded_questions(conn), concept_accuracy(conn))
    finally:
        conn.close()


def notebook(known: set[str] | None = None) -> list[NotebookEntry]:
    """Questions whose latest answer was wrong, oldest mistake first (only ``known`` ids)."""
    from ..store.queries import wrong_notebook

    conn = _reading()
    if conn is None:
        return []
    try:
        rows = wrong_notebook(conn)
    finally:
        conn.close()
    return [
        NotebookEntry(qid, datetime.fromisoformat(when), int(times))
        for qid, when, times in rows
        if known is None or qid in known
    ]


def next_due() -> datetime | None:
    from ..store.queries import next_due as query

    conn = _reading()
    if conn is None:
        return None
    try:
        return query(conn)
    finally:
        conn.close()
