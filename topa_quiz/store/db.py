"""The progress database: SQLite (standard library), WAL, one commit per answer.

A damaged or foreign file is never overwritten: opening it raises :class:`DataError`
naming the file and what to do. Schema changes are numbered migrations recorded in
``PRAGMA user_version``.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from ..errors import DataError
from .paths import database_path

APP_ID = 0x544F5041  # "TOPA": PRAGMA application_id marks the file as ours

MIGRATIONS: tuple[str, ...] = (
    # 1: sessions, answers, review cards, exams
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        mode TEXT NOT NULL,              -- quiz | review | wrong | exam
        started_at TEXT NOT NULL,
        ended_at TEXT,
        seed INTEGER,
        planned INTEGER,
        lang TEXT
    );
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id),
        question_id TEXT NOT NULL,
        topic TEXT NOT NULL,
        concepts TEXT NOT NULL,          -- JSON list of concept ids
        kind TEXT NOT NULL,
        params TEXT NOT NULL,            -- JSON: the sampled parameters
        given TEXT,                      -- NULL when skipped
        correct INTEGER NOT NULL,
        seconds REAL NOT NULL,
        answered_at TEXT NOT NULL        -- ISO 8601, UTC
    );
    CREATE INDEX answers_question ON answers(question_id, answered_at);
    CREATE INDEX answers_time ON answers(answered_at);
    CREATE INDEX answers_topic ON answers(topic, correct);
    CREATE TABLE cards (
        question_id TEXT PRIMARY KEY,
        due TEXT NOT NULL,
        card TEXT NOT NULL               -- fsrs.Card.to_dict() as JSON
    );
    CREATE INDEX cards_due ON cards(due);
    CREATE TABLE exams (
        session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
        total INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        pass_mark REAL NOT NULL,
        passed INTEGER NOT NULL,
        minutes REAL NOT NULL,
        seconds REAL NOT NULL,
        timed_out INTEGER NOT NULL
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


WHAT_TO_DO = (
    "it was left as it is; move it aside (or run 'topa reset --yes', which renames it) "
    "to start afresh, or set TOPA_HOME"
)


def connect(path: Path | None = None, create: bool = True) -> sqlite3.Connection:
    """Open (and if needed create or migrate) the progress database."""
    path = path or database_path()
    if not path.exists() and not create:
        raise DataError(f"no progress database yet at {path}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataError(
            f"cannot create the progress directory {path.parent}: {exc.strerror}; "
            "set TOPA_HOME to a writable directory"
        ) from None
    existed = path.exists() and path.stat().st_size > 0
    try:
        conn = sqlite3.connect(path, timeout=10.0, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise DataError(
            f"cannot open the progress database {path}: {exc}; set TOPA_HOME to a writable directory"
        ) from None
    try:
        _check_and_migrate(conn, path, existed)
    except BaseException:
        conn.close()
        raise
    return conn


def _check_and_migrate(conn: sqlite3.Connection, path: Path, existed: bool) -> None:
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise DataError(f"{path} is not a usable progress database ({exc}); {WHAT_TO_DO}") from None
    if existed and (app_id != APP_ID and tables > 0):
        raise DataError(f"{path} is an SQLite file of another program, not topa's progress; {WHAT_TO_DO}")
    if version > SCHEMA_VERSION:
        raise DataError(
            f"{path} was written by a newer topa-quiz (schema {version} > {SCHEMA_VERSION}); upgrade topa-quiz"
        )
    try:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL" if mode == "wal" else "PRAGMA synchronous = FULL")
        for number in range(version + 1, SCHEMA_VERSION + 1):
            with conn:  # one transaction per migration
                conn.execute("BEGIN IMMEDIATE")
                current = conn.execute("PRAGMA user_version").fetchone()[0]
                if current >= number:  # another process migrated meanwhile
                    continue
                for statement in MIGRATIONS[number - 1].split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA application_id = {APP_ID}")
                conn.execute(f"PRAGMA user_version = {number}")
    except sqlite3.OperationalError as exc:
        text = str(exc)
        if "readonly" in text or "unable to open" in text or "disk I/O" in text:
            raise DataError(
                f"cannot write the progress database {path} ({text}); set TOPA_HOME to a writable directory"
            ) from None
        raise DataError(f"the progress database {path} cannot be used ({text}); {WHAT_TO_DO}") from None
    except sqlite3.DatabaseError as exc:
        raise DataError(f"{path} is damaged ({exc}); {WHAT_TO_DO}") from None


def integrity_ok(conn: sqlite3.Connection) -> bool:
    with closing(conn.execute("PRAGMA integrity_check")) as cur:
        return cur.fetchone()[0] == "ok"


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
