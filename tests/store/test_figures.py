"""Figures the store gives ``topa stats``: cards (latest due), abandoned exams, unreadable rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from topa_quiz.session.drill import Attempt
from topa_quiz.store.db import connect
from topa_quiz.store.recorder import open_recorder
from topa_quiz.store.stats import as_json, collect


@pytest.fixture
def conn():
    c = connect()
    yield c
    c.close()


def test_cards_total_due_and_latest_due(conn):
    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    dues = [now - timedelta(days=1), now, now + timedelta(days=3), now + timedelta(days=40)]
    for i, due in enumerate(dues):
        conn.execute(
            "INSERT INTO cards VALUES (?, ?, '{}')", (f"q{i}", due.isoformat(timespec="microseconds"))
        )
    conn.execute("INSERT INTO cards VALUES ('bad', 'not a date', '{}')")  # never the latest
    cards = as_json(collect(conn, now=now), "db")["cards"]
    assert cards == {
        "total": 5,
        "due": 2,
        "latest_due": (now + timedelta(days=40)).isoformat(timespec="microseconds"),
    }


def test_an_abandoned_exam_is_neither_passed_nor_failed():
    rec = open_recorder("exam")
    rec.record(Attempt("q1", ("loss.mse",), "loss", "ox", {}, "O", True, 3.0))
    rec.record_exam(1, 1, 60.0, 10.0, 30.0, False, abandoned=True, answered=1)
    rec.close()
    rec = open_recorder("exam")
    rec.record_exam(2, 2, 60.0, 10.0, 30.0, False)
    rec.close()
    conn = connect()
    try:
        exams = as_json(collect(conn), "db")["exams"]
    finally:
        conn.close()
    by_total = {e["total"]: e for e in exams}
    assert (by_total[1]["passed"], by_total[1]["abandoned"], by_total[1]["answered"]) == (None, True, 1)
    assert (by_total[2]["passed"], by_total[2]["abandoned"]) == (True, False)


def test_answered_of_an_exam_stored_before_the_column_is_counted_from_its_answers(conn):
    sid = conn.execute(
        "INSERT INTO sessions(mode, started_at) VALUES ('exam', '2026-12-01T00:00:00+00:00')"
    ).lastrowid
    for given in ("1", None, "2"):
        conn.execute(
            "INSERT INTO answers(session_id, question_id, topic, concepts, kind, params, given, correct, seconds,"
            " answered_at) VALUES (?, 'q', 'loss', '[\"loss.mse\"]', 'choice', '{}', ?, 0, 1, '2026-12-01T00:00:01+00:00')",
            (sid, given),
        )
    conn.execute(
        "INSERT INTO exams(session_id, total, correct, pass_mark, passed, minutes, seconds, timed_out)"
        " VALUES (?, 5, 0, 60, 0, 10, 60, 0)",
        (sid,),
    )
    assert as_json(collect(conn), "db")["exams"][0]["answered"] == 3
