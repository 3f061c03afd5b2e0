"""The learner's plan: an exam date, the pass mark aimed at, and minutes of study a day.

One row at most: :func:`write_plan` replaces it, :func:`clear_plan` removes it. Whether a
date lies in the past is for the caller to judge (it has the clock); the values themselves
are checked here, with catalog messages.

    >>> Plan(date(2027, 3, 14), 70, 30).pass_mark
    70.0
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime

from ..errors import UsageError

MAX_DAILY_MINUTES = 24 * 60


@dataclass(frozen=True)
class Plan:
    exam_date: date
    pass_mark: float = 60.0
    daily_minutes: int = 20

    def __post_init__(self) -> None:
        if not isinstance(self.exam_date, date) or isinstance(self.exam_date, datetime):
            raise UsageError.said("store.plan_date", value=str(self.exam_date))
        mark = float(self.pass_mark)
        if not (math.isfinite(mark) and 0 <= mark <= 100):
            raise UsageError.said("store.plan_pass_mark", value=f"{mark:g}")
        minutes = self.daily_minutes
        if isinstance(minutes, bool) or int(minutes) != minutes or not 1 <= minutes <= MAX_DAILY_MINUTES:
            raise UsageError.said("store.plan_minutes", value=str(minutes), max=MAX_DAILY_MINUTES)
        object.__setattr__(self, "pass_mark", mark)
        object.__setattr__(self, "daily_minutes", int(minutes))


def read_plan(conn: sqlite3.Connection) -> Plan | None:
    """The stored plan, or None (none stored, or its row cannot be read)."""
    try:
        row = conn.execute("SELECT exam_date, pass_mark, daily_minutes FROM plan WHERE id = 1").fetchone()
    except sqlite3.OperationalError:  # a file read-only at an older schema: no plan table
        return None
    if row is None:
        return None
    try:
        return Plan(date.fromisoformat(row[0]), row[1], row[2])
    except (TypeError, ValueError, UsageError):
        return None


def _write(conn: sqlite3.Connection, sql: str, args: tuple[object, ...]) -> int:
    from .db import failure, path_of, transaction

    try:
        with transaction(conn):
            return conn.execute(sql, args).rowcount
    except sqlite3.Error as exc:
        raise failure(exc, path_of(conn), "save") from None


def write_plan(conn: sqlite3.Connection, plan: Plan, now: datetime | None = None) -> None:
    """Store ``plan``, replacing the one stored before."""
    when = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    _write(
        conn,
        "INSERT OR REPLACE INTO plan(id, exam_date, pass_mark, daily_minutes, updated_at) VALUES (1, ?, ?, ?, ?)",
        (plan.exam_date.isoformat(), plan.pass_mark, plan.daily_minutes, when),
    )


def clear_plan(conn: sqlite3.Connection) -> bool:
    """Remove the stored plan; whether there was one."""
    return _write(conn, "DELETE FROM plan", ()) > 0
