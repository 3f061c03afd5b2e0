"""Each question is an FSRS card: a rating per answer, the next due time, an optional cap.

Right → Good (Easy when fast, Hard when slow), wrong → Again. With a plan (an exam date),
the next due time passes through a *cap* supplied from above (the session layer's
deadline-aware scheduling, a pure function ``cap(due, card, exam_date) -> due``): the store
only calls it, and keeps the earlier of the two times, so a cap can bring a review forward
but never push it back.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from .db import dumps

if TYPE_CHECKING:
    from fsrs import Card

#: ``cap(due, card, exam_date) -> datetime``: the due time to keep for ``card`` given the exam day
DueCap = Callable[[datetime, "Card", date], datetime]

#: seconds under which a right answer counts as Easy, over which as Hard, by kind
FAST = {"choice": 10.0, "ox": 6.0, "numeric": 30.0}
SLOW = {"choice": 45.0, "ox": 30.0, "numeric": 120.0}


def rating_for(correct: bool, seconds: float, kind: str) -> Any:  # noqa: ANN401 - fsrs.Rating
    from fsrs import Rating

    if not correct:
        return Rating.Again
    if seconds <= FAST.get(kind, 10.0):
        return Rating.Easy
    if seconds >= SLOW.get(kind, 60.0):
        return Rating.Hard
    return Rating.Good


_SCHEDULER = None


def scheduler() -> Any:  # noqa: ANN401 - fsrs.Scheduler
    global _SCHEDULER
    if _SCHEDULER is None:
        from fsrs import Scheduler

        _SCHEDULER = Scheduler(enable_fuzzing=False)
    return _SCHEDULER


def load_card(text: str | None) -> Card:
    """The stored card, or a new one when there is none or its JSON cannot be read.

    A card is scheduling state derived from the answers (which are kept apart): an unreadable
    one is started afresh rather than stopping the session.
    """
    from fsrs import Card

    if text is None:
        return Card()
    try:
        return Card.from_dict(json.loads(text))
    except (ValueError, TypeError, KeyError, AttributeError):
        return Card()


def capped(card: Card, cap: DueCap | None, exam_date: date | None) -> datetime:
    """``card.due``, or the cap's earlier time when there is a cap and an exam date."""
    if cap is None or exam_date is None:
        return card.due
    limit = cap(card.due, card, exam_date)
    return min(card.due, limit)


def review_card(
    conn: sqlite3.Connection,
    question_id: str,
    correct: bool,
    seconds: float,
    kind: str,
    when: datetime,
    cap: DueCap | None = None,
) -> datetime:
    """Apply one rating to the question's card (creating it); the new due time.

    Runs inside the caller's transaction. With ``cap`` and a stored plan, the due time is
    the earlier of FSRS's and ``cap(due, card, plan.exam_date)``.
    """
    row = conn.execute("SELECT card FROM cards WHERE question_id = ?", (question_id,)).fetchone()
    card = load_card(row[0] if row else None)
    card, _ = scheduler().review_card(card, rating_for(correct, seconds, kind), when)
    from .plan import read_plan  # only while recording a review

    plan = read_plan(conn) if cap is not None else None
    card.due = capped(card, cap, plan.exam_date if plan else None)
    conn.execute(
        "INSERT INTO cards(question_id, due, card) VALUES (?, ?, ?) "
        "ON CONFLICT(question_id) DO UPDATE SET due = excluded.due, card = excluded.card",
        (question_id, card.due.astimezone(UTC).isoformat(timespec="microseconds"), dumps(card.to_dict())),
    )
    return card.due
