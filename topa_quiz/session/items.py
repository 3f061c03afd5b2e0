"""A concrete question: parameters drawn, answer computed, options shuffled, text filled.

``make_item(question, bank, rng, lang)`` is deterministic for a given :class:`~topa_quiz.rng.Rng`
state, so ``--seed`` reproduces a whole session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..bank.draw import DrawError, draw, format_value, show_param
from ..bank.model import PLACEHOLDER, Bank, Distractor, Question
from ..engine import Calculation
from ..kinds import Kind, kind_of
from ..kinds.choice import CIRCLED, circled  # noqa: F401 - re-exported for callers

if TYPE_CHECKING:
    from ..rng import Rng

__all__ = [
    "Choice",
    "Computed",
    "Item",
    "ItemError",
    "circled",
    "fill",
    "format_value",
    "make_item",
    "show_param",
]

ItemError = DrawError  # a question that cannot be turned into a concrete item (a bank problem)


@dataclass(frozen=True)
class Choice:
    """An option as shown: its text, whether it is right, and why not."""

    text: str
    correct: bool
    why: str | None = None


@dataclass(frozen=True)
class Item:
    """A question made concrete for one showing: texts filled in, options shuffled, answer known."""

    question: Question
    lang: str
    prompt: str
    explanation: str
    hint: str
    choices: tuple[Choice, ...] = ()
    #: choice: index into ``choices``; ox: "O"/"X"; numeric: the value
    answer: int | str | float = 0
    params: dict[str, object] = field(default_factory=dict)
    calculation: Calculation | None = None
    decimals: int | None = None

    @property
    def kind(self) -> str:
        """The kind's name (``choice``, ``ox``, ``numeric``)."""
        return self.question.type

    @property
    def behaviour(self) -> Kind:
        """The kind's strategy object: how this item is read, shown and exported."""
        return kind_of(self.question.type)

    def answer_text(self) -> str:
        return self.behaviour.answer_text(self)


@dataclass(frozen=True)
class Computed:
    """A computed question's drawn parameters, its calculation and the value asked for."""

    params: dict[str, object]
    calculation: Calculation
    value: float
    values: dict[str, str]  # what fills the {placeholders} of the texts
    #: a computed choice's wrong values, each distinct at ``decimals``, with its misconception
    wrong: tuple[tuple[str, Distractor], ...] = ()


def fill(text: str, values: dict[str, str]) -> str:
    """Replace ``{name}`` by ``values[name]``; ``{{``/``}}`` are literal braces. Nothing else."""
    out = PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)
    return out.replace("{{", "{").replace("}}", "}")


def shuffled_options(q: Question, rng: Rng, lang: str) -> tuple[tuple[Choice, ...], int]:
    """A static choice question's options in a random order (``last`` options stay last)."""
    order = [i for i, o in enumerate(q.options) if not o.last]
    pinned = [i for i, o in enumerate(q.options) if o.last]
    order = [order[j] for j in rng.permutation(len(order))] + pinned
    choices = tuple(
        Choice(
            q.options[i].text.get(lang),
            i + 1 == q.answer,
            q.options[i].why.get(lang) if q.options[i].why else None,
        )
        for i in order
    )
    return choices, next(k for k, c in enumerate(choices) if c.correct)


def computed_choices(q: Question, computed: Computed, rng: Rng, lang: str) -> tuple[tuple[Choice, ...], int]:
    """The right value and the values of the named misconceptions, shuffled."""
    options = [Choice(computed.values["answer"], True)]
    options += [Choice(text, False, fill(d.why.get(lang), computed.values)) for text, d in computed.wrong]
    order = rng.permutation(len(options))
    choices = tuple(options[i] for i in order)
    return choices, next(k for k, c in enumerate(choices) if c.correct)


def compute_question(q: Question, rng: Rng) -> Computed:
    """Draw a computed question's parameters and run its calculation (see :mod:`topa_quiz.bank.draw`)."""
    d = draw(q, rng)
    values = {k: show_param(v) for k, v in d.params.items()} | {"answer": d.answer_text}
    return Computed(d.params, d.calculation, d.value, values, d.wrong)


def first_step(calculation: Calculation) -> str:
    """The first step's formula in symbols (``m₁ = β₁·m₀ + (1 − β₁)·g₁``): where to start.

    Only the symbolic form, before any number is put in, so the hint does not compute the
    answer for the learner.
    """
    step = next((s for s in calculation.steps if s.formula), None)
    if step is None:
        return ""
    symbols = step.formula.split(" = ")[0]
    return symbols if symbols.startswith(step.label) else f"{step.label} = {symbols}"


def make_item(q: Question, bank: Bank, rng: Rng, lang: str = "ko") -> Item:
    """The concrete item for ``q``: numbers drawn, texts filled, then the kind finishes it."""
    concept = bank.concepts.get(q.concepts[0])
    computed = compute_question(q, rng) if q.computed else None
    hint = first_step(computed.calculation) if computed else ""
    hint = hint or (concept.summary.get(lang) if concept else "")
    values = computed.values if computed else {}
    prompt, explanation = q.prompt.get(lang), q.explanation.get(lang)
    base = Item(
        q,
        lang,
        fill(prompt, values) if computed else prompt,
        fill(explanation, values) if computed else explanation,
        hint,
        params=computed.params if computed else {},
        calculation=computed.calculation if computed else None,
        decimals=q.decimals if computed else None,
    )
    return base.behaviour.build(q, base, computed, rng)
