"""Feedback on a numeric answer: how far off, in words, and rounding told apart from a mistake."""

from __future__ import annotations

import numpy as np
import pytest
from rich.console import Console

from topa_quiz.bank.loader import load_bank
from topa_quiz.i18n import catalog
from topa_quiz.session.grading import closeness, read_answer, rounding_only
from topa_quiz.session.items import make_item

BANK = """\
topics:
  drill: {ko: 연습, en: Drill}
concepts:
  - id: drill.basics
    topic: drill
    ko: 기초
    en: basics
    summary: {ko: 요약입니다., en: A summary.}
questions:
  - id: drill.sigmoid
    concepts: [drill.basics]
    type: numeric
    calc: sigmoid
    params: {x: 0.3}
    decimals: 4
    prompt: {ko: "σ({x})를 구하십시오.", en: "Compute σ({x})."}
    explanation: {ko: "답은 {answer}입니다.", en: "The answer is {answer}."}
"""


@pytest.fixture(scope="module")
def item(tmp_path_factory):
    path = tmp_path_factory.mktemp("bank") / "b.yaml"
    path.write_text(BANK, encoding="utf-8")
    bank, problems = load_bank([path])
    assert not problems
    question = next(q for q in bank.questions if q.id == "drill.sigmoid")
    return make_item(question, bank, np.random.default_rng(0), "en")  # σ(0.3) = 0.574443


def test_an_answer_rounded_too_early_is_told_so(item):
    assert item.answer_text() == "0.5744"
    assert rounding_only(0.57, item)  # 0.574443 to 2 decimals
    assert rounding_only(0.574, item)
    assert not rounding_only(0.58, item)  # a wrong value, not a rounding
    assert not rounding_only(0.5744, item)  # right: nothing to tell
    assert not rounding_only(0.5, item)  # 0.574443 to 1 decimal is 0.6


def test_the_feedback_names_the_decimals_asked(item):
    from topa_quiz.render.quiz import feedback

    answer = read_answer("0.57", item, "en")
    console = Console(width=100, record=True, color_system=None)
    console.print(feedback(item, answer, catalog("en")))
    text = console.export_text()
    assert "Rounded too early: the question asks for 4 decimals." in text
    assert "0.004443 below the answer" in text


def test_a_gap_finer_than_the_decimals_is_still_said(item):
    words = catalog("en")
    assert closeness(float(item.answer) + 1e-7, item, words) == "1e-7 above the answer"
