"""Choose questions: filters, then a seeded random draw."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..bank.model import Bank, Question
from ..errors import UsageError


@dataclass(frozen=True)
class Filters:
    topics: tuple[str, ...] = ()
    concepts: tuple[str, ...] = ()  # ids or prefixes: "optimizer", "activation.sigmoid"
    types: tuple[str, ...] = ()
    difficulties: tuple[int, ...] = ()

    def describe(self) -> str:
        parts = [f"--topic {t}" for t in self.topics] + [f"--concept {c}" for c in self.concepts]
        parts += [f"--type {t}" for t in self.types] + [f"--difficulty {d}" for d in self.difficulties]
        return " ".join(parts) or "(none)"


def _concept_match(pattern: str, cid: str) -> bool:
    return cid == pattern or cid.startswith(pattern + ".") or cid.startswith(pattern + "_")


def check_filters(bank: Bank, f: Filters) -> None:
    """Unknown topics or concepts are usage errors that say what exists."""
    for t in f.topics:
        if t not in bank.topics:
            raise UsageError(f"--topic: unknown topic '{t}'; topics: {', '.join(bank.topics)}")
    for c in f.concepts:
        if not any(_concept_match(c, cid) for cid in bank.concepts):
            from difflib import get_close_matches

            guess = get_close_matches(c, list(bank.concepts) + list(bank.topics), n=1)
            hint = f"; did you mean '{guess[0]}'?" if guess else "; 'topa bank stats' lists the concepts"
            raise UsageError(f"--concept: unknown concept '{c}'{hint}")
    for t in f.types:
        if t not in ("choice", "ox", "numeric"):
            raise UsageError(f"--type: expected choice, ox or numeric, got '{t}'")
    for d in f.difficulties:
        if d not in (1, 2, 3):
            raise UsageError(f"--difficulty: expected 1, 2 or 3, got {d}")


def matches(bank: Bank, q: Question, f: Filters) -> bool:
    if f.topics and bank.topic_of(q) not in f.topics:
        return False
    if f.concepts and not any(_concept_match(p, c) for p in f.concepts for c in q.concepts):
        return False
    if f.types and q.type not in f.types:
        return False
    return not (f.difficulties and (q.difficulty or 2) not in f.difficulties)


def select_questions(bank: Bank, f: Filters) -> list[Question]:
    check_filters(bank, f)
    found = [q for q in bank.questions if matches(bank, q, f)]
    if not found:
        raise UsageError(
            f"no question matches the filters {f.describe()}; topics: {', '.join(bank.topics)} "
            "('topa bank stats' lists concepts and counts)"
        )
    return found


def draw(questions: list[Question], count: int, rng: np.random.Generator) -> list[Question]:
    """``count`` questions at random; without repeats while the pool lasts."""
    if count <= len(questions):
        return [questions[i] for i in rng.choice(len(questions), size=count, replace=False)]
    out: list[Question] = []
    while len(out) < count:
        take = min(len(questions), count - len(out))
        out += [questions[i] for i in rng.choice(len(questions), size=take, replace=False)]
    return out
