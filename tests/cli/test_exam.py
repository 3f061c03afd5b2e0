"""topa exam through the real root command: topic spread, grading at the end, recording, time-out."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from topa_quiz.session.exam import Deadline, allocate

ROOT = Path(__file__).resolve().parents[2]
BOOT = "from topa_quiz.cli import main\nmain()"


def db(home: str) -> sqlite3.Connection:
    return sqlite3.connect(Path(home) / "progress.sqlite3")


def expected_spread(counts: dict[str, int], count: int) -> dict[str, int]:
    """Largest remainder by hand (independent of the implementation), then at least 1 per topic."""
    total = sum(counts.values())
    quota = {k: count * n / total for k, n in counts.items()}
    out = {k: int(q) for k, q in quota.items()}
    by_fraction = sorted(counts, key=lambda k: quota[k] - int(quota[k]), reverse=True)
    for k in by_fraction[: count - sum(out.values())]:
        out[k] += 1
    if count >= len(counts):
        for k in counts:
            if out[k] == 0:
                donor = max(reversed(list(counts)), key=lambda d: out[d])  # largest; ties: the later topic
                out[donor] -= 1
                out[k] += 1
    return {k: v for k, v in out.items() if v}


def reply(item, right: bool) -> str:
    if item.kind == "choice":
        return str(item.answer + 1 if right else (item.answer + 1) % len(item.choices) + 1)
    if item.kind == "ox":
        return item.answer if right else ("X" if item.answer == "O" else "O")
    return repr(float(item.answer)) if right else repr(float(item.answer) + 1000.0)


def planned(count: int, seed: int, lang: str = "ko"):
    from topa_quiz.cli.options import load_questions
    from topa_quiz.session.plan import ExamOptions, plan_exam

    bank = load_questions(None)
    return bank, plan_exam(bank, ExamOptions(count, seed=seed, lang=lang)).items


def test_allocation_golden_values():
    # quotas 6·n/173 = .867 .832 1.873 1.318 0 1.110 → floors 0 0 1 1 0 1, the 3 left go to c, a, b
    assert allocate({"a": 25, "b": 24, "c": 54, "d": 38, "e": 0, "f": 32}, 6) == {
        "a": 1,
        "b": 1,
        "c": 2,
        "d": 1,
        "e": 0,
        "f": 1,
    }
    # 40·n/100: 16, 12, 8, 4 exactly
    assert allocate({"a": 40, "b": 30, "c": 20, "d": 10}, 40) == {"a": 16, "b": 12, "c": 8, "d": 4}
    # quotas 2.94, .03, .03: rounding alone gives 3/0/0; every topic gets one, taken from a
    assert allocate({"a": 100, "b": 1, "c": 1}, 3) == {"a": 1, "b": 1, "c": 1}
    # fewer questions than topics: no minimum, the largest remainders win
    assert allocate({"a": 100, "b": 1, "c": 1}, 2) == {"a": 2, "b": 0, "c": 0}


def test_spread_pass_and_no_feedback_before_the_end(run):
    r = run("bank", "stats", "--json")
    counts = {k: v for k, v in json.loads(r.stdout)["topics"].items() if v}
    want = expected_spread(counts, 6)
    assert sum(want.values()) == 6

    bank, items = planned(6, 3)
    assert len(items) == 6
    script = [reply(it, right=i < 4) for i, it in enumerate(items)]  # 4/6 = 66.7 % ≥ 60
    r = run("exam", "--count", "6", "--seed", "3", input="\n".join(script) + "\n")
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert "합격  4/6 (66.7%)" in out and "불합격" not in out
    end_of_questions = out.index("6/6 ·")  # the last question panel
    before, after = out[:end_of_questions], out[end_of_questions:]
    for marker in ("해설:", "✔ 정답입니다!", "✘ 오답입니다.", "정답:"):
        assert marker not in before
    assert after.count("해설:") == 6
    for it in items:  # every explanation's start is shown, after the last question only
        start = it.explanation.split()[0]
        assert start in after
    assert "⏱" in before and "남음" in before

    home = os.environ["TOPA_HOME"]
    with db(home) as conn:
        mode, planned_n, seed = conn.execute("SELECT mode, planned, seed FROM sessions").fetchone()
        assert (mode, planned_n, seed) == ("exam", 6, 3)
        topics = dict(conn.execute("SELECT topic, count(*) FROM answers GROUP BY topic").fetchall())
        assert topics == want
        assert conn.execute("SELECT sum(correct), count(*) FROM answers").fetchone() == (4, 6)
        row = conn.execute(
            "SELECT total, correct, pass_mark, passed, minutes, timed_out FROM exams"
        ).fetchone()
        assert row == (6, 4, 60.0, 1, 60.0, 0)


def test_fail_with_quit_counts_the_rest_wrong(run):
    _, items = planned(6, 3, "en")
    script = [reply(it, right=True) for it in items[:3]] + ["q"]
    r = run("exam", "-n", "6", "--seed", "3", "--lang", "en", input="\n".join(script) + "\n")
    assert r.exit_code == 0, r.output
    assert "FAIL  3/6 (50.0%)" in r.stdout  # 3 right of ALL 6 questions
    assert r.stdout.count("unanswered") >= 3
    with db(os.environ["TOPA_HOME"]) as conn:
        assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 3
        assert conn.execute("SELECT total, correct, passed FROM exams").fetchone() == (6, 3, 0)


def test_pass_mark_and_end_of_input(run):
    _, items = planned(5, 11, "en")
    r = run(
        "exam",
        "-n",
        "5",
        "--seed",
        "11",
        "--pass-mark",
        "100",
        "--lang",
        "en",
        input="\n".join(reply(it, right=True) for it in items[:4]) + "\n",
    )
    assert r.exit_code == 0
    assert "FAIL  4/5 (80.0%)" in r.stdout  # input ended before the last question
    r = run(
        "exam",
        "-n",
        "5",
        "--seed",
        "11",
        "--pass-mark",
        "80",
        "--lang",
        "en",
        input="\n".join(reply(it, right=True) for it in items[:4]) + "\n",
    )
    assert "PASS  4/5 (80.0%)" in r.stdout


def test_same_seed_same_exam(run):
    a = run("exam", "-n", "8", "--seed", "5", "--lang", "en", input="")
    b = run("exam", "-n", "8", "--seed", "5", "--lang", "en", input="")
    strip = [line for line in a.stdout.splitlines() if "time" not in line]
    assert strip == [line for line in b.stdout.splitlines() if "time" not in line]


@pytest.mark.parametrize(
    "args",
    [
        ["--count", "0"],
        ["--count", "201"],
        ["--minutes", "0"],
        ["--minutes", "-1"],
        ["--minutes", "nan"],
        ["--minutes", "inf"],
        ["--pass-mark", "101"],
        ["--pass-mark", "-5"],
        ["--count", "x"],
    ],
)
def test_bad_flags_are_usage_errors(run, args):
    r = run("exam", *args, input="", env={"TOPA_LANG": "en"})
    assert r.exit_code == 2, r.output
    assert r.stderr.startswith("error:") and len(r.stderr.strip().splitlines()) == 1
    assert not (Path(os.environ["TOPA_HOME"]) / "progress.sqlite3").exists()


def _spawn(args, home, out):
    env = dict(os.environ, TOPA_HOME=str(home), COLUMNS="100", NO_COLOR="1", TOPA_LANG="en")
    return subprocess.Popen(
        [sys.executable, "-c", BOOT, "exam", *args],
        stdin=subprocess.PIPE,
        stdout=out,
        stderr=subprocess.STDOUT,
        env=env,
        cwd=ROOT,
    )


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="the idle time-out uses SIGALRM")
def test_time_out_while_idle_ends_the_exam(tmp_path):
    home = tmp_path / "sub"
    with open(tmp_path / "out.txt", "w") as out:
        proc = _spawn(["-n", "5", "--seed", "2", "--minutes", "0.02"], home, out)  # 1.2 s, no answer ever
        try:
            assert proc.wait(timeout=60) == 0  # ends by itself, stdin still open
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.stdin.close()
    text = (tmp_path / "out.txt").read_text()
    assert "time is up" in text and "FAIL  0/5 (0.0%)" in text
    assert text.count("unanswered") >= 5
    with db(str(home)) as conn:
        assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 0
        assert conn.execute("SELECT total, correct, passed, timed_out FROM exams").fetchone() == (5, 0, 0, 1)
        assert conn.execute("SELECT ended_at IS NOT NULL FROM sessions").fetchone() == (1,)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
def test_ctrl_c_shows_results_and_exits_130(tmp_path):
    home = tmp_path / "sub"
    with open(tmp_path / "out.txt", "w") as out:
        proc = _spawn(["-n", "4", "--seed", "2"], home, out)
        try:
            deadline = time.monotonic() + 30
            while "1/4" not in (tmp_path / "out.txt").read_text() and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(0.2)
            proc.send_signal(signal.SIGINT)
            assert proc.wait(timeout=30) == 130
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.stdin.close()
    text = (tmp_path / "out.txt").read_text()
    assert "FAIL  0/4 (0.0%)" in text and "Explanation:" in text
    with db(str(home)) as conn:
        assert conn.execute("SELECT total, correct, timed_out FROM exams").fetchone() == (4, 0, 0)


def test_without_sigalrm_the_deadline_is_checked_around_answers(run, monkeypatch):
    from topa_quiz.cli.interact import Alarm

    def deadline_already_past(self):
        self.started = self.clock() - 1e6

    monkeypatch.setattr(Alarm, "start", lambda self: None)  # as where SIGALRM is missing
    monkeypatch.setattr(Deadline, "start", deadline_already_past)
    r = run("exam", "-n", "3", "--seed", "1", "--lang", "en", input="1\n1\n1\n")
    assert r.exit_code == 0, r.output
    assert "time is up" in r.stdout and "FAIL  0/3 (0.0%)" in r.stdout
    with db(os.environ["TOPA_HOME"]) as conn:
        assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 0
        assert conn.execute("SELECT timed_out FROM exams").fetchone() == (1,)


def test_the_alarm_is_cancelled_and_the_old_handler_restored(run):
    before = signal.getsignal(signal.SIGALRM) if hasattr(signal, "SIGALRM") else None
    run("exam", "-n", "2", "--seed", "1", input="1\n1\n")
    if hasattr(signal, "SIGALRM"):
        assert signal.getsignal(signal.SIGALRM) == before
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
