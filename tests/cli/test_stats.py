"""topa stats through the real root command: exact figures from known rows."""

import json
import os
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from topa_quiz.cli import app
from topa_quiz.cli import stats as stats_cli

if "stats" not in {c.name for c in app.registered_commands}:  # until the command is wired in cli/__init__
    stats_cli.register(app)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def local_noon(days_ago: int) -> datetime:
    day = datetime.now().astimezone().date() - timedelta(days=days_ago)
    return datetime.combine(day, time(12, 0)).astimezone()


@pytest.fixture
def conn():
    from topa_quiz.store.db import connect

    c = connect()
    yield c
    c.close()


def add(conn, rows, mode="quiz"):
    """rows: (question_id, topic, concepts, correct, answered_at datetime)."""
    sid = conn.execute(
        "INSERT INTO sessions(mode, started_at) VALUES (?, ?)", (mode, iso(datetime.now(UTC)))
    ).lastrowid
    conn.executemany(
        "INSERT INTO answers(session_id, question_id, topic, concepts, kind, params, given, correct, seconds,"
        " answered_at) VALUES (?, ?, ?, ?, 'choice', '{}', '1', ?, 5.0, ?)",
        [(sid, q, t, json.dumps(c), int(ok), iso(when)) for q, t, c, ok, when in rows],
    )
    return sid


def stats_json(run, *args):
    r = run("stats", "--json", *args)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_no_database_yet_is_friendly_and_creates_nothing(run):
    r = run("stats", "--lang", "en")
    assert r.exit_code == 0
    path = Path(os.environ["TOPA_HOME"]) / "progress.sqlite3"
    assert "Nothing is recorded yet" in r.stdout and str(path) in r.stdout.replace("\n", "")
    assert json.loads(run("stats", "--json").stdout) == {"database": str(path), "recorded": False}
    assert not path.exists()


def test_exact_figures_per_topic_and_concept(run, conn):
    now = datetime.now(UTC)
    add(
        conn,
        [
            ("q1", "neuron", ["neuron.axon"], 1, now),
            ("q2", "neuron", ["neuron.axon", "neuron.synapse"], 0, now),
            ("q3", "neuron", ["neuron.synapse"], 0, now),
            ("q4", "loss", ["loss.mse"], 1, now),
            ("q5", "loss", ["loss.mse"], 1, now),
            ("q6", "loss", ["loss.mae"], 0, now),
            ("q7", "loss", ["loss.mse"], 0, now),
        ],
    )
    d = stats_json(run)
    assert (d["answers"], d["correct"], d["accuracy"]) == (7, 3, 0.4286)  # 3/7
    assert d["topics"] == {
        "loss": {"answers": 4, "correct": 2, "accuracy": 0.5},
        "neuron": {"answers": 3, "correct": 1, "accuracy": 0.3333},
    }
    assert d["concepts"] == {
        "loss.mae": {"answers": 1, "correct": 0, "accuracy": 0.0},
        "loss.mse": {"answers": 3, "correct": 2, "accuracy": 0.6667},
        "neuron.axon": {"answers": 2, "correct": 1, "accuracy": 0.5},
        "neuron.synapse": {"answers": 2, "correct": 0, "accuracy": 0.0},
    }
    # at least 2 answers: synapse 0 %, axon 50 %, mse 66.7 % (mae has 1 answer)
    assert [w["concept"] for w in d["weakest"]] == ["neuron.synapse", "neuron.axon", "loss.mse"]
    assert d["streak_days"] == 1 and d["exams"] == []
    assert d["cards"] == {"total": 0, "due": 0, "latest_due": None}

    r = run("stats", "--lang", "en")
    assert r.exit_code == 0, r.output
    for text in (
        "Answers: 7",
        "42.9%",
        "Biological neuron",
        "synapse",
        "Weakest concepts",
        "1 day",
        "No exams taken yet",
        str(Path(os.environ["TOPA_HOME"]) / "progress.sqlite3"),
    ):
        assert text in r.stdout.replace("\n", ""), text


def test_since_filters_backdated_answers(run, conn):
    now = datetime.now(UTC)
    add(
        conn,
        [
            ("q1", "loss", ["loss.mse"], 1, now - timedelta(days=10)),
            ("q2", "loss", ["loss.mse"], 1, now - timedelta(days=8)),
            ("q3", "loss", ["loss.mse"], 0, now - timedelta(days=2)),
            ("q4", "neuron", ["neuron.axon"], 1, now - timedelta(hours=1)),
        ],
    )
    d = stats_json(run, "--since", "7")
    assert d["since_days"] == 7
    assert (d["answers"], d["correct"]) == (2, 1)
    assert d["topics"] == {
        "loss": {"answers": 1, "correct": 0, "accuracy": 0.0},
        "neuron": {"answers": 1, "correct": 1, "accuracy": 1.0},
    }
    assert set(d["concepts"]) == {"loss.mse", "neuron.axon"}
    d = stats_json(run, "--since", "9")
    assert (d["answers"], d["correct"]) == (3, 2)
    d = stats_json(run)
    assert (d["answers"], d["correct"], d["concepts"]["loss.mse"]["accuracy"]) == (4, 3, 0.6667)
    assert run("stats", "--since", "0").exit_code == 2


@pytest.mark.parametrize(
    ("days_ago", "streak"),
    [
        ([0, 1, 2], 3),  # three consecutive days ending today
        ([0, 1, 3, 4, 5], 2),  # a gap: only the recent run counts
        ([1, 2], 2),  # nothing yet today: the run ending yesterday
        ([2, 3], 0),  # last answer the day before yesterday: broken
        ([0, 0, 0], 1),  # several answers on one day are one day
    ],
)
def test_streak(run, conn, days_ago, streak):
    add(conn, [(f"q{i}", "loss", ["loss.mse"], 1, local_noon(n)) for i, n in enumerate(days_ago)])
    d = stats_json(run)
    assert d["streak_days"] == streak
    if streak:
        assert d["last_study_day"] == local_noon(min(days_ago)).date().isoformat()


EXAM = "INSERT INTO exams(session_id, total, correct, pass_mark, passed, minutes, seconds, timed_out)"


def test_due_cards_and_exam_history(run, conn):
    now = datetime.now(UTC)
    conn.executemany(
        "INSERT INTO cards(question_id, due, card) VALUES (?, ?, '{}')",
        [
            ("a", iso(now - timedelta(days=3))),
            ("b", iso(now - timedelta(minutes=1))),
            ("c", iso(now + timedelta(hours=2))),
            ("d", iso(now + timedelta(days=9))),
        ],
    )
    sid = add(conn, [("q1", "loss", ["loss.mse"], 1, now)], mode="exam")
    conn.execute(EXAM + " VALUES (?, 40, 26, 60, 1, 60, 1800.5, 0)", (sid,))
    sid = add(conn, [("q2", "loss", ["loss.mse"], 0, now)], mode="exam")
    conn.execute(EXAM + " VALUES (?, 10, 5, 60, 0, 5, 300, 1)", (sid,))
    d = stats_json(run)
    assert d["cards"] == {"total": 4, "due": 2, "latest_due": iso(now + timedelta(days=9))}
    assert [(e["total"], e["correct"], e["score"], e["passed"], e["timed_out"]) for e in d["exams"]] == [
        (10, 5, 50.0, False, True),
        (40, 26, 65.0, True, False),
    ]  # newest first (inserted later)
    r = run("stats", "--lang", "en")
    out = r.stdout
    assert "Cards due for review now: 2" in out and "26/40 (65.0%)" in out and "5/10 (50.0%)" in out


def test_recorded_through_the_recorder(run):
    from topa_quiz.session.drill import Attempt
    from topa_quiz.store.recorder import open_recorder

    rec = open_recorder("quiz", 1, planned=3, lang="en")
    for qid, ok in (("x1", True), ("x2", False), ("x3", True)):
        rec.record(Attempt(qid, ("activation.relu",), "activation", "ox", {}, "O", ok, 3.0))
    rec.close()
    d = stats_json(run)
    assert d["concepts"] == {"activation.relu": {"answers": 3, "correct": 2, "accuracy": 0.6667}}
    assert d["cards"]["total"] == 3


def test_a_concept_met_through_another_topic_is_shown_under_its_own_topic(run):
    """A perceptron question also tagged neuron.threshold: the neuron concept must not
    appear to belong to the last topic listed."""
    from topa_quiz.session.drill import Attempt
    from topa_quiz.store.recorder import open_recorder

    rec = open_recorder("quiz")
    rec.record(
        Attempt(
            "perceptron.output.x",
            ("perceptron.output", "neuron.threshold"),
            "perceptron",
            "numeric",
            {},
            "1",
            False,
            3.0,
        )
    )
    rec.record(Attempt("loss.mse.x", ("loss.mse",), "loss", "numeric", {}, "1", True, 3.0))
    rec.close()
    lines = run("stats", "--lang", "en").stdout.splitlines()
    at = {
        name: next(i for i, line in enumerate(lines) if name in line)
        for name in ("Loss functions", "Biological neuron", "threshold")
    }
    assert at["Loss functions"] < at["Biological neuron"] < at["threshold"]


def test_an_abandoned_exam_is_not_listed_as_failed(run):
    r = run("exam", "-n", "3", "--seed", "1", "--lang", "en", input="1\nq\n")
    assert r.exit_code == 0, r.output
    r = run("stats", "--lang", "en")
    assert "abandoned after 1 of 3" in r.stdout
    assert "FAIL" not in r.stdout
