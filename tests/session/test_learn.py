"""``topa learn`` without a terminal: the syllabus, pages, misconceptions, mastery, the check."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from tests.bank.test_study import shared_concepts
from topa_quiz.bank.loader import load_bank
from topa_quiz.bank.model import Text
from topa_quiz.errors import UsageError
from topa_quiz.session.learn import (
    CHECK_COUNT,
    MAX_MISCONCEPTIONS,
    alike,
    bank_whys,
    build_page,
    load_syllabus,
    mastery_map,
    misconceptions,
    plan_check,
    read_accuracy,
    rng_for,
)


@pytest.fixture(scope="module")
def bank():
    bank, problems = load_bank()
    assert not problems
    return bank


@pytest.fixture(scope="module")
def syllabus(bank):
    return load_syllabus(bank)


# ----------------------------------------------------------------- syllabus
def test_every_concept_of_the_notes_and_beyond_can_be_learned(syllabus):
    wanted = shared_concepts()
    assert set(wanted) <= set(syllabus.concepts)
    for cid, concept in wanted.items():
        assert syllabus.concepts[cid] == concept["topic"], cid


def test_topics_and_concepts_keep_the_banks_order(bank, syllabus):
    assert syllabus.topics[: len(bank.topics)] == tuple(bank.topics)
    drilled = [c for c in syllabus.concepts if c in bank.concepts]
    assert drilled == list(bank.concepts)
    assert syllabus.topic_concepts("activation")[:3] == (
        "activation.purpose",
        "activation.linear_collapse",
        "activation.sigmoid",
    )


def test_a_name_is_a_topic_or_a_concept_id(syllabus):
    assert syllabus.resolve("optimizer") == ("topic", "optimizer")
    assert syllabus.resolve("optimizer.adam") == ("concept", "optimizer.adam")


@pytest.mark.parametrize(
    ("name", "guess"),
    [("sigmod", "activation.sigmoid"), ("sigmoid", "activation.sigmoid"), ("activaton", "activation")],
)
def test_an_unknown_name_says_what_was_probably_meant(syllabus, name, guess):
    with pytest.raises(UsageError) as err:
        syllabus.resolve(name)
    assert err.value.key == "learn.unknown_guess" and err.value.values["guess"] == guess
    assert err.value.field == ""  # a positional argument: no flag in front of the line


def test_a_name_nothing_resembles_has_no_guess(syllabus):
    with pytest.raises(UsageError) as err:
        syllabus.resolve("zzzzqqq")
    assert err.value.key == "learn.unknown"


def test_a_bank_concept_without_a_page_gets_its_summary(bank):
    from topa_quiz.bank.study import Study

    syllabus = load_syllabus(bank, Study({}))
    page = syllabus.page("activation.tanh")
    assert page.idea == bank.concepts["activation.tanh"].summary and page.pitfalls == ()


# -------------------------------------------------------------------- pages
def test_the_sigmoid_page_computes_a_fresh_example(syllabus):
    page = build_page(syllabus, "activation.sigmoid", rng_for(11))
    (example,) = page.examples
    calc = example.calculation
    x = float(calc.inputs["x"])
    assert -4 <= x <= 4 and round(x, 1) == x  # the page's form: uniform in [-4, 4], one decimal
    assert calc.result == pytest.approx(1 / (1 + math.exp(-x)), rel=1e-12)
    assert page.plot == "sigmoid" and page.topic == "activation"


def test_a_seed_repeats_the_numbers_and_another_seed_changes_them(syllabus):
    def inputs(seed: int) -> list[object]:
        rng = rng_for(seed)
        return [build_page(syllabus, "optimizer.adam", rng).examples[0].calculation.inputs for _ in range(3)]

    assert inputs(4) == inputs(4)
    assert inputs(4) != inputs(5)


def test_every_numeric_concept_has_a_worked_example(bank, syllabus):
    rng = rng_for(0)
    missing = [
        c.id for c in bank.concepts.values() if c.numeric and not build_page(syllabus, c.id, rng).examples
    ]
    assert missing == []


def test_related_concepts_are_ones_that_can_be_learned(syllabus):
    rng = rng_for(0)
    for cid in syllabus.concepts:
        page = build_page(syllabus, cid, rng)
        assert set(page.related) <= set(syllabus.concepts), cid
        assert cid not in page.related


# ----------------------------------------------------------- misconceptions
def test_misconceptions_start_with_the_pages_pitfalls_then_the_banks_whys(bank, syllabus):
    page = build_page(syllabus, "activation.sigmoid", rng_for(0))
    pitfalls = syllabus.page("activation.sigmoid").pitfalls
    assert page.misconceptions[: len(pitfalls)] == pitfalls
    extra = page.misconceptions[len(pitfalls) :]
    assert extra, "the bank's whys add to the pitfalls"
    whys = {o.why for q in bank.questions for o in q.options if o.why} | {
        d.why for q in bank.questions for d in q.distractors
    }
    assert set(extra) <= whys
    assert any("ReLU" in m.en for m in extra)


def test_misconceptions_are_few_and_never_repeat(syllabus):
    rng = rng_for(0)
    for cid in syllabus.concepts:
        found = build_page(syllabus, cid, rng).misconceptions
        assert len(found) <= MAX_MISCONCEPTIONS, cid
        assert found[: len(syllabus.page(cid).pitfalls)] == syllabus.page(cid).pitfalls, cid
        for i, a in enumerate(found):
            assert not any(alike(a, b) for b in found[i + 1 :]), (cid, a.en)


def test_whys_of_a_not_question_or_with_placeholders_are_left_out(bank):
    whys = bank_whys(bank.questions, "activation.sigmoid")
    texts = [w.en for w in whys]
    assert texts and not any("{" in t for t in texts)
    assert not any("so it is not the answer" in t for t in texts)  # true statements of a NOT question
    assert not any(t.startswith(("This ", "That ")) for t in texts)


def test_a_why_that_repeats_a_pitfall_is_dropped_and_the_limit_holds():
    pitfall = Text("범위는 tanh입니다.", "The range (−1, 1) is that of tanh, not of the sigmoid.")
    same = Text("(−1, 1)은 tanh의 범위입니다.", "(−1, 1) is the range of tanh.")
    topics = ["momentum keeps velocity", "dropout zeroes units", "softmax sums to one", "ReLU bends at zero"]
    other = [Text(f"다른 점 {i}", t) for i, t in enumerate(topics)]
    chosen = misconceptions([pitfall], [same, *other], limit=4)
    assert chosen[0] == pitfall and same not in chosen and len(chosen) == 4


# ------------------------------------------------------------------ mastery
def test_with_nothing_answered_the_first_concept_comes_next(syllabus):
    mastery = mastery_map(syllabus, {})
    assert mastery.reason == "new" and mastery.next.concept == "neuron.dendrite"
    assert all(m.accuracy is None for _, ms in mastery.topics for m in ms)


def test_the_first_concept_never_answered_in_topic_order_comes_next(syllabus, bank):
    answered = {cid: (1, 1) for cid in list(bank.concepts)[:3]}
    mastery = mastery_map(syllabus, answered)
    assert mastery.next.concept == list(bank.concepts)[3] and mastery.reason == "new"
    first = mastery.topics[0][1][0]
    assert (first.right, first.answered, first.accuracy) == (1, 1, 1.0)


def test_once_everything_is_answered_the_weakest_comes_next(syllabus, bank):
    answered = {cid: (3, 4) for cid in bank.concepts}
    answered["loss.mae"] = (1, 4)
    answered["optimizer.adam"] = (2, 8)  # as weak; the one with fewer answers comes first
    mastery = mastery_map(syllabus, answered)
    assert mastery.reason == "weakest" and mastery.next.concept == "loss.mae"


def test_a_concept_without_questions_is_shown_but_never_suggested(bank):
    from topa_quiz.bank.study import load_study

    study, _ = load_study()
    without_tanh = replace(
        bank, questions=tuple(q for q in bank.questions if "activation.tanh" not in q.concepts)
    )
    syllabus = load_syllabus(without_tanh, study)
    answered = {cid: (1, 1) for cid in bank.concepts if cid != "activation.tanh"}
    mastery = mastery_map(syllabus, answered)
    tanh = next(m for _, ms in mastery.topics for m in ms if m.concept == "activation.tanh")
    assert not tanh.drilled and tanh.accuracy is None
    assert mastery.reason == "weakest" and mastery.next.concept != "activation.tanh"


def test_a_missing_database_reads_as_nothing_answered_and_is_not_created(tmp_path):
    from topa_quiz.store.paths import database_path

    assert read_accuracy() == {}
    assert not database_path().exists()


# -------------------------------------------------------------------- check
def test_the_check_asks_three_questions_on_the_concept_itself(syllabus):
    drill = plan_check(syllabus, "concept", "activation.sigmoid", seed=3, lang="en")
    assert len(drill.items) == CHECK_COUNT and drill.mode == "learn"
    # a prefix match would also draw activation.sigmoid_vanishing_gradient questions, and a
    # softmax question that names the sigmoid second is about softmax
    for seed in range(20):
        drill = plan_check(syllabus, "concept", "activation.sigmoid", seed=seed)
        assert {item.question.concepts[0] for item in drill.items} == {"activation.sigmoid"}


def test_the_check_of_a_topic_draws_from_the_topic(syllabus):
    drill = plan_check(syllabus, "topic", "loss", seed=3, lang="ko")
    assert len(drill.items) == CHECK_COUNT
    assert {syllabus.bank.topic_of(item.question) for item in drill.items} == {"loss"}


def test_the_check_is_the_same_for_a_seed(syllabus):
    def ids(seed: int) -> list[str]:
        return [i.question.id for i in plan_check(syllabus, "topic", "optimizer", seed=seed).items]

    assert ids(9) == ids(9)


def test_no_check_where_the_bank_has_no_questions(bank, syllabus):
    without = replace(bank, questions=tuple(q for q in bank.questions if "activation.tanh" not in q.concepts))
    assert plan_check(load_syllabus(without, syllabus.study), "concept", "activation.tanh") is None
