"""Record a session's answers as they are given, and schedule each question with FSRS.

Every answer is its own committed transaction: a killed process keeps every answer before
the kill. An answer that cannot be stored (a full disk, a file made read-only meanwhile)
raises :class:`~topa_quiz.errors.RecordError` after rolling that one answer back: the
session ends there and says so, the answers before it are kept. Skipped answers are
recorded but do not touch the question's card (see :mod:`.scheduling`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Protocol

from ..errors import RecordError
from .db import connect, dumps, failure, path_of, transaction
from .scheduling import DueCap, rating_for, review_card

__all__ = ["AttemptLike", "Recorder", "open_recorder", "rating_for", "review_card"]

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


class AttemptLike(Protocol):
    """What the store reads of an answer (``session.quiz.Attempt`` has it)."""

    question_id: str
    concepts: Sequence[str]
    topic: str
    kind: str
    params: Mapping[str, object]
    given: str | None  # None when skipped
    correct: bool
    seconds: float


class Recorder:
    """One session's writer. ``record`` commits immediately; ``close`` never raises."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        mode: str,
        seed: int | None,
        planned: int | None,
        lang: str,
        cap: DueCap | None = None,
        clock: Clock = _utc_now,
    ) -> None:
        self.conn = conn
        self.path = path_of(conn)
        self.cap = cap
        self.clock = clock
        self.count = 0  # answers stored
        try:
            with transaction(conn):
                cur = conn.execute(
                    "INSERT INTO sessions(mode, started_at, seed, planned, lang) VALUES (?, ?, ?, ?, ?)",
                    (mode, _iso(clock()), seed, planned, lang),
                )
        except sqlite3.Error as exc:
            raise failure(exc, self.path, "open") from None
        self.session_id = int(cur.lastrowid)

    def record(self, a: AttemptLike) -> None:
        """Store one answer (and update its card) in one transaction; :class:`RecordError` if it fails."""
        when = self.clock()
        try:
            with transaction(self.conn):
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
                        _iso(when),
                    ),
                )
                if a.given is not None:
                    review_card(self.conn, a.question_id, a.correct, a.seconds, a.kind, when, self.cap)
        except sqlite3.Error as exc:
            raise failure(
                exc, self.path, "record", RecordError, number=self.count + 1, kept=self.count
            ) from None
        self.count += 1

    def record_exam(
        self,
        total: int,
        correct: int,
        pass_mark: float,
        minutes: float,
        seconds: float,
        timed_out: bool,
        abandoned: bool = False,
        answered: int | None = None,
    ) -> None:
        """Store the exam's result. ``abandoned`` (ended by the learner before the last question:
        Ctrl-C, q, end of input): neither passed nor failed; ``answered``: answers and skips given."""
        passed = not abandoned and total > 0 and 100.0 * correct / total >= pass_mark
        try:
            with transaction(self.conn):
                self.conn.execute(
                    "INSERT INTO exams(session_id, total, correct, pass_mark, passed, minutes, seconds,"
                    " timed_out, abandoned, answered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        self.session_id,
                        total,
                        correct,
                        pass_mark,
                        int(passed),
                        minutes,
                        seconds,
                        int(timed_out),
                        int(abandoned),
                        answered,
                    ),
                )
        except sqlite3.Error as exc:
            raise failure(exc, self.path, "exam", RecordError, kept=self.count) from None

    def close(self) -> None:
        """Mark the session ended and close (folding the log into the file); never raises."""
        try:
            with transaction(self.conn):
                self.conn.execute(
                    "UPDATE sessions SET ended_at = ? WHERE id = ?", (_iso(self.clock()), self.session_id)
                )
        except sqlite3.Error:
            pass  # the end time is a nicety; every answer is already committed
        finally:
            self.conn.close()


def open_recorder(
    mode: str,
    seed: int | None = None,
    planned: int | None = None,
    lang: str = "ko",
    cap: DueCap | None = None,
    clock: Clock = _utc_now,
) -> Recorder:
    """A :class:`Recorder` on the progress database (checked before anything is written)."""
    conn = connect()
    try:
        return Recorder(conn, mode, seed, planned, lang, cap=cap, clock=clock)
    except BaseException:
        conn.close()
        raise
