"""A concrete question: parameters drawn, answer computed, options shuffled, text filled.

``make_item(question, bank, rng, lang)`` is deterministic for a given Generator state, so
``--seed`` reproduces a whole session.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..bank.draw import DrawError, draw, format_value, show_param
from ..bank.loader import PLACEHOLDER
from ..bank.model import Bank, Question
from ..engine import Calculation

ItemError = DrawError  # a question that cannot be turned into a concrete item (a bank problem)
__all__ = ["Choice", "Item", "ItemError", "circled", "fill", "format_value", "make_item", "show_param"]


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
        return self.question.type

    def answer_text(self) -> str:
        if self.kind == "choice":
            return f"{circled(int(self.answer))} {self.choices[int(self.answer)].text}"
        if self.kind == "ox":
            return str(self.answer)
        return format_value(float(self.answer), self.decimals)


CIRCLED = "①②③④⑤⑥⑦⑧⑨"


def circled(index: int) -> str:
    return CIRCLED[index] if 0 <= index < len(CIRCLED) else f"({index + 1})"


def fill(text: str, values: dict[str, str]) -> str:
    """Replace ``{name}`` by ``values[name]``; ``{{``/``}}`` are literal braces. Nothing else."""
    out = PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)
    return out.replace("{{", "{").replace("}}", "}")


def _shuffle_options(q: Question, rng: np.random.Generator, lang: str) -> tuple[tuple[Choice, ...], int]:
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


def make_item(q: Question, bank: Bank, rng: np.random.Generator, lang: str = "ko") -> Item:
    concept = bank.concepts.get(q.concepts[0])
    hint = concept.summary.get(lang) if concept else ""
    if not q.computed:
        if q.type == "choice":
            choices, answer = _shuffle_options(q, rng, lang)
            return Item(q, lang, q.prompt.get(lang), q.explanation.get(lang), hint, choices, answer)
        return Item(q, lang, q.prompt.get(lang), q.explanation.get(lang), hint, answer=str(q.answer))
    d = draw(q, rng)
    values = {k: show_param(v) for k, v in d.params.items()} | {"answer": d.answer_text}
    prompt, explanation = fill(q.prompt.get(lang), values), fill(q.explanation.get(lang), values)
    if not q.distractors:  # numeric: typed in
        return Item(
            q,
            lang,
            prompt,
            explanation,
            hint,
            answer=d.value,
            params=d.params,
            calculation=d.calculation,
            decimals=q.decimals,
        )
    options = [Choice(d.answer_text, True)]
    options += [Choice(text, False, fill(x.why.get(lang), values)) for text, x in d.wrong]
    order = rng.permutation(len(options))
    choices = tuple(options[i] for i in order)
    answer = next(k for k, c in enumerate(choices) if c.correct)
    return Item(q, lang, prompt, explanation, hint, choices, answer, d.params, d.calculation, q.decimals)
