"""The progress database: SQLite (standard library), WAL, one commit per answer.

Opening is two steps. First the file is inspected through a read-only connection, which
writes nothing into it: a file that is not SQLite, of another program, of a newer
topa-quiz, or that fails ``PRAGMA quick_check`` (damaged) is refused with one line, and left
byte for byte as it was. Then it is opened for writing: migrations and missing tables, in
one transaction that also proves the file writable. A file that cannot be written (read-only
file, folder or file system) is refused for writing; reading commands then read it through
the read-only connection. Errors of the place (disk full, read-only, busy, I/O) are told
apart from damage by SQLite's error code, so a healthy file is never called damaged.

Closing a connection folds the write-ahead log (``-wal``) into the database file
(``wal_checkpoint(TRUNCATE)``), so the file alone holds every answer once topa has closed it.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..errors import DataError, Msg
from .paths import database_path
from .schema import APP_ID, MIGRATIONS, SCHEMA_VERSION, migrate, missing

__all__ = [
    "APP_ID",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Connection",
    "connect",
    "dumps",
    "failure",
    "inspect",
    "integrity_ok",
    "now_iso",
    "path_of",
    "transaction",
    "why",
]

BUSY_MS = 10_000  # how long a write waits for another topa's transaction
CLOSE_BUSY_MS = 500  # how long closing waits to fold the log in; another closer finishes the job
SIDE_FILES = ("-wal", "-shm", "-journal")  # SQLite's files that belong with the database file


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Connection(sqlite3.Connection):
    """A writable progress connection; ``close`` folds the write-ahead log into the file."""

    #: the database file
    path: Path | None = None
    #: tables and indexes that were missing and were recreated (empty) when it was opened
    recreated: tuple[str, ...] = ()

    def close(self) -> None:
        try:
            if self.in_transaction:
                self.rollback()
            self.execute(f"PRAGMA busy_timeout = {CLOSE_BUSY_MS}")
            self.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except sqlite3.Error:
            pass  # a busy or full disk: the log stays, whole, next to the file
        finally:
            super().close()


@dataclass(frozen=True)
class Inspection:
    """What the read-only look at an existing file found (it passed every check)."""

    version: int
    missing: tuple[str, ...]


def path_of(conn: sqlite3.Connection) -> Path:
    """The file behind a connection (for messages); never raises."""
    known = getattr(conn, "path", None)
    if known is not None:
        return known
    try:
        return Path(conn.execute("PRAGMA database_list").fetchone()[2])
    except sqlite3.Error:
        return Path("?")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``; rolled back on any exception (Ctrl-C included), even
    when it is the commit that fails (a full disk), so the connection is never left inside it."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise


# ------------------------------------------------------------------ errors of the place or the file
SQLITE_READONLY, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_NOTADB = 8, 11, 13, 26
SQLITE_BUSY, SQLITE_LOCKED = 5, 6


def read_only_place(path: Path) -> bool:
    folder = path.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except (OSError, AttributeError):  # no statvfs (Windows) or no folder
        pass
    if path.exists() and not os.access(path, os.W_OK):
        return True
    return folder.exists() and not os.access(folder, os.W_OK)


def disk_full(path: Path) -> bool:
    try:
        st = os.statvfs(path.parent)
    except (OSError, AttributeError):
        return False
    return st.f_bavail * st.f_frsize < (1 << 20) or st.f_bfree * st.f_frsize < (1 << 20)


def failure(
    exc: sqlite3.Error, path: Path, action: str = "open", cls: type[DataError] = DataError, **extra: object
) -> DataError:
    """The one line for an SQLite error met while ``action`` on ``path``.

    ``action`` names the message ``store.cannot_<action>`` (open, record, exam, save), whose
    ``{why}`` is one of ``store.why_<kind>``: damage (SQLITE_CORRUPT, SQLITE_NOTADB) is told
    apart from the place (a full disk, a read-only file or folder, another topa holding the
    lock) and from anything else. Damage found while opening gets the full ``store.damaged``.
    """
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        if action == "open":
            return cls.said("store.damaged", path=str(path), reason=str(exc))
        kind = "damaged"
    elif code == SQLITE_FULL:
        kind = "full"
    elif code == SQLITE_READONLY:
        kind = "read_only"
    elif code in (SQLITE_BUSY, SQLITE_LOCKED):
        kind = "busy"
    elif disk_full(path):  # a full disk often shows as an I/O error (the -shm cannot grow)
        kind = "full"
    elif read_only_place(path):  # a read-only folder often shows as "unable to open"
        kind = "read_only"
    else:
        kind = "other"
    reason = Msg(f"store.why_{kind}", {"detail": str(exc)})
    return cls.said(f"store.cannot_{action}", path=str(path), why=reason, **extra)


def why(err: DataError) -> str | None:
    """The kind of a :func:`failure` (``full``, ``read_only``, ``busy``, ``damaged``, ``other``)."""
    reason = err.values.get("why")
    return reason.key.removeprefix("store.why_") if isinstance(reason, Msg) else None


# ------------------------------------------------------------------ inspect: read only, writes nothing
def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to the database file.

    With neither ``-wal`` nor ``-shm`` beside it (no connection has it open, no crash left a
    log) the file alone is the whole database: it is read ``immutable``, which creates no
    side file at all. Otherwise ``mode=ro``, which reads the log (SQLite may rebuild the
    ``-shm`` index, never the file or the log); when even that cannot open (a read-only folder,
    a full disk) and the log is empty, ``immutable`` again.
    """
    uri = path.resolve().as_uri()
    log, index = Path(f"{path}-wal"), Path(f"{path}-shm")
    if log.exists() or index.exists():
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
            return conn
        except sqlite3.OperationalError:
            conn.close()
            if log.exists() and log.stat().st_size > 0:
                raise
    return sqlite3.connect(
        f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None, check_same_thread=False
    )


def inspect(path: Path) -> Inspection:
    """Check an existing file without writing to it; :class:`DataError` when it cannot be used."""
    try:
        conn = open_read_only(path)
    except sqlite3.Error as exc:
        raise failure(exc, path) from None
    with closing(conn):
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if app_id != APP_ID and tables > 0:
                raise DataError.said("store.foreign", path=str(path))
            if version > SCHEMA_VERSION:
                raise DataError.said("store.newer", path=str(path), version=version, ours=SCHEMA_VERSION)
            verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                reason = verdict.replace("*** in database main ***", "").strip().splitlines()[0]
                raise DataError.said("store.damaged", path=str(path), reason=reason)
            return Inspection(version, tuple(missing(conn)) if app_id == APP_ID else ())
        except sqlite3.Error as exc:
            raise failure(exc, path) from None


# ------------------------------------------------------------------ open for writing
def _open_writable(path: Path) -> Connection:
    conn = sqlite3.connect(
        path, timeout=BUSY_MS / 1000, isolation_level=None, check_same_thread=False, factory=Connection
    )
    conn.path = path
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL" if mode == "wal" else "PRAGMA synchronous = FULL")
        _prepare(conn, path)
        if Path(f"{path}-wal").exists() and Path(f"{path}-wal").stat().st_size > 0:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()  # a crash's answers into the file
        return conn
    except BaseException as exc:
        sqlite3.Connection.close(conn)  # no checkpoint: nothing of ours to fold in
        if isinstance(exc, sqlite3.Error):
            raise failure(exc, path) from None
        raise


def _prepare(conn: Connection, path: Path) -> None:
    """Migrations and missing tables in one transaction; writing ``user_version`` (rolled back
    when nothing changes) proves at once that the file can be written."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:  # a newer topa migrated it meanwhile
            raise DataError.said("store.newer", path=str(path), version=version, ours=SCHEMA_VERSION)
        conn.execute(f"PRAGMA user_version = {version}")
        ran, recreated = migrate(conn, version)
        conn.recreated = tuple(recreated) if version > 0 else ()  # a new file lacks nothing
        conn.execute("COMMIT" if ran or recreated else "ROLLBACK")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataError.said("store.home_create", path=str(folder), reason=exc.strerror or str(exc)) from None


def connect(path: Path | None = None, create: bool = True, write: bool = True) -> sqlite3.Connection:
    """Open (and if needed create, migrate or repair) the progress database.

    ``create=False``: :class:`DataError` when there is none yet. ``write=False``: a reading
    command; when the file cannot be written (read-only, or a full disk) it is read through a
    read-only connection.
    """
    path = path or database_path()
    try:
        exists = path.exists()
        existed = exists and path.stat().st_size > 0
    except OSError as exc:
        reason = Msg("store.why_other", {"detail": str(exc)})
        raise DataError.said("store.cannot_open", path=str(path), why=reason) from None
    if not exists and not create:
        raise DataError.said("store.missing", path=str(path))
    if not exists:
        _make_folder(path.parent)
    checked = inspect(path) if existed else None
    try:
        return _open_writable(path)
    except DataError as exc:
        if write or checked is None or why(exc) not in ("read_only", "full"):
            raise
    if checked.version < SCHEMA_VERSION or checked.missing:
        raise DataError.said("store.read_only_outdated", path=str(path))
    return open_read_only(path)


def integrity_ok(conn: sqlite3.Connection) -> bool:
    with closing(conn.execute("PRAGMA integrity_check")) as cur:
        return cur.fetchone()[0] == "ok"
