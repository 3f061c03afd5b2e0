"""The readiness forecast: hand-derived values and the properties the issue names."""

import itertools
import json
import math
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.session.histories import histories, replay
from topa_quiz.session.deadline import CardState, exam_moment
from topa_quiz.session.readiness import (
    Readiness,
    first_sight,
    forecast,
    guess_rate,
    passing_count,
    poisson_binomial,
    right_chance,
)

NOW = datetime(2025, 4, 1, 10, tzinfo=UTC)
probabilities = st.floats(min_value=0.0, max_value=1.0)


def card(stability: float, days_ago: float, now: datetime = NOW) -> CardState:
    last = now - timedelta(days=days_ago)
    return CardState(
        stability=stability, difficulty=5.0, last_review=last, due=last + timedelta(days=stability)
    )


# --- the Poisson-binomial -----------------------------------------------------------------------


@settings(max_examples=200)
@given(st.lists(probabilities, max_size=8))
def test_poisson_binomial_matches_brute_force(ps):
    brute = [0.0] * (len(ps) + 1)
    for outcome in itertools.product((0, 1), repeat=len(ps)):
        brute[sum(outcome)] += math.prod(p if x else 1 - p for p, x in zip(ps, outcome, strict=True))
    assert poisson_binomial(ps) == pytest.approx(brute, abs=1e-12)


@given(st.integers(min_value=0, max_value=60), probabilities)
def test_poisson_binomial_with_equal_chances_is_the_binomial(n, p):
    binomial = [math.comb(n, k) * p**k * (1 - p) ** (n - k) for k in range(n + 1)]
    assert poisson_binomial([p] * n) == pytest.approx(binomial, abs=1e-12)


def test_poisson_binomial_rejects_a_non_probability():
    with pytest.raises(ValueError, match="between 0 and 1"):
        poisson_binomial([0.5, 1.5])


@pytest.mark.parametrize(
    ("total", "mark", "fewest"), [(40, 60.0, 24), (3, 50.0, 2), (7, 60.0, 5), (10, 0.0, 0), (10, 100.0, 10)]
)
def test_passing_count_is_the_exams_rule(total, mark, fewest):
    # the exam passes when 100·k/N >= mark: 7 questions at 60 % need 4.2, so 5
    assert passing_count(total, mark) == fewest


# --- priors -------------------------------------------------------------------------------------


def test_guess_rate_blends_question_kinds():
    assert guess_rate([("choice", 5), ("ox", 0)]) == pytest.approx((0.2 + 0.5) / 2)
    assert guess_rate([("numeric", 0)]) == 0.0
    assert guess_rate([("choice", 0)]) == 0.25  # a computed choice: four options


def test_first_sight_shrinks_toward_the_learner_then_the_guess():
    # overall: (1 right + 4·0.5) / (2 + 4) = 0.5; concept a: (1 + 4·0.5) / (1 + 4) = 0.6
    answers = {"a": (1, 1), "b": (0, 1)}
    assert first_sight("a", answers, 0.5) == pytest.approx(0.6)
    assert first_sight("c", answers, 0.5) == pytest.approx(0.5)  # never answered: the learner's rate


# --- the forecast by hand -----------------------------------------------------------------------


def test_one_card_two_questions_by_hand():
    # a card with S = 10 last reviewed 10 days before the exam day: a right answer has chance
    # 0.9 there, whatever the guess (the card learned from right answers, guesses included;
    # 0.25 + 0.75·0.9 = 0.925 would count them twice). Two questions: P(K) = 0.01, 0.18, 0.81.
    exam_day = date(2025, 4, 11)
    c = card(10.0, 0.0, now=exam_moment(exam_day) - timedelta(days=10))
    f = forecast({"a": [c]}, {"a": "t"}, {"t": 2}, NOW, exam_day, 60.0, guess=0.25)
    assert f.predicted_score == pytest.approx(90.0)
    assert f.pass_probability == pytest.approx(0.81)  # 1 of 2 is 50 % < 60 %: both needed
    assert (f.low, f.high) == (50.0, 100.0)  # P(K <= 0) = 0.01 < 5 %; P(K <= 1) = 0.19 < 95 %
    assert f.topics == {"t": pytest.approx(90.0)}


def test_right_chance_by_hand():
    # d = 1/2, g = 1/2: q = (0.9 − 0.5)/(1 − 0.5) = 0.8, F_g = 0.8^(−2) − 1 = 0.5625. With
    # S = 9, t = 20: 1 + 0.5625·20/9 = 2.25, 2.25^(−1/2) = 2/3, P = 1/2 + 1/2·2/3 = 5/6.
    assert right_chance(20.0, 9.0, 0.5, decay=0.5) == pytest.approx(5 / 6, abs=1e-12)
    assert right_chance(9.0, 9.0, 0.5, decay=0.5) == pytest.approx(0.9, abs=1e-12)  # P(S) = 0.9
    assert right_chance(-1.0, 9.0, 0.5, decay=0.5) == 1.0  # no time: sure
    # g = 0 is FSRS's own curve: d = 1/2, F = 0.9^(−2) − 1 = 19/81; t = 81·3/19·S: R = 4^(−1/2)
    assert right_chance(3 * 81 / 19 * 2.0, 2.0, 0.0, decay=0.5) == pytest.approx(0.5, abs=1e-12)


@given(st.floats(0.0, 0.5), st.floats(0.1, 100.0), st.floats(0.0, 1e4), st.floats(0.0, 1e4))
def test_right_chance_falls_toward_the_guess(guess, stability, t1, t2):
    sooner, later = sorted((t1, t2))
    p_sooner, p_later = (right_chance(t, stability, guess) for t in (sooner, later))
    assert guess <= p_later <= p_sooner <= 1.0
    assert right_chance(1e30, stability, guess) == pytest.approx(guess, abs=1e-3)


def test_right_chance_rejects_a_guess_outside_0_to_1():
    with pytest.raises(ValueError, match="guessing chance"):
        right_chance(1.0, 1.0, 1.5)


def test_unanswered_questions_and_concepts_count_with_the_prior():
    # concept a: 3 questions, one answered right now (R = 1) and two never seen (0.25);
    # concept b: 1 question, never answered. Topic: (3·(1 + 0.25 + 0.25)/3 + 1·0.25) / 4
    f = forecast(
        {"a": [card(5.0, 0.0)]},
        {"a": "t", "b": "t"},
        {"t": 4},
        NOW,
        guess=0.25,
        questions_per_concept={"a": 3, "b": 1},
    )
    assert f.topics["t"] == pytest.approx(100 * (1.5 + 0.25) / 4)


def test_topics_are_weighted_by_the_exams_spread():
    f = forecast(
        {"a": [card(5.0, 0.0)]},
        {"a": "t1", "b": "t2"},
        {"t1": 3, "t2": 1},
        NOW,
        guess=0.25,
    )
    assert f.topics == {"t1": pytest.approx(100.0), "t2": pytest.approx(25.0)}
    assert f.predicted_score == pytest.approx((3 * 100.0 + 1 * 25.0) / 4)
    assert f.exam_date is None  # no date: the forecast is for today


def test_to_dict_has_exactly_the_issues_fields_and_is_json():
    f = forecast({"a": [card(5.0, 2.0)]}, {"a": "t"}, {"t": 40}, NOW, date(2025, 5, 1), 60.0)
    d = f.to_dict()
    assert list(d) == [
        "exam_date",
        "pass_mark",
        "predicted_score",
        "low",
        "high",
        "pass_probability",
        "topics",
    ]
    assert d["exam_date"] == "2025-05-01"
    assert json.loads(json.dumps(d)) == d
    assert isinstance(f, Readiness)
    with pytest.raises(AttributeError):
        f.predicted_score = 0.0  # frozen


@pytest.mark.parametrize(
    ("exam", "mark", "message"),
    [
        ({"t": 0}, 60.0, "questions per topic"),
        ({}, 60.0, "questions per topic"),
        ({"t": 4}, 101.0, "pass_mark"),
    ],
)
def test_bad_exam_or_pass_mark_is_a_value_error(exam, mark, message):
    with pytest.raises(ValueError, match=message):
        forecast({}, {"a": "t"}, exam, NOW, None, mark)


# --- properties ---------------------------------------------------------------------------------

stabilities = st.floats(min_value=0.05, max_value=300.0)
ages = st.floats(min_value=0.0, max_value=60.0)
decks = st.lists(st.lists(st.tuples(stabilities, ages), max_size=3), min_size=1, max_size=4)


def _setup(deck):
    cards = {f"c{i}": [card(s, a) for s, a in concept] for i, concept in enumerate(deck)}
    topics = {f"c{i}": f"t{i % 2}" for i in range(len(deck))}
    exam = {t: 5 for t in sorted(set(topics.values()))}
    return cards, topics, exam


@settings(max_examples=100, deadline=None)
@given(decks, st.floats(0.0, 100.0), st.floats(0.0, 100.0))
def test_pass_probability_falls_as_the_pass_mark_rises(deck, m1, m2):
    cards, topics, exam = _setup(deck)
    low, high = sorted((m1, m2))
    p_low = forecast(cards, topics, exam, NOW, None, low).pass_probability
    p_high = forecast(cards, topics, exam, NOW, None, high).pass_probability
    assert p_high <= p_low + 1e-12


@settings(max_examples=100, deadline=None)
@given(decks, st.integers(1, 200), st.integers(1, 200))
def test_the_same_history_forecasts_lower_for_a_later_exam(deck, d1, d2):
    cards, topics, exam = _setup(deck)
    sooner, later = sorted((d1, d2))
    f_sooner = forecast(cards, topics, exam, NOW, (NOW + timedelta(days=sooner)).date())
    f_later = forecast(cards, topics, exam, NOW, (NOW + timedelta(days=later)).date())
    assert f_later.predicted_score <= f_sooner.predicted_score + 1e-9
    if later > sooner and any(cards.values()):
        assert f_later.predicted_score < f_sooner.predicted_score


@settings(max_examples=100, deadline=None)
@given(decks)
def test_the_interval_holds_the_prediction(deck):
    cards, topics, exam = _setup(deck)
    f = forecast(cards, topics, exam, NOW, None)
    assert 0.0 <= f.low <= f.predicted_score <= f.high <= 100.0


@settings(max_examples=150, deadline=None)
@given(histories, st.data())
def test_more_right_answers_forecast_higher(history, data):
    wrong = [i for i, (_, right) in enumerate(history) if not right]
    if not wrong:
        return
    i = data.draw(st.sampled_from(wrong))
    better = [*history[:i], (history[i][0], True), *history[i + 1 :]]
    worse_card, now = replay(history)
    better_card, _ = replay(better)
    exam_day = (now + timedelta(days=data.draw(st.integers(1, 60)))).date()

    def score(c):
        return forecast({"a": [c]}, {"a": "t"}, {"t": 10}, now, exam_day, guess=0.25).predicted_score

    assert score(better_card) >= score(worse_card) - 1e-9
