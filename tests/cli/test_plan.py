"""``topa plan``, ``topa today``, the forecast in ``topa stats`` and the notebook, through the real root command."""

from __future__ import annotations

import io
import json
import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime, timedelta

import pytest

from topa_quiz.session.deadline import exam_moment
from topa_quiz.session.drill import Attempt
from topa_quiz.store.paths import database_path


def local_today() -> date:
    return datetime.now().astimezone().date()


def later(days: int) -> str:
    return (local_today() + timedelta(days=days)).isoformat()


def one_error_line(r) -> str:  # noqa: ANN001 - a click Result
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert "Traceback" not in r.stderr
    return lines[0]


def rows(sql: str) -> list[tuple]:
    with closing(sqlite3.connect(database_path())) as conn:
        return conn.execute(sql).fetchall()


def history() -> None:
    """An hour ago: a right O/X answered fast (Easy: due in days), a wrong numeric with x = -1 (due now)."""
    from topa_quiz.store.recorder import open_recorder

    rec = open_recorder("quiz", clock=lambda: datetime.now(UTC) - timedelta(hours=1))
    rec.record(
        Attempt("neuron.dendrite.ox-receive", ("neuron.dendrite",), "neuron", "ox", {}, "O", True, 3.0)
    )
    qid = "activation.sigmoid_vanishing_gradient.derivative-value"
    rec.record(
        Attempt(
            qid,
            ("activation.sigmoid_vanishing_gradient",),
            "activation",
            "numeric",
            {"x": -1},
            "0.25",
            False,
            9.0,
        )
    )
    rec.close()


# --- topa plan ------------------------------------------------------------------------------------


def test_plan_set_shown_changed_and_cleared(run):
    r = run("plan", "--lang", "en")
    assert r.exit_code == 0 and "No plan is set" in r.stdout
    assert not database_path().exists()  # looking creates nothing
    day = later(30)
    r = run("plan", "--exam-date", day, "--pass-mark", "70", "--daily-minutes", "30", "--lang", "en")
    assert r.exit_code == 0, r.output
    assert "Plan saved." in r.stdout and "30 day(s) left" in r.stdout
    assert rows("SELECT exam_date, pass_mark, daily_minutes FROM plan") == [(day, 70.0, 30)]
    r = run("plan", "--daily-minutes", "45", "--lang", "en")  # again: replaces, the rest kept
    assert r.exit_code == 0 and "Plan replaced." in r.stdout
    assert rows("SELECT exam_date, pass_mark, daily_minutes FROM plan") == [(day, 70.0, 45)]
    r = run("plan", "--lang", "en")
    assert day in r.stdout and "70%" in r.stdout and "45 minutes" in r.stdout
    r = run("plan", "--clear", "--lang", "en")
    assert r.exit_code == 0 and "Plan removed." in r.stdout and rows("SELECT * FROM plan") == []
    assert "There is no plan to remove." in run("plan", "--clear", "--lang", "en").stdout


BAD = [
    (["--exam-date", "2020-01-01"], "--exam-date: 2020-01-01 is in the past"),
    (["--exam-date", "2027-02-30"], "--exam-date: expected a date as YYYY-MM-DD"),
    (["--exam-date", "next week"], "--exam-date: expected a date as YYYY-MM-DD"),
    (
        ["--exam-date", "LATER", "--pass-mark", "100.5"],
        "--pass-mark: expected a percentage from 0 to 100, got 100.5",
    ),
    (
        ["--exam-date", "LATER", "--pass-mark", "-1"],
        "--pass-mark: expected a percentage from 0 to 100, got -1",
    ),
    (
        ["--exam-date", "LATER", "--daily-minutes", "0"],
        "--daily-minutes: expected whole minutes from 1 to 600",
    ),
    (
        ["--exam-date", "LATER", "--daily-minutes", "601"],
        "--daily-minutes: expected whole minutes from 1 to 600",
    ),
    (["--exam-date", "LATER", "--daily-minutes", "2.5"], "--daily-minutes"),
    (["--pass-mark", "70"], "no plan yet: give the exam day"),
    (["--clear", "--exam-date", "LATER"], "--clear removes the plan; give it without other options"),
]


@pytest.mark.parametrize(("args", "says"), BAD, ids=[" ".join(a) for a, _ in BAD])
def test_bad_input_is_one_line_exit_2_and_nothing_recorded_is_lost(run, args, says):
    history()
    before = rows("SELECT * FROM answers"), rows("SELECT * FROM cards"), rows("SELECT * FROM plan")
    args = [later(9) if a == "LATER" else a for a in args]
    r = run("plan", *args, "--lang", "en")
    assert r.exit_code == 2
    assert says in one_error_line(r)
    assert (rows("SELECT * FROM answers"), rows("SELECT * FROM cards"), rows("SELECT * FROM plan")) == before


def test_bad_input_is_said_in_korean_too(run):
    r = run("plan", "--exam-date", "2020-01-01")
    assert r.exit_code == 2 and "지난 날짜입니다" in one_error_line(r)


def test_a_plan_that_cannot_be_stored_is_one_line_exit_1(run):
    from tests.store.test_faults import read_only

    history()
    before = rows("SELECT * FROM cards")
    with read_only(database_path().parent):
        r = run("plan", "--exam-date", later(5), "--lang", "en")
        assert r.exit_code == 1
        assert "read-only" in one_error_line(r)
        assert "No plan is set" in run("plan", "--lang", "en").stdout  # still readable
    assert rows("SELECT * FROM cards") == before and rows("SELECT * FROM plan") == []


def test_a_plan_brings_reviews_before_the_exam_and_clear_gives_fsrs_own_back(run):
    history()
    qid = "neuron.dendrite.ox-receive"
    fsrs_due = rows(f"SELECT due FROM cards WHERE question_id = '{qid}'")[0][0]  # Easy: 8 days on
    exam_day = local_today() + timedelta(days=3)
    assert datetime.fromisoformat(fsrs_due) > exam_moment(exam_day, datetime.now().astimezone().tzinfo)
    r = run("plan", "--exam-date", exam_day.isoformat(), "--lang", "en")
    assert "1 card(s) re-planned" in r.stdout
    planned = datetime.fromisoformat(rows(f"SELECT due FROM cards WHERE question_id = '{qid}'")[0][0])
    assert planned <= exam_moment(exam_day, datetime.now().astimezone().tzinfo)
    run("plan", "--clear")
    assert rows(f"SELECT due FROM cards WHERE question_id = '{qid}'")[0][0] == fsrs_due


def test_answers_given_under_a_plan_are_due_by_the_exam_day(run):
    exam_day = local_today() + timedelta(days=2)
    assert run("plan", "--exam-date", exam_day.isoformat()).exit_code == 0
    r = run("quiz", "-n", "1", "--type", "ox", "--seed", "3", "--lang", "en", input="o\n\n")
    assert r.exit_code == 0, r.output
    (due,) = rows("SELECT due FROM cards")[0]
    assert datetime.fromisoformat(due) <= exam_moment(exam_day, datetime.now().astimezone().tzinfo)


# --- topa today -----------------------------------------------------------------------------------


def test_today_without_a_plan(run):
    r = run("today", "--lang", "en")
    assert r.exit_code == 0, r.output
    out = " ".join(r.stdout.split())
    assert "No plan: today is taken as the exam day." in out and "topa plan --exam-date" in out
    assert "Forecast for today" in out and "topa learn neuron." in out
    assert not database_path().exists()


def test_today_with_a_plan_counts_the_days_and_the_work(run):
    history()
    run("plan", "--exam-date", later(20))
    r = run("today", "--lang", "en")
    assert r.exit_code == 0, r.output
    out = " ".join(r.stdout.split())
    assert "20 day(s) left" in out and f"Forecast for {later(20)}" in out
    assert "1 card(s) due now" in out and "topa review -n 1" in out  # the missed one
    assert "topa exam" not in out  # 20 days away, but too few concepts met for a mock exam
    assert "topa learn neuron.dendrite" not in out  # answered already
    r = run("today")
    assert r.exit_code == 0 and "20일 남음" in r.stdout


def test_today_fits_60_columns_in_a_pipe(run):
    history()
    run("plan", "--exam-date", later(5))
    for lang in ("ko", "en"):
        r = run("today", "--lang", lang, env={"COLUMNS": "60"})
        assert r.exit_code == 0
        assert "\x1b[" not in r.stdout
        from rich.cells import cell_len

        assert max(cell_len(line) for line in r.stdout.splitlines()) <= 60


# --- topa stats -----------------------------------------------------------------------------------


def test_stats_json_has_the_readiness_and_cards_fields(run):
    history()
    run("plan", "--exam-date", later(10), "--pass-mark", "65")
    d = json.loads(run("stats", "--json").stdout)
    assert list(d["readiness"]) == [
        "exam_date", "pass_mark", "predicted_score", "low", "high", "pass_probability", "topics",
    ]  # fmt: skip
    assert d["readiness"]["exam_date"] == later(10) and d["readiness"]["pass_mark"] == 65.0
    assert 0 <= d["readiness"]["low"] <= d["readiness"]["predicted_score"] <= d["readiness"]["high"] <= 100
    assert "activation" in d["readiness"]["topics"]
    assert list(d["cards"]) == ["total", "due", "latest_due"] and d["cards"]["total"] == 2
    r = run("stats", "--lang", "en")
    assert f"Forecast for {later(10)}" in " ".join(r.stdout.split())


def test_stats_never_fails_because_of_the_forecast(run, monkeypatch):
    import topa_quiz.session.readiness_figures as figures

    history()

    def broken(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise ValueError("a bank the forecast cannot use")

    monkeypatch.setattr(figures, "stats_readiness", broken)
    r = run("stats", "--json")
    assert r.exit_code == 0 and json.loads(r.stdout)["readiness"] is None
    assert run("stats", "--lang", "en").exit_code == 0


# --- topa wrong -----------------------------------------------------------------------------------


def test_wrong_list_shows_the_question_as_asked_your_answer_and_the_right_one(run):
    history()
    r = run("wrong", "--list", "--lang", "en")
    assert r.exit_code == 0, r.output
    out = " ".join(r.stdout.split())
    assert "Compute σ′(-1) to 4 decimal places" in out
    assert "Your answer: 0.25" in out and "Right answer: 0.1966" in out
    assert local_today().isoformat() in out or (local_today() - timedelta(days=1)).isoformat() in out


def test_wrong_says_what_you_answered_last_time_above_the_question(run):
    history()
    r = run("wrong", "--lang", "en", input="s\n")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    said = next(i for i, line in enumerate(lines) if "Last time" in line)
    assert "0.25" in lines[said] and "(with other numbers)" in " ".join(lines[said : said + 2])
    assert lines[said + 1].startswith("╭") or lines[said + 2].startswith("╭")  # then the question panel


def test_a_choice_answer_is_listed_by_its_text(run):
    for seed in range(11, 31):  # until option ① is a wrong one
        r = run("quiz", "-n", "1", "--type", "choice", "--seed", str(seed), "--lang", "en", input="1\n\n")
        assert r.exit_code == 0
        if "Not quite." in r.stdout:
            break
    shown = next(line for line in r.stdout.splitlines() if "│ ①" in line).split("①", 1)[1].strip(" │")
    listed = " ".join(run("wrong", "--list", "--lang", "en").stdout.split())
    assert f"Your answer: {shown}" in listed


def test_through_an_injected_environment_with_a_fake_clock():
    from topa_quiz.cli.env import Environment
    from topa_quiz.cli.plan import run_plan, run_today
    from topa_quiz.session.planning import PlanRequest

    env = Environment(
        stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO(), stdin_isatty=False,
        stdout_isatty=False, lang="en", now=lambda: datetime(2031, 5, 1, 12, tzinfo=UTC), width=60,
    )  # fmt: skip
    run_plan(env, PlanRequest("2031-05-11"), False, tz=UTC)
    run_today(env, None, tz=UTC)
    out = " ".join(env.stdout.getvalue().split())
    assert "Today, 2031-05-01" in out and "10 day(s) left" in out and "Forecast for 2031-05-11" in out
