"""make_item on hand-written tiny banks, and numeric grading (session/items.py, grading.py)."""

from __future__ import annotations

import math
import textwrap

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from topa_quiz.bank.loader import load_bank
from topa_quiz.bank.model import Bank, Question, Text
from topa_quiz.engine import compute
from topa_quiz.session.grading import Answer, grade_numeric, parse_number, read_answer
from topa_quiz.session.items import Item, ItemError, format_value, make_item

TINY = """
questions:
  - id: t.static
    concepts: [activation.sigmoid]
    type: choice
    prompt: {ko: 시그모이드의 출력 범위는?, en: The range of sigmoid?}
    options:
      - {ko: '(0, 1)', en: '(0, 1)'}
      - {ko: '(−1, 1)', en: '(−1, 1)', why: {ko: tanh, en: tanh}}
      - {ko: '[0, ∞)', en: '[0, ∞)', why: {ko: ReLU, en: ReLU}}
      - {ko: '(−∞, ∞)', en: '(−∞, ∞)', why: {ko: 선형, en: linear}}
      - {ko: 정답 없음, en: none of these, why: {ko: 있음, en: there is one}, last: true}
    answer: 1
    explanation: {ko: 가, en: a}

  - id: t.numeric
    concepts: [activation.sigmoid]
    type: numeric
    calc: sigmoid
    params:
      x: {uniform: [-3, 3], round: 1}
    decimals: 4
    prompt:
      ko: 'σ({x})의 값은? 집합 {{0, 1}}과 비교하시오.'
      en: 'What is σ({x})? Compare with the set {{0, 1}}.'
    explanation:
      ko: 'σ({x}) = {answer}'
      en: 'σ({x}) = {answer}; {{answer}} is literal'

  - id: t.computed-choice
    concepts: [optimizer.adam]
    type: choice
    calc: adam
    params:
      param: 1.0
      grad: {choice: [0.5, -0.5, 2.0]}
      lr: {choice: [0.1, 0.2]}
    decimals: 4
    prompt:
      ko: 'θ₀ = {param}, g = {grad}, η = {lr}일 때 아담(Adam) 첫 스텝 후 θ는?'
      en: 'θ₀ = {param}, g = {grad}, η = {lr}: θ after Adam''s first step?'
    distractors:
      - params: {bias_correction: false}
        why: {ko: '편향 보정 없이 {grad}', en: 'no bias correction, {grad}'}
      - calc: sgd
        why: {ko: SGD, en: SGD}
      - params: {lr: 0.01}
        why: {ko: 학습률, en: learning rate}
      - calc: sgd
        params: {lr: 1.0}
        why: {ko: 학습률 1, en: learning rate 1}
    explanation: {ko: '{answer}', en: '{answer}'}

  - id: t.negative-zero
    concepts: [activation.tanh]
    type: numeric
    calc: tanh
    params:
      x: {choice: [-0.00001, -0.000001]}
    decimals: 4
    prompt: {ko: 'tanh({x})', en: 'tanh({x})'}
    explanation: {ko: '답 {answer}', en: 'answer {answer}'}

  - id: t.vector
    concepts: [activation.softmax]
    type: numeric
    calc: softmax
    params:
      x: {integers: [0, 3], size: 3}
    pick: 2
    decimals: 3
    prompt: {ko: 'softmax({x})의 셋째 값', en: 'third value of softmax({x})'}
    explanation: {ko: '{answer}', en: '{answer}'}

  - id: t.coinciding
    concepts: [activation.relu]
    type: choice
    calc: relu
    params:
      x: {choice: [-1, -2]}
    decimals: 2
    prompt: {ko: 'ReLU({x})', en: 'ReLU({x})'}
    distractors:
      - calc: leaky-relu
        why: {ko: 리키, en: leaky}
      - calc: step
        why: {ko: 계단, en: step}
    explanation: {ko: '{answer}', en: '{answer}'}
"""


@pytest.fixture(scope="module")
def bank(tmp_path_factory) -> Bank:
    path = tmp_path_factory.mktemp("bank") / "tiny.yaml"
    path.write_text(textwrap.dedent(TINY), encoding="utf-8")
    bank, problems = load_bank([path])
    assert problems == [], "\n".join(map(str, problems))
    return bank


def question(bank: Bank, qid: str) -> Question:
    return next(q for q in bank.questions if q.id == qid)


def item(bank: Bank, qid: str, seed: int = 0, lang: str = "ko") -> Item:
    return make_item(question(bank, qid), bank, np.random.default_rng(seed), lang)


# -------------------------------------------------------------- reproducibility
@pytest.mark.parametrize("qid", ["t.static", "t.numeric", "t.computed-choice", "t.vector"])
def test_the_same_seed_gives_the_same_item(bank, qid):
    for seed in range(10):
        a, b = item(bank, qid, seed), item(bank, qid, seed)
        assert a.params == b.params
        assert a.choices == b.choices
        assert a.answer == b.answer
        assert a.prompt == b.prompt and a.explanation == b.explanation


@pytest.mark.parametrize("qid", ["t.static", "t.numeric", "t.computed-choice"])
def test_different_seeds_give_different_items(bank, qid):
    seen = {(item(bank, qid, seed).prompt, tuple(item(bank, qid, seed).choices)) for seed in range(30)}
    assert len(seen) > 1


def test_both_languages_draw_the_same_parameters(bank):
    ko, en = item(bank, "t.computed-choice", 3, "ko"), item(bank, "t.computed-choice", 3, "en")
    assert ko.params == en.params
    assert [c.text for c in ko.choices] == [c.text for c in en.choices]


# ---------------------------------------------------------------- static choice
def test_static_options_are_shuffled_but_last_stays_last(bank):
    orders = set()
    for seed in range(60):
        it = item(bank, "t.static", seed)
        texts = [c.text for c in it.choices]
        assert texts[-1] == "정답 없음"
        assert sorted(texts) == sorted(["(0, 1)", "(−1, 1)", "[0, ∞)", "(−∞, ∞)", "정답 없음"])
        assert it.choices[it.answer].text == "(0, 1)" and it.choices[it.answer].correct
        assert sum(c.correct for c in it.choices) == 1
        assert all(c.why for c in it.choices if not c.correct)
        orders.add(tuple(texts))
    assert len(orders) >= 10  # the four free options really are shuffled


def test_static_answer_text(bank):
    it = item(bank, "t.static", 1, "en")
    assert it.answer_text().endswith("(0, 1)")
    assert it.answer_text()[0] in "①②③④⑤"


# -------------------------------------------------------------- computed choice
def test_computed_options_are_distinct_and_hold_the_right_value(bank):
    q = question(bank, "t.computed-choice")
    for seed in range(40):
        it = item(bank, "t.computed-choice", seed)
        texts = [c.text for c in it.choices]
        assert 3 <= len(texts) <= 5
        assert len(set(texts)) == len(texts)
        assert sum(c.correct for c in it.choices) == 1
        p = it.params
        expected = compute("adam", param=p["param"], grad=p["grad"], lr=p["lr"]).result
        assert it.choices[it.answer].text == f"{expected:.4f}"
        assert all(len(t.split(".")[1]) == q.decimals for t in texts)
        assert all(c.why for c in it.choices if not c.correct)


def test_distractor_why_is_filled(bank):
    it = item(bank, "t.computed-choice", 5)
    whys = [c.why for c in it.choices if c.why and c.why.startswith("편향")]
    assert whys == [f"편향 보정 없이 {it.params['grad']:g}"]


def test_coinciding_distractors_are_dropped_and_too_few_options_is_an_error(bank):
    # ReLU(-1) = 0 and step(-1) = 0 coincide; leaky-relu is the only distinct wrong value.
    with pytest.raises(ItemError, match="distinct options"):
        item(bank, "t.coinciding", 0)


# ----------------------------------------------------------- text substitution
def test_placeholders_are_filled_and_double_braces_stay_literal(bank):
    for seed in range(10):
        it = item(bank, "t.numeric", seed)
        x = it.params["x"]
        assert it.prompt == f"σ({x:g})의 값은? 집합 {{0, 1}}과 비교하시오."
        assert it.explanation == f"σ({x:g}) = {format_value(it.answer, 4)}"
        en = item(bank, "t.numeric", seed, "en")
        assert en.explanation.endswith("; {answer} is literal")
        assert "{{" not in en.prompt and "}}" not in en.prompt


def test_list_parameters_print_as_lists(bank):
    it = item(bank, "t.vector", 2)
    xs = it.params["x"]
    assert isinstance(xs, list) and len(xs) == 3
    assert it.prompt == "softmax([" + ", ".join(str(v) for v in xs) + "])의 셋째 값"
    e = np.exp(np.array(xs, dtype=float))
    assert it.answer == pytest.approx(e[2] / e.sum())


def test_no_negative_zero_in_answers(bank):
    for seed in range(6):
        it = item(bank, "t.negative-zero", seed)
        assert it.answer < 0
        assert it.answer_text() == "0.0000"
        assert it.explanation == "답 0.0000"


@pytest.mark.parametrize(
    "value, decimals, text",
    [
        (-0.00001, 4, "0.0000"),
        (-0.0, 2, "0.00"),
        (-0.004, 2, "0.00"),
        (-0.005001, 2, "-0.01"),
        (0.5, 4, "0.5000"),
        (-1.23456, 3, "-1.235"),
        (2.0, 0, "2"),
    ],
)
def test_format_value(value, decimals, text):
    assert format_value(value, decimals) == text


def test_a_result_vector_without_pick_is_an_item_error(bank):
    q = question(bank, "t.vector")
    unpicked = Question(**{**q.__dict__, "pick": None})
    with pytest.raises(ItemError, match="pick"):
        make_item(unpicked, bank, np.random.default_rng(0))


# --------------------------------------------------------------------- grading
def numeric_item(answer: float, decimals: int = 4, tol_abs=None, tol_rel=None) -> Item:  # noqa: ANN001
    q = Question(
        id="t.n",
        concepts=("activation.sigmoid",),
        type="numeric",
        prompt=Text("가", "a"),
        explanation=Text("가", "a"),
        calc="sigmoid",
        decimals=decimals,
        tol_abs=tol_abs,
        tol_rel=tol_rel,
    )
    return Item(q, "ko", "", "", "", answer=answer, decimals=decimals)


def test_default_tolerance_is_half_a_unit_of_the_last_decimal():
    it = numeric_item(0.7310585786, 4)
    assert grade_numeric(0.7311, it)
    assert grade_numeric(0.73105, it)
    assert not grade_numeric(0.7312, it)
    assert not grade_numeric(0.7309, it)
    assert not grade_numeric(0.73, it)


def test_explicit_tolerances():
    assert grade_numeric(0.75, numeric_item(0.7310585786, 4, tol_abs=0.02))
    assert not grade_numeric(0.76, numeric_item(0.7310585786, 4, tol_abs=0.02))
    assert grade_numeric(101.0, numeric_item(100.0, 4, tol_rel=0.01))
    assert not grade_numeric(101.5, numeric_item(100.0, 4, tol_rel=0.01))
    assert grade_numeric(0.001, numeric_item(0.0, 4, tol_abs=0.001, tol_rel=0.5))


@settings(max_examples=300)
@given(st.floats(min_value=-1e4, max_value=1e4, allow_nan=False), st.integers(min_value=0, max_value=6))
@example(0.00025, 4)
@example(-0.00004, 4)
def test_the_shown_answer_is_always_graded_right(target, decimals):
    """A learner who types the answer exactly as the quiz shows it is right."""
    it = numeric_item(target, decimals)
    shown = format_value(target, decimals)
    value = parse_number(shown)
    assert value is not None
    assert grade_numeric(value, it), (shown, target)


def test_read_answer_grades_numbers():
    it = numeric_item(0.5, 4)
    for typed in ["0.5", ".5", "1/2", "5e-1", " 0.5000 "]:
        answer = read_answer(typed, it)
        assert isinstance(answer, Answer) and answer.correct, typed
    assert not read_answer("0.4", it).correct
    assert not isinstance(read_answer("0,5", it), Answer)


@pytest.mark.parametrize(
    "text, value",
    [
        ("0.5", 0.5),
        (".5", 0.5),
        ("1/2", 0.5),
        ("5e-1", 0.5),
        ("-0.25", -0.25),
        (" 0.5 ", 0.5),
        ("+2", 2.0),
        ("3.", 3.0),
        ("-1/4", -0.25),
        ("1 / 8", 0.125),
        ("2.5E+2", 250.0),
        ("0.1/0.2", 0.5),
    ],
)
def test_parse_number_accepts(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "0,5",
        "nan",
        "NaN",
        "inf",
        "-inf",
        "Infinity",
        "1e999",
        "-1e999",
        "1/0",
        "0/0",
        "반",
        "",
        "   ",
        "0.5.1",
        "1/2/3",
        "e5",
        "1e",
        "--1",
        "0x10",
        "½",
        "1_000",
        "5%",
        "0.5 0.5",
    ],
)
def test_parse_number_rejects(text):
    assert parse_number(text) is None


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_parse_number_reads_back_any_float(x):
    assert parse_number(repr(x)) == x
    assert parse_number(f" {x!r} ") == x


@given(st.integers(min_value=-(10**6), max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_parse_number_reads_fractions(num, den):
    assert parse_number(f"{num}/{den}") == pytest.approx(num / den, rel=1e-15, abs=1e-300)


@given(st.text(max_size=12))
def test_parse_number_is_finite_or_none(text):
    v = parse_number(text)
    assert v is None or math.isfinite(v)
