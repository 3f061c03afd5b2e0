"""Draw a computed question: parameters sampled, the answer and the wrong values computed.

This is the language-free half of making an item (:mod:`topa_quiz.session.items` fills
in the texts and shuffles the options): the validator draws every computed question
several times through it, and a draw the engine rejects is a bank problem.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..engine.core import fmt
from .model import Distractor, Question
from .sampling import sample_params

if TYPE_CHECKING:
    import numpy as np

    from ..engine import Calculation


class DrawError(ValueError):
    """A question that cannot be turned into a concrete item (a bank problem)."""


@dataclass(frozen=True)
class Draw:
    params: dict[str, object]
    calculation: Calculation
    value: float
    answer_text: str
    #: wrong options in distractor order, each distinct from the others at ``decimals``
    wrong: tuple[tuple[str, Distractor], ...] = field(default=())


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


def step_value(calc: Calculation, step: str, qid: str) -> object:
    """The value of the last worked step with the key ``step`` (``m_hat``: Adam's m̂)."""
    values = calc.values(step)
    if not values:
        keys = sorted({s.key for s in calc.steps if s.key})
        has = f"its step keys: {', '.join(keys)}" if keys else "its steps have no keys"
        raise DrawError(f"{qid}: answer_step '{step}': '{calc.name}' has no step with that key ({has})")
    return values[-1]


def pick_value(calc: Calculation, pick: int | None, qid: str, step: str | None = None) -> float:
    """The answer: the result, or the last step keyed ``step``; element ``pick`` of a vector."""
    import numpy as np

    result = calc.result if step is None else step_value(calc, step, qid)
    what = f"'{calc.name}'" if step is None else f"the step '{step}' of '{calc.name}'"
    if isinstance(result, list):
        flat = np.asarray(result, dtype=float).reshape(-1)
        if pick is None:
            if flat.size == 1:
                return float(flat[0])
            raise DrawError(f"{qid}: {what} gives {flat.size} values; add 'pick' (0-based index)")
        if not 0 <= pick < flat.size:
            raise DrawError(f"{qid}: pick {pick} is out of range for a result of {flat.size} values")
        return float(flat[pick])
    if pick not in (None, 0):
        raise DrawError(f"{qid}: pick {pick} given, but {what} gives a single number")
    return float(result)  # type: ignore[arg-type]


def run(name: str, params: dict[str, object], qid: str) -> Calculation:
    from ..engine import EngineError, compute, lookup

    calc = lookup(name)
    assert calc is not None
    accepted = {p.name for p in calc.params}
    try:
        return compute(name, **{k: v for k, v in params.items() if k in accepted})
    except (EngineError, OverflowError, FloatingPointError) as exc:
        raise DrawError(f"{qid}: {name} rejects the drawn parameters {show_param(params)}: {exc}") from None


def draw(q: Question, rng: np.random.Generator) -> Draw:
    """Sample ``q``'s parameters and compute its answer (and wrong values for a choice)."""
    try:
        params = sample_params(q.params, q.cases, rng)
    except (OverflowError, ValueError) as exc:
        raise DrawError(f"{q.id}: its parameter forms cannot be drawn: {exc}") from None
    calc = run(str(q.calc), params, q.id)
    value = pick_value(calc, q.pick, q.id, q.answer_step)
    if not math.isfinite(value):
        raise DrawError(f"{q.id}: the answer is not finite for {show_param(params)}")
    answer_text = format_value(value, q.decimals)
    if not q.distractors:  # typed in (numeric): no wrong values to compute
        return Draw(params, calc, value, answer_text)
    wrong: list[tuple[str, Distractor]] = []
    seen = {answer_text}
    for i, d in enumerate(q.distractors, 1):
        try:
            calculation = run(d.calc or str(q.calc), params | d.params, q.id)
        except DrawError:
            continue  # the engine rejects this misconception's parameters in this draw
        step = d.answer_step or q.answer_step
        if step is not None:
            step_value(calculation, step, f"{q.id} distractor {i}")  # a key it never writes: a bank problem
        try:
            other = pick_value(calculation, q.pick, q.id, step)
        except DrawError:
            continue
        text = format_value(other, q.decimals)
        if text in seen or not math.isfinite(other):
            continue  # this draw makes the misconception coincide with another option
        seen.add(text)
        wrong.append((text, d))
    if len(wrong) < 2:
        raise DrawError(
            f"{q.id}: only {len(wrong) + 1} distinct options for {show_param(params)}; "
            "add distractors or change the parameter ranges"
        )
    return Draw(params, calc, value, answer_text, tuple(wrong[:4]))
