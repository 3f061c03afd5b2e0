"""Record a session's answers as they are given, and schedule each question with FSRS.

Every answer is its own committed transaction: a killed process keeps every answer
before the kill. A question is an FSRS card: right → Good (Easy when fast, Hard when
slow), wrong → Again; skipped answers are recorded but do not touch the card.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

from typing import TYPE_CHECKING

from .db import connect, dumps, now_iso

if TYPE_CHECKING:  # the store sits under the session layer: no import of it at run time
    from ..session.drill import Attempt

#: seconds under which a right answer counts as Easy, over which as Hard, by kind
FAST = {"choice": 10.0, "ox": 6.0, "numeric": 30.0}
SLOW = {"choice": 45.0, "ox": 30.0, "numeric": 120.0}


def rating_for(correct: bool, seconds: float, kind: str):  # noqa: ANN201 - fsrs.Rating
    from fsrs import Rating

    if not correct:
        return Rating.Again
    if seconds <= FAST.get(kind, 10.0):
        return Rating.Easy
    if seconds >= SLOW.get(kind, 60.0):
        return Rating.Hard
    return Rating.Good


_SCHEDULER = None


def scheduler():  # noqa: ANN201 - fsrs.Scheduler
    global _SCHEDULER
    if _SCHEDULER is None:
        from fsrs import Scheduler

        _SCHEDULER = Scheduler(enable_fuzzing=False)
    return _SCHEDULER


def review_card(
    conn: sqlite3.Connection, question_id: str, correct: bool, seconds: float, kind: str, when: datetime
) -> datetime:
    """Apply one rating to the question's card (creating it); the new due time."""
    from fsrs import Card

    row = conn.execute("SELECT card FROM cards WHERE question_id = ?", (question_id,)).fetchone()
    card = Card.from_dict(json.loads(row[0])) if row else Card()
    card, _ = scheduler().review_card(card, rating_for(correct, seconds, kind), when)
    conn.execute(
        "INSERT INTO cards(question_id, due, card) VALUES (?, ?, ?) "
        "ON CONFLICT(question_id) DO UPDATE SET due = excluded.due, card = excluded.card",
        (question_id, card.due.astimezone(UTC).isoformat(timespec="microseconds"), dumps(card.to_dict())),
    )
    return card.due


class Recorder:
    """One session's writer. ``record`` commits immediately."""

    def __init__(
        self, conn: sqlite3.Connection, mode: str, seed: int | None, planned: int | None, lang: str
    ) -> None:
        self.conn = conn
        cur = conn.execute(
            "INSERT INTO sessions(mode, started_at, seed, planned, lang) VALUES (?, ?, ?, ?, ?)",
            (mode, now_iso(), seed, planned, lang),
        )
        self.session_id = int(cur.lastrowid)
        self.count = 0

    def record(self, a: Attempt) -> None:
        when = datetime.now(UTC)
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute(
                "INSERT INTO answers(session_id, question_id, topic, concepts, kind, params, given, correct,"
                " seconds, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    self.session_id,
                    a.question_id,
                    a.topic,
                    dumps(list(a.concepts)),
                    a.kind,
                    dumps(a.params),
                    a.given,
                    int(a.correct),
                    a.seconds,
                    when.isoformat(timespec="microseconds"),
                ),
            )
            if not a.skipped:
                review_card(self.conn, a.question_id, a.correct, a.seconds, a.kind, when)
        self.count += 1

    def record_exam(
        self, total: int, correct: int, pass_mark: float, minutes: float, seconds: float, timed_out: bool
    ) -> None:
        passed = total > 0 and 100.0 * correct / total >= pass_mark
        with self.conn:
            self.conn.execute(
                "INSERT INTO exams(session_id, total, correct, pass_mark, passed, minutes, seconds, timed_out)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (self.session_id, total, correct, pass_mark, int(passed), minutes, seconds, int(timed_out)),
            )

    def close(self) -> None:
        try:
            self.conn.execute("UPDATE sessions SET ended_at = ? WHERE id = ?", (now_iso(), self.session_id))
        finally:
            self.conn.close()


def open_recorder(
    mode: str, seed: int | None = None, planned: int | None = None, lang: str = "ko"
) -> Recorder:
    return Recorder(connect(), mode, seed, planned, lang)
