"""``topa today``'s plan of the day: days left, reviews, new concepts, the mock exam, minutes (fake dates)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from topa_quiz.session.readiness_figures import BankFacts, History
from topa_quiz.session.today import exam_is_due, new_today, plan_today
from topa_quiz.store.memory import StoredCard
from topa_quiz.store.plan import Plan

NOW = datetime(2027, 3, 1, 20, 0, tzinfo=UTC)
TODAY = date(2027, 3, 1)

#: two topics; concept b.none has no question, so it is never "to learn"
FACTS = BankFacts(
    concept_topic={"b.one": "b", "a.one": "a", "a.two": "a", "b.none": "b", "a.three": "a"},
    question_concepts={"qa1": ("a.one",), "qa2": ("a.two",), "qa3": ("a.three",), "qb1": ("b.one",)},
    guess={c: 0.25 for c in ("b.one", "a.one", "a.two", "b.none", "a.three")},
    counts={"b.one": 1, "a.one": 1, "a.two": 1, "b.none": 0, "a.three": 1},
    allocation={"a": 3, "b": 1},
    concept_order=("a.one", "a.two", "a.three", "b.one", "b.none"),
)


def card(qid: str, due: datetime, stability: float = 3.0) -> StoredCard:
    return StoredCard(qid, stability, 5.0, due - timedelta(days=stability), due)


def history(plan: Plan | None = None, answered=(), cards=(), last_exam=None) -> History:
    return History(tuple(cards), {c: (1, 1) for c in answered}, last_exam, plan)


def test_days_left_reviews_and_new_concepts_in_topic_order():
    cards = [
        card("qa1", NOW - timedelta(hours=1)),
        card("qb1", NOW),  # due exactly now counts
        card("qa2", NOW + timedelta(minutes=1)),  # not yet
        card("gone", NOW - timedelta(days=3)),  # a question no longer in the bank
    ]
    t = plan_today(FACTS, history(Plan(date(2027, 3, 31), 60.0, 20), ["a.one", "a.two"], cards), NOW)
    assert (t.today, t.exam_date, t.days_left) == (TODAY, date(2027, 3, 31), 30)
    assert t.reviews == 2
    assert t.concepts_left == 2  # a.three, b.one; b.none has no question
    # half the concepts met: a mock exam is due; the pace: ceil(2 / (30 - 7)) = 1, and the day's
    # 20 minutes - 2 reviews - the 60-minute exam leave no room for more
    assert t.exam_due and t.new_concepts == ("a.three",)
    assert t.minutes == 2 * 1 + 1 * 6 + 60 and t.over == t.minutes - 20
    assert t.stage == "learn"


def test_room_in_the_day_brings_more_new_concepts():
    plan = Plan(date(2027, 6, 1), 60.0, 30)  # far away: no mock exam yet
    t = plan_today(FACTS, history(plan), NOW)
    assert not t.exam_due
    assert t.new_concepts == ("a.one", "a.two", "a.three", "b.one")  # 30 min: floor(30 / 6) = 5 >= 4 left
    t = plan_today(FACTS, history(Plan(date(2027, 6, 1), 60.0, 12)), NOW)
    assert t.new_concepts == ("a.one", "a.two") and t.over == 0.0


@pytest.mark.parametrize(
    ("left", "days_left", "room", "expected"),
    [
        (30, 37, 0, 1),  # 30 concepts over the 30 days before the final week
        (31, 37, 0, 2),
        (10, 5, 0, 2),  # in the final week: by the eve
        (10, 0, 600, 0),  # the exam day: none
        (10, -3, 600, 0),  # after it: none
        (10, None, 0, 1),  # no plan: at least one
        (10, None, 25, 4),  # no plan: what the minutes leave room for
        (0, 20, 60, 0),
    ],
)
def test_how_many_new_concepts(left, days_left, room, expected):
    assert new_today(left, days_left, room) == expected


@pytest.mark.parametrize(
    ("days_left", "last", "met", "due"),
    [
        (30, None, 0.5, True),
        (30, None, 0.4, False),  # fewer than half the concepts met: an exam measures only guessing
        (31, None, 1.0, False),  # more than 30 days away
        (1, None, 0.5, True),
        (0, None, 1.0, False),  # the exam day itself
        (10, TODAY - timedelta(days=6), 1.0, False),  # one this week
        (10, TODAY - timedelta(days=7), 1.0, True),
        (None, None, 0.4, False),  # no plan: not before half the concepts are met
        (None, None, 0.5, True),
        (None, TODAY - timedelta(days=2), 0.9, False),
    ],
)
def test_when_a_mock_exam_is_due(days_left, last, met, due):
    assert exam_is_due(days_left, last, TODAY, met) is due


def test_the_last_exam_is_read_on_the_learners_calendar():
    seoul = timezone(timedelta(hours=9))
    now = datetime(2027, 3, 1, 14, 0, tzinfo=UTC)  # 23:00 on 2027-03-01 in Seoul
    last = datetime(2027, 2, 22, 16, 0, tzinfo=UTC)  # 01:00 on 2027-02-23 in Seoul
    plan = Plan(date(2027, 3, 20))
    met = ["a.one", "a.two"]
    assert plan_today(FACTS, history(plan, met, last_exam=last), now, UTC).exam_due  # 7 days in UTC
    in_seoul = plan_today(FACTS, history(plan, met, last_exam=last), now, seoul)
    assert not in_seoul.exam_due and in_seoul.last_exam == date(2027, 2, 23)  # 6 days in Seoul


def test_without_a_plan_today_is_the_exam_day():
    t = plan_today(FACTS, history(None, ["a.one"]), NOW)
    assert (t.exam_date, t.days_left, t.daily_minutes, t.stage) == (None, 0, 20, "no_plan")
    assert t.readiness.exam_date is None and t.readiness.pass_mark == 60.0
    assert t.new_concepts == ("a.two", "a.three", "b.one")  # 20 minutes: room for 3


@pytest.mark.parametrize(
    ("exam_day", "answered", "stage"),
    [
        (date(2027, 4, 1), [], "learn"),
        (date(2027, 4, 1), ["a.one", "a.two", "a.three", "b.one"], "review"),
        (date(2027, 3, 8), [], "final_week"),
        (TODAY, [], "exam_day"),
        (date(2027, 2, 27), [], "past"),
    ],
)
def test_the_stage_of_the_plan(exam_day, answered, stage):
    t = plan_today(FACTS, history(Plan(exam_day), answered), NOW)
    assert t.stage == stage
    if stage in ("exam_day", "past"):
        assert t.new_concepts == () and not t.exam_due and t.days_left == 0


def test_the_forecast_is_for_the_plans_day_and_mark():
    cards = [card(q, NOW - timedelta(days=1), stability=2.0) for q in ("qa1", "qa2", "qa3", "qb1")]
    soon = plan_today(FACTS, history(Plan(date(2027, 3, 3), 70.0), [], cards), NOW).readiness
    late = plan_today(FACTS, history(Plan(date(2027, 5, 1), 70.0), [], cards), NOW).readiness
    assert soon.exam_date == date(2027, 3, 3) and soon.pass_mark == 70.0
    assert late.predicted_score < soon.predicted_score  # the same memory, more days to forget
