"""A question's figure (learning curves): read into the model, checked, in the schema."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import jsonschema
import pytest
import yaml

from topa_quiz.bank.loader import load_bank
from topa_quiz.bank.model import Figure, FigureSeries, Text
from topa_quiz.bank.schema import build_schema

QUESTION = """\
questions:
  - id: generalization.curves.test
    concepts: [generalization.overfitting]
    type: ox
    prompt: {ko: 그림은 과적합을 보여 줍니다., en: The figure shows overfitting.}
    answer: O
    explanation: {ko: 검증 손실이 다시 오릅니다., en: Validation loss rises again.}
    figure:
FIGURE
"""

FIGURE = """\
kind: curves
title: {ko: 학습 곡선, en: Learning curves}
x: {ko: 에포크, en: epoch}
y: {ko: 손실, en: loss}
series:
  - label: {ko: 훈련 손실, en: training loss}
    values: [2.1, 1.4, 1.0, 0.8]
  - label: {ko: 검증 손실, en: validation loss}
    values: [2.2, 1.6, 1.5, 1.7]
"""


def bank_file(tmp_path: Path, figure: str) -> Path:
    path = tmp_path / "fig.yaml"
    path.write_text(
        QUESTION.replace("FIGURE", textwrap.indent(figure, " " * 6).rstrip("\n")), encoding="utf-8"
    )
    return path


def problems(tmp_path: Path, figure: str) -> list[str]:
    return [f"{p.line}: {p.message}" for p in load_bank([bank_file(tmp_path, figure)], use_cache=False)[1]]


def test_a_figure_is_read_into_the_model(tmp_path):
    bank, found = load_bank([bank_file(tmp_path, FIGURE)], use_cache=False)
    assert found == []
    q = next(q for q in bank.questions if q.id == "generalization.curves.test")
    assert q.figure == Figure(
        kind="curves",
        x=Text("에포크", "epoch"),
        y=Text("손실", "loss"),
        series=(
            FigureSeries(Text("훈련 손실", "training loss"), (2.1, 1.4, 1.0, 0.8)),
            FigureSeries(Text("검증 손실", "validation loss"), (2.2, 1.6, 1.5, 1.7)),
        ),
        title=Text("학습 곡선", "Learning curves"),
    )


def test_a_figure_comes_back_the_same_from_the_cache(tmp_path):
    path = bank_file(tmp_path, FIGURE)
    first = load_bank([path])[0]
    assert load_bank([path])[0] == first  # the second load is served by the cache


def test_the_title_is_optional(tmp_path):
    assert problems(tmp_path, FIGURE.replace("title: {ko: 학습 곡선, en: Learning curves}\n", "")) == []


PREFIX = "question generalization.curves.test figure"
SIX = "".join(f"  - label: {{ko: 곡선{i}, en: curve {i}}}\n    values: [1, 2]\n" for i in range(7))
BROKEN = {
    "unknown kind": (FIGURE.replace("kind: curves", "kind: bars"), f"9: {PREFIX}: 'kind' must be one of curves, got 'bars'"),
    "no x": (FIGURE.replace("x: {ko: 에포크, en: epoch}\n", ""), f"9: {PREFIX}: missing 'x' (text: {{ko, en}})"),
    "label without en": (FIGURE.replace("en: training loss", "jp: 訓練"), f"14: {PREFIX} series 1: unknown language 'jp' in 'label' (use ko and en)"),
    "no series": (FIGURE.split("series:")[0] + "series: []\n", f"13: {PREFIX}: 'series' must be a list of 1 to 6 series"),
    "seven series": (FIGURE.split("series:")[0] + "series:\n" + SIX, f"14: {PREFIX}: 'series' must be a list of 1 to 6 series"),
    "unequal lengths": (FIGURE.replace("1.5, 1.7]", "1.5]"), f"17: {PREFIX} series 2: 3 values, but series 1 has 4: every series of a figure needs the same length"),
    "one value": (FIGURE.replace("[2.1, 1.4, 1.0, 0.8]", "[2.1]"), f"15: {PREFIX} series 1: 'values' must be 2 to 200 finite numbers, got a list"),
    "201 values": (FIGURE.replace("[2.1, 1.4, 1.0, 0.8]", str([1.0] * 201)), f"15: {PREFIX} series 1: 'values' must be 2 to 200 finite numbers, got a list"),
    "infinity": (FIGURE.replace("1.0, 0.8]", "1.0, .inf]"), f"15: {PREFIX} series 1: 'values' must be 2 to 200 finite numbers, got a list"),
    "not a number": (FIGURE.replace("1.0, 0.8]", "1.0, high]"), f"15: {PREFIX} series 1: 'values' must be 2 to 200 finite numbers, got a list"),
    "a typo": (FIGURE.replace("series:", "serie:"), f"13: {PREFIX}: unknown field 'serie'; did you mean 'series'?"),
    "not a mapping": ("[1, 2]\n", f"9: {PREFIX}: must be a mapping (kind, x, y, series)"),
}  # fmt: skip


@pytest.mark.parametrize(("figure", "message"), BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_figure_is_one_problem_at_its_line(tmp_path, figure, message):
    assert message in problems(tmp_path, figure)


# equal lengths are the loader's rule alone: JSON Schema cannot compare two arrays' lengths
SCHEMA_BROKEN = {k: v for k, v in BROKEN.items() if k != "unequal lengths"}


@pytest.mark.parametrize(("figure", "message"), SCHEMA_BROKEN.values(), ids=SCHEMA_BROKEN.keys())
def test_the_schema_rejects_the_same_figures(tmp_path, figure, message):
    validator = jsonschema.Draft202012Validator(build_schema())
    good = yaml.safe_load(bank_file(tmp_path, FIGURE).read_text(encoding="utf-8"))
    assert list(validator.iter_errors(good)) == []
    doc = yaml.safe_load(bank_file(tmp_path, figure).read_text(encoding="utf-8"))
    assert list(validator.iter_errors(json.loads(json.dumps(doc, default=str)))) != []
