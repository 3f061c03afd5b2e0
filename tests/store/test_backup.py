"""Moving the database aside: exclusive names, the log folded in, in-use refused, undo on failure."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from topa_quiz.errors import DataError
from topa_quiz.store import backup
from topa_quiz.store.backup import move_aside
from topa_quiz.store.db import connect

NOW = datetime(2026, 12, 1, 9, 30, 5, 123456)


def _database(path: Path, answers: int) -> None:
    conn = connect(path)
    for i in range(answers):
        conn.execute(
            "INSERT INTO sessions(mode, started_at) VALUES ('quiz', ?)", (f"2026-12-01T00:00:0{i}+00:00",)
        )
    conn.close()


def _sessions(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT count(*) FROM sessions").fetchone()[0]


def test_the_same_instant_gives_numbered_names_never_the_same(tmp_path):
    path = tmp_path / "progress.sqlite3"
    made = []
    for n in (1, 2, 3):
        _database(path, n)
        made.append(move_aside(path, now=NOW))
    assert [p.name for p in made] == [
        "progress.sqlite3.20261201-093005-123456.bak",
        "progress.sqlite3.20261201-093005-123456-2.bak",
        "progress.sqlite3.20261201-093005-123456-3.bak",
    ]
    assert [_sessions(p) for p in made] == [1, 2, 3]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in made)  # no placeholders


def test_a_stray_wal_of_that_name_is_never_adopted(tmp_path):
    path = tmp_path / "progress.sqlite3"
    _database(path, 1)
    stray = tmp_path / "progress.sqlite3.20261201-093005-123456.bak-wal"
    stray.write_bytes(b"someone else's log")
    moved = move_aside(path, now=NOW)
    assert moved.name.endswith("-2.bak") and stray.read_bytes() == b"someone else's log"


def test_refused_while_another_connection_has_it_open(tmp_path):
    path = tmp_path / "progress.sqlite3"
    _database(path, 1)
    other = sqlite3.connect(path)
    other.execute("SELECT count(*) FROM sessions").fetchone()
    try:
        with pytest.raises(DataError) as err:
            move_aside(path, now=NOW)
    finally:
        other.close()
    assert err.value.key == "store.reset_busy"
    assert path.exists() and [p.name for p in tmp_path.iterdir()] == ["progress.sqlite3"]


def test_a_damaged_file_moves_as_it_is_with_its_side_files(tmp_path):
    path = tmp_path / "progress.sqlite3"
    contents = {"": b"damaged " * 100, "-wal": b"its log", "-journal": b"its journal"}
    for suffix, data in contents.items():
        Path(f"{path}{suffix}").write_bytes(data)
    moved = move_aside(path, now=NOW)
    assert {s: Path(f"{moved}{s}").read_bytes() for s in contents} == contents
    assert not any(Path(f"{path}{s}").exists() for s in (*contents, "-shm"))


def test_a_damaged_file_alone_gains_no_side_file(tmp_path):
    path = tmp_path / "progress.sqlite3"
    path.write_bytes(b"damaged " * 100)
    moved = move_aside(path, now=NOW)
    assert [p.name for p in tmp_path.iterdir()] == [moved.name] and moved.read_bytes() == b"damaged " * 100


def test_a_failed_rename_moves_everything_back(tmp_path, monkeypatch):
    path = tmp_path / "progress.sqlite3"
    contents = {"": b"damaged " * 100, "-wal": b"its log"}
    for suffix, data in contents.items():
        Path(f"{path}{suffix}").write_bytes(data)
    real = os.replace
    calls = []

    def flaky(src, dst):  # noqa: ANN001, ANN202
        calls.append(src)
        if len(calls) == 2:  # the -wal, after the file itself moved
            raise OSError(5, "Input/output error")
        return real(src, dst)

    monkeypatch.setattr(backup.os, "replace", flaky)
    with pytest.raises(DataError) as err:
        move_aside(path, now=NOW)
    assert err.value.key == "store.cannot_reset"
    assert not list(tmp_path.glob("*.bak*"))  # every placeholder removed, everything moved back
    assert {s: Path(f"{path}{s}").read_bytes() for s in contents} == contents
