"""The forecast's inputs read from the bank and the store, and ``"readiness"`` of ``topa stats --json``."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from topa_quiz.bank.model import Bank, Concept, Option, Question, Text
from topa_quiz.session.drill import Attempt
from topa_quiz.session.readiness_figures import (
    EXAM_QUESTIONS,
    History,
    bank_facts,
    read_history,
    readiness,
    stats_readiness,
    tally_first_answers,
)
from topa_quiz.store.memory import StoredCard
from topa_quiz.store.plan import Plan

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
T = Text("가", "a")


def concept(cid: str) -> Concept:
    return Concept(cid, cid.split(".")[0], cid, cid, T)


def question(qid: str, concepts: tuple[str, ...], kind: str, options: int = 0) -> Question:
    opts = tuple(Option(Text(f"{i}", f"{i}")) for i in range(options))
    return Question(qid, concepts, kind, T, T, options=opts, answer=1 if options else "O")


#: topics listed b before a (c has no question); concept a.x has a five-option choice and an O/X question
BANK = Bank(
    topics={"b": T, "a": T, "c": T},
    concepts={c: concept(c) for c in ("a.x", "b.y", "a.z", "b.w", "c.v")},
    questions=(
        question("q1", ("a.x",), "choice", 5),
        question("q2", ("a.x", "b.y"), "ox"),
        question("q3", ("b.y",), "numeric"),
        question("q4", ("b.y",), "choice", 4),
    ),
)


def test_bank_facts_by_hand():
    f = bank_facts(BANK)
    assert f.concept_order == ("b.y", "b.w", "a.x", "a.z", "c.v")  # the bank's topic order, then its concepts
    assert f.counts == {"a.x": 2, "b.y": 3, "a.z": 0, "b.w": 0, "c.v": 0}
    assert f.guess["a.x"] == pytest.approx((1 / 5 + 1 / 2) / 2)
    assert f.guess["b.y"] == pytest.approx((1 / 2 + 0 + 1 / 4) / 3)
    assert f.guess["a.z"] == 0.25  # no question: a four-option guess
    # topics by the first concept's topic: a has q1, q2 (2 of 4); b has q3, q4: 20 and 20 of 40
    assert f.allocation == {"b": 20, "a": 20} and sum(f.allocation.values()) == EXAM_QUESTIONS  # not c
    assert f.question_concepts["q2"] == ("a.x", "b.y")


def test_the_bundled_banks_exam_is_40_questions_over_every_topic():
    from topa_quiz.bank.loader import load_bank

    bank, _ = load_bank()
    f = bank_facts(bank)
    assert sum(f.allocation.values()) == 40
    counts = {t: sum(bank.topic_of(q) == t for q in bank.questions) for t in bank.topics}
    assert set(f.allocation) == {t for t in bank.topics if counts[t]}  # every topic with questions
    assert all(n >= 1 for n in f.allocation.values())
    assert set(f.concept_order) == set(bank.concepts)


def test_first_answers_tally_every_concept_of_the_question():
    rows = [(["a.x"], True), (["a.x", "b.y"], False), (["b.y"], True)]
    assert tally_first_answers(rows) == {"a.x": (1, 2), "b.y": (1, 2)}


def _answer(rec, qid: str, concepts: tuple[str, ...], given: str | None, right: bool) -> None:  # noqa: ANN001
    rec.record(Attempt(qid, concepts, concepts[0].split(".")[0], "ox", {}, given, right, 20.0))


def test_history_from_the_store_counts_first_answers_not_skips_nor_later_ones():
    from topa_quiz.store.recorder import open_recorder

    assert read_history() == History()  # no database: empty, and none is created
    clock = iter(NOW - timedelta(hours=h) for h in (9, 8, 7, 6, 5, 4))
    rec = open_recorder("quiz", clock=lambda: next(clock))
    _answer(rec, "q1", ("a.x",), "X", False)  # first: wrong
    _answer(rec, "q1", ("a.x",), "O", True)  # later: right, not a first answer
    _answer(rec, "q2", ("a.x", "b.y"), None, False)  # a skip does not count
    _answer(rec, "q2", ("a.x", "b.y"), "O", True)  # the first answer to q2
    rec.close()
    h = read_history()
    assert h.first_answers == {"a.x": (1, 2), "b.y": (1, 1)}
    assert h.answered == {"a.x", "b.y"}
    assert {c.question_id for c in h.cards} == {"q1", "q2"} and h.plan is None and h.last_exam is None


def test_the_last_exam_is_the_latest_not_abandoned():
    from topa_quiz.store.recorder import open_recorder

    for hours, abandoned in ((48, False), (24, False), (1, True)):
        rec = open_recorder("exam", clock=lambda h=hours: NOW - timedelta(hours=h))
        rec.record_exam(40, 30, 60.0, 60.0, 100.0, False, abandoned=abandoned)
        rec.close()
    assert read_history().last_exam == NOW - timedelta(hours=24)


def test_more_right_first_answers_forecast_higher():
    f = bank_facts(BANK)
    weak = readiness(f, History(first_answers={"a.x": (0, 2), "b.y": (0, 3)}), NOW)
    strong = readiness(f, History(first_answers={"a.x": (2, 2), "b.y": (3, 3)}), NOW)
    assert strong.predicted_score > weak.predicted_score


def test_a_card_counts_for_each_concept_of_its_question():
    f = bank_facts(BANK)
    fresh = StoredCard("q2", 30.0, 5.0, NOW, NOW + timedelta(days=30))  # just reviewed: R = 1
    with_card = readiness(f, History(cards=(fresh,)), NOW)
    without = readiness(f, History(), NOW)
    # a.x (a.z has no question): q2 just reviewed, so its chance of a right answer is 1; q1 never answered
    # counts at the prior, which without first answers is a.x's guess (1/5 + 1/2)/2 = 0.35
    assert with_card.topics["a"] == pytest.approx(100 * (1.0 + 0.35) / 2)
    assert without.topics["a"] == pytest.approx(35.0)
    assert with_card.topics["b"] > without.topics["b"]
    stranger = StoredCard("not-in-bank", 30.0, 5.0, NOW, NOW + timedelta(days=30))
    assert readiness(f, History(cards=(stranger,)), NOW) == without


def test_stats_readiness_is_the_plans_forecast_with_exactly_the_fields():
    from topa_quiz.store.db import connect
    from topa_quiz.store.plan import write_plan

    assert stats_readiness(None, History(), NOW) is None
    assert stats_readiness(Bank({}, {}, ()), History(), NOW) is None
    conn = connect()
    write_plan(conn, Plan(date(2027, 4, 1), 75.0, 20))
    conn.close()
    d = stats_readiness(BANK, read_history(), NOW)
    assert list(d) == [
        "exam_date",
        "pass_mark",
        "predicted_score",
        "low",
        "high",
        "pass_probability",
        "topics",
    ]
    assert (d["exam_date"], d["pass_mark"]) == ("2027-04-01", 75.0)
    assert list(d["topics"]) == ["b", "a"]
