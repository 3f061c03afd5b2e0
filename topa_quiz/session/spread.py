"""How an exam spreads its questions over the topics (``topa exam``, and the forecast of the same exam).

Pure functions of the bank's counts, kept apart from the exam's run so that reading the
spread (``topa stats``, ``topa today``) does not import the drill and NumPy.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..bank.model import Bank, Question


def allocate(counts: Mapping[str, int], count: int) -> dict[str, int]:
    """Questions per topic, proportional to the bank's question counts per topic.

    Largest-remainder rounding: each topic first gets floor(count × n / N); the questions
    left go one each to the largest remainders (ties: more questions in the bank, then bank
    order). Then, when ``count`` is at least the number of topics that have questions, every
    such topic gets at least one, taken one at a time from the largest allocation (ties: the
    later topic). Topics without questions get none.

    >>> allocate({"a": 25, "b": 24, "c": 54, "d": 38, "e": 0, "f": 32}, 6)
    {'a': 1, 'b': 1, 'c': 2, 'd': 1, 'e': 0, 'f': 1}
    >>> allocate({"a": 100, "b": 1, "c": 1}, 3)
    {'a': 1, 'b': 1, 'c': 1}
    """
    topics = list(counts)
    total = sum(max(0, n) for n in counts.values())
    if total == 0 or count <= 0:
        return dict.fromkeys(topics, 0)
    share = {k: count * max(0, counts[k]) // total for k in topics}
    remainder = {k: count * max(0, counts[k]) % total for k in topics}
    left = count - sum(share.values())
    for k in sorted(topics, key=lambda k: (-remainder[k], -counts[k], topics.index(k)))[:left]:
        share[k] += 1
    present = [k for k in topics if counts[k] > 0]
    if count >= len(present):
        for k in present:
            if share[k] == 0:
                donor = max(present, key=lambda d: (share[d], topics.index(d)))
                share[donor] -= 1
                share[k] += 1
    return share


def topic_pools(bank: Bank) -> dict[str, list[Question]]:
    """The bank's questions by topic, in bank order (topics without questions included)."""
    pools: dict[str, list[Question]] = {tid: [] for tid in bank.topics}
    for q in bank.questions:
        pools.setdefault(bank.topic_of(q), []).append(q)
    return pools
