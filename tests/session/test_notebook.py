"""The notebook's pages: the question with the last attempt's numbers, the answer given, the right one."""

from __future__ import annotations

import math
from datetime import UTC, datetime

import pytest

from topa_quiz.bank.loader import load_bank
from topa_quiz.session.grading import Answer
from topa_quiz.session.notebook import CHOSEN, chosen_params, notebook_pages, page_for
from topa_quiz.session.plan import QuizOptions, plan_quiz
from topa_quiz.session.progress import NotebookEntry
from topa_quiz.store.memory import LastAnswer

WHEN = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
DERIVATIVE = "activation.sigmoid_vanishing_gradient.derivative-value"
DERIVATIVE_CHOICE = "activation.sigmoid_vanishing_gradient.derivative-choice"


@pytest.fixture(scope="module")
def bank():
    return load_bank()[0]


def by_id(bank, qid):  # noqa: ANN001, ANN201
    return next(q for q in bank.questions if q.id == qid)


def last(qid: str, given: str, params: dict) -> LastAnswer:
    return LastAnswer(qid, given, False, params, WHEN)


def sigmoid_derivative(x: float) -> float:
    s = 1.0 / (1.0 + math.exp(-x))
    return s * (1.0 - s)


def test_a_computed_question_comes_back_with_the_numbers_it_was_asked_with(bank):
    q = by_id(bank, DERIVATIVE)
    page = page_for(q, last(q.id, "0.1", {"x": -1}), 2, "en")
    assert "σ′(-1)" in page.prompt and "{x}" not in page.prompt and page.filled
    assert page.answer == f"{sigmoid_derivative(-1):.4f}" == "0.1966"  # by hand: 0.268941 · 0.731059
    assert (page.given, page.given_position, page.times_wrong) == ("0.1", False, 2)
    ko = page_for(q, last(q.id, "0.1", {"x": 2}), 1, "ko")
    assert "σ′(2)의 값" in ko.prompt and ko.answer == f"{sigmoid_derivative(2):.4f}"


def test_numbers_that_cannot_be_computed_again_leave_the_prompt_as_written(bank):
    q = by_id(bank, DERIVATIVE)
    page = page_for(q, last(q.id, "0.1", {"x": "junk"}), 1, "en")
    assert page.answer is None and not page.filled and "{x}" in page.prompt
    assert page_for(q, last(q.id, "0.1", {}), 1, "en").answer is None  # a row without params


def test_a_written_choice_records_the_option_as_the_bank_writes_it(bank):
    seen = 0
    for seed in range(6):
        for lang in ("ko", "en"):
            drill = plan_quiz(bank, QuizOptions(count=5, types=("choice",), seed=seed, lang=lang))
            for item in drill.items:
                if item.question.computed:
                    continue
                for k, choice in enumerate(item.choices):
                    j = chosen_params(item, Answer(str(k + 1), choice.correct, choice=k))[CHOSEN]
                    assert item.question.options[j - 1].text.get(lang) == choice.text
                    assert (j == item.question.answer) == choice.correct
                    seen += 1
    assert seen > 20


def test_a_computed_choice_records_the_value_shown_and_other_kinds_nothing(bank):
    import numpy as np

    from topa_quiz.session.items import make_item

    item = make_item(by_id(bank, DERIVATIVE_CHOICE), bank, np.random.default_rng(1), "en")
    assert chosen_params(item, Answer("2", item.choices[1].correct, choice=1)) == {
        CHOSEN: item.choices[1].text
    }
    float(item.choices[1].text)  # a value, the same in every language
    ox = next(q for q in bank.questions if not q.options and not q.computed)
    ox_item = make_item(ox, bank, np.random.default_rng(1), "en")
    assert chosen_params(ox_item, Answer("O", True)) == {}  # no option chosen: O/X, a number
    assert chosen_params(item, None) == {}  # a skip


def test_the_drill_records_what_a_choice_answer_chose(bank):
    recorded = []
    drill = plan_quiz(
        bank, QuizOptions(count=3, types=("choice",), seed=5, lang="en"), record=recorded.append
    )
    for _ in range(3):
        drill.submit("1")
    for attempt, item in zip(recorded, drill.items, strict=True):
        page = page_for(item.question, last(item.question.id, attempt.given, attempt.params), 1, "en")
        assert page.given == item.choices[0].text and not page.given_position  # what was shown as ①
        assert set(attempt.params) - {CHOSEN} == set(item.params)


def test_an_old_choice_answer_is_shown_as_its_position_then(bank):
    q = by_id(bank, DERIVATIVE_CHOICE)
    page = page_for(q, last(q.id, "3", {"x": 0.8}), 1, "en")
    assert (page.given, page.given_position) == ("3", True)
    assert page.answer == f"{sigmoid_derivative(0.8):.4f}"
    static = next(q for q in bank.questions if q.options and not q.computed)
    page = page_for(static, last(static.id, "2", {CHOSEN: static.answer}), 1, "ko")
    assert page.given == page.answer == static.options[static.answer - 1].text.ko


def test_pages_follow_the_notebook_and_skip_questions_gone_from_the_bank(bank):
    q = by_id(bank, DERIVATIVE)
    entries = [
        NotebookEntry("gone", WHEN, 1),
        NotebookEntry(q.id, WHEN, 3),
        NotebookEntry("unanswered", WHEN, 1),
    ]
    pages = notebook_pages(bank, entries, {q.id: last(q.id, "1", {"x": 0})}, "en")
    assert [(p.question.id, p.times_wrong, p.answer) for p in pages] == [(q.id, 3, "0.2500")]
