"""Deadline-aware scheduling: the FSRS-6 pieces against the fsrs package, and the rule's promises."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.session.histories import START, histories, replay
from topa_quiz.session.deadline import (
    CardState,
    cap,
    exam_moment,
    exam_recall_after,
    forgetting_curve,
    interval_days,
    plain_due,
    recall_stability,
)

DAY = timedelta(days=1)


# --- the forgetting curve, by hand and against the fsrs package ---------------------------------


@pytest.mark.parametrize("stability", [0.3, 1.0, 2.3065, 46.0, 500.0])
def test_recall_is_ninety_percent_after_one_stability(stability):
    # R(S, S) = (1 + F)^(-d) = (0.9^(-1/d))^(-d) = 0.9 for every S and d
    assert forgetting_curve(stability, stability) == pytest.approx(0.9, abs=1e-12)
    assert forgetting_curve(stability, stability, decay=0.5) == pytest.approx(0.9, abs=1e-12)


def test_recall_by_hand_with_decay_one_half():
    # d = 0.5: F = 0.9^-2 - 1 = 19/81; at t = 3·S/F, R = (1 + 3)^-0.5 = 1/2
    assert forgetting_curve(3 * 81 / 19 * 4.0, 4.0, decay=0.5) == pytest.approx(0.5, abs=1e-12)
    assert forgetting_curve(0.0, 4.0) == 1.0


@pytest.mark.parametrize("days", [0, 1, 3, 10, 45, 400])
@pytest.mark.parametrize("stability", [0.5, 2.3065, 11.0, 120.0])
def test_curve_is_the_fsrs_package_curve(days, stability):
    from fsrs import Card, Scheduler, State

    card = Card(
        card_id=1, state=State.Review, stability=stability, difficulty=5.0, due=START, last_review=START
    )
    expected = Scheduler().get_card_retrievability(card, START + timedelta(days=days))
    assert forgetting_curve(days, stability) == pytest.approx(expected, rel=1e-12)


@given(st.floats(0.01, 1000.0), st.floats(0.05, 0.99))
def test_interval_is_the_inverse_of_the_curve(stability, retention):
    assert forgetting_curve(interval_days(stability, retention), stability) == pytest.approx(
        retention, rel=1e-9
    )


@pytest.mark.parametrize(
    ("stability", "difficulty", "days"), [(5.0, 5.0, 7), (2.3065, 2.1, 2), (40.0, 8.0, 90)]
)
def test_recall_stability_is_the_schedulers(stability, difficulty, days):
    from fsrs import Card, Rating, Scheduler, State

    card = Card(
        card_id=1,
        state=State.Review,
        stability=stability,
        difficulty=difficulty,
        due=START,
        last_review=START,
    )
    after, _ = Scheduler(enable_fuzzing=False).review_card(card, Rating.Good, START + timedelta(days=days))
    assert recall_stability(stability, difficulty, forgetting_curve(days, stability)) == pytest.approx(
        after.stability, rel=1e-12
    )


def test_bad_inputs_are_value_errors():
    with pytest.raises(ValueError, match="retention"):
        interval_days(3.0, 1.0)
    with pytest.raises(ValueError, match="stability"):
        forgetting_curve(1.0, 0.0)
    card, now = replay([(1.0, True)])
    with pytest.raises(ValueError, match="exam_retention"):
        cap(card.due, card, date(2025, 6, 1), now, exam_retention=1.5)


# --- the exam day -------------------------------------------------------------------------------


def test_exam_moment_is_the_start_of_the_local_day():
    seoul = timezone(timedelta(hours=9))
    assert exam_moment(date(2025, 5, 10), seoul) == datetime(2025, 5, 9, 15, 0, tzinfo=UTC)


# --- the rule -----------------------------------------------------------------------------------

offsets = st.integers(min_value=1, max_value=120)  # exam day, in days after the last answer's day


def _exam_after(now, offset):
    return (now + timedelta(days=offset)).date()


@settings(max_examples=150, deadline=None)
@given(histories, offsets)
def test_nothing_is_due_after_the_exam_day_nor_in_the_past(history, offset):
    card, now = replay(history)
    exam_date = _exam_after(now, offset)
    due = cap(card.due, card, exam_date, now)
    assert now <= due <= exam_moment(exam_date)


# most short histories end in a same-day learning step, which these tests set aside (assume);
# the CI profile (tests/conftest.py) suppresses the same health check for every test
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(histories, offsets)
def test_a_card_rests_until_the_exam_exactly_when_it_meets_the_target(history, offset):
    card, now = replay(history)
    assume(card.due - now >= DAY)  # not a same-day learning step
    exam_date = _exam_after(now, offset)
    exam = exam_moment(exam_date)
    recall = forgetting_curve((exam - card.last_review).total_seconds() / 86400, card.stability)
    assume(abs(recall - 0.95) > 1e-9)  # on the boundary itself float rounding may go either way
    meets = recall >= 0.95
    no_day_left = now + DAY >= exam  # no review can be a day after this one and before the exam
    assert (cap(card.due, card, exam_date, now, exam_retention=0.95) == exam) == (meets or no_day_left)


@settings(max_examples=200, deadline=None)
@given(
    st.floats(0.3, 200.0),
    st.floats(1.0, 10.0),
    st.integers(min_value=3, max_value=200),
    st.floats(0.9, 0.995),
)
def test_the_review_falls_on_the_first_day_that_reaches_the_exam_target(
    stability, difficulty, offset, target
):
    now = START
    card = CardState(stability, difficulty, last_review=now, due=now + timedelta(days=stability))
    exam_date = _exam_after(now, offset)
    exam, eve = exam_moment(exam_date), exam_moment(exam_date) - DAY
    due = cap(
        card.due, card, exam_date, now, exam_retention=target, floor_retention=0.01
    )  # floor out of the way
    assume(now + DAY < due < eve)  # neither the one-day minimum nor the eve decided it
    assert exam_recall_after(card, due, exam) >= target
    assert exam_recall_after(card, due - DAY, exam) < target


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(histories, offsets, st.floats(0.5, 0.9))
def test_a_planned_review_never_waits_below_the_floor(history, offset, floor):
    card, now = replay(history)
    assume(card.due - now >= DAY)
    due = cap(card.due, card, _exam_after(now, offset), now, floor_retention=floor)
    assume(due > now + DAY)  # the one-day minimum may come after the floor for a very weak card
    assert forgetting_curve((due - card.last_review).total_seconds() / 86400, card.stability) >= floor - 1e-9


def test_an_exam_far_away_stretches_intervals_to_the_floor():
    # S = 10 days, an exam in a year: the review waits until R falls to the floor (0.75), not to r
    now = datetime(2025, 1, 1, 10, tzinfo=UTC)
    card = CardState(stability=10.0, difficulty=5.0, last_review=now, due=now + timedelta(days=10))
    due = cap(card.due, card, date(2026, 1, 1), now)
    floor_day = now + timedelta(days=interval_days(10.0, 0.75))
    assert due == datetime(floor_day.year, floor_day.month, floor_day.day, tzinfo=UTC)
    assert forgetting_curve(interval_days(10.0, 0.75), 10.0) == pytest.approx(0.75)


def test_no_plan_or_an_exam_day_begun_leaves_fsrs_due_as_it_is():
    card, now = replay([(1.0, True), (0.2, True), (48.0, True)])
    assert cap(card.due, card, None, now) == card.due
    assert cap(card.due, card, now.date(), now) == card.due  # the exam day has begun


def test_learning_steps_are_left_alone_before_the_exam():
    card, now = replay([(1.0, False)])  # a new card answered wrong: due again in a minute
    assert card.due - now < DAY
    assert cap(card.due, card, _exam_after(now, 10), now) == card.due


def test_a_card_due_after_the_exam_comes_back_before_it_with_recall_at_least_r():
    # the case: FSRS's next interval passes the exam day
    card, now = replay([(1.0, True), (0.2, True), (50.0, True), (11 * 24.0, True)])
    exam_date = _exam_after(now, 20)
    exam = exam_moment(exam_date)
    assert card.due > exam
    due = cap(card.due, card, exam_date, now, desired_retention=0.9)
    assert due < exam
    assert exam_recall_after(card, due, exam) >= 0.98  # the default exam-day target, above r = 0.9


@settings(max_examples=150, deadline=None)
@given(histories)
def test_plain_due_is_the_schedulers_due(history):
    card, _ = replay(history)  # the Scheduler runs without fuzz, as topa's store does
    assert plain_due(card) == card.due


@settings(max_examples=100, deadline=None)
@given(histories, st.integers(0, 20), offsets)
def test_replanning_later_stays_between_a_day_after_the_last_review_and_the_exam(history, later, offset):
    # a plan set (or changed) days after the last review re-plans the card from that review
    card, reviewed = replay(history)
    now = reviewed + timedelta(days=later)
    exam_date = _exam_after(now, offset)
    due = cap(plain_due(card), card, exam_date, now)
    if card.due - reviewed < DAY:
        assert due == min(card.due, exam_moment(exam_date))  # a learning step is left alone
    else:
        assert min(reviewed + DAY, exam_moment(exam_date)) <= due <= exam_moment(exam_date)


def test_a_target_reached_exactly_at_midnight_is_that_day_by_hand():
    # S = 199, reviewed 1 March 10:00, exam 17 September (199 days 14 h later): R = 0.8998 < 0.9.
    # Within a day of the review FSRS counts 0 days, so S' = S and g(t) = R(E − t, 199), which
    # reaches 0.9 at t = E − 199 days = 2 March 00:00; the one-day minimum makes it 2 March 10:00.
    now = datetime(2025, 3, 1, 10, tzinfo=UTC)
    card = CardState(stability=199.0, difficulty=1.0, last_review=now, due=now + timedelta(days=199))
    due = cap(card.due, card, date(2025, 9, 17), now, exam_retention=0.9, floor_retention=0.5)
    assert due == datetime(2025, 3, 2, 10, tzinfo=UTC)
