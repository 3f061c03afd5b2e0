"""The timed mock exam: a plan spread over the topics, a deadline, a result computed once.

The deadline reads an injected clock, so tests run an hour-long exam in microseconds:

>>> now = [0.0]
>>> deadline = Deadline(60.0, clock=lambda: now[0])
>>> deadline.remaining(), deadline.expired()
(60.0, False)
>>> now[0] = 61.0
>>> deadline.expired()
True
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from .drill import Attempt, Clock, Drill, Ended, Event

if TYPE_CHECKING:
    from ..bank.model import Bank, Question
    from .items import Item

MAX_MINUTES = 24 * 60
MAX_QUESTIONS = 200


def allocate(counts: Mapping[str, int], count: int) -> dict[str, int]:
    """Questions per topic, proportional to the bank's question counts per topic.

    Largest-remainder rounding: each topic first gets floor(count × n / N); the questions
    left go one each to the largest remainders (ties: more questions in the bank, then bank
    order). Then, when ``count`` is at least the number of topics that have questions, every
    such topic gets at least one, taken one at a time from the largest allocation (ties: the
    later topic). Topics without questions get none.

    >>> allocate({"a": 25, "b": 24, "c": 54, "d": 38, "e": 0, "f": 32}, 6)
    {'a': 1, 'b': 1, 'c': 2, 'd': 1, 'e': 0, 'f': 1}
    >>> allocate({"a": 100, "b": 1, "c": 1}, 3)
    {'a': 1, 'b': 1, 'c': 1}
    """
    topics = list(counts)
    total = sum(max(0, n) for n in counts.values())
    if total == 0 or count <= 0:
        return dict.fromkeys(topics, 0)
    share = {k: count * max(0, counts[k]) // total for k in topics}
    remainder = {k: count * max(0, counts[k]) % total for k in topics}
    left = count - sum(share.values())
    for k in sorted(topics, key=lambda k: (-remainder[k], -counts[k], topics.index(k)))[:left]:
        share[k] += 1
    present = [k for k in topics if counts[k] > 0]
    if count >= len(present):
        for k in present:
            if share[k] == 0:
                donor = max(present, key=lambda d: (share[d], topics.index(d)))
                share[donor] -= 1
                share[k] += 1
    return share


def topic_pools(bank: Bank) -> dict[str, list[Question]]:
    """The bank's questions by topic, in bank order (topics without questions included)."""
    pools: dict[str, list[Question]] = {tid: [] for tid in bank.topics}
    for q in bank.questions:
        pools.setdefault(bank.topic_of(q), []).append(q)
    return pools


def exam_weights(bank: Bank) -> dict[str, float]:
    """Each topic's share of an exam (what :func:`allocate` draws in the long run)."""
    counts = {k: len(v) for k, v in topic_pools(bank).items()}
    total = sum(counts.values()) or 1
    return {k: n / total for k, n in counts.items() if n}


class Deadline:
    """A time limit measured on ``clock`` (seconds, monotonic) from :meth:`start`."""

    def __init__(self, seconds: float, clock: Clock = time.monotonic) -> None:
        self.seconds = float(seconds)
        self.clock = clock
        self.started = clock()

    def start(self) -> None:
        self.started = self.clock()

    def elapsed(self) -> float:
        return self.clock() - self.started

    def remaining(self) -> float:
        return self.seconds - self.elapsed()

    def expired(self) -> bool:
        return self.remaining() <= 0


@dataclass(frozen=True)
class ExamResult:
    """The outcome of one exam; the score and pass/fail are computed here and only here."""

    total: int
    right: int
    pass_mark: float
    minutes: float
    seconds: float
    answered: int
    timed_out: bool = False
    ended_early: bool = False
    interrupted: bool = False
    by_topic: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def percent(self) -> float:
        return 100.0 * self.right / self.total if self.total else 0.0

    @property
    def passed(self) -> bool:
        return self.total > 0 and self.percent >= self.pass_mark

    @property
    def abandoned(self) -> bool:
        """Ended by the learner (q, end of input, Ctrl-C) before every question was reached."""
        return self.ended_early and not self.timed_out


class Exam(Drill):
    """A drill with a deadline and no hints; an answer given after the deadline does not count."""

    hints = False

    def __init__(
        self,
        items: Sequence[Item],
        bank: Bank,
        *,
        minutes: float,
        pass_mark: float,
        clock: Clock = time.monotonic,
        **kwargs: object,
    ) -> None:
        super().__init__(items, bank, mode="exam", clock=clock, **kwargs)  # type: ignore[arg-type]
        self.minutes = minutes
        self.pass_mark = pass_mark
        self.deadline = Deadline(minutes * 60.0, clock)
        self.timed_out = False

    def start(self) -> None:
        super().start()
        self.deadline.start()

    def submit(self, text: str) -> Event:
        if self.deadline.expired():
            return self.time_up()
        return super().submit(text)

    def time_up(self) -> Ended:
        """The time is over: end now, whatever was being typed."""
        self.timed_out = True
        return self.end("time")

    def _store(self, attempt: Attempt) -> bool:
        if self.deadline.expired():  # typed, but the clock ran out before it was stored
            self.time_up()
            return False
        return super()._store(attempt)

    @cached_property
    def result(self) -> ExamResult:
        """The result, once the exam is over (computed on first use, then fixed)."""
        if not self.finished:
            raise RuntimeError("the exam is still running")
        per_topic: dict[str, list[int]] = {tid: [0, 0] for tid in self.bank.topics}
        attempts = self.summary.attempts
        for i, item in enumerate(self.items):
            tally = per_topic.setdefault(self.bank.topic_of(item.question), [0, 0])
            tally[1] += 1
            tally[0] += bool(i < len(attempts) and attempts[i].correct)
        return ExamResult(
            total=len(self.items),
            right=sum(a.correct for a in attempts),
            pass_mark=self.pass_mark,
            minutes=self.minutes,
            seconds=min(self.deadline.elapsed(), self.deadline.seconds),
            answered=len(attempts),
            timed_out=self.timed_out,
            ended_early=self.summary.ended_early,
            interrupted=self.summary.interrupted,
            by_topic={k: (v[0], v[1]) for k, v in per_topic.items() if v[1]},
        )
