"""Rng: NumPy's meanings for the few draws topa makes, reproducible from a seed."""

from __future__ import annotations

import numpy as np
import pytest

from topa_quiz.rng import Rng


def test_the_same_seed_draws_the_same_and_another_seed_differs():
    def draws(seed: object) -> list[object]:
        r = Rng(seed)  # type: ignore[arg-type]
        return [r.random(), r.integers(10, 20), r.uniform(-1, 1), r.permutation(8), r.choice(9, 4, False)]

    assert draws(7) == draws(7)
    assert draws([3, 5]) == draws((3, 5))
    assert draws(7) != draws(8)
    assert draws([3, 5]) != draws([5, 3])


def test_integers_exclude_high_and_reach_every_value_below():
    r = Rng(1)
    seen = {r.integers(2, 5) for _ in range(300)}
    assert seen == {2, 3, 4}
    assert {r.integers(3) for _ in range(300)} == {0, 1, 2}  # one bound: [0, 3)
    many = r.integers(0, 2, size=50)
    assert isinstance(many, list) and len(many) == 50 and set(many) == {0, 1}


def test_uniform_stays_in_the_half_open_interval():
    r = Rng(2)
    values = r.uniform(0.5, 0.75, size=2000)
    assert isinstance(values, list)
    assert all(0.5 <= v < 0.75 for v in values)
    assert min(values) < 0.51 and max(values) > 0.74  # spread over the whole interval
    assert 0.6 < sum(values) / len(values) < 0.65  # its middle is 0.625


def test_choice_without_replacement_and_permutation_are_arrangements():
    r = Rng(3)
    picked = r.choice(10, size=10, replace=False)
    assert sorted(picked) == list(range(10))  # type: ignore[arg-type]
    assert sorted(r.permutation(6)) == [0, 1, 2, 3, 4, 5]
    assert all(0 <= r.choice(4) < 4 for _ in range(50))  # type: ignore[operator]
    orders = {tuple(r.permutation(3)) for _ in range(300)}
    assert len(orders) == 6  # every order of three turns up


@pytest.mark.parametrize("make", [Rng, np.random.default_rng], ids=["Rng", "numpy"])
def test_topa_draws_work_with_either_generator(make):
    """A caller (or a test) may pass NumPy's Generator wherever an Rng is asked for."""
    from topa_quiz.bank.sampling import resolve
    from topa_quiz.session.select import draw

    rng = make(11)
    ints = resolve({"integers": [1, 3], "size": 5}, rng)
    assert isinstance(ints, list) and all(type(v) is int and 1 <= v <= 3 for v in ints)
    value = resolve({"uniform": [0.1, 0.2], "round": 3}, rng)
    assert type(value) is float and 0.1 <= value <= 0.2
    assert resolve({"choice": ["relu", "gelu"]}, rng) in ("relu", "gelu")
    assert sorted(draw(["a", "b", "c"], 3, rng)) == ["a", "b", "c"]  # type: ignore[list-item]
