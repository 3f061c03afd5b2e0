"""A concrete question: parameters drawn, answer computed, options shuffled, text filled.

``make_item(question, bank, rng, lang)`` is deterministic for a given Generator state, so
``--seed`` reproduces a whole session.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ..bank.loader import PLACEHOLDER
from ..bank.model import Bank, Question
from ..bank.sampling import sample_params
from ..engine import Calculation, EngineError, compute, lookup
from ..engine.core import fmt
from ..kinds import Kind, kind_of
from ..kinds.choice import CIRCLED, circled  # noqa: F401 - re-exported for callers


class ItemError(ValueError):
    """A question that cannot be turned into a concrete item (a bank problem)."""


@dataclass(frozen=True)
class Choice:
    text: str
    correct: bool
    why: str | None = None


@dataclass(frozen=True)
class Item:
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


def format_value(v: float, decimals: int | None) -> str:
    if decimals is None:
        return fmt(v)
    text = f"{v:.{decimals}f}"
    return text.lstrip("-") if float(text) == 0 else text  # never "-0.000"


def show_param(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return fmt(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(show_param(x) for x in v) + "]"
    if isinstance(v, dict):
        return ", ".join(f"{k}={show_param(x)}" for k, x in v.items())
    return str(v)


def fill(text: str, values: dict[str, str]) -> str:
    """Replace ``{name}`` by ``values[name]``; ``{{``/``}}`` are literal braces. Nothing else."""
    out = PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)
    return out.replace("{{", "{").replace("}}", "}")


def pick_value(calc: Calculation, pick: int | None, qid: str) -> float:
    result = calc.result
    if isinstance(result, list):
        flat = np.asarray(result, dtype=float).reshape(-1)
        if pick is None:
            if flat.size == 1:
                return float(flat[0])
            raise ItemError(f"{qid}: '{calc.name}' gives {flat.size} values; add 'pick' (0-based index)")
        if not 0 <= pick < flat.size:
            raise ItemError(f"{qid}: pick {pick} is out of range for a result of {flat.size} values")
        return float(flat[pick])
    if pick not in (None, 0):
        raise ItemError(f"{qid}: pick {pick} given, but '{calc.name}' gives a single number")
    return float(result)


def _run(name: str, params: dict[str, object], qid: str) -> Calculation:
    calc = lookup(name)
    assert calc is not None
    accepted = {p.name for p in calc.params}
    try:
        return compute(name, **{k: v for k, v in params.items() if k in accepted})
    except EngineError as exc:
        raise ItemError(f"{qid}: {name} rejects the drawn parameters {show_param(params)}: {exc}") from None


def shuffled_options(q: Question, rng: np.random.Generator, lang: str) -> tuple[tuple[Choice, ...], int]:
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


def computed_choices(
    q: Question, computed: Computed, rng: np.random.Generator, lang: str
) -> tuple[tuple[Choice, ...], int]:
    """The right value and the values of the named misconceptions, shuffled."""
    answer_text = computed.values["answer"]
    options = [Choice(answer_text, True)]
    seen = {answer_text}
    for d in q.distractors:
        try:
            run = _run(d.calc or str(q.calc), computed.params | d.params, q.id)
            wrong = pick_value(run, q.pick, q.id)
        except ItemError:
            continue
        text = format_value(wrong, q.decimals)
        if text in seen or not math.isfinite(wrong):
            continue  # this draw makes the misconception coincide with another option
        seen.add(text)
        options.append(Choice(text, False, fill(d.why.get(lang), computed.values)))
    if len(options) < 3:
        raise ItemError(
            f"{q.id}: only {len(options)} distinct options for {show_param(computed.params)}; "
            "add distractors or change the parameter ranges"
        )
    options = options[:5]
    order = rng.permutation(len(options))
    choices = tuple(options[i] for i in order)
    return choices, next(k for k, c in enumerate(choices) if c.correct)


def compute_question(q: Question, rng: np.random.Generator) -> Computed:
    """Draw a computed question's parameters and run its calculation."""
    params = sample_params(q.params, q.cases, rng)
    calc = _run(str(q.calc), params, q.id)
    value = pick_value(calc, q.pick, q.id)
    if not math.isfinite(value):
        raise ItemError(f"{q.id}: the answer is not finite for {show_param(params)}")
    values = {k: show_param(v) for k, v in params.items()} | {"answer": format_value(value, q.decimals)}
    return Computed(params, calc, value, values)


def make_item(q: Question, bank: Bank, rng: np.random.Generator, lang: str = "ko") -> Item:
    """The concrete item for ``q``: numbers drawn, texts filled, then the kind finishes it."""
    concept = bank.concepts.get(q.concepts[0])
    hint = concept.summary.get(lang) if concept else ""
    computed = compute_question(q, rng) if q.computed else None
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
