"""Study statistics from the progress database: every figure is aggregated in SQL.

Built for large histories (100,000 answers and more): counts and sums are grouped in
SQLite, per-concept figures expand ``answers.concepts`` with ``json_each``, the ``--since``
window is a range on the ``answers_time`` index, and the streak probes the same index one
local calendar day at a time instead of reading every answer.

A row whose concept list is not a JSON list (damaged text) is left out and counted in
``skipped``; an error of the file itself is one line (:func:`topa_quiz.store.db.failure`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

#: concepts need at least this many answers to be listed among the weakest
WEAK_MIN_ANSWERS = 2
WEAK_COUNT = 5


@dataclass(frozen=True)
class Tally:
    answers: int
    correct: int

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answers if self.answers else None


@dataclass(frozen=True)
class ExamRow:
    started_at: str  # ISO 8601, UTC
    total: int
    correct: int
    pass_mark: float
    passed: bool
    timed_out: bool
    minutes: float
    seconds: float
    abandoned: bool = False  # ended by Ctrl-C: neither passed nor failed
    answered: int = 0  # questions answered or skipped before the exam ended

    @property
    def score(self) -> float:
        return 100.0 * self.correct / self.total if self.total else 0.0


@dataclass
class Stats:
    since_days: int | None
    overall: Tally
    topics: dict[str, Tally] = field(default_factory=dict)
    concepts: dict[str, Tally] = field(default_factory=dict)
    weakest: list[str] = field(default_factory=list)
    streak: int = 0
    last_day: date | None = None
    exams: list[ExamRow] = field(default_factory=list)
    cards: int = 0
    due: int = 0
    latest_due: str | None = None  # the last due time of any card (ISO 8601, UTC)
    skipped: int = 0  # answers left out: their concept list could not be read


def utc_iso(moment: datetime) -> str:
    """The stored timestamp format (see :func:`topa_quiz.store.db.now_iso`), so text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def local_day_bounds(day: date) -> tuple[str, str]:
    """[start, end) of a local calendar day, as stored UTC timestamps."""
    start = datetime.combine(day, time.min).astimezone()  # local midnight (DST-aware)
    end = datetime.combine(day + timedelta(days=1), time.min).astimezone()
    return utc_iso(start), utc_iso(end)


def study_streak(conn: sqlite3.Connection, today: date | None = None) -> tuple[int, date | None]:
    """Consecutive local days with an answer, ending today (or yesterday if nothing yet today).

    Returns (days, the most recent day of the run). Each probe is one index lookup.
    """
    today = today or datetime.now().astimezone().date()

    def studied(day: date) -> bool:
        start, end = local_day_bounds(day)
        return (
            conn.execute(
                "SELECT EXISTS(SELECT 1 FROM answers WHERE answered_at >= ? AND answered_at < ?)",
                (start, end),
            ).fetchone()[0]
            == 1
        )

    day = today if studied(today) else today - timedelta(days=1)
    last = day
    days = 0
    while studied(day):
        days += 1
        day -= timedelta(days=1)
    return days, (last if days else None)


#: a list of concepts that json_each can expand; CASE keeps json_type from reading bad JSON
_IS_LIST = "(CASE WHEN json_valid({c}) THEN json_type({c}) END) = 'array'"


def collect(conn: sqlite3.Connection, since_days: int | None = None, now: datetime | None = None) -> Stats:
    """Every figure of ``topa stats``; ``since_days`` limits answers and exams to that window."""
    from .db import failure, path_of

    try:
        return _collect(conn, since_days, now or datetime.now(UTC))
    except sqlite3.Error as exc:
        raise failure(exc, path_of(conn)) from None


def _collect(conn: sqlite3.Connection, since_days: int | None, now: datetime) -> Stats:
    where, args = "", ()
    if since_days is not None:
        args = (utc_iso(now - timedelta(days=since_days)),)
        # a range on answers_time: without ANALYZE data the planner would rather walk answers_topic
        # for the GROUP BY and look every row up; answers are appended in time order, so the
        # range reads the table nearly sequentially even when the window holds most of it
        where = " INDEXED BY answers_time WHERE answered_at >= ?"
    stats = Stats(since_days, Tally(0, 0))
    # covering index answers_topic (topic, correct) without --since, answers_time with it
    for topic, n, ok in conn.execute(
        f"SELECT topic, count(*), sum(correct) FROM answers{where} GROUP BY topic", args
    ):
        stats.topics[str(topic)] = Tally(n, ok)
    stats.overall = Tally(
        sum(t.answers for t in stats.topics.values()), sum(t.correct for t in stats.topics.values())
    )
    _concepts(conn, stats, where, args)
    candidates = [
        (t.correct / t.answers, -t.answers, cid)
        for cid, t in stats.concepts.items()
        if t.answers >= WEAK_MIN_ANSWERS and t.correct < t.answers
    ]
    stats.weakest = [cid for _, _, cid in sorted(candidates)[:WEAK_COUNT]]
    stats.streak, stats.last_day = study_streak(conn)
    stats.exams = _exams(conn, since_days is not None, args)
    stats.cards, stats.due, stats.latest_due = conn.execute(
        "SELECT count(*), count(*) FILTER (WHERE due <= ?),"
        " max(due) FILTER (WHERE due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*') FROM cards",
        (utc_iso(now),),
    ).fetchone()
    return stats


def _concepts(conn: sqlite3.Connection, stats: Stats, where: str, args: tuple[str, ...]) -> None:
    """Per-concept tallies; rows whose list is unreadable are counted in ``stats.skipped``."""
    # group by the JSON list first (a few distinct lists), then expand each list once
    groups = f"SELECT concepts, count(*) AS n, sum(correct) AS ok FROM answers{where} GROUP BY concepts"
    for concept, n, ok in conn.execute(
        f"SELECT j.value, sum(g.n), sum(g.ok) FROM ({groups} HAVING {_IS_LIST.format(c='concepts')}) AS g,"
        " json_each(g.concepts) AS j GROUP BY j.value",
        args,
    ):
        stats.concepts[str(concept)] = Tally(n, ok)
    bad = conn.execute(
        f"SELECT sum(n) FROM ({groups} HAVING NOT coalesce({_IS_LIST.format(c='concepts')}, 0))", args
    ).fetchone()[0]
    stats.skipped = int(bad or 0)


def _exams(conn: sqlite3.Connection, windowed: bool, args: tuple[str, ...]) -> list[ExamRow]:
    """Exams, newest first; ``answered`` (answers and skips recorded) of a file older than the
    column is counted from its answers."""
    exam_where = " WHERE s.started_at >= ?" if windowed else ""
    rows = conn.execute(
        "SELECT s.started_at, e.total, e.correct, e.pass_mark, e.passed, e.timed_out, e.minutes, e.seconds,"
        " e.abandoned, coalesce(e.answered, (SELECT count(*) FROM answers a WHERE a.session_id = e.session_id))"
        f" FROM exams AS e JOIN sessions AS s ON s.id = e.session_id{exam_where}"
        " ORDER BY s.started_at DESC",
        args,
    )
    return [
        ExamRow(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5]), r[6], r[7], bool(r[8]), int(r[9]))
        for r in rows
    ]


def _figure(t: Tally) -> dict[str, object]:
    return {
        "answers": t.answers,
        "correct": t.correct,
        "accuracy": None if t.accuracy is None else round(t.accuracy, 4),
    }


def as_json(stats: Stats, database: str) -> dict[str, object]:
    """The figures as plain JSON values (ids, not display names)."""
    return {
        "database": database,
        "since_days": stats.since_days,
        **_figure(stats.overall),
        "topics": {k: _figure(v) for k, v in sorted(stats.topics.items())},
        "concepts": {k: _figure(v) for k, v in sorted(stats.concepts.items())},
        "weakest": [{"concept": c, **_figure(stats.concepts[c])} for c in stats.weakest],
        "streak_days": stats.streak,
        "last_study_day": stats.last_day.isoformat() if stats.last_day else None,
        "exams": [
            {
                "started_at": e.started_at,
                "total": e.total,
                "correct": e.correct,
                "score": round(e.score, 2),
                "pass_mark": e.pass_mark,
                "passed": None if e.abandoned else e.passed,
                "abandoned": e.abandoned,
                "answered": e.answered,
                "timed_out": e.timed_out,
                "minutes": e.minutes,
                "seconds": round(e.seconds, 1),
            }
            for e in stats.exams
        ],
        "cards": {"total": stats.cards, "due": stats.due, "latest_due": stats.latest_due},
        "skipped_answers": stats.skipped,
    }
