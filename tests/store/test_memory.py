"""What the plan and the forecast read of the store: cards without fsrs, first and last answers."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from topa_quiz.session.drill import Attempt
from topa_quiz.store.db import connect
from topa_quiz.store.memory import first_answers, last_answers, parse_card, stored_cards
from topa_quiz.store.recorder import open_recorder

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


def test_a_card_is_read_as_fsrs_wrote_it():
    from fsrs import Card, Rating, Scheduler

    card, _ = Scheduler(enable_fuzzing=False).review_card(Card(card_id=1, due=NOW), Rating.Good, NOW)
    read = parse_card("q", json.dumps(card.to_dict()))
    assert (read.stability, read.difficulty, read.last_review, read.due) == (
        card.stability,
        card.difficulty,
        card.last_review,
        card.due,
    )
    new = parse_card("q", json.dumps(Card(card_id=2, due=NOW).to_dict()))
    assert (new.stability, new.last_review, new.due) == (None, None, NOW)


@pytest.mark.parametrize("text", ["{", "[]", "null", '{"due": "someday"}', '{"stability": 3}'])
def test_an_unreadable_card_is_none(text):
    assert parse_card("q", text) is None


def _record(rec, qid: str, given: str | None, right: bool, params: dict) -> None:  # noqa: ANN001
    rec.record(Attempt(qid, ("loss.mse",), "loss", "numeric", params, given, right, 20.0))


def test_first_and_last_answers_pass_over_skips_and_damaged_rows():
    clock = iter(NOW + timedelta(minutes=m) for m in range(10))
    rec = open_recorder("quiz", clock=lambda: next(clock))
    _record(rec, "a", None, False, {"x": 0})  # a skip
    _record(rec, "a", "1", False, {"x": 1})  # the first answer
    _record(rec, "a", "2", True, {"x": 2})
    _record(rec, "a", None, False, {"x": 3})  # a later skip: not the last answer
    _record(rec, "b", "5", True, {"x": 5})
    rec.close()
    conn = connect()
    conn.execute("UPDATE answers SET concepts = 'not json' WHERE question_id = 'b'")
    conn.execute("INSERT INTO cards VALUES ('broken', 'x', '{')")
    assert first_answers(conn) == [(["loss.mse"], False)]  # b's concepts cannot be read
    got = last_answers(conn, ["a", "b", "never"])
    assert set(got) == {"a", "b"}
    assert (got["a"].given, got["a"].correct, got["a"].params) == ("2", True, {"x": 2})
    assert got["a"].answered_at == NOW + timedelta(minutes=3)  # minute 0 opened the session
    assert {c.question_id for c in stored_cards(conn)} == {"a", "b"}  # the broken card is left out
    conn.close()
