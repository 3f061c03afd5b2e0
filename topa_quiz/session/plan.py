"""Plan a drill: choose the questions, draw their numbers, and hand back a ready session.

Every function here takes plain options and returns a :class:`~topa_quiz.session.drill.Drill`
(or an :class:`~topa_quiz.session.exam.Exam`); none prints, none reads the terminal. The
progress store is passed in as a ``record`` callable (answers) and plain figures (what is
due, what was seen), so a caller can run any of them without a database.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import UsageError
from .drill import Attempt, Clock, Drill

if TYPE_CHECKING:
    from ..bank.model import Bank, Question
    from ..rng import Rng
    from .exam import Exam
    from .items import Item, ItemError

Record = Callable[[Attempt], None]
MAX_COUNT = 500
MAX_SEED = 2**63 - 1


@dataclass(frozen=True)
class QuizOptions:
    """What ``topa quiz`` is asked for."""

    count: int = 10
    topics: tuple[str, ...] = ()
    concepts: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    difficulties: tuple[int, ...] = ()
    seed: int | None = None
    lang: str = "ko"


@dataclass(frozen=True)
class ExamOptions:
    """What ``topa exam`` is asked for."""

    count: int = 40
    minutes: float = 60.0
    pass_mark: float = 60.0
    seed: int | None = None
    lang: str = "ko"


def check_count(count: int, field: str = "count", high: int = MAX_COUNT) -> None:
    if not 1 <= count <= high:
        raise UsageError(
            f"{field} must be from 1 to {high}", key="plan.bad_count", field=field, value=count, high=high
        )


def check_seed(seed: int | None) -> None:
    if seed is not None and not 0 <= seed <= MAX_SEED:
        raise UsageError(
            f"seed must be from 0 to {MAX_SEED}", key="plan.bad_seed", field="seed", value=seed, high=MAX_SEED
        )


def rng_for(seed: int | None) -> Rng:
    from ..rng import Rng

    check_seed(seed)
    return Rng(seed)


def build_items(
    questions: Iterable[Question], bank: Bank, rng: Rng, lang: str
) -> tuple[list[Item], list[ItemError]]:
    """Concrete items, and the error of each question the engine could not build."""
    from .items import ItemError, make_item

    items: list[Item] = []
    warnings: list[ItemError] = []
    for q in questions:
        try:
            items.append(make_item(q, bank, rng, lang))
        except ItemError as exc:
            warnings.append(exc)  # worded by whoever shows it, in the session's language
    return items, warnings


def _drill(
    questions: Sequence[Question],
    bank: Bank,
    mode: str,
    seed: int | None,
    lang: str,
    record: Record | None,
    clock: Clock,
    rng: Rng | None = None,
) -> Drill:
    rng = rng if rng is not None else rng_for(seed)
    items, warnings = build_items(questions, bank, rng, lang)
    if not items:
        raise UsageError("none of the chosen questions could be built", key="plan.nothing_built")
    return Drill(items, bank, mode=mode, seed=seed, record=record, clock=clock, warnings=warnings, rng=rng)


def plan_quiz(
    bank: Bank, options: QuizOptions, record: Record | None = None, clock: Clock = time.monotonic
) -> Drill:
    """A drill of ``options.count`` questions matching the filters (random, or seeded)."""
    from .select import Filters, draw, select_questions

    check_count(options.count)
    check_seed(options.seed)
    filters = Filters(options.topics, options.concepts, options.types, options.difficulties)
    pool = select_questions(bank, filters)
    rng = rng_for(options.seed)
    questions = draw(pool, options.count, rng)
    return _drill(questions, bank, "quiz", options.seed, options.lang, record, clock, rng)


def review_questions(
    bank: Bank,
    count: int,
    due: Sequence[str],
    seen: set[str],
    accuracy: Mapping[str, tuple[int, int]],
    rng: Rng,
) -> list[Question]:
    """Due questions first (most overdue first), then new ones from the weakest concepts.

    A concept's weakness is its accuracy so far (never answered counts as 0); ties are
    broken at random, so two reviews on the same day do not serve the same new questions.
    """
    by_id = {q.id: q for q in bank.questions}
    chosen = [by_id[i] for i in due if i in by_id][:count]
    if len(chosen) < count:

        def weakness(q: Question) -> tuple[float, float]:
            right, n = accuracy.get(q.concepts[0], (0, 0))
            return (right / n if n else 0.0, float(rng.random()))

        fresh = sorted((q for q in bank.questions if q.id not in seen), key=weakness)
        chosen += fresh[: count - len(chosen)]
    return chosen


def plan_review(
    bank: Bank,
    count: int,
    *,
    due: Sequence[str],
    seen: set[str],
    accuracy: Mapping[str, tuple[int, int]],
    seed: int | None = None,
    lang: str = "ko",
    record: Record | None = None,
    clock: Clock = time.monotonic,
) -> Drill | None:
    """Spaced review (FSRS): ``None`` when there is nothing to review."""
    check_count(count)
    questions = review_questions(bank, count, due, seen, accuracy, rng_for(seed))
    if not questions:
        return None
    return _drill(questions, bank, "review", seed, lang, record, clock)


def plan_notebook(
    bank: Bank,
    count: int,
    notebook: Sequence[str],
    *,
    seed: int | None = None,
    lang: str = "ko",
    record: Record | None = None,
    clock: Clock = time.monotonic,
) -> Drill | None:
    """The wrong-answer notebook (question ids, oldest mistake first): ``None`` when empty."""
    check_count(count)
    by_id = {q.id: q for q in bank.questions}
    questions = [by_id[i] for i in notebook if i in by_id][:count]
    if not questions:
        return None
    return _drill(questions, bank, "wrong", seed, lang, record, clock)


def check_exam(options: ExamOptions) -> None:
    from .exam import MAX_MINUTES, MAX_QUESTIONS

    check_count(options.count, high=MAX_QUESTIONS)
    check_seed(options.seed)
    if not (math.isfinite(options.minutes) and 0 < options.minutes <= MAX_MINUTES):
        raise UsageError(
            "minutes out of range",
            key="plan.bad_minutes",
            field="minutes",
            value=options.minutes,
            high=MAX_MINUTES,
        )
    if not (math.isfinite(options.pass_mark) and 0 <= options.pass_mark <= 100):
        raise UsageError(
            "pass mark out of range", key="plan.bad_pass_mark", field="pass_mark", value=options.pass_mark
        )


def exam_questions(bank: Bank, count: int, rng: Rng) -> list[Question]:
    """Drawn per topic as :func:`allocate` spreads them, then shuffled."""
    from .exam import allocate, topic_pools
    from .select import draw

    pools = topic_pools(bank)
    chosen: list[Question] = []
    for tid, n in allocate({k: len(v) for k, v in pools.items()}, count).items():
        if n:
            chosen += draw(pools[tid], n, rng)
    return [chosen[i] for i in rng.permutation(len(chosen))]


def plan_exam(
    bank: Bank, options: ExamOptions, record: Record | None = None, clock: Clock = time.monotonic
) -> Exam:
    """A timed mock exam, reproducible for a seed."""
    from .exam import Exam

    check_exam(options)
    rng = rng_for(options.seed)
    items, warnings = build_items(exam_questions(bank, options.count, rng), bank, rng, options.lang)
    if not items:
        raise UsageError("none of the exam questions could be built", key="plan.nothing_built")
    return Exam(
        items,
        bank,
        minutes=options.minutes,
        pass_mark=options.pass_mark,
        clock=clock,
        seed=options.seed,
        record=record,
        warnings=warnings,
        rng=rng,
    )
