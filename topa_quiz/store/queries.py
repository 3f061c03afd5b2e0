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
    row = conn.execute("SELECT min(due) FROM cards").fetchone()
    return datetime.fromisoformat(row[0]) if row and row[0] else None


def concept_accuracy(conn: sqlite3.Connection) -> dict[str, tuple[int, int]]:
    """concept id → (right, answered), over every non-skipped answer."""
    rows = conn.execute(
        "SELECT j.value, sum(a.correct), count(*) FROM answers a, json_each(a.concepts) j "
        "WHERE a.given IS NOT NULL GROUP BY j.value"
    )
    return {c: (int(r), int(n)) for c, r, n in rows}
