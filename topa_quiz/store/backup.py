"""Move the progress database aside (``topa reset``), with the files SQLite keeps next to it.

A backup is named ``progress.sqlite3.<date>-<time>-<microseconds>.bak``, with ``-2``,
``-3``, ... when that name is taken. Every name is reserved by creating it exclusively
(``O_CREAT | O_EXCL``) before anything moves, so two resets at the same instant, in one
process or two, never overwrite a backup, and a backup's ``-wal``/``-shm`` can only be its own.

A healthy database of ours is first folded into one self-contained file (its journal mode
is switched from WAL to DELETE, which checkpoints the write-ahead log and removes it); that
switch fails while another topa has the database open, and the reset is then refused
rather than moving a file from under a running quiz. A damaged or foreign file is not
written to: it moves as it is, together with its ``-wal``, ``-shm`` and ``-journal``.
If any step fails, what was moved is moved back: nothing is changed.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from ..errors import DataError, Msg
from .db import SIDE_FILES, inspect, read_only_place, why

__all__ = ["backup_names", "move_aside"]

SQLITE_BUSY, SQLITE_LOCKED = 5, 6


def _in_use(path: Path) -> DataError:
    return DataError.said("store.reset_busy", path=str(path))


def _fold_log(path: Path) -> None:
    """Make a healthy database of ours one file (no -wal); refuse while another topa uses it."""
    try:
        inspect(path)
    except DataError as exc:
        if why(exc) == "busy":
            raise _in_use(path) from None
        return  # damaged, foreign, newer or unreadable: moved as it is, never written to
    conn = sqlite3.connect(path, timeout=1.0, isolation_level=None)
    try:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.Error as exc:
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if code in (SQLITE_BUSY, SQLITE_LOCKED):
            raise _in_use(path) from None
        return  # e.g. a read-only place: the move below says so
    finally:
        conn.close()
    if mode != "delete":
        raise _in_use(path)


def backup_names(path: Path, stem: str) -> list[Path]:
    """The backup file and its side files for one stem, in :data:`SIDE_FILES` order."""
    main = path.with_name(stem)
    return [main, *(Path(f"{main}{suffix}") for suffix in SIDE_FILES)]


def _reserve(path: Path, now: datetime) -> list[Path]:
    """Create empty placeholders for a free backup name and its side files, exclusively."""
    base = f"{path.name}.{now:%Y%m%d-%H%M%S-%f}"
    for n in itertools.count(1):
        names = backup_names(path, f"{base}.bak" if n == 1 else f"{base}-{n}.bak")
        made: list[Path] = []
        try:
            for name in names:
                os.close(os.open(name, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
                made.append(name)
            return names
        except FileExistsError:
            pass  # taken (another reset at this very instant): try the next number
        finally:
            if len(made) != len(names):
                for name in made:
                    name.unlink(missing_ok=True)
    raise AssertionError("unreachable")  # pragma: no cover


def _cannot(path: Path, exc: OSError) -> DataError:
    kind = "read_only" if read_only_place(path) else "other"
    reason = Msg(f"store.why_{kind}", {"detail": exc.strerror or str(exc)})
    return DataError.said("store.cannot_reset", path=str(path), why=reason)


def move_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename ``path`` and its side files to a new backup name; the backup's path.

    :class:`DataError` when there is nothing to move, when another topa has it open, or
    when the folder does not allow it (then nothing is changed).
    """
    if not path.exists():
        raise DataError.said("store.missing", path=str(path))
    _fold_log(path)
    try:
        names = _reserve(path, now or datetime.now())
    except OSError as exc:
        raise _cannot(path, exc) from None
    sources = [path, *(Path(f"{path}{suffix}") for suffix in SIDE_FILES)]
    placeholders = set(names)
    moved: list[tuple[Path, Path]] = []
    try:
        for source, target in zip(sources, names, strict=True):
            if source.exists():
                os.replace(source, target)
                placeholders.discard(target)
                moved.append((source, target))
    except OSError as exc:
        for source, target in reversed(moved):
            try:
                os.replace(target, source)
            except OSError:
                placeholders.discard(target)  # stays moved: never delete it below
        raise _cannot(path, exc) from None
    finally:
        for name in placeholders:
            name.unlink(missing_ok=True)
    return names[0]
