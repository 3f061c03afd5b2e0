"""Choose questions: filters, then a seeded random draw."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..bank.model import Bank, Question
from ..errors import UsageError
from ..kinds import kind_names

if TYPE_CHECKING:
    from ..rng import Rng


@dataclass(frozen=True)
class Filters:
    """Which questions a drill may draw from (empty: no restriction)."""

    topics: tuple[str, ...] = ()
    concepts: tuple[str, ...] = ()  # ids or prefixes: "optimizer", "activation.sigmoid"
    types: tuple[str, ...] = ()
    difficulties: tuple[int, ...] = ()

    def describe(self) -> dict[str, tuple[object, ...]]:
        """The filters that are set, by field (the command line words them as flags)."""
        return {k: v for k, v in vars(self).items() if v}


def _concept_match(pattern: str, cid: str) -> bool:
    return cid == pattern or cid.startswith(pattern + ".") or cid.startswith(pattern + "_")


def check_filters(bank: Bank, f: Filters) -> None:
    """Unknown topics or concepts are usage errors that say what exists."""
    for t in f.topics:
        if t not in bank.topics:
            raise UsageError(
                f"unknown topic '{t}'",
                key="select.unknown_topic",
                field="topics",
                value=t,
                known=", ".join(bank.topics),
            )
    for c in f.concepts:
        if not any(_concept_match(c, cid) for cid in bank.concepts):
            raise unknown_concept(bank, c)
    for t in f.types:
        if t not in kind_names():
            raise UsageError(
                f"unknown question type '{t}'",
                key="select.unknown_type",
                field="types",
                value=t,
                known=", ".join(kind_names()),
            )
    for d in f.difficulties:
        if d not in (1, 2, 3):
            raise UsageError(f"no difficulty {d}", key="select.bad_difficulty", field="difficulties", value=d)


def unknown_concept(bank: Bank, name: str) -> UsageError:
    """A concept that is not in the bank, with the nearest id when one is close.

    Matches the last part of ids too: ``sigmoid`` suggests ``activation.sigmoid``.
    """
    from difflib import get_close_matches

    ids = list(bank.concepts) + list(bank.topics)
    tails = {cid.rsplit(".", 1)[-1]: cid for cid in bank.concepts}
    guess = tails.get(name) or next(iter(get_close_matches(name, ids, n=1)), None)
    if guess is None:
        hit = get_close_matches(name, list(tails), n=1)
        guess = tails[hit[0]] if hit else None
    if guess:
        return UsageError(
            f"unknown concept '{name}'; did you mean '{guess}'?",
            key="select.unknown_concept_guess",
            field="concepts",
            value=name,
            guess=guess,
        )
    return UsageError(f"unknown concept '{name}'", key="select.unknown_concept", field="concepts", value=name)


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
            "no question matches the filters",
            key="select.no_match",
            field="filters",
            filters=f.describe(),
            known=", ".join(bank.topics),
        )
    return found


def draw(questions: list[Question], count: int, rng: Rng) -> list[Question]:
    """``count`` questions at random; without repeats while the pool lasts."""
    if count <= len(questions):
        return [questions[i] for i in rng.choice(len(questions), size=count, replace=False)]
    out: list[Question] = []
    while len(out) < count:
        take = min(len(questions), count - len(out))
        out += [questions[i] for i in rng.choice(len(questions), size=take, replace=False)]
    return out
