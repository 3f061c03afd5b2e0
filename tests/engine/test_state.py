"""Optimizer state carried in from earlier training (issue 11 point 1): momentum's buffer or
velocity, Adam's m, v and step; m̂ and v̂ reachable as values. The numbers are checked
against real torch.optim runs in tests/golden/golden.json (see make_golden.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from topa_quiz.engine import EngineError, compute

from .test_golden import assert_close

GOLDEN = json.loads((Path(__file__).parents[1] / "golden" / "golden.json").read_text("utf-8"))["cases"]
STATE = [c for c in GOLDEN if "expected_state" in c]


def test_the_golden_file_has_state_cases():
    names = {c["name"] for c in GOLDEN if {"buffer", "velocity", "step"} & set(c["inputs"])}
    assert names == {"momentum", "adam", "adamw"}
    assert len(STATE) >= 10


@pytest.mark.parametrize("case", STATE, ids=[c["id"] for c in STATE])
def test_adam_moments_and_corrections_match_torch_state(case):
    """m and v after the last step equal torch's exp_avg and exp_avg_sq; m̂ and v̂ are
    reachable by key, whatever the step's label."""
    calc = compute(case["name"], **case["inputs"])
    for key, expected in case["expected_state"].items():
        assert_close(calc.values(key)[-1], expected, f"{case['id']} {key}")


def test_adam_labels_count_on_from_the_earlier_steps():
    calc = compute("adam", param=1.0, grad=[0.5, 0.1], lr=0.1, m=0.1, v=0.01, step=5)
    labels = [s.label for s in calc.steps]
    assert labels[:4] == ["θ₅", "m₅", "v₅", "g₆"]
    assert "m̂₆" in labels and "v̂₇" in labels and labels[-1] == "θ₇"
    hat = next(s for s in calc.steps if s.label == "m̂₆")
    assert "(1 − 0.9⁶)" in hat.formula  # bias correction continues from T = 5
    assert len(calc.trajectory) == 3


def test_velocity_and_buffer_are_the_same_state_in_two_forms():
    """V = −η·B: the classic form and PyTorch's give the same θ."""
    a = compute("momentum", param=[1.0, -2.0], grad=[[0.5, 0.1], [0.2, -0.3]], lr=0.1, buffer=[0.4, -0.2])
    b = compute("momentum", param=[1.0, -2.0], grad=[[0.5, 0.1], [0.2, -0.3]], lr=0.1, velocity=[-0.04, 0.02])
    assert a.result == pytest.approx(b.result, rel=1e-12)
    assert [s.label for s in b.steps][:3] == ["θ₀", "v₀", "g₁"]


@pytest.mark.parametrize(
    ("name", "params", "blamed"),
    [
        ("momentum", {"param": 1.0, "grad": [0.5], "lr": 0.1, "buffer": 0.1, "velocity": 0.1}, "velocity"),
        ("momentum", {"param": [1.0, 2.0], "grad": [0.5], "lr": 0.1, "buffer": [0.1, 0.2, 0.3]}, "buffer"),
        ("adam", {"param": 1.0, "grad": [0.5], "m": 0.1, "v": 0.01}, "step"),
        ("adam", {"param": 1.0, "grad": [0.5], "m": 0.1, "v": -0.01, "step": 3}, "v"),
        ("adamw", {"param": [1.0, 2.0], "grad": [0.5], "m": [0.1, 0.2, 0.3], "step": 3}, "m"),
        ("adam", {"param": 1.0, "grad": [0.5], "step": -1}, "step"),
    ],
)
def test_inconsistent_state_is_refused_naming_the_parameter(name, params, blamed):
    with pytest.raises(EngineError) as err:
        compute(name, **params)
    assert err.value.param == blamed
    assert err.value.text("ko") and err.value.text("en")
