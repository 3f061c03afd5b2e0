"""``topa today``: the day's work toward the exam, the minutes it takes, and the forecast.

The rules (every figure here is plain data; the renderer words it):

* **Days left**: from the learner's today to the plan's exam day; no plan: 0 (today is taken as
  the exam day, and the page says how to set a plan).
* **Reviews**: the cards due now (``topa review``).
* **New concepts**: concepts with questions that were never answered, in topic order (the
  bank's topics, then its concepts). How many today: enough to meet every one by the start of
  the final week (``ceil(left / (days_left − 7))``; in the final week, by the eve of the exam),
  or more when the daily minutes leave room for more. None on the exam day. Without a plan:
  what the daily minutes leave room for, at least one.
* **A mock exam** is due when at least half the concepts (:data:`MET_FOR_EXAM`) have been
  answered (an exam before that measures nothing but guessing), none was taken (not
  abandoned) in the last :data:`EXAM_EVERY_DAYS` days and, with a plan, the exam is 1 to
  :data:`EXAM_WINDOW_DAYS` days away.
* **Minutes**: :data:`MINUTES_PER_REVIEW` per review, :data:`MINUTES_PER_CONCEPT` per new
  concept (its study page and the 3-question check), :data:`MINUTES_PER_EXAM` per mock exam
  (``topa exam``'s time limit), against the plan's daily minutes (no plan: 20).
* **Stage**, for the advice: ``learn`` (new concepts left, more than a week to go), ``review``
  (every concept met), ``final_week`` (1 to 7 days left: the deadline rule leaves each card's
  last review for this week, so keep going until the eve), ``exam_day``, ``past`` (the plan's
  exam day is over), ``no_plan``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from .planning import DEFAULT_DAILY_MINUTES, local_day
from .readiness import Readiness
from .readiness_figures import BankFacts, History, planned_readiness

MINUTES_PER_REVIEW = 1.0
MINUTES_PER_CONCEPT = 6.0
MINUTES_PER_EXAM = 60.0
EXAM_WINDOW_DAYS = 30
EXAM_EVERY_DAYS = 7
FINAL_WEEK = 7
#: without a plan, a weekly mock exam once this share of the concepts has been answered
MET_FOR_EXAM = 0.5


@dataclass(frozen=True)
class Today:
    """The day's plan."""

    today: date
    exam_date: date | None  # None: no plan (today is taken as the exam day)
    days_left: int
    daily_minutes: int
    reviews: int
    new_concepts: tuple[str, ...]
    concepts_left: int  # concepts with questions never answered, today's included
    exam_due: bool
    last_exam: date | None
    readiness: Readiness
    stage: str

    @property
    def minutes(self) -> float:
        return (
            self.reviews * MINUTES_PER_REVIEW
            + len(self.new_concepts) * MINUTES_PER_CONCEPT
            + self.exam_due * MINUTES_PER_EXAM
        )

    @property
    def over(self) -> float:
        """Minutes beyond the daily minutes (0 when the day fits)."""
        return max(0.0, self.minutes - self.daily_minutes)


def unlearned(facts: BankFacts, answered: set[str]) -> list[str]:
    """Concepts with questions that were never answered, in topic order."""
    return [c for c in facts.concept_order if facts.counts.get(c, 0) and c not in answered]


def new_today(left: int, days_left: int | None, room: float) -> int:
    """How many new concepts today; ``days_left`` None: no plan; ``room``: minutes left in the day."""
    fits = max(0, math.floor(room / MINUTES_PER_CONCEPT))
    if days_left is None:
        return min(left, max(1, fits))
    if days_left <= 0:
        return 0
    learning_days = days_left - FINAL_WEEK if days_left > FINAL_WEEK else days_left
    return min(left, max(math.ceil(left / learning_days), fits))


def exam_is_due(days_left: int | None, last_exam: date | None, today: date, met: float) -> bool:
    """Half the concepts met, none taken in the last week, and (with a plan) the exam 1-30 days away."""
    recent = last_exam is not None and today - last_exam < timedelta(days=EXAM_EVERY_DAYS)
    if recent or met < MET_FOR_EXAM:
        return False
    return days_left is None or 1 <= days_left <= EXAM_WINDOW_DAYS


def stage_of(days_left: int | None, left: int) -> str:
    if days_left is None:
        return "no_plan"
    if days_left < 0:
        return "past"
    if days_left == 0:
        return "exam_day"
    if days_left <= FINAL_WEEK:
        return "final_week"
    return "learn" if left else "review"


def plan_today(facts: BankFacts, history: History, now: datetime, tz: tzinfo = UTC) -> Today:
    """Today's work for the learner ``history`` describes, at ``now`` in the zone ``tz``."""
    today = local_day(now, tz)
    plan = history.plan
    days_left = None if plan is None else (plan.exam_date - today).days
    minutes = DEFAULT_DAILY_MINUTES if plan is None else plan.daily_minutes
    reviews = history.due(now, set(facts.question_concepts))
    last_exam = None if history.last_exam is None else local_day(history.last_exam, tz)
    left = unlearned(facts, history.answered)
    with_questions = sum(1 for n in facts.counts.values() if n)
    met = 1.0 - len(left) / with_questions if with_questions else 0.0
    exam_due = exam_is_due(days_left, last_exam, today, met)
    room = minutes - reviews * MINUTES_PER_REVIEW - exam_due * MINUTES_PER_EXAM
    new = left[: new_today(len(left), days_left, room)]
    return Today(
        today=today,
        exam_date=None if plan is None else plan.exam_date,
        days_left=max(days_left or 0, 0),
        daily_minutes=minutes,
        reviews=reviews,
        new_concepts=tuple(new),
        concepts_left=len(left),
        exam_due=exam_due,
        last_exam=last_exam,
        readiness=planned_readiness(facts, history, now, tz),
        stage=stage_of(days_left, len(left)),
    )
