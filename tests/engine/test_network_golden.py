"""The network calculations against PyTorch's own values.

``tests/golden/golden_network.json`` holds float64 values from real torch.nn.Linear layers,
torch activations, autograd through torch.nn.functional losses (reduction='mean'),
``numel()`` counts and autograd through sigmoid chains; ``tests/golden/make_golden_network.py``
regenerates it in a separate venv. torch is not imported here.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from topa_quiz.engine import compute
from topa_quiz.engine.registry_network import NETWORK_CALCS

GOLDEN = json.loads((Path(__file__).parents[1] / "golden" / "golden_network.json").read_text("utf-8"))
CASES = GOLDEN["cases"]
REL, ABS = 1e-9, 1e-12  # both sides are float64: far tighter than any rounding a question asks


def assert_close(got, expected, where: str) -> None:
    """Same shape (number vs list, lengths) and every number within REL/ABS."""
    if isinstance(expected, list):
        assert isinstance(got, list), f"{where}: expected a list, got {got!r}"
        assert len(got) == len(expected), f"{where}: length {len(got)} != {len(expected)}"
        for i, (g, e) in enumerate(zip(got, expected, strict=True)):
            assert_close(g, e, f"{where}[{i}]")
        return
    assert isinstance(got, float), f"{where}: expected a number, got {got!r}"
    assert math.isfinite(got)
    assert got == pytest.approx(expected, rel=REL, abs=ABS), f"{where}: got {got!r}, expected {expected!r}"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_engine_matches_torch(case: dict) -> None:
    calc = compute(case["name"], **case["inputs"])
    assert_close(calc.result, case["expected"], f"{case['id']} ({case['source']})")


def test_golden_file_covers_every_option() -> None:
    """At least 40 cases; every activation, output, loss, wrt; single samples and batches."""
    assert len(CASES) >= 40
    assert set(GOLDEN["names"]) == {c.name for c in NETWORK_CALCS}
    by = {name: [c["inputs"] for c in CASES if c["name"] == name] for name in GOLDEN["names"]}
    assert {i["activation"] for i in by["neuron"]} == {
        "identity",
        "step",
        "sigmoid",
        "tanh",
        "relu",
        "leaky-relu",
    }
    hidden = {"identity", "sigmoid", "tanh", "relu", "leaky-relu"}
    for name in ("forward", "backprop"):
        assert {i["hidden"] for i in by[name]} == hidden, name
        assert any(isinstance(i["x"][0], list) for i in by[name]), f"{name}: no batch"
        assert any(not isinstance(i["x"][0], list) for i in by[name]), f"{name}: no single sample"
    assert {i["output"] for i in by["forward"]} == {"identity", "sigmoid", "softmax"}
    pairs = {(i["loss"], i.get("output"), i["wrt"]) for i in by["backprop"]}
    assert {loss for loss, _, _ in pairs} == {"mse", "bce", "cce"}
    assert {wrt for _, _, wrt in pairs} == {"w1", "b1", "w2", "b2"}
    assert {out for loss, out, _ in pairs if loss == "mse"} >= {"identity", "sigmoid", "softmax"}
    assert {out for loss, out, _ in pairs if loss != "mse"} >= {None}, "the default output is exercised"
    for loss in ("mse", "bce", "cce"):
        batched = [i for i in by["backprop"] if i["loss"] == loss and isinstance(i["x"][0], list)]
        assert batched, f"no batch for {loss}"
    assert {i["bias"] for i in by["param-count"]} == {True, False}
