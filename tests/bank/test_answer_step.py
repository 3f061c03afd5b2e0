"""`answer_step`: a computed question whose answer is a worked step (Adam's m̂, v̂, m, v).

Golden values are hand derivations: after Adam's first step from m₀ = v₀ = 0,
m₁ = (1 − β₁)·g and v₁ = (1 − β₂)·g², so m̂₁ = m₁/(1 − β₁) = g and v̂₁ = v₁/(1 − β₂) = g²
whatever the betas. Carried state m₂ = 0.1, v₂ = 0.01 (step 2) and g₃ = 0.5 with the
defaults: m₃ = 0.9·0.1 + 0.1·0.5 = 0.14, m̂₃ = 0.14/(1 − 0.9³) = 0.14/0.271.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from topa_quiz.bank.codec import decode, encode
from topa_quiz.bank.draw import DrawError, draw
from topa_quiz.bank.loader import load_bank
from topa_quiz.bank.model import Bank, Distractor, Question, Text
from topa_quiz.bank.validate import validate
from topa_quiz.session.items import make_item

M_HAT = """
  - id: t.m-hat
    concepts: [optimizer.adam]
    type: numeric
    calc: adam
    params:
      param: 1.0
      grad: {choice: [0.5, -0.3, 2.0]}
      beta1: {choice: [0.9, 0.8]}
    answer_step: m_hat
    decimals: 4
    prompt: {ko: 'g₁ = {grad}일 때 m̂₁은?', en: 'With g₁ = {grad}, m̂₁?'}
    explanation: {ko: '{answer}', en: '{answer}'}
"""

V_HAT_CHOICE = """
  - id: t.v-hat
    concepts: [optimizer.adam]
    type: choice
    calc: adam
    params:
      param: 1.0
      grad: {choice: [0.5, -0.3, 3.0]}
    answer_step: v_hat
    decimals: 4
    prompt: {ko: 'g₁ = {grad}일 때 v̂₁은?', en: 'With g₁ = {grad}, v̂₁?'}
    distractors:
      - answer_step: theta
        why: {ko: θ₁, en: θ₁}
      - answer_step: m_hat
        why: {ko: 1차 모멘트, en: the first moment}
      - answer_step: v
        why: {ko: 보정 전 v, en: v before correction}
    explanation: {ko: '{answer}', en: '{answer}'}
"""

CARRIED = """
  - id: t.carried
    concepts: [optimizer.adam]
    type: numeric
    calc: adam
    params: {param: 1.0, grad: 0.5, m: 0.1, v: 0.01, step: 2}
    answer_step: m_hat
    decimals: 6
    prompt: {ko: 가, en: a}
    explanation: {ko: 가, en: a}
"""

VECTOR = """
  - id: t.vector
    concepts: [optimizer.adam]
    type: numeric
    calc: adam
    params: {param: [1.0, 2.0], grad: [[0.5, -1.5]]}
    answer_step: v_hat
    pick: 1
    decimals: 4
    prompt: {ko: 가, en: a}
    explanation: {ko: 가, en: a}
"""


def write(tmp_path: Path, *questions: str) -> Path:
    path = tmp_path / "q.yaml"
    path.write_text("questions:\n" + "".join(q.lstrip("\n") for q in questions), encoding="utf-8")
    return path


def loaded(tmp_path: Path, *questions: str) -> Bank:
    bank, problems = load_bank([write(tmp_path, *questions)], use_cache=False)
    assert problems == [], "\n".join(map(str, problems))
    return bank


def question(bank: Bank, qid: str) -> Question:
    return next(q for q in bank.questions if q.id == qid)


def test_m_hat_after_the_first_step_is_the_gradient(tmp_path):
    q = question(loaded(tmp_path, M_HAT), "t.m-hat")
    assert q.answer_step == "m_hat"
    for k in range(12):
        d = draw(q, np.random.default_rng(k))
        assert d.value == pytest.approx(d.params["grad"], abs=1e-12)
        assert d.value != pytest.approx(d.calculation.result)  # not θ₁


def test_v_hat_after_the_first_step_is_the_squared_gradient_and_distractors_use_their_steps(tmp_path):
    q = question(loaded(tmp_path, V_HAT_CHOICE), "t.v-hat")
    for k in range(12):
        d = draw(q, np.random.default_rng(k))
        g = d.params["grad"]
        assert d.value == pytest.approx(g * g, abs=1e-12)
        wrong = {x.why.en: float(text) for text, x in d.wrong}
        assert wrong["the first moment"] == pytest.approx(g, abs=5e-5)  # m̂₁ = g
        assert wrong["v before correction"] == pytest.approx(0.001 * g * g, abs=1e-4)  # v₁ = (1 − β₂)g²


def test_the_item_shows_the_step_as_its_answer(tmp_path):
    bank = loaded(tmp_path, V_HAT_CHOICE)
    item = make_item(question(bank, "t.v-hat"), bank, np.random.default_rng(3))
    g = float(item.params["grad"])
    assert item.choices[item.answer].text == f"{g * g:.4f}"


def test_carried_state_continues_the_bias_correction(tmp_path):
    q = question(loaded(tmp_path, CARRIED), "t.carried")
    assert draw(q, np.random.default_rng(0)).value == pytest.approx(0.14 / 0.271, abs=1e-12)


def test_pick_chooses_an_element_of_a_vector_step(tmp_path):
    q = question(loaded(tmp_path, VECTOR), "t.vector")
    assert draw(q, np.random.default_rng(0)).value == pytest.approx(2.25, abs=1e-12)  # (−1.5)²


def test_a_vector_step_without_pick_is_a_draw_error(tmp_path):
    q = question(loaded(tmp_path, VECTOR.replace("    pick: 1\n", "")), "t.vector")
    with pytest.raises(DrawError, match="step 'v_hat' of 'adam' gives 2 values"):
        draw(q, np.random.default_rng(0))


def test_a_key_the_calculation_never_writes_is_reported_at_its_question(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path, M_HAT.replace("answer_step: m_hat", "answer_step: mhat"))
    assert load_bank([path], use_cache=False)[1] == []  # a well-formed key; only drawing finds it
    problems = validate([Path("q.yaml")])[1]
    assert len(problems) == 1, problems
    p = problems[0]
    assert (p.file, p.line) == ("q.yaml", 2)
    assert "answer_step 'mhat'" in p.message and "m_hat" in p.message  # the keys it has
    assert str(p).startswith("q.yaml:2:")


def test_a_distractor_key_the_calculation_never_writes_is_reported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, V_HAT_CHOICE.replace("answer_step: m_hat", "answer_step: first_moment"))
    problems = validate([Path("q.yaml")])[1]
    assert len(problems) == 1, problems
    assert (problems[0].file, problems[0].line) == ("q.yaml", 2)
    assert "distractor 2" in problems[0].message and "first_moment" in problems[0].message


def test_a_distractor_of_another_calculation_needs_its_own_step(tmp_path, monkeypatch):
    """SGD writes no m̂: naming the question's step there is an authoring mistake, not a skip."""
    monkeypatch.chdir(tmp_path)
    sgd = "      - calc: sgd\n        params: {lr: 0.1}\n        why: {ko: SGD, en: SGD}\n"
    text = V_HAT_CHOICE.replace("    explanation: {ko: '{answer}'", sgd + "    explanation: {ko: '{answer}'")
    write(tmp_path, text)
    problems = validate([Path("q.yaml")])[1]
    assert len(problems) == 1 and "distractor 4" in problems[0].message and "'sgd'" in problems[0].message


@pytest.mark.parametrize("bad", ["M-hat", "3", "[m]"])
def test_a_malformed_key_is_reported_at_the_field(tmp_path, bad):
    path = write(tmp_path, M_HAT.replace("answer_step: m_hat", f"answer_step: {bad}"))
    problems = load_bank([path], use_cache=False)[1]
    hits = [p for p in problems if "'answer_step'" in p.message]
    assert len(hits) == 1, problems
    assert hits[0].line == 10  # the answer_step line of the file


def test_answer_steps_survive_the_cache_codec():
    t = Text("가", "a")
    q = Question(
        id="t.c",
        concepts=("optimizer.adam",),
        type="choice",
        prompt=t,
        explanation=t,
        calc="adam",
        params={"param": 1.0, "grad": 0.5},
        answer_step="v_hat",
        distractors=(Distractor(t, answer_step="m_hat"), Distractor(t, params={"bias_correction": False})),
    )
    back = decode(json.loads(json.dumps(encode(q, Question))), Question)
    assert back == q
    assert back.answer_step == "v_hat" and back.distractors[0].answer_step == "m_hat"
    assert back.distractors[1].answer_step is None
