"""The bank as frozen dataclasses: topics, concepts, questions."""

# No "from __future__ import annotations": the cache's codec reads these annotations as
# objects, and string annotations would cost a compile each in every process.

import re
from dataclasses import dataclass, field

LANGS = ("ko", "en")

#: a parameter's place in a text: ``{lr}`` (``{{`` and ``}}`` stay braces)
PLACEHOLDER = re.compile(r"(?<!\{)\{(\w+)\}(?!\})")


@dataclass(frozen=True)
class Text:
    """A learner-facing text in Korean and English."""

    ko: str
    en: str

    def get(self, lang: str) -> str:
        """The text in ``lang`` (a field of this class per language; Korean for any other)."""
        return getattr(self, lang) if lang in LANGS else self.ko


@dataclass(frozen=True)
class Option:
    """A written option of a choice question; ``why`` says why a wrong one is wrong."""

    text: Text
    why: Text | None = None
    last: bool = False


@dataclass(frozen=True)
class Distractor:
    """A wrong option computed from a named misconception."""

    why: Text
    calc: str | None = None
    params: dict[str, object] = field(default_factory=dict)
    #: the step whose value this wrong option is (None: the question's answer_step)
    answer_step: str | None = None


@dataclass(frozen=True)
class FigureSeries:
    """One line of a figure: its legend label and its values at x = 1, 2, …"""

    label: Text
    values: tuple[float, ...]


@dataclass(frozen=True)
class Figure:
    """A chart shown with a question (learning curves): data, drawn by the renderer."""

    kind: str  # "curves"
    x: Text
    y: Text
    series: tuple[FigureSeries, ...]
    title: Text | None = None


@dataclass(frozen=True)
class Concept:
    """A concept of the notes (or beyond them): its topic, names and summary."""

    id: str
    topic: str
    ko: str
    en: str
    summary: Text
    numeric: bool = False
    engine: tuple[str, ...] = ()
    #: not in the study notes: a skill that exams build from them
    beyond_notes: bool = False

    def name(self, lang: str) -> str:
        return Text(self.ko, self.en).get(lang)


@dataclass(frozen=True)
class Question:
    """A question as the bank writes it (its kind's fields are None or empty for others)."""

    id: str
    concepts: tuple[str, ...]
    type: str
    prompt: Text
    explanation: Text
    source: str = ""
    line: int = 0
    difficulty: int | None = None
    options: tuple[Option, ...] = ()
    answer: int | str | None = None  # choice: 1-based position; ox: "O" / "X"
    calc: str | None = None
    params: dict[str, object] = field(default_factory=dict)
    cases: tuple[dict[str, object], ...] = ()
    #: the answer is the last step with this key (``m_hat``), not the result
    answer_step: str | None = None
    pick: int | None = None
    decimals: int | None = None
    tol_abs: float | None = None
    tol_rel: float | None = None
    distractors: tuple[Distractor, ...] = ()
    figure: Figure | None = None

    @property
    def computed(self) -> bool:
        """Is the answer computed by the engine (numeric, or numeric multiple choice)?"""
        return self.calc is not None

    @property
    def topic(self) -> str:
        return self.concepts[0].split(".")[0]

    def tolerance(self) -> tuple[float, float] | None:
        """The declared (absolute, relative) tolerance; None means 'right when it rounds
        to the answer at ``decimals``' (see :func:`topa_quiz.session.grading.grade_numeric`)."""
        if self.tol_abs is None and self.tol_rel is None:
            return None
        return (self.tol_abs or 0.0), (self.tol_rel or 0.0)


@dataclass(frozen=True)
class Bank:
    """Every topic, concept and question loaded, with the files they came from."""

    topics: dict[str, Text]
    concepts: dict[str, Concept]
    questions: tuple[Question, ...]
    sources: tuple[str, ...] = ()

    def topic_of(self, q: Question) -> str:
        c = self.concepts.get(q.concepts[0])
        return c.topic if c else q.topic
