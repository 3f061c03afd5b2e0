"""The registry is the one description of a calculation (issue 9 point 6)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from topa_quiz.engine import compute
from topa_quiz.engine.registry import CALCS, drawable, markdown_table, names, schema_names, topics

ROOT = Path(__file__).parents[2]
GOLDEN = json.loads((ROOT / "tests" / "golden" / "golden.json").read_text("utf-8"))["cases"]
PATHS = [c for c in GOLDEN if c["name"] in {calc.name for calc in drawable("path")}]


@pytest.mark.parametrize("case", PATHS, ids=[c["id"] for c in PATHS])
def test_an_optimizer_result_carries_its_trajectory(case):
    calc = compute(case["name"], **case["inputs"])
    grads = case["inputs"]["grad"]
    steps = len(grads) if isinstance(grads, list) else 1
    assert len(calc.trajectory) == steps + 1
    assert calc.trajectory[0] == pytest.approx(case["inputs"]["param"])
    assert calc.trajectory[-1] == calc.result
    # the same numbers the θ steps show, as data: no label to parse
    assert list(calc.trajectory) == calc.values("theta")


def test_other_calculations_have_no_trajectory():
    assert compute("sigmoid", x=[0.0, 1.0]).trajectory == ()
    assert compute("mse", y_true=[1.0], y_pred=[2.0]).trajectory == ()


def test_topics_and_names_in_registry_order():
    assert topics() == ("activation", "perceptron", "network", "loss", "optimizer", "generalization")
    assert names() == tuple(c.name for c in CALCS)
    assert len(set(names())) == len(names())
    grouped = [c.name for t in topics() for c in CALCS if c.topic == t]
    assert sorted(grouped) == sorted(names())


def test_the_schema_enum_is_derived_from_the_registry():
    schema = json.loads((ROOT / "question_bank" / "schema.json").read_text("utf-8"))
    assert schema["$defs"]["calcName"]["enum"] == schema_names()


def test_what_can_be_drawn():
    assert {c.name for c in drawable("path")} == {
        "gd",
        "sgd",
        "momentum",
        "adagrad",
        "rmsprop",
        "adam",
        "adamw",
    }
    curves = {c.name: c.derivative for c in drawable("curve")}
    assert curves["sigmoid"] == "sigmoid-derivative" and "softmax" not in curves
    assert all(not d or d in names() for d in curves.values())


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_readme_table_has_one_row_per_calculation(lang):
    lines = markdown_table(lang).splitlines()
    assert lines[1] == "| --- | --- | --- |"
    cells = [re.split(r"(?<!\\)\|", line)[1:-1] for line in lines[2:]]
    assert all(len(row) == 3 for row in cells), "an unescaped | splits a row"
    assert [row[1].strip().strip("`").split()[0] for row in cells] == [
        n for t in topics() for n in names() if next(c for c in CALCS if c.name == n).topic == t
    ]
    assert "`adam --param V --grad G... [--lr 0.001]" in markdown_table(lang)
    assert "`leaky-relu X... [--alpha 0.01]`" in markdown_table(lang)
