"""Learn before drilling: study pages put together, a mastery map, what to learn next, a check.

Everything here is data for the renderers; nothing prints. A :class:`Syllabus` joins the
bank's topics and concepts with the study pages (``question_bank/study/``), so a concept the
bank does not drill yet still has its page, and a concept of a user's bank without a page
still gets one made of its summary. :func:`build_page` draws a fresh worked example from
the engine and gathers the misconceptions: the page's own pitfalls, then the whys the bank
gives for its wrong options (at most :data:`MAX_MISCONCEPTIONS` in all, no two alike).

>>> from topa_quiz.bank.loader import load_bank
>>> bank, _ = load_bank()
>>> syllabus = load_syllabus(bank)
>>> syllabus.resolve("activation")
('topic', 'activation')
>>> page = build_page(syllabus, "activation.sigmoid", rng_for(7))
>>> page.examples[0].calculation.name, 2 <= len(page.misconceptions) <= MAX_MISCONCEPTIONS
('sigmoid', True)
>>> mastery_map(syllabus, {}).next.concept
'neuron.dendrite'
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..bank.model import Text
from ..bank.study import Example, Study, StudyPage
from ..errors import UsageError
from .plan import QuizOptions, plan_quiz, rng_for

if TYPE_CHECKING:
    from ..bank.model import Bank, Question
    from ..engine.core import Calculation
    from ..rng import Rng
    from .drill import Clock, Drill

__all__ = [
    "CHECK_COUNT",
    "MAX_MISCONCEPTIONS",
    "LearnPage",
    "Mastery",
    "MasteryMap",
    "Syllabus",
    "WorkedExample",
    "build_page",
    "load_syllabus",
    "mastery_map",
    "plan_check",
    "read_accuracy",
    "rng_for",
]

#: questions in the check at the end of a page (or of a topic)
CHECK_COUNT = 3
#: misconceptions on a page: the page's pitfalls first, then the bank's whys
MAX_MISCONCEPTIONS = 5
#: draws of a worked example before giving up on it (the engine may reject a draw)
EXAMPLE_TRIES = 5


# ---------------------------------------------------------------- syllabus
@dataclass(frozen=True)
class Syllabus:
    """Every concept that can be learned, by topic, in the bank's order (then the pages')."""

    bank: Bank
    study: Study
    topics: tuple[str, ...]
    #: concept id -> topic id, topic by topic
    concepts: dict[str, str]

    def topic_concepts(self, topic: str) -> tuple[str, ...]:
        return tuple(c for c, t in self.concepts.items() if t == topic)

    def page(self, cid: str) -> StudyPage:
        """The study page of ``cid``; a concept without one gets its summary as the idea."""
        if cid in self.study.pages:
            return self.study.pages[cid]
        concept = self.bank.concepts[cid]
        return StudyPage(concept=cid, topic=concept.topic, idea=concept.summary, pitfalls=())

    def questions(self, cid: str) -> tuple[Question, ...]:
        """The bank's questions mainly on ``cid`` (their first concept); when there are too few
        for a check, every question that names it."""
        main = tuple(q for q in self.bank.questions if q.concepts[:1] == (cid,))
        if len(main) >= CHECK_COUNT:
            return main
        return tuple(q for q in self.bank.questions if cid in q.concepts)

    def resolve(self, name: str) -> tuple[str, str]:
        """``("topic", id)`` or ``("concept", id)``; a :class:`UsageError` with a guess otherwise."""
        if name in self.topics:
            return "topic", name
        if name in self.concepts:
            return "concept", name
        raise unknown_name(self, name)


def load_syllabus(bank: Bank, study: Study | None = None) -> Syllabus:
    """The bank joined with the study pages (default: the bundled ones)."""
    if study is None:
        from ..bank.study import load_study

        study, _ = load_study()  # the pages' own problems are reported by their tests
    topics = list(bank.topics)
    topics += [t for t in dict.fromkeys(p.topic for p in study.pages.values()) if t not in topics]
    order = {cid: i for i, cid in enumerate([*bank.concepts, *study.pages])}
    where = {p.concept: p.topic for p in study.pages.values()} | {
        c.id: c.topic for c in bank.concepts.values()
    }
    concepts = {
        cid: where[cid]
        for topic in topics
        for cid in sorted((c for c, t in where.items() if t == topic), key=order.__getitem__)
    }
    return Syllabus(bank, study, tuple(topics), concepts)


def unknown_name(syllabus: Syllabus, name: str) -> UsageError:
    """Neither a topic nor a concept: the nearest id as :func:`.select.unknown_concept` finds it."""
    from ..bank.model import Concept
    from .select import unknown_concept

    blank = Text("", "")
    known = {cid: Concept(cid, t, cid, cid, blank) for cid, t in syllabus.concepts.items()}
    everything = replace(syllabus.bank, topics=dict.fromkeys(syllabus.topics, blank), concepts=known)
    guess = unknown_concept(everything, name).values.get("guess")
    if guess:
        return UsageError(
            f"unknown concept or topic '{name}'; did you mean '{guess}'?",
            key="learn.unknown_guess",
            value=name,
            guess=guess,
        )
    return UsageError(f"unknown concept or topic '{name}'", key="learn.unknown", value=name)


# -------------------------------------------------------------------- pages
@dataclass(frozen=True)
class WorkedExample:
    """An engine calculation with fresh numbers, and what it shows."""

    calculation: Calculation
    note: Text | None = None


@dataclass(frozen=True)
class LearnPage:
    """One concept's study page, ready to show."""

    concept: str
    topic: str
    page: StudyPage
    examples: tuple[WorkedExample, ...]
    misconceptions: tuple[Text, ...]
    #: related concepts that can be learned (ids the syllabus knows)
    related: tuple[str, ...]

    @property
    def plot(self) -> str | None:
        """What to draw: a curve or optimizer calculation, ``"lr"``, or None."""
        return self.page.plot


def build_page(syllabus: Syllabus, cid: str, rng: Rng) -> LearnPage:
    """The page of ``cid`` with freshly drawn examples (one ``rng`` for a whole topic)."""
    page = syllabus.page(cid)
    examples = tuple(x for x in (worked_example(e, rng) for e in page.examples) if x is not None)
    return LearnPage(
        concept=cid,
        topic=syllabus.concepts[cid],
        page=page,
        examples=examples,
        misconceptions=misconceptions(page.pitfalls, bank_whys(syllabus.bank.questions, cid)),
        related=tuple(r for r in page.related if r in syllabus.concepts),
    )


def worked_example(example: Example, rng: Rng) -> WorkedExample | None:
    """Draw and compute; a draw the engine rejects is drawn again (None after a few tries)."""
    from ..engine import EngineError

    for _ in range(EXAMPLE_TRIES):
        try:
            return WorkedExample(example.run(rng), example.note)
        except EngineError:
            continue
    return None


# ---------------------------------------------------------- misconceptions
#: a question that asks for the statement that is NOT correct: its other options are true
_NOT_QUESTION = re.compile(r"\bNOT\b")
#: a why that points at its option ("This is …") reads as nothing on its own
_POINTS_AT_OPTION = re.compile(r"^(?:This|That|These|Those|It|Here)\b")
_WORD = re.compile(r"[^\W_]+(?:[.′'][^\W_]+)*|[−+=/·²³√σθηε]")
#: words too common to tell two sentences apart
_SMALL = {"a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "in", "is", "it", "its"}
_SMALL |= {"not", "of", "on", "or", "so", "than", "that", "the", "this", "to", "with"}


def bank_whys(questions: Iterable[Question], cid: str) -> list[Text]:
    """Why each wrong option of the questions mainly on ``cid`` is wrong, where that reads on
    its own: no placeholders, not pointing at its option, not a true statement of a NOT question."""
    whys: list[Text] = []
    for q in questions:
        if not q.concepts or q.concepts[0] != cid or _NOT_QUESTION.search(q.prompt.en):
            continue
        whys += [d.why for d in q.distractors]
        whys += [o.why for i, o in enumerate(q.options, 1) if o.why is not None and i != q.answer]
    return [
        w
        for w in whys
        if "{" not in w.ko + w.en and w.ko.strip() and w.en.strip() and not _POINTS_AT_OPTION.match(w.en)
    ]


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _SMALL}


def alike(a: Text, b: Text, overlap: float = 0.6) -> bool:
    """Two texts that say much the same: most words of the shorter one are in the other."""
    wa, wb = _words(a.en), _words(b.en)
    if not wa or not wb:
        return a == b
    return len(wa & wb) / min(len(wa), len(wb)) >= overlap


def misconceptions(
    pitfalls: Iterable[Text], whys: Iterable[Text], limit: int = MAX_MISCONCEPTIONS
) -> tuple[Text, ...]:
    """The pitfalls, then the whys, leaving out any that repeats one already taken."""
    chosen: list[Text] = []
    for text in [*pitfalls, *whys]:
        if len(chosen) >= limit:
            break
        if not any(alike(text, c) for c in chosen):
            chosen.append(text)
    return tuple(chosen)


# ------------------------------------------------------------------ mastery
@dataclass(frozen=True)
class Mastery:
    concept: str
    topic: str
    right: int = 0
    answered: int = 0
    #: whether the bank has questions on it (a concept without any cannot be practised yet)
    drilled: bool = True

    @property
    def accuracy(self) -> float | None:
        """right / answered; None when never answered."""
        return self.right / self.answered if self.answered else None


@dataclass(frozen=True)
class MasteryMap:
    #: (topic id, its concepts), in topic order
    topics: tuple[tuple[str, tuple[Mastery, ...]], ...]
    #: what to learn next, and why: "new" (never answered) or "weakest"; None when nothing fits
    next: Mastery | None
    reason: str = ""


def mastery_map(syllabus: Syllabus, accuracy: Mapping[str, tuple[int, int]]) -> MasteryMap:
    """Each concept's accuracy so far; next: the first concept never answered (topic order)
    among those the bank drills, else the weakest (lowest accuracy, then fewest answers)."""
    drilled = {c for q in syllabus.bank.questions for c in q.concepts}
    topics = tuple(
        (
            topic,
            tuple(
                Mastery(cid, topic, *accuracy.get(cid, (0, 0)), drilled=cid in drilled)
                for cid in syllabus.topic_concepts(topic)
            ),
        )
        for topic in syllabus.topics
    )
    every = [m for _, ms in topics for m in ms if m.drilled]
    fresh = next((m for m in every if not m.answered), None)
    if fresh is not None:
        return MasteryMap(topics, fresh, "new")
    if not every:
        return MasteryMap(topics, None)
    weakest = min(every, key=lambda m: (m.accuracy, m.answered))
    return MasteryMap(topics, weakest, "weakest")


def read_accuracy() -> dict[str, tuple[int, int]]:
    """concept id -> (right, answered) from the progress store; a missing database reads as empty."""
    from ..store.db import connect
    from ..store.paths import database_path
    from ..store.queries import concept_accuracy

    path = database_path()
    if not path.exists():
        return {}
    conn = connect(path, create=False)
    try:
        return concept_accuracy(conn)
    finally:
        conn.close()


# -------------------------------------------------------------------- check
def plan_check(
    syllabus: Syllabus,
    kind: str,
    target: str,
    *,
    seed: int | None = None,
    lang: str = "ko",
    clock: Clock = time.monotonic,
) -> Drill | None:
    """:data:`CHECK_COUNT` questions on a concept (``kind="concept"``) or a topic, as a drill
    whose mode is ``learn``; None when the bank has no question on it yet."""
    if kind == "topic":
        pool = tuple(q for q in syllabus.bank.questions if syllabus.bank.topic_of(q) == target)
    else:
        pool = syllabus.questions(target)
    if not pool:
        return None
    bank = replace(syllabus.bank, questions=pool)
    options = QuizOptions(min(CHECK_COUNT, len(pool)), seed=seed, lang=lang)
    drill = plan_quiz(bank, options, clock=clock)
    drill.mode = "learn"
    return drill
