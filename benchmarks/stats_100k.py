"""How fast is ``topa stats`` on a large history? 100,000 answers against the import floor.

Fills a temporary TOPA_HOME with 100,000 answers (question ids, topics and concepts of the
bundled bank, spread over a year, sessions of 20), a card per question and 50 exams, then
times ``topa stats --json`` and ``topa stats`` (median of 7 runs each) against the floor
``python -c "import typer, rich, numpy"`` and prints the ratios.

    .venv/bin/python benchmarks/stats_100k.py [--answers N] [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

# the real root command
BOOT = "from topa_quiz.cli import main\nmain()"


def fill(home: Path, answers: int, seed: int = 0) -> None:
    os.environ["TOPA_HOME"] = str(home)
    from topa_quiz.bank.loader import load_bank
    from topa_quiz.store.db import connect

    bank, _ = load_bank()
    questions = [(q.id, bank.topic_of(q), json.dumps(list(q.concepts)), q.type) for q in bank.questions]
    rng = np.random.default_rng(seed)
    now = datetime.now(UTC)
    conn = connect()
    per_session = 20
    sessions = answers // per_session + 1
    starts = sorted(
        now - timedelta(days=365) + timedelta(seconds=float(s)) for s in rng.uniform(0, 365 * 86400, sessions)
    )
    with conn:
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO sessions(id, mode, started_at, ended_at, seed, planned, lang)"
            " VALUES (?, ?, ?, ?, NULL, 20, 'ko')",
            [
                (
                    i + 1,
                    "exam" if i % 200 == 0 else "quiz",
                    s.isoformat(timespec="microseconds"),
                    s.isoformat(timespec="microseconds"),
                )
                for i, s in enumerate(starts)
            ],
        )
        picks = rng.integers(0, len(questions), answers)
        right = rng.random(answers) < 0.7
        rows = []
        for i in range(answers):
            sid = i // per_session
            qid, topic, concepts, kind = questions[picks[i]]
            when = starts[sid] + timedelta(seconds=30 * (i % per_session))
            rows.append(
                (
                    sid + 1,
                    qid,
                    topic,
                    concepts,
                    kind,
                    "{}",
                    "1",
                    int(right[i]),
                    12.5,
                    when.isoformat(timespec="microseconds"),
                )
            )
        conn.executemany(
            "INSERT INTO answers(session_id, question_id, topic, concepts, kind, params, given,"
            " correct, seconds, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.executemany(
            "INSERT INTO cards(question_id, due, card) VALUES (?, ?, ?)",
            [card_row(i, q[0], now, float(d), float(s)) for i, (q, d, s) in enumerate(
                zip(questions, rng.uniform(-10, 30, len(questions)), rng.uniform(1, 60, len(questions)), strict=True)
            )],
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO exams(session_id, total, correct, pass_mark, passed, minutes, seconds, timed_out)"
            " VALUES (?, 40, ?, 60, ?, 60, 3000, 0)",
            [
                (i + 1, int(c), int(c >= 24))
                for i, c in zip(range(0, sessions, 200), rng.integers(15, 40, sessions), strict=False)
            ],
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def card_row(i: int, qid: str, now: datetime, days: float, stability: float) -> tuple[str, str, str]:
    """A review card as fsrs stores it (the forecast reads every card), due ``days`` from now."""
    due = (now + timedelta(days=days)).isoformat(timespec="microseconds")
    last = (now + timedelta(days=days - stability)).isoformat(timespec="microseconds")
    card = {"card_id": i + 1, "state": 2, "step": None, "stability": stability, "difficulty": 5.0,
            "due": due, "last_review": last}  # fmt: skip
    return qid, due, json.dumps(card)


def median_seconds(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
        if done.returncode:
            sys.exit(f"{' '.join(cmd[-2:])} failed ({done.returncode}): {done.stderr.strip()}")
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        start = time.perf_counter()
        fill(home, args.answers)
        print(
            f"filled {args.answers:,} answers in {time.perf_counter() - start:.2f} s "
            f"({(home / 'progress.sqlite3').stat().st_size / 1e6:.1f} MB)"
        )
        env = dict(os.environ, TOPA_HOME=str(home), COLUMNS="100")
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # run compiled, as an installed package does
        py = sys.executable
        from topa_quiz.store.db import connect
        from topa_quiz.store.stats import collect

        conn = connect()
        start = time.perf_counter()
        for _ in range(args.runs):
            collect(conn)
        print(
            f"store.stats.collect (in process, all SQL):  {1000 * (time.perf_counter() - start) / args.runs:7.1f} ms"
        )
        conn.close()
        floor = median_seconds([py, "-c", "import typer, rich, numpy"], args.runs, env)
        as_json = median_seconds([py, "-c", BOOT, "stats", "--json"], args.runs, env)
        text = median_seconds([py, "-c", BOOT, "stats"], args.runs, env)
        print(f"floor  python -c 'import typer, rich, numpy': {1000 * floor:7.1f} ms")
        print(
            f"topa stats --json:                            {1000 * as_json:7.1f} ms  ratio {as_json / floor:.2f}"
        )
        print(
            f"topa stats (Rich tables, bank names):         {1000 * text:7.1f} ms  ratio {text / floor:.2f}"
        )


if __name__ == "__main__":
    main()
