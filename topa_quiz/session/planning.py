"""The learner's plan: read, set, change and remove it, and keep the due dates in step with it.

A plan is an exam date, a pass mark and minutes of study a day (:class:`~topa_quiz.store.plan.Plan`).
Setting or changing it re-plans every card for the exam day with :func:`~.deadline.cap`
(kept only where it brings a review forward of FSRS's own, as the store does after a review);
removing it gives every card back FSRS's own due time (:func:`~.deadline.plain_due`). The plan
and the due dates are written in one transaction: on a failure nothing has changed.

Days are the learner's: ``tz`` is their time zone (the command line passes the local one),
``now`` an aware datetime. Every check raises a :class:`~topa_quiz.errors.UsageError` with a
catalog id and the domain field (``exam_date``, ``pass_mark``, ``daily_minutes``).

>>> from datetime import date
>>> parse_exam_date("2027-03-14", today=date(2027, 3, 1))
datetime.date(2027, 3, 14)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from typing import TYPE_CHECKING

from ..errors import UsageError
from .deadline import MemoryCard, cap, due_cap, plain_due  # noqa: F401 - due_cap re-exported

if TYPE_CHECKING:
    from ..store.plan import Plan

#: the most minutes a day a plan may ask for (ten hours)
MAX_DAILY_MINUTES = 600
DEFAULT_PASS_MARK = 60.0
DEFAULT_DAILY_MINUTES = 20
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class PlanRequest:
    """What ``topa plan`` was asked: each ``None`` keeps the stored plan's value (or the default)."""

    exam_date: str | None = None
    pass_mark: float | None = None
    daily_minutes: int | None = None


@dataclass(frozen=True)
class PlanSaved:
    plan: Plan
    replaced: bool  # a plan was stored before
    replanned: int  # cards whose due time changed


@dataclass(frozen=True)
class PlanCleared:
    removed: bool  # there was a plan
    restored: int  # cards given back FSRS's own due time


def local_day(now: datetime, tz: tzinfo = UTC) -> date:
    """The learner's calendar day at ``now``."""
    return now.astimezone(tz).date()


def parse_exam_date(text: str, today: date) -> date:
    """``YYYY-MM-DD``, today or later."""
    text = text.strip()
    try:
        if not _ISO_DAY.fullmatch(text):
            raise ValueError(text)
        day = date.fromisoformat(text)
    except ValueError:
        raise UsageError.said("planner.bad_date", field="exam_date", value=text) from None
    if day < today:
        raise UsageError.said("planner.past_date", field="exam_date", value=text, today=today.isoformat())
    return day


def check_pass_mark(value: float) -> float:
    if not (math.isfinite(value) and 0.0 <= value <= 100.0):
        raise UsageError.said("planner.bad_pass_mark", field="pass_mark", value=f"{value:g}")
    return float(value)


def check_daily_minutes(value: int) -> int:
    if not 1 <= value <= MAX_DAILY_MINUTES:
        raise UsageError.said(
            "planner.bad_minutes", field="daily_minutes", value=value, high=MAX_DAILY_MINUTES
        )
    return int(value)


def new_plan(request: PlanRequest, current: Plan | None, today: date) -> Plan:
    """The plan ``request`` asks for; what it leaves out comes from ``current`` (or the defaults)."""
    from ..store.plan import Plan

    if request.exam_date is None and current is None:
        raise UsageError.said("planner.needs_date", field="exam_date")
    exam = current.exam_date if request.exam_date is None else parse_exam_date(request.exam_date, today)  # type: ignore[union-attr]
    if request.exam_date is None and exam < today:
        raise UsageError.said(
            "planner.past_date", field="exam_date", value=exam.isoformat(), today=today.isoformat()
        )
    mark = (
        request.pass_mark
        if request.pass_mark is not None
        else (current.pass_mark if current else DEFAULT_PASS_MARK)
    )
    minutes = request.daily_minutes
    if minutes is None:
        minutes = current.daily_minutes if current else DEFAULT_DAILY_MINUTES
    return Plan(exam, check_pass_mark(mark), check_daily_minutes(minutes))


def planned_due(card: MemoryCard, exam_date: date | None, now: datetime, tz: tzinfo = UTC) -> datetime:
    """A card's due time under a plan for ``exam_date`` (None: FSRS's own), re-planned at ``now``.

    FSRS's own due time, brought forward by :func:`~.deadline.cap` where the exam needs it.
    """
    own = plain_due(card)
    if exam_date is None:
        return own
    return min(own, cap(own, card, exam_date, now, tz=tz))


def _reading():  # noqa: ANN202 - a read-only connection, or None before anything is stored
    from ..store.db import connect
    from ..store.paths import database_path

    path = database_path()
    return connect(path, create=False, write=False) if path.exists() else None


def current_plan() -> Plan | None:
    """The stored plan (None when there is none, or no database yet; nothing is created)."""
    from ..store.plan import read_plan

    conn = _reading()
    if conn is None:
        return None
    try:
        return read_plan(conn)
    finally:
        conn.close()


def save_plan(request: PlanRequest, now: datetime, tz: tzinfo = UTC) -> PlanSaved:
    """Store the plan ``request`` asks for and re-plan every card for its exam day."""
    from ..store.db import connect
    from ..store.memory import apply_plan
    from ..store.plan import read_plan

    today = local_day(now, tz)
    if request.exam_date is not None:  # a bad request is refused before the database is opened
        parse_exam_date(request.exam_date, today)
    for value, check in ((request.pass_mark, check_pass_mark), (request.daily_minutes, check_daily_minutes)):
        if value is not None:
            check(value)  # type: ignore[operator]
    conn = connect()
    try:
        plan = new_plan(request, read_plan(conn), today)
        replaced, changed = apply_plan(conn, plan, lambda c: planned_due(c, plan.exam_date, now, tz), now)
    finally:
        conn.close()
    return PlanSaved(plan, replaced, changed)


def clear_plan(now: datetime) -> PlanCleared:
    """Remove the plan and give every card back FSRS's own due time (nothing is created)."""
    from ..store.db import connect
    from ..store.memory import apply_plan
    from ..store.paths import database_path

    if not database_path().exists():
        return PlanCleared(False, 0)
    conn = connect(create=False)
    try:
        removed, changed = apply_plan(conn, None, lambda c: planned_due(c, None, now), now)
    finally:
        conn.close()
    return PlanCleared(removed, changed)
