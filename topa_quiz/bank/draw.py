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
from ..errors import Msg
from .model import Distractor, Question
from .sampling import sample_params

if TYPE_CHECKING:
    from ..engine import Calculation
    from ..rng import Rng
    from .problem import Words


class DrawError(ValueError):
    """A question that cannot be turned into a concrete item (a bank problem).

    ``msg`` says why as a catalog message (``problem.draw.…``, its ``id`` the question's);
    ``str`` is its English wording.
    """

    def __init__(self, key: str, **values: object) -> None:
        from ..i18n import catalog
        from .problem import plain, worded

        self.msg = Msg(key, values)
        super().__init__(worded(plain(self.msg), catalog("en")))

    def said(self, words: Words) -> str:
        """Why, in the catalog's language."""
        from .problem import plain, worded

        return str(worded(plain(self.msg), words))


@dataclass(frozen=True)
class Draw:
    """A question's parameters drawn, its calculation run, and the wrong options computed."""

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


def step_value(calc: Calculation, step: str, qid: str | Msg) -> object:
    """The value of the last worked step with the key ``step`` (``m_hat``: Adam's m̂)."""
    values = calc.values(step)
    if not values:
        keys = sorted({s.key for s in calc.steps if s.key})
        has = (
            Msg("problem.draw.step_keys", {"keys": ", ".join(keys)}) if keys else Msg("problem.draw.no_keys")
        )
        raise DrawError("problem.draw.no_step", id=qid, step=step, calc=calc.name, has=has)
    return values[-1]


def pick_value(calc: Calculation, pick: int | None, qid: str, step: str | None = None) -> float:
    """The answer: the result, or the last step keyed ``step``; element ``pick`` of a vector."""
    import numpy as np

    result = calc.result if step is None else step_value(calc, step, qid)
    what = Msg("problem.draw.calc", {"calc": calc.name})
    if step is not None:
        what = Msg("problem.draw.step", {"calc": calc.name, "step": step})
    if isinstance(result, list):
        flat = np.asarray(result, dtype=float).reshape(-1)
        if pick is None:
            if flat.size == 1:
                return float(flat[0])
            raise DrawError("problem.draw.needs_pick", id=qid, what=what, n=int(flat.size))
        if not 0 <= pick < flat.size:
            raise DrawError("problem.draw.pick_range", id=qid, pick=pick, n=int(flat.size))
        return float(flat[pick])
    if pick not in (None, 0):
        raise DrawError("problem.draw.pick_scalar", id=qid, pick=pick, what=what)
    return float(result)  # type: ignore[arg-type]


def run(name: str, params: dict[str, object], qid: str) -> Calculation:
    from ..engine import EngineError, compute, lookup

    calc = lookup(name)
    assert calc is not None
    accepted = {p.name for p in calc.params}
    try:
        return compute(name, **{k: v for k, v in params.items() if k in accepted})
    except EngineError as exc:
        from .problem import engine_error

        why = engine_error(exc)
        raise DrawError(
            "problem.draw.rejects", id=qid, calc=name, params=show_param(params), why=why
        ) from None
    except (OverflowError, FloatingPointError) as exc:
        why = str(exc)
        raise DrawError(
            "problem.draw.rejects", id=qid, calc=name, params=show_param(params), why=why
        ) from None


def draw(q: Question, rng: Rng) -> Draw:
    """Sample ``q``'s parameters and compute its answer (and wrong values for a choice)."""
    try:
        params = sample_params(q.params, q.cases, rng)
    except (OverflowError, ValueError) as exc:
        raise DrawError("problem.draw.forms", id=q.id, why=str(exc)) from None
    calc = run(str(q.calc), params, q.id)
    value = pick_value(calc, q.pick, q.id, q.answer_step)
    if not math.isfinite(value):
        raise DrawError("problem.draw.not_finite", id=q.id, params=show_param(params))
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
            who = Msg("problem.what.distractor_of", {"id": q.id, "n": i})
            step_value(calculation, step, who)  # a key it never writes: a bank problem
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
        raise DrawError("problem.draw.few_options", id=q.id, n=len(wrong) + 1, params=show_param(params))
    return Draw(params, calc, value, answer_text, tuple(wrong[:4]))
