"""What the plan and the forecast read of the learner's memory, and how a plan re-plans the cards.

Reads (any connection, read-only ones too): each card's FSRS memory state without importing
``fsrs`` (:func:`stored_cards`), each question's first answer (:func:`first_answers`), each
question's latest answer with its numbers (:func:`last_answers`), the last mock exam
(:func:`last_exam`). A card whose JSON cannot be read is left out, as a question never
answered; so is an answer whose concept list cannot be read.

Writes: :func:`apply_plan` stores (or removes) the plan and gives every readable card the
due time ``due_for(card)`` in ONE transaction, so a plan and the due dates made for it are
never half written: on any failure nothing has changed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from .plan import Plan


@dataclass(frozen=True)
class StoredCard:
    """A question's card as the scheduling rules read it (what ``session.deadline.MemoryCard`` asks)."""

    question_id: str
    stability: float | None
    difficulty: float | None
    last_review: datetime | None
    due: datetime


@dataclass(frozen=True)
class LastAnswer:
    """A question's latest (not skipped) answer: what was typed, the numbers it was asked with."""

    question_id: str
    given: str
    correct: bool
    params: dict[str, object]
    answered_at: datetime


def _moment(text: object) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) and value else None


def parse_card(question_id: str, text: str) -> StoredCard | None:
    """The memory state in a stored ``fsrs.Card.to_dict()`` JSON; None when it cannot be read."""
    try:
        data = json.loads(text)
    except (TypeError, ValueError):
        return None
    due = _moment(data.get("due")) if isinstance(data, dict) else None
    if due is None:
        return None
    return StoredCard(
        question_id, _number(data.get("stability")), _number(data.get("difficulty")),
        _moment(data.get("last_review")), due,
    )  # fmt: skip


def stored_cards(conn: sqlite3.Connection) -> list[StoredCard]:
    """Every readable card."""
    cards = (parse_card(qid, text) for qid, text in conn.execute("SELECT question_id, card FROM cards"))
    return [c for c in cards if c is not None]


def _concepts(text: str) -> list[str] | None:
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return None
    return [str(c) for c in value] if isinstance(value, list) else None


def first_answers(conn: sqlite3.Connection) -> list[tuple[list[str], bool]]:
    """Each question's first answer (skips do not count): its concepts and whether it was right."""
    # one index probe per question (answers_question), not a pass over every answer
    rows = conn.execute(
        "SELECT a.concepts, a.correct FROM (SELECT DISTINCT question_id AS qid FROM answers) q"
        " JOIN answers a ON a.id = (SELECT id FROM answers WHERE question_id = q.qid AND given IS NOT NULL"
        " ORDER BY answered_at, id LIMIT 1)"
    )
    out: list[tuple[list[str], bool]] = []
    for text, correct in rows:
        concepts = _concepts(text)
        if concepts is not None:
            out.append((concepts, bool(correct)))
    return out


def last_answers(conn: sqlite3.Connection, question_ids: Iterable[str]) -> dict[str, LastAnswer]:
    """The latest answer to each of ``question_ids`` that has one (params unreadable: ``{}``)."""
    out: dict[str, LastAnswer] = {}
    for qid in dict.fromkeys(question_ids):
        row = conn.execute(
            "SELECT given, correct, params, answered_at FROM answers WHERE question_id = ? AND given IS NOT NULL"
            " ORDER BY answered_at DESC, id DESC LIMIT 1",
            (qid,),
        ).fetchone()
        when = _moment(row[3]) if row else None
        if row is None or when is None:
            continue
        try:
            params = json.loads(row[2])
        except (TypeError, ValueError):
            params = {}
        out[qid] = LastAnswer(
            qid, str(row[0]), bool(row[1]), params if isinstance(params, dict) else {}, when
        )
    return out


def last_exam(conn: sqlite3.Connection) -> datetime | None:
    """When the latest mock exam that was not abandoned started."""
    row = conn.execute(
        "SELECT max(s.started_at) FROM exams e JOIN sessions s ON s.id = e.session_id WHERE e.abandoned = 0"
    ).fetchone()
    return _moment(row[0]) if row else None


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def apply_plan(
    conn: sqlite3.Connection,
    plan: Plan | None,
    due_for: Callable[[StoredCard], datetime],
    now: datetime,
) -> tuple[bool, int]:
    """Store ``plan`` (None: remove it) and re-plan every readable card, in one transaction.

    Returns (whether a plan was stored before, the number of cards whose due time changed).
    Removing a plan when there is none changes nothing.
    A failure to write is one line (:func:`~topa_quiz.store.db.failure`) and changes nothing.
    """
    from .db import dumps, failure, path_of, transaction

    try:
        with transaction(conn):
            had = conn.execute("SELECT count(*) FROM plan").fetchone()[0] > 0
            if plan is None and not had:
                return False, 0  # no plan: the due dates are FSRS's own already
            if plan is None:
                conn.execute("DELETE FROM plan")
            else:
                conn.execute(
                    "INSERT OR REPLACE INTO plan(id, exam_date, pass_mark, daily_minutes, updated_at)"
                    " VALUES (1, ?, ?, ?, ?)",
                    (plan.exam_date.isoformat(), plan.pass_mark, plan.daily_minutes, _iso(now)),
                )
            changed = 0
            for qid, text in conn.execute("SELECT question_id, card FROM cards").fetchall():
                card = parse_card(qid, text)
                if card is None:
                    continue
                due = due_for(card)
                if due == card.due:
                    continue
                data = json.loads(text)
                data["due"] = due.astimezone(UTC).isoformat()
                conn.execute(
                    "UPDATE cards SET due = ?, card = ? WHERE question_id = ?", (_iso(due), dumps(data), qid)
                )
                changed += 1
    except sqlite3.Error as exc:
        raise failure(exc, path_of(conn), "save") from None
    return had, changed
