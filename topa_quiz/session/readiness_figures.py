"""The readiness forecast from the progress store and the bank, as ``topa today`` and ``topa stats`` show it.

What :func:`~.readiness.forecast` is given (see its module for the model):

* each concept's cards: the store's card of every question of the bank, under each of its
  concepts (a question no longer in the bank cannot be on the exam and is left out);
* every concept's topic, its questions (``questions_per_concept``) and its guessing chance
  (:func:`~.readiness.guess_rate` over its questions' kinds and options);
* the exam: :data:`EXAM_QUESTIONS` questions spread over the topics by ``allocate`` over the
  bank's questions per topic, as ``topa exam`` draws them;
* the learner's first answers (right, total) per concept: the first answer to each question;
* the plan's exam date and pass mark (no plan: today, and :data:`~.planning.DEFAULT_PASS_MARK`).

Reading the store never creates it; a file that cannot be read is the store's one-line error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from typing import TYPE_CHECKING

from .planning import DEFAULT_PASS_MARK
from .readiness import Readiness, forecast, guess_rate
from .spread import allocate, topic_pools

if TYPE_CHECKING:
    import sqlite3

    from ..bank.model import Bank
    from ..store.memory import StoredCard
    from ..store.plan import Plan

#: the exam the forecast is for: ``topa exam``'s default length
EXAM_QUESTIONS = 40


@dataclass(frozen=True)
class BankFacts:
    """What the forecast and the daily plan need of the bank."""

    concept_topic: dict[str, str]
    question_concepts: dict[str, tuple[str, ...]]
    guess: dict[str, float]
    counts: dict[str, int]  # questions per concept
    allocation: dict[str, int]  # exam questions per topic
    concept_order: tuple[str, ...]  # by topic (the bank's topic order), then the bank's order


def bank_facts(bank: Bank, exam_questions: int = EXAM_QUESTIONS) -> BankFacts:
    kinds: dict[str, list[tuple[str, int]]] = {}
    for q in bank.questions:
        for c in q.concepts:
            kinds.setdefault(c, []).append((q.type, len(q.options)))
    concept_topic = {cid: c.topic for cid, c in bank.concepts.items()}
    topics = list(bank.topics)
    order = sorted(
        bank.concepts,
        key=lambda c: topics.index(concept_topic[c]) if concept_topic[c] in topics else len(topics),
    )  # sorted() is stable: the bank's order within a topic
    return BankFacts(
        concept_topic=concept_topic,
        question_concepts={q.id: tuple(q.concepts) for q in bank.questions},
        guess={c: guess_rate(kinds.get(c, [])) for c in concept_topic},
        counts={c: len(kinds.get(c, [])) for c in concept_topic},
        allocation={  # topics without questions are not on the exam
            t: n
            for t, n in allocate({t: len(v) for t, v in topic_pools(bank).items()}, exam_questions).items()
            if n
        },
        concept_order=tuple(order),
    )


@dataclass(frozen=True)
class History:
    """What the store knows of the learner, read once."""

    cards: tuple[StoredCard, ...] = ()
    first_answers: dict[str, tuple[int, int]] = field(default_factory=dict)  # concept -> (right, total)
    last_exam: datetime | None = None
    plan: Plan | None = None

    @property
    def answered(self) -> set[str]:
        """Concepts with at least one answer (not a skip)."""
        return {c for c, (_, total) in self.first_answers.items() if total}

    def due(self, now: datetime, known: set[str] | None = None) -> int:
        """Cards due at ``now`` (of the questions in ``known``, when given)."""
        return sum(c.due <= now and (known is None or c.question_id in known) for c in self.cards)


def tally_first_answers(rows: list[tuple[list[str], bool]]) -> dict[str, tuple[int, int]]:
    """(right, total) of first answers per concept, from ``(concepts, right)`` per question."""
    out: dict[str, tuple[int, int]] = {}
    for concepts, right in rows:
        for c in concepts:
            r, t = out.get(c, (0, 0))
            out[c] = (r + int(right), t + 1)
    return out


def history_from(conn: sqlite3.Connection) -> History:
    """The cards, first answers, last exam and plan, read through ``conn``."""
    import sqlite3

    from ..store.db import failure, path_of
    from ..store.memory import first_answers, last_exam, stored_cards
    from ..store.plan import read_plan

    try:
        cards, first, exam = stored_cards(conn), first_answers(conn), last_exam(conn)
    except sqlite3.Error as exc:
        raise failure(exc, path_of(conn)) from None
    return History(tuple(cards), tally_first_answers(first), exam, read_plan(conn))


def read_history() -> History:
    """:func:`history_from` the progress database (an empty history before the first answer)."""
    from ..store.db import connect
    from ..store.paths import database_path

    path = database_path()
    if not path.exists():
        return History()
    conn = connect(path, create=False, write=False)
    try:
        return history_from(conn)
    finally:
        conn.close()


def cards_by_concept(facts: BankFacts, cards: tuple[StoredCard, ...]) -> dict[str, list[StoredCard]]:
    out: dict[str, list[StoredCard]] = {}
    for card in cards:
        for c in facts.question_concepts.get(card.question_id, ()):
            out.setdefault(c, []).append(card)
    return out


def readiness(
    facts: BankFacts,
    history: History,
    now: datetime,
    exam_date: date | None = None,
    pass_mark: float = DEFAULT_PASS_MARK,
    tz: tzinfo = UTC,
) -> Readiness:
    """The forecast for the exam on ``exam_date`` (None: now)."""
    return forecast(
        cards_by_concept(facts, history.cards),
        facts.concept_topic,
        facts.allocation,
        now,
        exam_date,
        pass_mark,
        guess=facts.guess,
        questions_per_concept=facts.counts,
        first_answers=history.first_answers,
        tz=tz,
    )


def planned_readiness(facts: BankFacts, history: History, now: datetime, tz: tzinfo = UTC) -> Readiness:
    """The forecast for the stored plan's exam day and pass mark (no plan: now, the default mark)."""
    plan = history.plan
    if plan is None:
        return readiness(facts, history, now, None, DEFAULT_PASS_MARK, tz)
    return readiness(facts, history, now, plan.exam_date, plan.pass_mark, tz)


def stats_readiness(
    bank: Bank | None, history: History, now: datetime, tz: tzinfo = UTC
) -> dict[str, object] | None:
    """``"readiness"`` of ``topa stats --json``: None when the bank could not be read or has no questions."""
    if bank is None or not bank.questions:
        return None
    return planned_readiness(bank_facts(bank), history, now, tz).to_dict()
