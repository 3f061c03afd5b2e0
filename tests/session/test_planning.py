"""The plan: its checks, and the due dates it re-plans in the store (fake clocks, real SQLite)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from tests.session.histories import replay
from topa_quiz.errors import DataError, UsageError
from topa_quiz.session.deadline import cap, exam_moment, plain_due
from topa_quiz.session.drill import Attempt
from topa_quiz.session.planning import (
    PlanRequest,
    check_daily_minutes,
    check_pass_mark,
    clear_plan,
    current_plan,
    due_cap,
    new_plan,
    parse_exam_date,
    planned_due,
    save_plan,
)
from topa_quiz.store.paths import database_path
from topa_quiz.store.plan import Plan

NOW = datetime(2027, 3, 1, 9, 30, tzinfo=UTC)
TODAY = date(2027, 3, 1)


# --- checks -------------------------------------------------------------------------------------


def test_today_and_later_are_exam_days():
    assert parse_exam_date("2027-03-01", TODAY) == TODAY
    assert parse_exam_date(" 2028-02-29 ", TODAY) == date(2028, 2, 29)


@pytest.mark.parametrize("text", ["2027-02-30", "20270314", "2027-3-14", "tomorrow", "", "2027-03-14T00:00"])
def test_a_text_that_is_not_a_date_is_refused(text):
    with pytest.raises(UsageError) as err:
        parse_exam_date(text, TODAY)
    assert (err.value.key, err.value.field) == ("planner.bad_date", "exam_date")


def test_a_day_in_the_past_is_refused_and_says_what_today_is():
    with pytest.raises(UsageError) as err:
        parse_exam_date("2027-02-28", TODAY)
    assert err.value.key == "planner.past_date"
    assert "2027-03-01" in str(err.value)


@pytest.mark.parametrize("value", [-0.1, 100.1, float("nan"), float("inf")])
def test_pass_marks_outside_0_to_100_are_refused(value):
    with pytest.raises(UsageError) as err:
        check_pass_mark(value)
    assert (err.value.key, err.value.field) == ("planner.bad_pass_mark", "pass_mark")


@pytest.mark.parametrize("value", [0, 601, -5])
def test_daily_minutes_outside_1_to_600_are_refused(value):
    with pytest.raises(UsageError) as err:
        check_daily_minutes(value)
    assert (err.value.key, err.value.field) == ("planner.bad_minutes", "daily_minutes")


def test_the_bounds_themselves_are_accepted():
    assert (check_pass_mark(0.0), check_pass_mark(100.0)) == (0.0, 100.0)
    assert (check_daily_minutes(1), check_daily_minutes(600)) == (1, 600)


def test_a_new_plan_keeps_what_the_request_leaves_out():
    stored = Plan(date(2027, 4, 1), 70.0, 45)
    assert new_plan(PlanRequest(pass_mark=80.0), stored, TODAY) == Plan(date(2027, 4, 1), 80.0, 45)
    assert new_plan(PlanRequest("2027-05-01"), stored, TODAY) == Plan(date(2027, 5, 1), 70.0, 45)
    assert new_plan(PlanRequest("2027-05-01"), None, TODAY) == Plan(date(2027, 5, 1), 60.0, 20)
    with pytest.raises(UsageError) as err:
        new_plan(PlanRequest(daily_minutes=30), None, TODAY)
    assert err.value.key == "planner.needs_date"
    with pytest.raises(UsageError) as err:  # the stored day is over: a new one is needed
        new_plan(PlanRequest(pass_mark=50.0), Plan(date(2027, 2, 1)), TODAY)
    assert err.value.key == "planner.past_date"


# --- due dates ----------------------------------------------------------------------------------


def test_planned_due_is_fsrs_own_without_an_exam_and_never_later_with_one():
    card, now = replay([(1.0, True), (30.0, True), (100.0, True)])
    assert planned_due(card, None, now) == plain_due(card) == card.due
    exam_day = (now + timedelta(days=3)).date()
    due = planned_due(card, exam_day, now)
    assert due <= exam_moment(exam_day) < card.due  # FSRS would wait past the exam


def test_the_recorders_cap_reads_the_review_time_from_the_card():
    card, now = replay([(1.0, True), (30.0, True)])
    seoul = timezone(timedelta(hours=9))
    exam_day = (now + timedelta(days=5)).date()
    assert due_cap(seoul)(card.due, card, exam_day) == cap(card.due, card, exam_day, now, tz=seoul)


# --- in the store -------------------------------------------------------------------------------


def _record(when: datetime, qid: str, right: bool = True) -> None:
    from topa_quiz.store.recorder import open_recorder

    rec = open_recorder("quiz", clock=lambda: when)
    rec.record(Attempt(qid, ("loss.mse",), "loss", "ox", {}, "O", right, 3.0))  # fast: Easy
    rec.close()


def _dues() -> dict[str, str]:
    with closing(sqlite3.connect(database_path())) as conn:
        return dict(conn.execute("SELECT question_id, due FROM cards"))


def _card_dues() -> dict[str, str]:
    import json

    with closing(sqlite3.connect(database_path())) as conn:
        return {q: json.loads(c)["due"] for q, c in conn.execute("SELECT question_id, card FROM cards")}


def test_a_plan_re_plans_the_cards_and_clearing_it_restores_fsrs_own():
    for i in range(3):
        _record(NOW - timedelta(days=2, hours=i), f"q{i}")
    _record(NOW - timedelta(days=2), "q0")  # a second review: a longer interval
    before = _dues()
    exam_day = TODAY + timedelta(days=4)
    saved = save_plan(PlanRequest(exam_day.isoformat()), NOW)
    assert saved.plan == Plan(exam_day) and not saved.replaced
    after = _dues()
    exam = exam_moment(exam_day)
    assert all(datetime.fromisoformat(d) <= exam for d in after.values())
    assert saved.replanned == sum(before[q] != after[q] for q in before) > 0
    assert {q: datetime.fromisoformat(d) for q, d in _card_dues().items()} == {
        q: datetime.fromisoformat(d) for q, d in after.items()
    }  # the card's JSON says the same as the column
    assert current_plan() == Plan(exam_day)
    cleared = clear_plan(NOW)
    assert cleared.removed and cleared.restored == saved.replanned
    assert _dues() == before and current_plan() is None


def test_saving_again_replaces_and_clearing_twice_changes_nothing():
    _record(NOW - timedelta(days=1), "q")
    save_plan(PlanRequest("2027-06-01", 70.0, 30), NOW)
    again = save_plan(PlanRequest(daily_minutes=45), NOW)
    assert again.replaced and again.plan == Plan(date(2027, 6, 1), 70.0, 45)
    assert clear_plan(NOW).removed
    dues = _dues()
    assert clear_plan(NOW) == clear_plan(NOW) and not clear_plan(NOW).removed
    assert _dues() == dues


def test_reading_or_clearing_without_a_database_creates_none():
    assert current_plan() is None
    assert clear_plan(NOW).removed is False
    assert not database_path().exists()


def test_a_bad_request_is_refused_before_anything_is_written():
    with pytest.raises(UsageError):
        save_plan(PlanRequest("2020-01-01"), NOW)
    with pytest.raises(UsageError):
        save_plan(PlanRequest("2027-06-01", daily_minutes=0), NOW)
    assert not database_path().exists()


def test_a_plan_that_cannot_be_stored_is_one_data_error_and_changes_nothing():
    from tests.store.test_faults import read_only

    _record(NOW - timedelta(days=1), "q")
    dues = _dues()
    with read_only(database_path().parent), pytest.raises(DataError) as err:
        save_plan(PlanRequest("2027-03-05"), NOW)
    assert err.value.status == 1 and "read-only" in str(err.value)
    assert _dues() == dues and current_plan() is None


def test_a_failure_half_way_leaves_the_plan_and_every_card_as_they_were():
    from topa_quiz.store.db import connect
    from topa_quiz.store.memory import apply_plan

    for i in range(3):
        _record(NOW - timedelta(days=1), f"q{i}")
    dues = _dues()
    seen = []

    def fails_on_the_second(card):  # noqa: ANN001, ANN202
        seen.append(card.question_id)
        if len(seen) == 2:
            raise RuntimeError("stop")
        return NOW

    conn = connect()
    with pytest.raises(RuntimeError):
        apply_plan(conn, Plan(date(2027, 3, 4)), fails_on_the_second, NOW)
    conn.close()
    assert _dues() == dues and current_plan() is None
