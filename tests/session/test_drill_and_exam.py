"""The application layer without a terminal: drills and exams driven line by line, fake clocks."""

from __future__ import annotations

import pytest

from topa_quiz.bank.loader import load_bank
from topa_quiz.errors import UsageError
from topa_quiz.session.drill import Ended, Graded, Hint, Notice, Skipped
from topa_quiz.session.exam import Deadline, ExamResult
from topa_quiz.session.grading import Invalid
from topa_quiz.session.plan import ExamOptions, QuizOptions, plan_exam, plan_quiz


class FakeClock:
    """Seconds that pass only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def tick(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(scope="module")
def bank():
    bank, problems = load_bank()
    assert not problems
    return bank


def right(item) -> str:
    """The right reply: an option's number, O/X, or the value."""
    return str(int(item.answer) + 1) if item.choices else item.answer_text()


def test_a_drill_records_each_attempt_with_its_own_time(bank):
    clock, recorded = FakeClock(), []
    drill = plan_quiz(bank, QuizOptions(count=3, seed=5, lang="en"), record=recorded.append, clock=clock)
    drill.start()
    clock.tick(7.5)
    first = drill.submit(right(drill.current))
    clock.tick(2.0)
    skipped = drill.submit("s")
    assert isinstance(first, Graded) and first.answer.correct and first.attempt.seconds == 7.5
    assert isinstance(skipped, Skipped) and skipped.attempt.skipped and skipped.attempt.seconds == 2.0
    assert recorded == [first.attempt, skipped.attempt]
    clock.tick(1.0)
    assert isinstance(drill.submit("q"), Ended)
    assert drill.finished and drill.summary.ended_early and drill.summary.seconds == 10.5
    assert drill.summary.right == 1


def test_invalid_input_hints_and_the_early_plot_are_not_attempts(bank):
    recorded = []
    drill = plan_quiz(
        bank,
        QuizOptions(count=1, concepts=("activation.sigmoid",), types=("numeric",), seed=1, lang="ko"),
        record=recorded.append,
    )
    assert isinstance(drill.submit("1,5"), Invalid)
    assert isinstance(drill.submit("x" * 500), Invalid)  # too long: refused, never stored
    hint = drill.submit("?")
    assert isinstance(hint, Hint) and hint.text
    notice = drill.submit("p")
    assert isinstance(notice, Notice) and notice.key == "prompt.plot_after_answer"
    assert recorded == [] and drill.number == 1


def test_full_width_digits_count_for_every_kind_and_other_scripts_for_none(bank):
    drill = plan_quiz(bank, QuizOptions(count=1, types=("choice",), seed=2, lang="en"))
    item = drill.current
    wide = chr(ord("０") + int(item.answer) + 1)  # the option's number, full width
    assert isinstance(drill.submit("٣"), Invalid)  # Arabic-Indic three: not an answer
    event = drill.submit(wide)
    assert isinstance(event, Graded) and event.answer.correct


def test_a_missed_computed_question_comes_back_with_new_numbers(bank):
    drill = plan_quiz(
        bank, QuizOptions(count=1, concepts=("activation.sigmoid",), types=("numeric",), seed=3, lang="en")
    )
    first = drill.current
    event = drill.submit("123456")
    assert isinstance(event, Graded) and not event.answer.correct and drill.finished
    assert drill.can_retry(event)
    again = drill.retry(first)
    assert drill.current is again and not drill.finished and drill.summary.planned == 2
    assert again.question is first.question


def test_the_exam_ends_at_its_deadline_and_late_answers_do_not_count(bank):
    clock, recorded = FakeClock(), []
    exam = plan_exam(
        bank, ExamOptions(count=4, minutes=1, seed=1, lang="en"), record=recorded.append, clock=clock
    )
    exam.start()
    clock.tick(30)
    assert isinstance(exam.submit(right(exam.current)), Graded)
    clock.tick(31)  # 61 s: the time is up
    late = exam.submit(right(exam.current))
    assert late == Ended("time") and exam.finished
    result = exam.result
    assert isinstance(result, ExamResult)
    assert (result.total, result.right, result.answered, result.timed_out) == (4, 1, 1, True)
    assert result.percent == 25.0 and not result.passed and not result.abandoned
    assert result.seconds == 60.0  # capped at the limit
    assert len(recorded) == 1
    assert exam.result is result  # computed once


def test_the_exam_gives_no_hints_and_scores_over_all_questions(bank):
    clock = FakeClock()
    exam = plan_exam(bank, ExamOptions(count=5, minutes=10, pass_mark=40, seed=2, lang="en"), clock=clock)
    exam.start()
    hint = exam.submit("?")
    assert isinstance(hint, Hint) and hint.text == ""
    for _ in range(2):
        exam.submit(right(exam.current))
    exam.end("quit")
    result = exam.result
    assert (result.right, result.total, result.passed, result.abandoned) == (2, 5, True, True)
    assert sum(n for _, n in result.by_topic.values()) == 5


def test_deadline_on_a_fake_clock():
    clock = FakeClock()
    deadline = Deadline(90, clock)
    clock.tick(89.5)
    assert not deadline.expired() and deadline.remaining() == 0.5
    clock.tick(0.5)
    assert deadline.expired()


@pytest.mark.parametrize(
    ("options", "field"),
    [
        (QuizOptions(count=0), "count"),
        (QuizOptions(count=501), "count"),
        (QuizOptions(seed=-1), "seed"),
        (QuizOptions(seed=2**80), "seed"),
        (QuizOptions(topics=("nope",)), "topics"),
        (QuizOptions(concepts=("sigmoid",)), "concepts"),
        (QuizOptions(types=("essay",)), "types"),
    ],
)
def test_bad_options_are_domain_errors_naming_the_field_not_a_flag(bank, options, field):
    with pytest.raises(UsageError) as caught:
        plan_quiz(bank, options)
    assert caught.value.field == field
    assert "--" not in caught.value.message


def test_a_concept_tail_suggests_the_full_id(bank):
    with pytest.raises(UsageError) as caught:
        plan_quiz(bank, QuizOptions(concepts=("sigmoid",)))
    assert caught.value.values["guess"] == "activation.sigmoid"


@pytest.mark.parametrize(
    ("options", "field"),
    [
        (ExamOptions(count=201), "count"),
        (ExamOptions(minutes=0), "minutes"),
        (ExamOptions(minutes=float("nan")), "minutes"),
        (ExamOptions(pass_mark=101), "pass_mark"),
    ],
)
def test_bad_exam_options(bank, options, field):
    with pytest.raises(UsageError) as caught:
        plan_exam(bank, options)
    assert caught.value.field == field


def test_a_computed_question_hints_at_its_first_step_in_symbols(bank):
    drill = plan_quiz(
        bank,
        QuizOptions(count=1, concepts=("loss.binary_cross_entropy",), types=("numeric",), seed=1, lang="en"),
    )
    hint = drill.submit("?")
    assert isinstance(hint, Hint)
    assert hint.text == "ℓᵢ = −[yᵢ·ln pᵢ + (1 − yᵢ)·ln(1 − pᵢ)]"
    assert not any(ch.isdigit() for ch in hint.text.replace("1 −", ""))  # symbols, not the numbers


def test_a_hint_with_brackets_is_shown_as_written():
    from rich.console import Console

    from topa_quiz.i18n import catalog
    from topa_quiz.render.quiz import hint_text

    console = Console(width=80, record=True, color_system=None)
    console.print(hint_text(None, "−[y·ln p + (1 − y)·ln(1 − p)] [/]", catalog("en")))
    assert "−[y·ln p + (1 − y)·ln(1 − p)] [/]" in console.export_text()
