"""What the study commands ask of the progress database."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime


def wrong_notebook(conn: sqlite3.Connection) -> list[tuple[str, str, int]]:
    """Questions whose latest answer was wrong: (id, when, times wrong), oldest mistake first."""
    return conn.execute(
        """
        WITH latest AS (
            SELECT question_id, correct, answered_at,
                   ROW_NUMBER() OVER (PARTITION BY question_id ORDER BY answered_at DESC, id DESC) AS rn
            FROM answers WHERE given IS NOT NULL
        )
        SELECT l.question_id, l.answered_at,
               (SELECT count(*) FROM answers a WHERE a.question_id = l.question_id
                                                AND a.given IS NOT NULL AND a.correct = 0)
        FROM latest l WHERE l.rn = 1 AND l.correct = 0
        ORDER BY l.answered_at ASC
        """
    ).fetchall()


def due_questions(conn: sqlite3.Connection, now: datetime | None = None) -> list[str]:
    now = now or datetime.now(UTC)
    rows = conn.execute("SELECT question_id FROM cards WHERE due <= ? ORDER BY due", (now.isoformat(),))
    return [r[0] for r in rows]


def carded_questions(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT question_id FROM cards")}


def next_due(conn: sqlite3.Connection) -> datetime | None:
    """The earliest due time; a due text that is not a date-time (damaged) is passed over."""
    for (text,) in conn.execute("SELECT due FROM cards INDEXED BY cards_due ORDER BY due"):
        try:
            moment = datetime.fromisoformat(text)
        except (TypeError, ValueError):
            continue
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return None


def concept_accuracy(conn: sqlite3.Connection) -> dict[str, tuple[int, int]]:
    """concept id → (right, answered), over every non-skipped answer whose concept list is readable."""
    rows = conn.execute(
        "SELECT j.value, sum(g.ok), sum(g.n) FROM"
        " (SELECT concepts, sum(correct) AS ok, count(*) AS n FROM answers WHERE given IS NOT NULL"
        "  GROUP BY concepts HAVING (CASE WHEN json_valid(concepts) THEN json_type(concepts) END) = 'array') g,"
        " json_each(g.concepts) j GROUP BY j.value"
    )
    return {str(c): (int(r), int(n)) for c, r, n in rows}
