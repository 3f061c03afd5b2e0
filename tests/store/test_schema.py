"""The schema: migrations from an empty file agree with the current tables; older files upgrade."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from topa_quiz.errors import DataError
from topa_quiz.store.db import connect, inspect
from topa_quiz.store.schema import APP_ID, INDEXES, MIGRATIONS, SCHEMA_VERSION, TABLES, migrate

V1_EXAMS = (
    "CREATE TABLE exams (session_id INTEGER PRIMARY KEY REFERENCES sessions(id), total INTEGER NOT NULL,"
    " correct INTEGER NOT NULL, pass_mark REAL NOT NULL, passed INTEGER NOT NULL, minutes REAL NOT NULL,"
    " seconds REAL NOT NULL, timed_out INTEGER NOT NULL)"
)


def shape(conn: sqlite3.Connection) -> dict[str, object]:
    """Tables with their columns (name, type, not null, default, pk) and indexes with their columns."""
    out: dict[str, object] = {}
    for name, kind in conn.execute("SELECT name, type FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"):
        if kind == "table":
            out[name] = [tuple(r[1:]) for r in conn.execute(f"PRAGMA table_info({name})")]
        else:
            out[name] = [r[2] for r in conn.execute(f"PRAGMA index_info({name})")]
    return out


def test_migrations_from_empty_equal_the_current_schema():
    with closing(sqlite3.connect(":memory:")) as by_steps, closing(sqlite3.connect(":memory:")) as direct:
        ran, recreated = migrate(by_steps, 0)
        assert ran == list(range(1, SCHEMA_VERSION + 1)) and recreated == []
        for sql in (*TABLES.values(), *INDEXES.values()):
            direct.execute(sql)
        assert shape(by_steps) == shape(direct)
        assert set(shape(direct)) == set(TABLES) | set(INDEXES)


def _v1_file(path: Path) -> None:
    """A file as the first release wrote it, with one exam."""
    with closing(sqlite3.connect(path)) as conn, conn:
        MIGRATIONS[0](conn)
        conn.execute("DROP TABLE exams")
        conn.execute(V1_EXAMS)
        conn.execute(
            "INSERT INTO sessions(id, mode, started_at) VALUES (1, 'exam', '2026-01-01T00:00:00+00:00')"
        )
        conn.execute("INSERT INTO exams VALUES (1, 10, 7, 60, 1, 10, 300, 0)")
        conn.execute(f"PRAGMA application_id = {APP_ID}")
        conn.execute("PRAGMA user_version = 1")


def test_a_first_release_file_is_upgraded_in_place_and_keeps_its_rows(tmp_path):
    path = tmp_path / "progress.sqlite3"
    _v1_file(path)
    conn = connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        row = conn.execute("SELECT total, correct, passed, abandoned, answered FROM exams").fetchone()
        assert row == (10, 7, 1, 0, None)  # old exams: not abandoned, answered unknown
        assert conn.execute("SELECT count(*) FROM plan").fetchone()[0] == 0
        assert conn.recreated == ()  # upgraded, nothing was missing
    finally:
        conn.close()


def test_missing_tables_are_recreated_and_named(tmp_path):
    path = tmp_path / "progress.sqlite3"
    connect(path).close()
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("DROP TABLE cards")
    assert inspect(path).missing == ("cards", "cards_due")
    conn = connect(path)
    try:
        assert conn.recreated == ("cards", "cards_due")
    finally:
        conn.close()
    assert inspect(path).missing == ()


def test_a_file_of_a_newer_topa_is_refused_untouched(tmp_path):
    path = tmp_path / "progress.sqlite3"
    connect(path).close()
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = path.read_bytes()
    with pytest.raises(DataError, match="newer topa-quiz") as err:
        connect(path)
    assert err.value.key == "store.newer" and err.value.values["version"] == SCHEMA_VERSION + 1
    assert path.read_bytes() == before
