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
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from .drill import Attempt, Clock, Drill, Ended, Event
from .spread import allocate, topic_pools

__all__ = ["Deadline", "Exam", "ExamResult", "allocate", "topic_pools"]

if TYPE_CHECKING:
    from ..bank.model import Bank
    from .items import Item

MAX_MINUTES = 24 * 60
MAX_QUESTIONS = 200


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
