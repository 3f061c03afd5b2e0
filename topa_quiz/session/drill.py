"""A drill: items served in order, each answered, skipped or not reached. No printing.

A :class:`Drill` is a small state machine that a front end drives one typed line at a
time: :meth:`Drill.submit` reads the line strictly and returns what happened (an
:class:`Event`). The command line renders the events; a Python caller can inspect them.
Quiz, review and the wrong-answer notebook are drills; the mock exam adds a deadline
(:mod:`topa_quiz.session.exam`).

>>> from topa_quiz.bank.loader import load_bank
>>> from topa_quiz.session.plan import QuizOptions, plan_quiz
>>> bank, _ = load_bank()
>>> drill = plan_quiz(bank, QuizOptions(count=1, concepts=("activation.sigmoid",), types=("numeric",),
...                                     seed=3, lang="en"))
>>> event = drill.submit("abc")
>>> type(event).__name__
'Invalid'
>>> event = drill.submit(drill.current.answer_text())
>>> type(event).__name__, event.answer.correct, drill.finished
('Graded', True, True)
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import RecordError
from .grading import Answer, Command, Invalid, read_answer

if TYPE_CHECKING:
    from ..bank.model import Bank
    from ..rng import Rng
    from .items import Item, ItemError

Clock = Callable[[], float]


@dataclass(frozen=True)
class Attempt:
    """One answer (or skip) as it is recorded."""

    question_id: str
    concepts: tuple[str, ...]
    topic: str
    kind: str
    params: dict[str, object]
    given: str | None  # None when skipped
    correct: bool
    seconds: float

    @property
    def skipped(self) -> bool:
        return self.given is None


@dataclass
class Summary:
    """What a drill produced: every attempt, the time it took and how it ended."""

    planned: int
    attempts: list[Attempt] = field(default_factory=list)
    seconds: float = 0.0
    ended_early: bool = False
    interrupted: bool = False
    not_recorded: RecordError | None = None  # the store could not keep an answer: the drill ended there

    @property
    def right(self) -> int:
        return sum(a.correct for a in self.attempts)

    def by_topic(self, bank: Bank) -> dict[str, tuple[int, int]]:
        out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for a in self.attempts:
            out[a.topic][0] += a.correct
            out[a.topic][1] += 1
        order = list(bank.topics)
        return {
            k: (v[0], v[1])
            for k, v in sorted(out.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)
        }

    def by_concept(self) -> dict[str, tuple[int, int]]:
        out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for a in self.attempts:
            for c in a.concepts:
                out[c][0] += a.correct
                out[c][1] += 1
        return {k: (v[0], v[1]) for k, v in out.items()}

    def weakest(self, bank: Bank, n: int = 3) -> list[str]:
        """Concepts missed this session, worst accuracy first."""
        missed = [(ok / total, -total, c) for c, (ok, total) in self.by_concept().items() if ok < total]
        return [c for _, _, c in sorted(missed)[:n]]


# ----------------------------------------------------------------------- events
@dataclass(frozen=True)
class Graded:
    """An answer was read, graded and recorded."""

    item: Item
    answer: Answer
    attempt: Attempt


@dataclass(frozen=True)
class Skipped:
    """The learner skipped the item (it counts as not known)."""

    item: Item
    attempt: Attempt


@dataclass(frozen=True)
class Hint:
    """The hint asked for."""

    item: Item
    text: str  # empty when hints are off (the exam)


@dataclass(frozen=True)
class Notice:
    """A command that does nothing yet, with the catalog id that says why (e.g. ``p`` too early)."""

    key: str


@dataclass(frozen=True)
class Ended:
    """The drill ended, and why."""

    reason: str  # "quit", "eof", "interrupt", "time", "not_recorded"


Event = Graded | Skipped | Hint | Notice | Invalid | Ended


def attempt_for(item: Item, bank: Bank, answer: Answer | None, seconds: float) -> Attempt:
    from .notebook import chosen_params  # a choice answer also keeps what it chose (for the notebook)

    return Attempt(
        question_id=item.question.id,
        concepts=item.question.concepts,
        topic=bank.topic_of(item.question),
        kind=item.kind,
        params=item.params | chosen_params(item, answer),
        given=None if answer is None else answer.given,
        correct=bool(answer and answer.correct),
        seconds=round(seconds, 3),
    )


class Drill:
    """Serve ``items`` one at a time; ``record`` stores each attempt as it happens."""

    hints = True

    def __init__(
        self,
        items: Sequence[Item],
        bank: Bank,
        *,
        mode: str = "quiz",
        seed: int | None = None,
        record: Callable[[Attempt], None] | None = None,
        clock: Clock = time.monotonic,
        warnings: Sequence[ItemError] = (),
        rng: Rng | None = None,
    ) -> None:
        self.rng = rng
        self.items = list(items)
        self.bank = bank
        self.mode = mode
        self.seed = seed
        self.record = record or (lambda attempt: None)
        self.clock = clock
        self.warnings = tuple(warnings)
        self.summary = Summary(planned=len(self.items))
        self.index = 0
        self.finished = not self.items
        self.ended_by = ""  # the reason :meth:`end` was given
        self._started = clock()
        self._asked = self._started

    # -------------------------------------------------------------- state
    @property
    def current(self) -> Item | None:
        return None if self.finished else self.items[self.index]

    @property
    def number(self) -> int:
        """1-based position of the current item."""
        return self.index + 1

    def start(self) -> None:
        """Restart the clocks (call when the first question is shown)."""
        self._started = self._asked = self.clock()

    def _advance(self) -> None:
        self.index += 1
        self._asked = self.clock()
        if self.index >= len(self.items):
            self.finished = True
            self._close()

    def _close(self) -> None:
        self.summary.seconds = self.clock() - self._started

    def end(self, reason: str) -> Ended:
        """End now: ``quit``, ``eof`` (end of input), ``interrupt`` (Ctrl-C), ``time`` or ``not_recorded``."""
        self.ended_by = self.ended_by or reason
        if not self.finished:
            self.finished = True
            self.summary.ended_early = len(self.summary.attempts) < len(self.items)
            self._close()
        self.summary.interrupted = self.summary.interrupted or reason == "interrupt"
        return Ended(reason)

    def can_retry(self, event: Event) -> bool:
        """A missed computed question can be asked again with new numbers."""
        return (
            isinstance(event, Graded)
            and not event.answer.correct
            and event.item.question.computed
            and self.rng is not None
        )

    def retry(self, item: Item) -> Item:
        """Ask ``item``'s question again, next, with freshly drawn numbers."""
        from .items import make_item

        assert self.rng is not None
        again = make_item(item.question, self.bank, self.rng, item.lang)
        self.items.insert(self.index, again)
        self.summary.planned += 1
        self.finished = False
        return again

    # -------------------------------------------------------------- input
    def submit(self, text: str) -> Event:
        """Read one typed line for the current item and act on it."""
        item = self.current
        if item is None:
            return Ended("done")
        reply = read_answer(text, item, item.lang)
        if isinstance(reply, Invalid):
            return reply
        if isinstance(reply, Command):
            return self._command(reply.name, item)
        return self._answer(item, reply)

    def _command(self, name: str, item: Item) -> Event:
        if name == "hint":
            return Hint(item, item.hint if self.hints else "")
        if name == "quit":
            return self.end("quit")
        if name == "skip":
            attempt = attempt_for(item, self.bank, None, self.clock() - self._asked)
            if not self._store(attempt):
                return Ended(self.ended_by)
            self._advance()
            return Skipped(item, attempt)
        return Notice("prompt.plot_after_answer")

    def _answer(self, item: Item, answer: Answer) -> Event:
        attempt = attempt_for(item, self.bank, answer, self.clock() - self._asked)
        if not self._store(attempt):
            return Ended(self.ended_by)
        self._advance()
        return Graded(item, answer, attempt)

    def _store(self, attempt: Attempt) -> bool:
        """Record the attempt; False when it no longer counts (the exam's time ran out) or could
        not be stored (then the drill ends; the answers before it are kept)."""
        try:
            self.record(attempt)
        except RecordError as exc:
            self.summary.not_recorded = exc
            self.end("not_recorded")
            return False
        self.summary.attempts.append(attempt)
        return True
