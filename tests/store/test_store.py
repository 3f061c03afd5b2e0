"""The progress store: nothing answered is ever lost."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from topa_quiz.errors import DataError
from topa_quiz.session.drill import Attempt
from topa_quiz.store.db import SCHEMA_VERSION, connect, integrity_ok
from topa_quiz.store.recorder import open_recorder, rating_for

TOPA = Path(sys.executable).with_name("topa")


def _attempt(i: int, correct: bool = True, qid: str | None = None) -> Attempt:
    return Attempt(
        qid or f"q{i}", ("activation.sigmoid",), "activation", "numeric", {"x": i}, str(i), correct, 1.5
    )


def _db(tmp_path) -> Path:
    return Path(os.environ["TOPA_HOME"]) / "progress.sqlite3"


def test_schema_version_wal_and_round_trip(tmp_path):
    rec = open_recorder("quiz", seed=3, planned=2, lang="ko")
    rec.record(_attempt(1))
    rec.record(_attempt(2, correct=False))
    rec.close()
    conn = sqlite3.connect(_db(tmp_path))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    rows = conn.execute("SELECT question_id, params, given, correct FROM answers ORDER BY id").fetchall()
    assert rows == [("q1", '{"x":1}', "1", 1), ("q2", '{"x":2}', "2", 0)]
    assert conn.execute("SELECT mode, seed, planned, ended_at IS NOT NULL FROM sessions").fetchone() == (
        "quiz",
        3,
        2,
        1,
    )
    assert conn.execute("SELECT count(*) FROM cards").fetchone()[0] == 2


def test_skipped_answer_is_recorded_but_not_scheduled(tmp_path):
    rec = open_recorder("quiz")
    rec.record(Attempt("q1", ("activation.relu",), "activation", "ox", {}, None, False, 2.0))
    rec.close()
    conn = sqlite3.connect(_db(tmp_path))
    assert conn.execute("SELECT given, correct FROM answers").fetchall() == [(None, 0)]
    assert conn.execute("SELECT count(*) FROM cards").fetchone()[0] == 0


def test_ratings_follow_correctness_and_speed():
    from fsrs import Rating

    assert rating_for(False, 1.0, "choice") == Rating.Again
    assert rating_for(True, 2.0, "choice") == Rating.Easy
    assert rating_for(True, 20.0, "choice") == Rating.Good
    assert rating_for(True, 100.0, "choice") == Rating.Hard


def test_wrong_answer_is_due_before_a_right_one(tmp_path):
    rec = open_recorder("quiz")
    rec.record(_attempt(1, correct=True, qid="right"))
    rec.record(_attempt(2, correct=False, qid="wrong"))
    rec.close()
    conn = sqlite3.connect(_db(tmp_path))
    due = dict(conn.execute("SELECT question_id, due FROM cards"))
    assert due["wrong"] < due["right"]


def test_damaged_file_is_refused_and_kept(tmp_path, run):
    path = _db(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DataError, match="not a usable progress database"):
        connect()
    r = run("quiz", "-n", "1", input="q\n")
    assert r.exit_code == 1
    assert str(path) in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == b"this is not sqlite" * 100


def test_foreign_sqlite_file_is_refused_and_kept(tmp_path):
    path = _db(tmp_path)
    path.parent.mkdir(parents=True)
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE photos(id INTEGER)")
    other.execute("INSERT INTO photos VALUES (1)")
    other.commit()
    other.close()
    with pytest.raises(DataError, match="another program"):
        connect()
    assert sqlite3.connect(path).execute("SELECT count(*) FROM photos").fetchone()[0] == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_location(tmp_path, monkeypatch):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    monkeypatch.setenv("TOPA_HOME", str(ro / "home"))
    with pytest.raises(DataError, match="TOPA_HOME"):
        connect()


def test_unwritable_location_even_as_root(tmp_path, monkeypatch):
    """/proc refuses new directories even to root: the error names TOPA_HOME, no traceback."""
    monkeypatch.setenv("TOPA_HOME", "/proc/topa-cannot-exist")
    with pytest.raises(DataError, match="TOPA_HOME"):
        connect()


def test_reset_moves_the_database_aside(tmp_path, run):
    rec = open_recorder("quiz")
    rec.record(_attempt(1))
    rec.close()
    r = run("reset", "--lang", "en", input="n\n")
    assert "kept as it is" in r.stdout and _db(tmp_path).exists()
    r = run("reset", "--yes")
    assert r.exit_code == 0
    assert not _db(tmp_path).exists()
    backups = list(_db(tmp_path).parent.glob("progress.sqlite3.*.bak"))
    assert len(backups) == 1
    assert sqlite3.connect(backups[0]).execute("SELECT count(*) FROM answers").fetchone()[0] == 1


def test_reset_without_confirmation_input_is_a_clear_error(tmp_path, run):
    rec = open_recorder("quiz")
    rec.close()
    r = run("reset", input="")
    assert r.exit_code == 2 and "topa reset --yes" in r.stderr


def _answers(path: Path) -> int:
    return sqlite3.connect(path).execute("SELECT count(*) FROM answers").fetchone()[0]


def test_sigkill_mid_session_keeps_every_answer_given(tmp_path):
    """Answer 3 questions, wait until the 3rd is committed, SIGKILL: 3 rows, integrity ok."""
    env = dict(os.environ, COLUMNS="100")
    proc = subprocess.Popen(
        [str(TOPA), "quiz", "-n", "10", "--seed", "5"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=tmp_path,
    )
    path = _db(tmp_path)
    try:
        for _ in range(3):
            proc.stdin.write(b"s\n")  # a skip is an answer record too, whatever the question type
            proc.stdin.flush()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if path.exists():
                try:
                    if _answers(path) >= 3:
                        break
                except sqlite3.OperationalError:
                    pass
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 3
    assert integrity_ok(conn)


WRITER = """
import sys
from topa_quiz.session.drill import Attempt
from topa_quiz.store.recorder import open_recorder
rec = open_recorder("quiz")
for i in range(int(sys.argv[1])):
    rec.record(Attempt(f"{sys.argv[2]}-{i}", ("loss.mse",), "loss", "numeric", {}, "1", i % 2 == 0, 1.0))
rec.close()
"""


def test_two_writers_at_once_keep_every_row(tmp_path):
    n = 150
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(n), name]) for name in ("a", "b")]
    for p in procs:
        assert p.wait(120) == 0
    conn = sqlite3.connect(_db(tmp_path))
    counts = dict(conn.execute("SELECT substr(question_id, 1, 1), count(*) FROM answers GROUP BY 1"))
    assert counts == {"a": n, "b": n}
    assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 2
    assert integrity_ok(conn)


def test_version_and_stats_say_where_the_database_is(tmp_path, run):
    r = run("--version")
    assert r.exit_code == 0 and str(_db(tmp_path)) in r.stdout
    rec = open_recorder("quiz")
    rec.record(_attempt(1))
    rec.close()
    r = run("stats", "--lang", "en")
    assert r.exit_code == 0 and str(_db(tmp_path)) in r.stdout.replace("\n", "")


def test_params_of_numeric_questions_are_recorded(tmp_path, run):
    r = run("quiz", "-n", "2", "--seed", "1", "--type", "numeric", input="0\n0\n")
    assert r.exit_code == 0
    conn = sqlite3.connect(_db(tmp_path))
    params = [json.loads(p) for (p,) in conn.execute("SELECT params FROM answers")]
    assert len(params) == 2 and all(params)
