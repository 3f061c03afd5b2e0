"""The progress database's tables: numbered migrations, and the current schema they lead to.

A file records its schema number in ``PRAGMA user_version`` and that it is ours in
``PRAGMA application_id``. Opening a file for writing runs the migrations it lacks and then
recreates any table or index of the current schema that is missing (a file of ours whose
tables were dropped), all in one transaction. A test checks that the migrations from an
empty file and :data:`TABLES` + :data:`INDEXES` give the same tables, columns and indexes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

APP_ID = 0x544F5041  # "TOPA": PRAGMA application_id marks the file as ours

# ------------------------------------------------------------------ the current schema
TABLES: dict[str, str] = {
    "sessions": """
    CREATE TABLE IF NOT EXISTS sessions (
        id INTEGER PRIMARY KEY,
        mode TEXT NOT NULL,              -- quiz | review | wrong | exam
        started_at TEXT NOT NULL,
        ended_at TEXT,
        seed INTEGER,
        planned INTEGER,
        lang TEXT
    )""",
    "answers": """
    CREATE TABLE IF NOT EXISTS answers (
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
    )""",
    "cards": """
    CREATE TABLE IF NOT EXISTS cards (
        question_id TEXT PRIMARY KEY,
        due TEXT NOT NULL,
        card TEXT NOT NULL               -- fsrs.Card.to_dict() as JSON
    )""",
    "exams": """
    CREATE TABLE IF NOT EXISTS exams (
        session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
        total INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        pass_mark REAL NOT NULL,
        passed INTEGER NOT NULL,
        minutes REAL NOT NULL,
        seconds REAL NOT NULL,
        timed_out INTEGER NOT NULL,
        abandoned INTEGER NOT NULL DEFAULT 0,  -- ended by the learner early: neither passed nor failed
        answered INTEGER                       -- questions answered or skipped; NULL before v2
    )""",
    "plan": """
    CREATE TABLE IF NOT EXISTS plan (
        id INTEGER PRIMARY KEY CHECK (id = 1),  -- at most one plan
        exam_date TEXT NOT NULL,                -- ISO date, the learner's calendar
        pass_mark REAL NOT NULL,
        daily_minutes INTEGER NOT NULL,
        updated_at TEXT NOT NULL
    )""",
}
INDEXES: dict[str, str] = {
    "answers_question": "CREATE INDEX IF NOT EXISTS answers_question ON answers(question_id, answered_at)",
    "answers_time": "CREATE INDEX IF NOT EXISTS answers_time ON answers(answered_at)",
    "answers_topic": "CREATE INDEX IF NOT EXISTS answers_topic ON answers(topic, correct)",
    "cards_due": "CREATE INDEX IF NOT EXISTS cards_due ON cards(due)",
}


# ------------------------------------------------------------------ the migrations
def _v1(conn: sqlite3.Connection) -> None:
    """sessions, answers, review cards, exams (the first release)."""
    for name in ("sessions", "answers", "cards"):
        conn.execute(TABLES[name])
    conn.execute(
        """
        CREATE TABLE IF NOT EXISTS exams (
            session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
            total INTEGER NOT NULL,
            correct INTEGER NOT NULL,
            pass_mark REAL NOT NULL,
            passed INTEGER NOT NULL,
            minutes REAL NOT NULL,
            seconds REAL NOT NULL,
            timed_out INTEGER NOT NULL
        )"""
    )
    for sql in INDEXES.values():
        conn.execute(sql)


def _v2(conn: sqlite3.Connection) -> None:
    """An exam ended early by the learner is abandoned, with the number of questions answered."""
    if "exams" not in table_names(conn):
        return  # recreated whole by repair()
    columns = {row[1] for row in conn.execute("PRAGMA table_info(exams)")}
    if "abandoned" not in columns:
        conn.execute("ALTER TABLE exams ADD COLUMN abandoned INTEGER NOT NULL DEFAULT 0")
    if "answered" not in columns:
        conn.execute("ALTER TABLE exams ADD COLUMN answered INTEGER")


def _v3(conn: sqlite3.Connection) -> None:
    """The learner's plan: an exam date, a pass mark and daily minutes (one row)."""
    conn.execute(TABLES["plan"])


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2, _v3)
SCHEMA_VERSION = len(MIGRATIONS)


def table_names(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def missing(conn: sqlite3.Connection) -> list[str]:
    """Tables and indexes of the current schema that the file lacks."""
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')")}
    return [name for name in (*TABLES, *INDEXES) if name not in present]


def migrate(conn: sqlite3.Connection, version: int) -> tuple[list[int], list[str]]:
    """Bring a file at schema ``version`` to :data:`SCHEMA_VERSION`, inside the caller's transaction.

    Returns (the migrations run, the tables and indexes recreated because they were missing);
    both empty when nothing had to change.
    """
    ran = list(range(version + 1, SCHEMA_VERSION + 1))
    for number in ran:
        MIGRATIONS[number - 1](conn)
    lacking = missing(conn)
    for name in lacking:
        conn.execute(TABLES.get(name) or INDEXES[name])
    if ran or lacking:
        conn.execute(f"PRAGMA application_id = {APP_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return ran, lacking
