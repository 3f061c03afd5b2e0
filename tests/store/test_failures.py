"""SQLite errors told apart: damage only for SQLITE_CORRUPT / SQLITE_NOTADB, never for the place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from topa_quiz.errors import RecordError
from topa_quiz.store import db
from topa_quiz.store.db import failure, why


def _error(text: str, code: int) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(text)
    exc.sqlite_errorcode = code
    return exc


@pytest.mark.parametrize(
    ("text", "code", "kind"),
    [
        ("database or disk is full", 13, "full"),
        ("attempt to write a readonly database", 8, "read_only"),
        ("database is locked", 5, "busy"),
        ("database table is locked", 6, "busy"),
        ("disk I/O error", 4874, "other"),  # SQLITE_IOERR_SHMSIZE on a healthy disk
        ("unable to open database file", 14, "other"),
    ],
)
def test_the_place_is_never_called_damage(tmp_path, text, code, kind):
    err = failure(_error(text, code), tmp_path / "p.sqlite3")
    assert err.key == "store.cannot_open" and why(err) == kind
    assert "not a usable" not in str(err)


def test_an_io_error_on_a_full_disk_is_a_full_disk(tmp_path, monkeypatch):
    monkeypatch.setattr(db, "disk_full", lambda path: True)
    assert why(failure(_error("disk I/O error", 4874), tmp_path / "p")) == "full"


def test_an_unopenable_file_in_a_read_only_place_says_read_only(tmp_path, monkeypatch):
    monkeypatch.setattr(db, "read_only_place", lambda path: True)
    assert why(failure(_error("unable to open database file", 14), tmp_path / "p")) == "read_only"


@pytest.mark.parametrize("code", [11, 26, 267])  # CORRUPT, NOTADB, CORRUPT_VTAB
def test_damage_is_damage(tmp_path, code):
    path = tmp_path / "p.sqlite3"
    assert failure(_error("malformed", code), path).key == "store.damaged"
    err = failure(_error("malformed", code), path, "record", RecordError, number=3, kept=2)
    assert isinstance(err, RecordError) and why(err) == "damaged" and err.values["kept"] == 2
    assert str(err).startswith("answer 3 could not be recorded; the 2 answers before it are kept")


def test_no_error_code_at_all_is_other(tmp_path):
    assert why(failure(sqlite3.OperationalError("??"), Path(tmp_path) / "p")) == "other"
