"""The draws topa makes (questions, option order, parameters), on Python's own generator.

A quiz makes a handful of draws, and ``numpy.random`` costs about 8 ms to import: a tenth of
what a quiz spends between its import floor and its first prompt. :class:`Rng` has the few
methods topa calls, with NumPy's names and meanings (``integers`` excludes ``high``,
``uniform`` draws from ``[low, high)``), so a caller or a test may pass a
``numpy.random.Generator`` wherever an ``Rng`` is asked for.

>>> r = Rng(7)
>>> sorted(r.permutation(4)), len(set(r.choice(10, size=3, replace=False)))
([0, 1, 2, 3], 3)
>>> Rng([1, 2]).random() == Rng([1, 2]).random()  # the same seed, the same draws
True
"""

from __future__ import annotations

import random
from collections.abc import Sequence


class Rng:
    """A seeded source of draws (a fresh random seed when ``seed`` is None)."""

    def __init__(self, seed: int | Sequence[int] | None = None) -> None:
        if seed is not None and not isinstance(seed, int):
            seed = ",".join(str(int(s)) for s in seed)  # hashed with SHA-512 by random.seed
        self._random = random.Random(seed)

    def random(self) -> float:
        """A float in [0, 1)."""
        return self._random.random()

    def integers(self, low: int, high: int | None = None, size: int | None = None) -> int | list[int]:
        """An integer in [low, high) (in [0, low) when ``high`` is None); ``size`` of them as a list."""
        if high is None:
            low, high = 0, low
        if size is None:
            return self._random.randrange(low, high)
        return [self._random.randrange(low, high) for _ in range(size)]

    def uniform(self, low: float, high: float, size: int | None = None) -> float | list[float]:
        """A float in [low, high); ``size`` of them as a list."""
        if size is None:
            return low + (high - low) * self._random.random()
        return [low + (high - low) * self._random.random() for _ in range(size)]

    def choice(self, n: int, size: int | None = None, replace: bool = True) -> int | list[int]:
        """An index below ``n``; ``size`` of them as a list, all different unless ``replace``."""
        if size is None:
            return self._random.randrange(n)
        if not replace:
            return self._random.sample(range(n), size)
        return [self._random.randrange(n) for _ in range(size)]

    def permutation(self, n: int) -> list[int]:
        """0 … n−1 in a random order."""
        return self._random.sample(range(n), n)
