"""Every draw a computed question can make, and the numbers its texts state.

Helpers of the bank rules (``test_rules.py``): a question's parameter forms are expanded
into the concrete parameter sets a quiz may draw (all of them when there are few, a fixed
sample otherwise), each with the key the quiz would show.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import numpy as np

from topa_quiz.bank.draw import format_value, pick_value
from topa_quiz.bank.model import Question
from topa_quiz.bank.sampling import resolve, sample_params
from topa_quiz.engine import compute, lookup
from topa_quiz.engine.registry import REQUIRED

#: above this many combinations a question is sampled instead of enumerated
ENUMERATE_UP_TO = 3000
SAMPLES = 400


@dataclass(frozen=True)
class Draw:
    """One concrete parameter set of a computed question and the key it gives."""

    params: dict[str, object]
    #: (calculation, every parameter it takes with defaults filled in, pick, answer step):
    #: equal keys mean equal answers, whichever question asks
    key: tuple[object, ...]
    answer: float


def _values(spec: object) -> list[object] | None:
    """Every value a parameter form can take, or None when there are too many to list."""
    if not isinstance(spec, Mapping):
        return [spec]
    if "choice" in spec:
        return list(spec["choice"])
    if spec.get("size"):
        return None
    if "uniform" in spec:
        lo, hi = spec["uniform"]
        r = spec.get("round", 2)
        n = round((hi - lo) * 10**r)
        if n > ENUMERATE_UP_TO:
            return None
        grid = {round(lo + k / 10**r, r) + 0.0 for k in range(n + 1)}
        return sorted(v for v in grid if lo - 1e-12 <= v <= hi + 1e-12)
    lo, hi = spec["integers"]
    return list(range(int(lo), int(hi) + 1)) if hi - lo < ENUMERATE_UP_TO else None


def parameter_sets(q: Question) -> Iterator[dict[str, object]]:
    """The parameter sets ``q`` can draw: all of them, or a seeded sample of them."""
    cases = list(q.cases) or [{}]
    grids = []
    for case in cases:
        merged = {**case, **q.params}
        lists = {k: _values(v) for k, v in merged.items()}
        if any(v is None for v in lists.values()):
            grids = None
            break
        grids.append(lists)
    total = sum(math.prod(len(v) for v in g.values()) for g in grids) if grids else math.inf
    if grids and total <= ENUMERATE_UP_TO:
        for g in grids:
            names = list(g)
            for combo in itertools.product(*(g[n] for n in names)):
                yield {n: resolve(v, np.random.default_rng(0)) for n, v in zip(names, combo, strict=True)}
        return
    rng = np.random.default_rng([7, len(q.id)])
    for _ in range(SAMPLES):
        yield sample_params(q.params, q.cases, rng)


def _frozen(v: object) -> object:
    if isinstance(v, (list, tuple)):
        return tuple(_frozen(x) for x in v)
    if isinstance(v, float):
        return round(v, 10) + 0.0
    return v


def draw_key(
    calc: str, params: Mapping[str, object], pick: int | None, step: str | None = None
) -> tuple[object, ...]:
    """What determines the answer: the calculation, all its parameters, the picked element
    and the step asked for (None: the result)."""
    spec = lookup(calc)
    assert spec is not None, calc
    full = {
        p.name: _frozen(params.get(p.name, p.default))
        for p in spec.params
        if p.name in params or p.default is not REQUIRED
    }
    for p in spec.params:  # a scalar and a one-element list are the same input
        if isinstance(full.get(p.name), tuple) and len(full[p.name]) == 1 and p.kind != "batch":
            full[p.name] = full[p.name][0]
    return (spec.name, tuple(sorted(full.items())), pick or 0, step or "")


def draws(q: Question) -> list[Draw]:
    """Every (or a sample of every) draw of a computed question, with its key."""
    assert q.calc is not None
    accepted = {p.name for p in lookup(q.calc).params}
    out = []
    for params in parameter_sets(q):
        calculation = compute(q.calc, **{k: v for k, v in params.items() if k in accepted})
        value = pick_value(calculation, q.pick, q.id, q.answer_step)
        out.append(Draw(params, draw_key(q.calc, params, q.pick, q.answer_step), value))
    return out


def shown(q: Question, value: float) -> str:
    """The key as the quiz shows it."""
    return format_value(value, q.decimals)


NUMBER = re.compile(r"(?<![\w.])[−-]?\d+\.(\d{3,})(?![\d])")
PLACEHOLDER_TEXT = re.compile(r"\{\w+\}")


def stated_numbers(texts: list[str]) -> set[tuple[float, int]]:
    """Numbers written with 3 or more decimals in fixed text, as (value, decimals)."""
    found = set()
    for text in texts:
        for m in NUMBER.finditer(PLACEHOLDER_TEXT.sub(" ", text)):
            found.add((float(m.group(0).replace("−", "-")), len(m.group(1))))
    return found
