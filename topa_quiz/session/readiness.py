"""The readiness forecast: the expected exam score on the exam day, its spread, the chance to pass.

The model, step by step (all inputs are plain data; no store, no printing):

1. **A card on the day.** Each answered question is an FSRS card: its stability ``S`` and
   ``t``, the (fractional) days from its last review to the forecast day. FSRS-6 would read
   its recall as ``R(t, S) = (1 + F·t/S)^(−d)`` (:func:`deadline.forgetting_curve`). The
   forecast day is the start of the exam day, or ``now`` when there is no exam date (or the
   exam day has begun).
2. **A question's chance of a right answer.** An answered question (a card):
   :func:`right_chance`, ``P(t) = g_c + (1 − g_c)·(1 + F_g·t/S)^(−d)``, FSRS's curve through
   ``P(0) = 1`` and ``P(S) = 0.9`` that levels off at the guessing chance ``g_c`` instead of
   at 0 (the caller states ``g_c`` per concept; :func:`guess_rate` blends a concept's question
   kinds: choice 1/options, O/X 1/2, typed number 0; default 0.25, a four-option choice). The
   card learned from right answers, lucky guesses included, so ``S`` is when a *right answer*
   falls to 0.9: adding a guess on top of FSRS's ``R`` (``g + (1 − g)·R``, the first version)
   counts the guesses twice, and ``R`` alone forgets that a forgotten question can still be
   guessed. With ``g_c = 0`` it is ``R``. A question never answered has no card: it counts with
   the **prior** :func:`first_sight`, the learner's own rate of right first answers (for that
   concept, shrunk toward their rate over all concepts, shrunk toward ``g_c``, 4 pseudo-answers
   at each level); without first answers the prior is ``g_c`` itself. So a concept never
   answered counts at the prior, and a concept half answered counts half and half.
3. **A concept's and a topic's chance.** A concept's: the mean over its questions (the bank's
   ``questions_per_concept``; without them, over its cards). A topic's: the mean of its
   concepts weighted by their questions, which is the chance of a question drawn at random
   from the topic, as ``topa exam`` draws them (nearly: a question whose concepts span two
   topics counts in both; on the simulated learners, an exact per-question mean changed the
   error by under 0.05 points). A topic with no concept counts at the guess.
4. **The exam.** ``exam_questions`` is the exam's spread over topics (``topa exam``'s
   ``allocate``): ``n_t`` questions from topic ``t``, ``N = Σ n_t``. Each question is an
   independent Bernoulli draw with its topic's chance, so the number right ``K`` is
   Poisson-binomial. ``predicted_score = 100·E[K]/N``; ``low``/``high`` are the 5th and 95th
   percentiles of ``100·K/N`` (a 90 % interval of the score on the exam, widened to hold the
   predicted score when the steps of a short exam jump over it; it covers the luck of the
   draw, not an error in the recall model); ``pass_probability = P(100·K/N ≥ pass_mark)``,
   computed exactly by dynamic programming over the ``N`` draws (:func:`poisson_binomial`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo

from .deadline import MemoryCard, days_between, exam_moment, forgetting_curve

#: chance of guessing right, by question kind, when the options are not counted
GUESS_RATE: dict[str, float] = {"choice": 0.25, "ox": 0.5, "numeric": 0.0}
DEFAULT_GUESS = 0.25
#: pseudo-answers by which first-sight rates are shrunk toward the level above
PRIOR_STRENGTH = 4.0


@dataclass(frozen=True)
class Readiness:
    """The forecast, with exactly the fields of ``topa stats --json``'s ``"readiness"``."""

    exam_date: date | None
    pass_mark: float
    predicted_score: float
    low: float
    high: float
    pass_probability: float
    topics: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        """JSON-ready: the date as ``YYYY-MM-DD`` (or None), scores to 0.1, the probability to 0.001."""
        return {
            "exam_date": self.exam_date.isoformat() if self.exam_date else None,
            "pass_mark": self.pass_mark,
            "predicted_score": round(self.predicted_score, 1),
            "low": round(self.low, 1),
            "high": round(self.high, 1),
            "pass_probability": round(self.pass_probability, 3),
            "topics": {t: round(s, 1) for t, s in self.topics.items()},
        }


def guess_rate(kinds: Iterable[tuple[str, int]]) -> float:
    """The mean chance of guessing right over a concept's questions, given ``(kind, options)``.

    A choice question with ``k`` options is guessed with 1/k (1/4 when ``k`` is 0, a computed
    choice); O/X with 1/2; a typed number with 0.

    >>> guess_rate([("choice", 4), ("ox", 0), ("numeric", 0)])
    0.25
    >>> guess_rate([])
    0.25
    """
    rates = [
        1.0 / options if kind == "choice" and options > 0 else GUESS_RATE.get(kind, 0.0)
        for kind, options in kinds
    ]
    return sum(rates) / len(rates) if rates else DEFAULT_GUESS


def right_chance(elapsed_days: float, stability: float, guess: float, decay: float = 0.1542) -> float:
    """The chance of a right answer ``elapsed_days`` after a card's last review.

    ``g + (1 − g)·(1 + F_g·t/S)^(−d)`` with ``F_g = q^(−1/d) − 1``, ``q = (0.9 − g)/(1 − g)``:
    FSRS-6's power curve, 1 at ``t = 0`` and 0.9 at ``t = S`` (FSRS's meaning of stability, for
    the right answers the card learned from), falling toward the guessing chance ``g``, not 0.
    ``g = 0`` gives FSRS's own ``R`` (:func:`deadline.forgetting_curve`); ``t < 0`` counts as 0.
    No such curve passes 0.9 above a guess of 0.9 or more: then ``max(g, R)``.

    >>> round(right_chance(10.0, 10.0, 0.5), 12), right_chance(0.0, 3.0, 0.25)
    (0.9, 1.0)
    >>> right_chance(7.0, 2.0, 0.0) == forgetting_curve(7.0, 2.0)
    True
    """
    if not 0.0 <= guess <= 1.0:
        raise ValueError(f"the guessing chance must be from 0 to 1, got {guess!r}")
    if guess >= 0.9:
        return max(guess, forgetting_curve(elapsed_days, stability, decay))
    if not (stability > 0 and decay > 0):
        raise ValueError(f"stability and decay must be > 0, got {stability!r} and {decay!r}")
    factor = ((0.9 - guess) / (1.0 - guess)) ** (-1.0 / decay) - 1.0
    return guess + (1.0 - guess) * (1.0 + factor * max(0.0, elapsed_days) / stability) ** (-decay)


def first_sight(
    concept: str,
    first_answers: Mapping[str, tuple[int, int]] | None,
    guess: float,
    strength: float = PRIOR_STRENGTH,
) -> float:
    """The chance of answering right a question of ``concept`` never seen before.

    From the learner's first answers (right, total) to questions seen for the first time:
    the concept's own, shrunk toward the learner's rate over all concepts, which is shrunk
    toward the guessing chance (``strength`` pseudo-answers at each level). No first
    answers at all: the guessing chance.

    >>> first_sight("a", None, 0.25)
    0.25
    >>> first_sight("a", {"a": (4, 4), "b": (0, 4)}, 0.25) == (4 + 4 * (5 / 12)) / 8  # overall 5/12
    True
    """
    if not first_answers:
        return guess
    right = sum(r for r, _ in first_answers.values())
    total = sum(t for _, t in first_answers.values())
    overall = (right + strength * guess) / (total + strength)
    r_c, t_c = first_answers.get(concept, (0, 0))
    return (r_c + strength * overall) / (t_c + strength)


def concept_chance(
    cards: Sequence[MemoryCard],
    at: datetime,
    guess: float,
    unseen: float,
    questions: int = 0,
    decay: float = 0.1542,
) -> float:
    """The chance of a right answer to a question of the concept drawn at random.

    An answered question (a card): :func:`right_chance`. Each of the ``questions − len(cards)``
    questions never answered: ``unseen`` (:func:`first_sight`).
    """
    chances = [
        right_chance(days_between(c.last_review, at), c.stability, guess, decay)
        for c in cards
        if c.stability is not None and c.last_review is not None
    ]
    missing = max(questions - len(chances), 0 if chances else 1)
    return (sum(chances) + missing * unseen) / (len(chances) + missing)


def poisson_binomial(ps: Sequence[float]) -> list[float]:
    """``P(K = k)`` for ``k = 0..n``, ``K`` the number of successes of independent draws ``ps``.

    Exact dynamic programming: after each draw ``P'(k) = P(k)·(1 − p) + P(k − 1)·p``.

    >>> poisson_binomial([0.5, 0.5])
    [0.25, 0.5, 0.25]
    """
    pmf = [1.0]
    for p in ps:
        if not 0.0 <= p <= 1.0:
            raise ValueError(f"a probability must be between 0 and 1, got {p!r}")
        pmf = [
            (pmf[k] if k < len(pmf) else 0.0) * (1.0 - p) + (pmf[k - 1] * p if k else 0.0)
            for k in range(len(pmf) + 1)
        ]
    return pmf


def passing_count(total: int, pass_mark: float) -> int:
    """The fewest right answers that pass: the same test as the exam's (100·k/N ≥ mark).

    >>> passing_count(40, 60.0), passing_count(3, 50.0)
    (24, 2)
    """
    return next((k for k in range(total + 1) if 100.0 * k / total >= pass_mark), total + 1)


def _quantile(pmf: Sequence[float], q: float) -> int:
    total = 0.0
    for k, p in enumerate(pmf):
        total += p
        if total >= q - 1e-12:
            return k
    return len(pmf) - 1


def topic_chances(
    cards_by_concept: Mapping[str, Sequence[MemoryCard]],
    concept_topic: Mapping[str, str],
    at: datetime,
    guess: Mapping[str, float] | float = DEFAULT_GUESS,
    questions_per_concept: Mapping[str, int] | None = None,
    first_answers: Mapping[str, tuple[int, int]] | None = None,
    decay: float = 0.1542,
) -> dict[str, float]:
    """Each topic's chance of a right answer: its concepts' chances, weighted by their questions."""
    sums: dict[str, list[float]] = {}
    for concept, topic in concept_topic.items():
        g = float(guess) if isinstance(guess, float | int) else float(guess.get(concept, DEFAULT_GUESS))
        n = 1 if questions_per_concept is None else int(questions_per_concept.get(concept, 0))
        cards = cards_by_concept.get(concept, ())
        if n <= 0 and not cards:
            continue
        unseen = first_sight(concept, first_answers, g)
        p = concept_chance(cards, at, g, unseen, n if questions_per_concept is not None else 0, decay)
        weight = max(n, 1)
        acc = sums.setdefault(topic, [0.0, 0.0])
        acc[0] += weight * p
        acc[1] += weight
    return {topic: s / w for topic, (s, w) in sums.items()}


def forecast(
    cards_by_concept: Mapping[str, Sequence[MemoryCard]],
    concept_topic: Mapping[str, str],
    exam_questions: Mapping[str, int],
    now: datetime,
    exam_date: date | None = None,
    pass_mark: float = 60.0,
    *,
    guess: Mapping[str, float] | float = DEFAULT_GUESS,
    questions_per_concept: Mapping[str, int] | None = None,
    first_answers: Mapping[str, tuple[int, int]] | None = None,
    decay: float = 0.1542,
    tz: tzinfo = UTC,
) -> Readiness:
    """The readiness forecast for an exam of ``exam_questions`` (questions per topic).

    ``cards_by_concept`` holds each concept's cards (``fsrs.Card`` or :class:`CardState`; a
    card of a question with two concepts belongs to both); ``concept_topic`` maps every concept
    of the bank to its topic; ``guess`` is the guessing chance, one for all or per concept.
    """
    if not (math.isfinite(pass_mark) and 0.0 <= pass_mark <= 100.0):
        raise ValueError(f"pass_mark must be a percentage from 0 to 100, got {pass_mark!r}")
    total = sum(exam_questions.values())
    if total <= 0 or any(n < 0 for n in exam_questions.values()):
        raise ValueError(
            f"the exam needs questions per topic (counts >= 0, some > 0), got {dict(exam_questions)}"
        )
    at = now if exam_date is None else max(now, exam_moment(exam_date, tz))
    chances = topic_chances(
        cards_by_concept, concept_topic, at, guess, questions_per_concept, first_answers, decay
    )
    default = guess if isinstance(guess, float | int) else DEFAULT_GUESS
    per_topic = {t: chances.get(t, float(default)) for t in exam_questions}
    ps = [per_topic[t] for t, n in exam_questions.items() for _ in range(n)]
    pmf = poisson_binomial(ps)
    predicted = 100.0 * sum(ps) / total
    return Readiness(
        exam_date=exam_date,
        pass_mark=pass_mark,
        predicted_score=predicted,
        low=min(predicted, 100.0 * _quantile(pmf, 0.05) / total),
        high=max(predicted, 100.0 * _quantile(pmf, 0.95) / total),
        pass_probability=min(1.0, sum(pmf[passing_count(total, pass_mark) :])),
        topics={t: 100.0 * p for t, p in per_topic.items()},
    )
