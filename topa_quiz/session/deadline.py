"""Deadline-aware scheduling: plan each card's reviews for its recall ON the exam day.

FSRS-6 (the ``fsrs`` package, 6.x) predicts the chance of recalling a card ``t`` days after
its last review, with stability ``S`` (days) and decay ``d = w[20]`` (0.1542 by default), as

    R(t, S) = (1 + F·t/S)^(−d),   F = 0.9^(−1/d) − 1                    (so R(S, S) = 0.9)

(``Scheduler.get_card_retrievability``: ``_DECAY = −w[20]``, ``_FACTOR = 0.9^(1/_DECAY) − 1``;
the package counts whole days, ``(now − last_review).days``). Plain FSRS reviews a card again
when R falls to the desired retention ``r``: after ``I(S, r) = S/F·(r^(−1/d) − 1)`` days. That
keeps R ≥ r on *every* day, and a card whose next interval passes the exam already has
R ≥ r on the exam day (R falls with time): capping its due date at the exam keeps the
issue's promise by itself. What plain FSRS leaves to chance is *where* the last review before
the exam falls, so a card meets the exam anywhere between r and 1.

The rule (:func:`cap`), after every review at ``now`` leaving stability ``S`` and difficulty
``D``; exam at ``E``, the start of the exam day; ``r_exam`` the recall to reach on the exam
day (default ``max(r, 0.98)``), ``r_floor`` the lowest recall a planned review may wait for
(default ``min(r, 0.75)``):

1. Nothing is scheduled after the exam day: the due time is at most ``E``. Same-day learning
   steps (due in under a day) stay as FSRS set them.
2. If ``R(E − now, S) ≥ r_exam`` the card needs nothing more: it is due at ``E``.
3. Else one more review at ``t`` resets the memory. A successful (Good) review at ``t`` leaves
   ``S'(t) = S·(1 + e^w8·(11 − D)·S^(−w9)·(e^((1 − R(t − now, S))·w10) − 1))`` (FSRS-6 recall
   stability), so the recall on the exam day is ``g(t) = R(E − t, S'(t))``; ``g`` grows with
   ``t`` (less time left, and a later review raises the stability more). The review is due
   on the first day ``t*`` with ``g(t*) ≥ r_exam`` (bisection), but no later than the day the
   recall falls to ``r_floor`` (``now + I(S, r_floor)``, after which a review fails too
   often) nor than the day before the exam, and at least a day after the last review. When
   the floor comes first the review is an intermediate one; the rule runs after every review.

So a card reviewed as planned and answered right meets the exam with predicted recall at
least ``r_exam`` ≥ r; a wrong answer is relearned and planned again. Due dates are day starts
(in ``tz``), so a review planned for a day is due whenever that day's session happens. The
defaults came from ``benchmarks/readiness_sim.py``: on simulated learners they give ≥ 5 points
more recall on the exam day than plain FSRS with the same number of reviews. The price: a
heavier last day (about twice plain FSRS's busiest day), and a learner who stops a week before
the exam keeps less than with plain FSRS (the final reviews were left for that week).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Protocol

#: FSRS-6 default parameters w[0..20] (fsrs 6.x ``DEFAULT_PARAMETERS``); w[20] is the decay.
FSRS6_DEFAULT_PARAMETERS: tuple[float, ...] = (
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
)  # fmt: skip
DAY = timedelta(days=1)
#: the default recall to reach on the exam day (never below the desired retention)
EXAM_RETENTION = 0.98
#: the default lowest recall a planned review may wait for (never above the desired retention)
FLOOR_RETENTION = 0.75


class MemoryCard(Protocol):
    """What the rules read from a card: ``fsrs.Card`` has these, and so has :class:`CardState`."""

    stability: float | None
    difficulty: float | None
    last_review: datetime | None
    due: datetime


@dataclass
class CardState:
    """A card's FSRS memory state, for callers without ``fsrs.Card`` objects (aware datetimes)."""

    stability: float | None
    difficulty: float | None
    last_review: datetime | None
    due: datetime


def forgetting_curve(elapsed_days: float, stability: float, decay: float = 0.1542) -> float:
    """FSRS-6 recall probability ``(1 + F·t/S)^(−d)``, ``F = 0.9^(−1/d) − 1``; ``t < 0`` counts as 0.

    >>> round(forgetting_curve(10.0, 10.0), 12)   # R(S, S) = 0.9 by construction
    0.9
    >>> forgetting_curve(0.0, 3.0)
    1.0
    """
    if not (stability > 0 and decay > 0):
        raise ValueError(f"stability and decay must be > 0, got {stability!r} and {decay!r}")
    factor = 0.9 ** (-1.0 / decay) - 1.0
    return (1.0 + factor * max(0.0, elapsed_days) / stability) ** (-decay)


def interval_days(stability: float, retention: float, decay: float = 0.1542) -> float:
    """Days until the recall falls to ``retention``: the inverse of :func:`forgetting_curve`.

    >>> round(interval_days(7.0, 0.9), 12)
    7.0
    """
    if not 0.0 < retention < 1.0:
        raise ValueError(f"retention must be between 0 and 1 (exclusive), got {retention!r}")
    factor = 0.9 ** (-1.0 / decay) - 1.0
    return stability / factor * (retention ** (-1.0 / decay) - 1.0)


def recall_stability(
    stability: float, difficulty: float, retrievability: float, w: Sequence[float] = FSRS6_DEFAULT_PARAMETERS
) -> float:
    """FSRS-6 stability after a Good review, a day or more after the last, at recall ``retrievability``.

    ``S' = S·(1 + e^w8·(11 − D)·S^(−w9)·(e^((1 − R)·w10) − 1))``.
    """
    grow = math.exp(w[8]) * (11.0 - difficulty) * stability ** (-w[9])
    return stability * (1.0 + grow * (math.exp((1.0 - retrievability) * w[10]) - 1.0))


def days_between(start: datetime, end: datetime) -> float:
    """``end − start`` in fractional days."""
    return (end - start).total_seconds() / 86400.0


def exam_moment(exam_date: date, tz: tzinfo = UTC) -> datetime:
    """The start of the day ``exam_date`` in ``tz``, as an aware UTC datetime (what the store keeps).

    >>> exam_moment(date(2025, 5, 10)).isoformat()
    '2025-05-10T00:00:00+00:00'
    """
    return datetime(exam_date.year, exam_date.month, exam_date.day, tzinfo=tz).astimezone(UTC)


def start_of_day(moment: datetime, tz: tzinfo = UTC) -> datetime:
    """The start (00:00 in ``tz``) of the day holding ``moment``, in UTC.

    >>> start_of_day(datetime(2025, 5, 9, 15, 30, tzinfo=UTC)).isoformat()
    '2025-05-09T00:00:00+00:00'
    """
    return exam_moment(moment.astimezone(tz).date(), tz)


def exam_recall_after(
    card: MemoryCard, review_at: datetime, exam: datetime, w: Sequence[float] = FSRS6_DEFAULT_PARAMETERS
) -> float:
    """``g(t)``: the predicted recall at ``exam`` if ``card`` is reviewed (Good) at ``review_at``."""
    if card.stability is None or card.difficulty is None or card.last_review is None:
        raise ValueError("the card has no memory state yet (never reviewed)")
    elapsed = (review_at - card.last_review).days  # whole days, as fsrs's Scheduler counts them
    then = recall_stability(
        card.stability, card.difficulty, forgetting_curve(elapsed, card.stability, w[20]), w
    )
    return forgetting_curve(days_between(review_at, exam), then, w[20])


def earliest_review(
    card: MemoryCard, now: datetime, exam: datetime, target: float, w: Sequence[float]
) -> datetime:
    """The earliest time in [now, exam] at which a Good review gives ``g ≥ target`` (bisection on ``g``)."""
    lo, hi = 0.0, days_between(now, exam)
    if exam_recall_after(card, now, exam, w) >= target:
        return now
    for _ in range(32):  # g grows with t; 2^-32 of the time left is well under a second
        mid = (lo + hi) / 2.0
        if exam_recall_after(card, now + timedelta(days=mid), exam, w) >= target:
            hi = mid
        else:
            lo = mid
    return now + timedelta(days=hi)


def _retention(name: str, value: float) -> float:
    if not 0.0 < value < 1.0:
        raise ValueError(f"{name} must be between 0 and 1 (exclusive), got {value!r}")
    return value


def cap(
    due: datetime,
    card: MemoryCard,
    exam_date: date | None,
    now: datetime,
    desired_retention: float = 0.9,
    *,
    exam_retention: float | None = None,
    floor_retention: float | None = None,
    parameters: Sequence[float] = FSRS6_DEFAULT_PARAMETERS,
    tz: tzinfo = UTC,
) -> datetime:
    """The due time of ``card``, just reviewed at ``now`` and given ``due`` by FSRS, before an exam.

    ``exam_retention`` (default ``max(desired_retention, EXAM_RETENTION)``) is the recall to
    reach on the exam day; ``floor_retention`` (default ``min(desired_retention,
    FLOOR_RETENTION)``) the lowest recall a planned review may wait for; ``tz`` the learner's
    zone, whose days are the exam day and the review days. Without an exam date, or once the
    exam day has begun, ``due`` is returned as it is. The rule is in the module docstring.

    Right after a review ``now`` is the review time; called later (a plan set or changed),
    it re-plans the card from its last review: a due time already past means due now.
    """
    r = _retention("desired_retention", desired_retention)
    if exam_date is None:
        return due
    exam = exam_moment(exam_date, tz)
    if now >= exam:
        return due
    r_exam = _retention(
        "exam_retention", max(r, EXAM_RETENTION) if exam_retention is None else exam_retention
    )
    r_floor = _retention(
        "floor_retention", min(r, FLOOR_RETENTION) if floor_retention is None else floor_retention
    )
    if card.stability is None or card.difficulty is None or card.last_review is None:
        return min(due, exam)
    if due - card.last_review < DAY:  # a same-day learning step
        return min(due, exam)
    if forgetting_curve(days_between(card.last_review, exam), card.stability, parameters[20]) >= r_exam:
        return exam
    earliest = earliest_review(card, now, exam, r_exam, parameters)
    first_day = start_of_day(earliest, tz)
    if exam_recall_after(card, first_day, exam, parameters) < r_exam:
        first_day = start_of_day(earliest + DAY, tz)  # the first whole day on which g >= r_exam
    wait = min(interval_days(card.stability, r_floor, parameters[20]), days_between(card.last_review, exam))
    latest = card.last_review + timedelta(days=wait)
    eve = exam_moment(exam_date - DAY, tz)
    planned = max(min(first_day, start_of_day(latest, tz), eve), card.last_review + DAY)
    return min(planned, exam)


def plain_due(card: MemoryCard, desired_retention: float = 0.9, maximum_interval: int = 36500) -> datetime:
    """The due time plain FSRS gives a reviewed card: for restoring due dates when a plan ends.

    A card in the Review state is due ``round(I(S, r))`` days (at least 1) after its last review,
    as ``fsrs.Scheduler`` computes it; a card without a memory state keeps ``card.due``.
    """
    if card.stability is None or card.last_review is None or card.due - card.last_review < DAY:
        return card.due
    days = min(max(round(interval_days(card.stability, desired_retention)), 1), maximum_interval)
    return card.last_review + timedelta(days=days)


def due_cap(tz: tzinfo = UTC) -> Callable[[datetime, MemoryCard, date], datetime]:
    """The cap the store applies after each review while a plan is stored (``cap=`` of the recorder).

    Called right after the review, so the review time is the card's last review.
    """

    def capped(due: datetime, card: MemoryCard, exam_date: date) -> datetime:
        return cap(due, card, exam_date, card.last_review or due, tz=tz)

    return capped
