"""The plan, today, forecast and notebook pages: what they say, at 60 columns, in both languages."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tests.render.layout import render, widest
from topa_quiz.bank.loader import load_bank
from topa_quiz.i18n import catalog
from topa_quiz.render.plan import plan_cleared_view, plan_saved_view, plan_view, readiness_view, today_view
from topa_quiz.render.study import last_time_line, notebook_view
from topa_quiz.session.notebook import page_for
from topa_quiz.session.planning import PlanCleared, PlanSaved
from topa_quiz.session.readiness import Readiness
from topa_quiz.session.today import Today
from topa_quiz.store.memory import LastAnswer
from topa_quiz.store.plan import Plan

LANGS = ["ko", "en"]
TODAY = date(2027, 3, 1)
READY = Readiness(
    date(2027, 3, 31), 60.0, 62.46, 52.5, 72.5, 0.713, {"activation": 58.04, "loss": 71.0, "network": 40.0}
)


@pytest.fixture(scope="module")
def bank():
    return load_bank()[0]


def text(view, width: int = 60) -> str:  # noqa: ANN001
    lines = render(view, width)
    assert widest(lines) <= width
    return "\n".join(lines)


def flat(view) -> str:  # noqa: ANN001 - words across wrapped lines
    return " ".join(text(view).split())


def today(**changes) -> Today:  # noqa: ANN003
    base = dict(
        today=TODAY,
        exam_date=date(2027, 3, 31),
        days_left=30,
        daily_minutes=20,
        reviews=12,
        new_concepts=("activation.sigmoid", "activation.relu"),
        concepts_left=20,
        exam_due=True,
        last_exam=None,
        readiness=READY,
        stage="learn",
    )
    return Today(**(base | changes))


@pytest.mark.parametrize("lang", LANGS)
def test_today_says_the_days_the_work_the_minutes_and_the_forecast(bank, lang):
    words = catalog(lang)
    out = flat(today_view(today(), bank, words))
    assert words("planner.days_left", n=30) in out
    assert "topa review -n 12" in out and "topa exam" in out
    assert "topa learn activation.sigmoid" in out and "topa learn activation.relu" in out
    assert bank.concepts["activation.sigmoid"].name(lang) in out
    # 12 reviews · 1 + 2 concepts · 6 + 1 exam · 60 = 84 minutes, 64 over the 20 a day
    assert words("today.minutes", n="84", daily=20) in out and words("today.over", n="64") in out
    assert words("today.assumed", review="1", concept="6", exam="60") in out
    assert "62.5" in out and "(52.5–72.5)" in out and words("ready.chance", p="71", mark="60") in out
    assert words("today.advice.learn") in out
    assert words("planner.set_hint") not in out


@pytest.mark.parametrize("lang", LANGS)
def test_today_without_a_plan_takes_today_as_the_exam_day_and_says_how_to_set_one(bank, lang):
    words = catalog(lang)
    r = Readiness(None, 60.0, 30.0, 20.0, 40.0, 0.0, {})
    view = today_view(
        today(exam_date=None, days_left=0, reviews=0, exam_due=False, readiness=r, stage="no_plan"),
        bank,
        words,
    )
    out = flat(view)
    assert words("today.no_plan") in out and words("planner.set_hint") in out
    assert words("today.no_reviews") in out and words("today.mock_half") in out
    assert words("ready.title", when=words("ready.today")) in out


@pytest.mark.parametrize("lang", LANGS)
def test_the_final_week_and_the_exam_day_say_keep_going(bank, lang):
    words = catalog(lang)
    week = flat(today_view(today(days_left=5, exam_date=date(2027, 3, 6), stage="final_week"), bank, words))
    assert words("today.advice.final_week") in week
    day = today(days_left=0, exam_date=TODAY, new_concepts=(), exam_due=False, stage="exam_day")
    out = flat(today_view(day, bank, words))
    assert words("planner.exam_today") in out and words("today.advice.exam_day") in out
    assert words("today.no_new", n=20) in out and words("today.mock_none") in out


@pytest.mark.parametrize("lang", LANGS)
def test_the_plan_pages(lang):
    words = catalog(lang)
    plan = Plan(date(2027, 3, 31), 70.0, 45)
    out = flat(plan_view(plan, TODAY, words))
    assert "2027-03-31" in out and words("planner.days_left", n=30) in out and "70%" in out
    assert words("planner.minutes", n=45) in out
    assert words("planner.set_hint") in flat(plan_view(None, TODAY, words))
    saved = flat(plan_saved_view(PlanSaved(plan, False, 7), TODAY, words))
    assert words("planner.saved") in saved and words("planner.replanned", n=7) in saved
    assert words("planner.replaced") in flat(plan_saved_view(PlanSaved(plan, True, 0), TODAY, words))
    assert "planner.replanned" not in saved and words("planner.replanned", n=0) not in flat(
        plan_saved_view(PlanSaved(plan, True, 0), TODAY, words)
    )
    assert words("planner.restored", n=3) in flat(plan_cleared_view(PlanCleared(True, 3), words))
    assert flat(plan_cleared_view(PlanCleared(False, 0), words)) == words("planner.nothing_to_clear")


@pytest.mark.parametrize("lang", LANGS)
def test_the_forecast_by_topic_has_the_topics_names(bank, lang):
    words = catalog(lang)
    out = text(readiness_view(READY, bank, words))
    for tid, score in (("activation", "58.0"), ("loss", "71.0")):
        row = next(line for line in out.splitlines() if bank.topics[tid].get(lang)[:8] in line)
        assert score in row
    assert "2027-03-31" in out
    assert "network" in text(readiness_view(READY, None, words))  # no bank: the ids


@pytest.mark.parametrize("lang", LANGS)
def test_the_notebook_shows_the_question_your_answer_and_the_right_one(bank, lang):
    words = catalog(lang)
    q = next(q for q in bank.questions if q.id == "activation.sigmoid_vanishing_gradient.derivative-value")
    when = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
    page = page_for(q, LastAnswer(q.id, "0.25", False, {"x": -1}, when), 2, lang)
    out = flat(notebook_view([page], bank, words))
    assert "σ′(-1)" in out and "0.25" in out and "0.1966" in out and q.id in out
    assert words("notebook.times", n=2) in out and words("notebook.drill_hint") in out
    line = flat(last_time_line(page, words))
    assert "0.25" in line and words("notebook.other_numbers") in line and "2027-03-01" in line
    assert "0.1966" not in line  # the line above the question does not give the answer away


def test_bank_text_is_shown_as_text_not_markup(bank):
    q = next(q for q in bank.questions if q.id == "activation.sigmoid_vanishing_gradient.derivative-value")
    page = page_for(q, LastAnswer(q.id, "[bold]x\x1b[2J", False, {"x": 1}, datetime.now(UTC)), 1, "en")
    out = text(notebook_view([page], bank, catalog("en")))
    assert "[bold]x␛[2J" in out
