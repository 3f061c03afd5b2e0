"""A quiz session: items in order, each answered, skipped or not reached. No printing.

The loop itself (:func:`run_session`) talks to the outside through three callables, so the
command line, the tests and the exam mode can drive it differently:
``ask(prompt) -> str`` reads a line, ``show(renderable)`` displays, ``record(attempt)`` stores.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from ..bank.model import Bank
from ..errors import RecordError
from .grading import Answer, Command, Invalid, read_answer
from .items import Item


@dataclass(frozen=True)
class Attempt:
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
    planned: int
    attempts: list[Attempt] = field(default_factory=list)
    seconds: float = 0.0
    ended_early: bool = False
    interrupted: bool = False
    not_recorded: RecordError | None = None  # an answer the store could not keep ended the session

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


def attempt_for(item: Item, bank: Bank, answer: Answer | None, seconds: float) -> Attempt:
    return Attempt(
        question_id=item.question.id,
        concepts=item.question.concepts,
        topic=bank.topic_of(item.question),
        kind=item.kind,
        params=item.params,
        given=None if answer is None else answer.given,
        correct=bool(answer and answer.correct),
        seconds=round(seconds, 3),
    )


@dataclass
class SessionIO:
    ask: Callable[[str], str]
    show: Callable[[object], None]
    record: Callable[[Attempt], None] = lambda attempt: None


def run_session(
    items: list[Item],
    bank: Bank,
    io: SessionIO,
    lang: str,
    render_question: Callable[[Item, int, int], object],
    render_feedback: Callable[[Item, Answer], object] | None,
    render_hint: Callable[[Item], object],
    render_invalid: Callable[[str], object],
    render_skipped: Callable[[Item], object] | None = None,
    prompt: str = "› ",
    after_feedback: Callable[[Item], None] | None = None,
) -> Summary:
    """Serve ``items``; ends early on q, end of input (EOFError) or Ctrl-C (KeyboardInterrupt).

    Ctrl-C is re-raised after the summary is complete, so the caller can exit with 130.
    """
    summary = Summary(planned=len(items))
    start = time.monotonic()
    try:
        for number, item in enumerate(items, 1):
            io.show(render_question(item, number, len(items)))
            asked = time.monotonic()
            while True:
                reply = read_answer(io.ask(prompt), item, lang)
                if isinstance(reply, Invalid):
                    io.show(render_invalid(reply.message))
                    continue
                if isinstance(reply, Command):
                    if reply.name == "hint":
                        io.show(render_hint(item))
                        continue
                    if reply.name == "quit":
                        summary.ended_early = True
                        return summary
                    if reply.name == "skip":
                        attempt = attempt_for(item, bank, None, time.monotonic() - asked)
                        summary.attempts.append(attempt)
                        io.record(attempt)
                        if render_skipped:
                            io.show(render_skipped(item))
                        break
                    continue  # 'p' and other commands mean nothing here
                attempt = attempt_for(item, bank, reply, time.monotonic() - asked)
                summary.attempts.append(attempt)
                io.record(attempt)
                if render_feedback:
                    io.show(render_feedback(item, reply))
                    if after_feedback:
                        after_feedback(item)
                break
    except EOFError:
        summary.ended_early = len(summary.attempts) < len(items)
    except KeyboardInterrupt:
        summary.ended_early = True
        summary.interrupted = True
    except RecordError as exc:  # the answers before it are kept; the caller shows the summary, then this
        summary.ended_early = True
        summary.not_recorded = exc
    finally:
        summary.seconds = time.monotonic() - start
    return summary
