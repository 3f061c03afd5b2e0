"""The network calculations through the real ``topa calc`` command."""

from __future__ import annotations

import json

import pytest


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    """These tests read the English words; the Korean ones are tested with the catalog."""
    monkeypatch.setenv("TOPA_LANG", "en")


RELU_NET = ["--x", "1,2", "--w1", "0.5,-0.5;1,0.5", "--b1", "0,-1", "--w2", "2,-1", "--b2", "0.5"]


def test_neuron(run) -> None:
    r = run("calc", "neuron", "--x", "1,2", "--w", "0.5,-0.2", "--b", "0.1")
    assert r.exit_code == 0, r.output
    assert "result 0.5498339973" in r.output  # σ(0.5 − 0.4 + 0.1) = σ(0.2)
    assert "1/(1 + e^(-0.2)) = 1/(1 + 0.818731)" in r.output


def test_forward_single_and_batch(run) -> None:
    r = run("calc", "forward", *RELU_NET)
    assert r.exit_code == 0, r.output
    assert "result -0.5" in r.output
    # the same network on a batch: [1, 2] again and [0, 0] (z₁ = [0, −1], h = 0, ŷ = 0.5)
    batch = ["--x", "1,2;0,0", *RELU_NET[2:]]
    data = json.loads(run("calc", "forward", *batch, "--output", "identity", "--json").stdout)
    assert data["result"] == [[-0.5], [0.5]]


def test_backprop_json(run) -> None:
    r = run("calc", "backprop", *RELU_NET, "--y-true", "1", "--loss", "mse", "--wrt", "w1", "--json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["result"] == [[0.0, 0.0], [3.0, 6.0]]  # worked by hand in test_network.py
    assert [s["label"] for s in data["steps"]][4:6] == ["L = (1/n)·Σ(ŷ − y)²", "δ₂ = 2(ŷ − y)/n"]


@pytest.mark.parametrize(("extra", "result"), [([], "101770"), (["--no-bias"], "101632")])
def test_param_count(run, extra: list[str], result: str) -> None:
    r = run("calc", "param-count", "--layers", "784,128,10", *extra)
    assert r.exit_code == 0, r.output
    assert f"result {result}\n" in r.output


def test_sigmoid_chain(run) -> None:
    data = json.loads(run("calc", "sigmoid-chain", "--layers", "4", "--json").stdout)
    assert data["result"] == 0.25**4


def test_listed_and_helped(run) -> None:
    listing = run("calc").output
    for name in ("neuron", "forward", "backprop", "param-count", "sigmoid-chain"):
        assert name in listing
    text = " ".join(run("calc", "backprop", "--help").output.split())
    assert "one-hot" in text and "not class indices" in text and "At most 64" in text
    assert "σ′ ≤ 0.25" in " ".join(run("calc", "sigmoid-chain", "--help").output.split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["backprop", *RELU_NET, "--y-true", "1", "--loss", "bce", "--output", "identity", "--wrt", "w1"],
         "error: --output: BCE goes with a sigmoid output, not identity"),
        (["forward", *RELU_NET[:2], "--w1", "1,2,3", *RELU_NET[4:]], "error: --w1: has rows of 3 but x has 2 inputs"),
        (["forward", *RELU_NET, "--hidden", "step"], "error: --hidden: expected one of"),
        (["backprop", *RELU_NET, "--y-true", "1,0", "--loss", "mse", "--wrt", "w1"], "error: --y-true: has 2 values"),
        (["backprop", *RELU_NET, "--y-true", "1", "--loss", "mse"], "error: --wrt: missing"),
        (["param-count", "--layers", "784,12.5"], "error: --layers: sizes are whole numbers"),
        (["neuron", "--x", "1,2", "--w", "1"], "error: --w: has 1 weights but x has 2 inputs"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_exit_2(run, args: list[str], message: str) -> None:
    r = run("calc", *args, env={"TOPA_LANG": "en"})
    assert r.exit_code == 2
    assert r.stdout == ""
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, r.stderr
    assert message in lines[0]


def test_a_network_error_is_worded_in_korean_too(run) -> None:
    args = [
        "calc",
        "backprop",
        *RELU_NET,
        "--y-true",
        "1",
        "--loss",
        "bce",
        "--output",
        "identity",
        "--wrt",
        "w1",
    ]
    r = run(*args, env={"TOPA_LANG": "ko"})
    assert r.exit_code == 2
    assert (
        r.stderr.strip()
        == "오류: --output: BCE에는 sigmoid 출력이 짝입니다. identity은(는) 맞지 않습니다. --output을 빼십시오"
    )
