"""Fault injection against the progress store (issue 13): crashes, damage, odd places, full disks.

Each test failed before its fix. Where a fault needs privileges (a read-only mount, a tiny
tmpfs) the test runs as root and is skipped otherwise, or falls back to chmod.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from topa_quiz.session.drill import Attempt
from topa_quiz.store.recorder import Recorder, open_recorder

TOPA = Path(sys.executable).with_name("topa")
ROOT = os.name == "posix" and os.geteuid() == 0


# ------------------------------------------------------------------ helpers
@pytest.fixture(autouse=True)
def _english(monkeypatch):
    """The words asserted below are the English catalog's (the Korean ones are tested apart)."""
    monkeypatch.setenv("TOPA_LANG", "en")


def db_path() -> Path:
    return Path(os.environ["TOPA_HOME"]) / "progress.sqlite3"


def attempt(i: int, qid: str | None = None) -> Attempt:
    return Attempt(
        qid or f"q{i % 50}", ("activation.sigmoid",), "activation", "numeric", {"x": i}, "1", i % 3 == 0, 1.5
    )


def history(n: int) -> None:
    rec = open_recorder("quiz")
    for i in range(n):
        rec.record(attempt(i))
    rec.close()


def query(path: Path, sql: str, args: tuple = ()) -> list[tuple]:
    with closing(sqlite3.connect(path)) as conn, conn:
        return conn.execute(sql, args).fetchall()


def answers(path: Path) -> int:
    return query(path, "SELECT count(*) FROM answers")[0][0]


def answers_in_file_alone(path: Path, scratch: Path) -> int:
    """The answers the database file holds by itself, without any -wal beside it."""
    scratch.mkdir(parents=True, exist_ok=True)
    alone = scratch / f"alone-{path.name}"
    shutil.copyfile(path, alone)
    try:
        return answers(alone)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{alone}{suffix}").unlink(missing_ok=True)


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def one_error_line(r) -> str:  # noqa: ANN001 - a click Result
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert "Traceback" not in r.stderr and "unexpected" not in r.stderr, r.stderr
    return lines[0]


def _run(cmd: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True)


@contextmanager
def read_only(target: Path):
    """``target`` (a file or a folder) made read-only: a read-only bind mount as root, else chmod."""
    if not ROOT:
        mode = target.stat().st_mode
        target.chmod(0o555 if target.is_dir() else 0o444)
        try:
            yield
        finally:
            target.chmod(mode)
        return
    if _run(["mount", "--bind", str(target), str(target)]).returncode:
        pytest.skip("a read-only bind mount is not allowed here")
    try:
        assert _run(["mount", "-o", "remount,ro,bind", str(target)]).returncode == 0
        yield
    finally:
        if _run(["umount", str(target)]).returncode:
            _run(["umount", "-l", str(target)])


@pytest.fixture
def small_disk(tmp_path, monkeypatch):
    """TOPA_HOME on a 2 MB tmpfs (root only); the bank cache is kept off it."""
    if not ROOT:
        pytest.skip("mounting a tmpfs needs root")
    disk = tmp_path / "small"
    disk.mkdir()
    if _run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)]).returncode:
        pytest.skip("cannot mount a tmpfs here")
    monkeypatch.setenv("TOPA_HOME", str(disk / "home"))
    monkeypatch.setenv("TOPA_NO_CACHE", "1")
    try:
        yield disk
    finally:
        if _run(["umount", str(disk)]).returncode:
            _run(["umount", "-l", str(disk)])  # something still open: detach it anyway


def fill_up(disk: Path) -> Path:
    """Write a filler file until the file system has no byte left."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        for size in (1 << 16, 4096, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(fd)
    return filler


# ------------------------------------------------------------------ 1. two resets in the same second
CRASHED_WRITER = """
import os, sys
from topa_quiz.session.drill import Attempt
from topa_quiz.store.recorder import open_recorder
rec = open_recorder("quiz")
for i in range(int(sys.argv[1])):
    rec.record(Attempt(f"q{i}", ("loss.mse",), "loss", "numeric", {}, "1", True, 1.0))
os._exit(0)  # killed: no close, so the answers sit in -wal
"""


def crashed_home(home: Path, n: int) -> Path:
    env = dict(os.environ, TOPA_HOME=str(home))
    subprocess.run([sys.executable, "-c", CRASHED_WRITER, str(n)], env=env, check=True)
    assert (home / "progress.sqlite3-wal").stat().st_size > 0  # the answers are in the log
    return home


def test_resets_in_the_same_second_never_overwrite_or_mix_backups(tmp_path, run):
    homes = [crashed_home(tmp_path / f"crash{n}", n) for n in (1, 2, 3)]
    db = db_path()
    db.parent.mkdir(parents=True)
    for home in homes:  # three crashed databases reset in a row: well within one second
        for suffix in ("", "-wal", "-shm"):
            shutil.copyfile(home / f"progress.sqlite3{suffix}", f"{db}{suffix}")
        r = run("reset", "--yes")
        assert r.exit_code == 0, r.output
    backups = sorted(db.parent.glob("progress.sqlite3.*.bak"))
    assert len(backups) == 3
    # each backup is one whole database by itself: its log was folded in, none mixed in
    assert sorted(answers_in_file_alone(b, tmp_path / "scratch") for b in backups) == [1, 2, 3]
    assert not list(db.parent.glob("*.bak-wal")) and not db.exists()


# ------------------------------------------------------------------ 2. answers left in -wal
def test_closing_folds_the_log_into_the_file_while_another_topa_has_it_open(tmp_path):
    history(1)
    other = sqlite3.connect(db_path())  # another topa, idle, holding the database open
    other.execute("SELECT count(*) FROM answers").fetchone()
    try:
        history(40)
        # moved by hand without its -wal, the file alone must hold every answer
        assert answers_in_file_alone(db_path(), tmp_path / "scratch") == 41
    finally:
        other.close()


def test_the_damaged_file_message_says_to_move_wal_and_shm_too(run):
    db = db_path()
    db.parent.mkdir(parents=True)
    db.write_bytes(b"not a database at all " * 300)
    r = run("quiz", "-n", "1", input="s\n")
    assert r.exit_code == 1
    line = one_error_line(r)
    assert "-wal" in line and "-shm" in line and "topa reset --yes" in line


# ------------------------------------------------------------------ 3. never write into a damaged file
@pytest.mark.parametrize("page", [3, 11])
def test_a_damaged_page_is_refused_and_the_file_left_byte_for_byte(run, page):
    history(300)  # 300 answers and 50 cards: 30-odd pages
    db = db_path()
    size = query(db, "PRAGMA page_size")[0][0]
    assert db.stat().st_size >= 12 * size and not Path(f"{db}-wal").exists()
    with open(db, "r+b") as fh:  # random bytes over the whole page
        fh.seek((page - 1) * size)
        fh.write(random.Random(page).randbytes(size))
    before = db.read_bytes()
    r = run("quiz", "-n", "2", "--seed", "1", input="s\ns\n")
    assert r.exit_code == 1
    assert "not a usable progress database" in one_error_line(r)
    r = run("stats", "--json")
    assert r.exit_code == 1 and "not a usable progress database" in one_error_line(r)
    assert db.read_bytes() == before


# ------------------------------------------------------------------ 4. odd places and files
@pytest.mark.parametrize("which", ["file", "folder"])
def test_a_read_only_database_is_refused_for_writing_and_still_read(run, which):
    history(5)
    db = db_path()
    before = digest(db)
    with read_only(db if which == "file" else db.parent):
        r = run("quiz", "-n", "1", "--seed", "1", "--lang", "en", input="s\n")
        assert r.exit_code == 1
        assert "read-only" in one_error_line(r)
        assert "1/1" not in r.stdout  # refused before the first question
        r = run("stats", "--json")
        assert r.exit_code == 0, r.output
        assert json.loads(r.stdout)["answers"] == 5
        assert run("wrong", "--list").exit_code == 0
    assert digest(db) == before and answers(db) == 5


def test_reset_in_a_read_only_place_changes_nothing(run):
    history(2)
    db = db_path()
    listing = sorted(p.name for p in db.parent.iterdir())
    before = digest(db)
    with read_only(db.parent):
        r = run("reset", "--yes")
        assert r.exit_code == 1
        line = one_error_line(r)
        assert "cannot move" in line and "read-only" in line
    assert sorted(p.name for p in db.parent.iterdir()) == listing
    assert digest(db) == before and answers(db) == 2


def _disk_full_error() -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError("database or disk is full")
    exc.sqlite_errorcode, exc.sqlite_errorname = 13, "SQLITE_FULL"
    return exc


@pytest.mark.parametrize(("command", "shown"), [("quiz", "Summary"), ("exam", "Explanation")])
def test_a_write_failing_mid_session_keeps_the_answers_before_and_shows_the_end(
    run, monkeypatch, command, shown
):
    from topa_quiz.store import db as store_db

    class FullAfterTwo(store_db.Connection):
        stored = 0

        def execute(self, sql, *args):  # noqa: ANN001, ANN202
            if sql.startswith("INSERT INTO answers"):
                if FullAfterTwo.stored == 2:
                    raise _disk_full_error()
                FullAfterTwo.stored += 1
            return super().execute(sql, *args)

    monkeypatch.setattr(store_db, "Connection", FullAfterTwo, raising=False)
    r = run(command, "-n", "4", "--seed", "1", input="s\n" * 4)
    assert r.exit_code == 1
    assert shown in r.stdout  # the summary (quiz) or the report (exam) is still shown
    line = one_error_line(r)
    assert "answer 3 could not be recorded" in line and "the 2 answers before it are kept" in line
    assert "disk is full" in line
    assert answers(db_path()) == 2


def test_a_full_disk_mid_quiz_for_real(run, monkeypatch, small_disk):
    history(1)
    real = Recorder.record
    calls: list[object] = []

    def record(self, a):  # noqa: ANN001, ANN202
        calls.append(a)
        if len(calls) == 3:
            fill_up(small_disk)
        return real(self, a)

    monkeypatch.setattr(Recorder, "record", record)
    r = run("quiz", "-n", "4", "--seed", "1", "--lang", "en", input="s\n" * 4)
    (small_disk / "filler").unlink()
    assert r.exit_code == 1
    assert "Summary" in r.stdout
    line = one_error_line(r)
    assert "answer 3 could not be recorded" in line and "disk is full" in line
    assert answers(db_path()) == 3  # the one before the session and its first two


def test_a_full_disk_at_open_is_not_called_damage(run, small_disk):
    history(4)
    fill_up(small_disk)
    r = run("quiz", "-n", "1", "--seed", "1", "--lang", "en", input="s\n")
    assert r.exit_code == 1
    line = one_error_line(r)
    assert "disk is full" in line and "not a usable" not in line
    r = run("stats", "--json")  # reading still works
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["answers"] == 4


def test_our_file_with_tables_missing_is_repaired(run):
    history(3)
    query(db_path(), "DROP TABLE cards")
    query(db_path(), "DROP TABLE exams")
    r = run("stats", "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["answers"] == 3
    r = run("quiz", "-n", "1", "--seed", "1", input="s\n")
    assert r.exit_code == 0, r.output
    names = {n for (n,) in query(db_path(), "SELECT name FROM sqlite_master")}
    assert {"cards", "exams", "cards_due"} <= names and answers(db_path()) == 4


def _a_question(kind: str) -> str:
    from topa_quiz.bank.loader import load_bank

    bank, _ = load_bank()
    return next(q.id for q in bank.questions if q.type == kind)


def test_unreadable_json_in_a_column_is_skipped_and_counted(run):
    history(3)
    qid = _a_question("ox")
    with closing(sqlite3.connect(db_path())) as conn, conn:
        for concepts in ("not json", '{"a": 1}'):
            conn.execute(
                "INSERT INTO answers(session_id, question_id, topic, concepts, kind, params, given, correct,"
                " seconds, answered_at) VALUES (1, 'bad', 'loss', ?, 'ox', '{', 'O', 1, 1.0, ?)",
                (concepts, "2026-01-01T00:00:00.000000+00:00"),
            )
        conn.execute("INSERT INTO cards VALUES (?, '2000-01-01T00:00:00.000000+00:00', 'garbage{')", (qid,))
    r = run("stats", "--json")
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["answers"] == 5 and d["skipped_answers"] == 2
    assert d["concepts"]["activation.sigmoid"]["answers"] == 3
    assert run("stats", "--lang", "en").exit_code == 0
    r = run("review", "-n", "1", "--lang", "en", input="o\n")  # the due card with unreadable JSON
    assert r.exit_code == 0, r.output
    card = query(db_path(), "SELECT card FROM cards WHERE question_id = ?", (qid,))[0][0]
    assert json.loads(card)["state"] in (1, 2, 3)  # started afresh and reviewed


COMMANDS = [("quiz", "-n", "1"), ("stats",), ("review", "-n", "1"), ("wrong", "--list"), ("reset", "--yes")]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_topa_home_of_no_such_user_is_one_line(run, monkeypatch, command):
    monkeypatch.setenv("TOPA_HOME", "~nosuchuser-topa/x")
    r = run(*command, input="s\n")
    assert r.exit_code == 2
    assert "~nosuchuser-topa/x" in one_error_line(r)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_topa_home_naming_a_file_is_the_same_line_everywhere(tmp_path, run, monkeypatch, command):
    afile = tmp_path / "afile"
    afile.write_text("mine")
    monkeypatch.setenv("TOPA_HOME", str(afile))
    r = run(*command, input="s\n")
    assert r.exit_code == 1
    assert one_error_line(r).startswith("error: TOPA_HOME names a file, not a folder")
    assert afile.read_text() == "mine"


def test_topa_home_of_spaces_is_refused_not_a_folder(tmp_path, run, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TOPA_HOME", "   ")
    r = run("quiz", "-n", "1", input="s\n")
    assert r.exit_code == 2
    assert "TOPA_HOME" in one_error_line(r)
    assert not (tmp_path / "   ").exists()


# ------------------------------------------------------------------ 5. an exam ended by Ctrl-C
def _spawn(args: list[str], out, home: Path, **kw) -> subprocess.Popen:  # noqa: ANN001
    env = dict(os.environ, TOPA_HOME=str(home), COLUMNS="100", NO_COLOR="1", TOPA_LANG="en")
    return subprocess.Popen(
        [str(TOPA), *args], stdin=subprocess.PIPE, stdout=out, stderr=subprocess.STDOUT, env=env, **kw
    )


def _wait_for(path: Path, text: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while text not in path.read_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)


def test_an_exam_ended_by_ctrl_c_is_recorded_as_abandoned(tmp_path, run):
    home = Path(os.environ["TOPA_HOME"])
    log = tmp_path / "out.txt"
    with open(log, "w") as out:
        proc = _spawn(["exam", "-n", "4", "--seed", "2"], out, home)
        try:
            _wait_for(log, "1/4")
            answer = "o" if "O or X" in log.read_text() else "1"  # a valid answer, right or not
            proc.stdin.write(f"{answer}\n".encode())
            proc.stdin.flush()
            _wait_for(log, "2/4")
            proc.send_signal(signal.SIGINT)
            assert proc.wait(timeout=30) == 130
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.stdin.close()
    assert query(db_path(), "SELECT total, passed, abandoned, answered FROM exams") == [(4, 0, 1, 1)]
    exam = json.loads(run("stats", "--json").stdout)["exams"][0]
    assert (exam["abandoned"], exam["passed"], exam["answered"], exam["total"]) == (True, None, 1, 4)


# ------------------------------------------------------------------ 6. a SIGINT that did nothing
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_ends_a_quiz_even_when_started_with_sigint_ignored(tmp_path):
    """Started as a background job of a non-interactive shell (or by a test run started so),
    a process inherits SIGINT ignored and Python installs no handler: the SIGINT was lost and
    the quiz waited for input forever (the 30 s time-outs of issue 13, item 32)."""
    log = tmp_path / "out.txt"
    with open(log, "w") as out:
        proc = _spawn(
            ["quiz", "-n", "3", "--seed", "1"],
            out,
            tmp_path / "home",
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
        )
        try:
            _wait_for(log, "1/3")
            proc.send_signal(signal.SIGINT)
            assert proc.wait(timeout=20) == 130
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.stdin.close()
    assert "Summary" in log.read_text()
