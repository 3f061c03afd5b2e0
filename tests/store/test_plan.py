"""The plan (exam date, pass mark, daily minutes) and the due-date cap hook."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta

import pytest

from topa_quiz.errors import UsageError
from topa_quiz.session.drill import Attempt
from topa_quiz.store.db import connect
from topa_quiz.store.plan import Plan, clear_plan, read_plan, write_plan
from topa_quiz.store.recorder import open_recorder


@pytest.fixture
def conn():
    c = connect()
    yield c
    c.close()


def test_write_replaces_and_clear_removes(conn):
    assert read_plan(conn) is None and clear_plan(conn) is False
    write_plan(conn, Plan(date(2027, 3, 14), 70, 30))
    write_plan(conn, Plan(date(2027, 4, 1)))  # again: replaces
    assert read_plan(conn) == Plan(date(2027, 4, 1), 60.0, 20)
    assert conn.execute("SELECT count(*) FROM plan").fetchone()[0] == 1
    assert clear_plan(conn) is True and read_plan(conn) is None


@pytest.mark.parametrize(
    ("args", "key"),
    [
        ((date(2027, 1, 1), 101), "store.plan_pass_mark"),
        ((date(2027, 1, 1), float("nan")), "store.plan_pass_mark"),
        ((date(2027, 1, 1), 60, 0), "store.plan_minutes"),
        ((date(2027, 1, 1), 60, 2.5), "store.plan_minutes"),
        ((date(2027, 1, 1), 60, 24 * 60 + 1), "store.plan_minutes"),
        (("2027-01-01",), "store.plan_date"),
    ],
)
def test_values_out_of_range_are_usage_errors_with_a_catalog_id(args, key):
    with pytest.raises(UsageError) as err:
        Plan(*args)
    assert err.value.key == key


def test_an_unreadable_plan_row_reads_as_no_plan(conn):
    conn.execute("INSERT INTO plan VALUES (1, 'someday', 60, 20, 'x')")
    assert read_plan(conn) is None


def _answer(qid: str) -> Attempt:
    return Attempt(qid, ("loss.mse",), "loss", "numeric", {}, "1", True, 20.0)  # right, Good


def _due(qid: str) -> datetime:
    with sqlite3.connect(connect().path) as c:  # noqa: SIM117
        return datetime.fromisoformat(
            c.execute("SELECT due FROM cards WHERE question_id = ?", (qid,)).fetchone()[0]
        )


def test_the_cap_brings_a_review_forward_only_when_a_plan_exists(conn):
    calls = []
    soon = datetime(2030, 1, 1, tzinfo=UTC)  # far in the future: never earlier than FSRS's due

    def cap(due, card, exam_date):  # noqa: ANN001, ANN202
        calls.append((due, card.stability, exam_date))
        return due - timedelta(hours=1)

    rec = open_recorder("quiz", cap=cap)
    rec.record(_answer("no-plan"))
    assert calls == []  # no plan: the hook is not asked
    write_plan(rec.conn, Plan(date(2027, 3, 14)))
    rec.record(_answer("planned"))
    rec.record(_answer("late"))
    rec.close()
    assert [c[2] for c in calls] == [date(2027, 3, 14)] * 2 and calls[0][1] is not None
    fsrs_due = calls[0][0]
    assert _due("planned") == fsrs_due - timedelta(hours=1)

    def later(due, card, exam_date):  # noqa: ANN001, ANN202
        return soon

    rec = open_recorder("quiz", cap=later)
    rec.record(_answer("pushed"))
    rec.close()
    assert _due("pushed") < soon  # a cap never pushes a review back
