"""Renderables for ``topa plan``, ``topa today`` and the forecast in ``topa stats``.

Plain lines and small tables that wrap at any width (the pages are checked at 60 columns);
words from the catalog, bank names through :func:`~.text.plain`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from .labels import concept_name, mastery_bar, topic_name
from .text import plain

if TYPE_CHECKING:
    from ..bank.model import Bank
    from ..i18n import Catalog
    from ..session.planning import PlanCleared, PlanSaved
    from ..session.readiness import Readiness
    from ..session.today import Today
    from ..store.plan import Plan


def _mark(value: float) -> str:
    return f"{value:g}"


def days_left_text(exam_date: date, today: date, words: Catalog) -> str:
    days = (exam_date - today).days
    if days > 0:
        return words("planner.days_left", n=days)
    return words("planner.exam_today") if days == 0 else words("planner.exam_past", n=-days)


def plan_lines(plan: Plan, today: date, words: Catalog) -> Text:
    """The plan in three lines: the exam day and the days left, the pass mark, the daily minutes."""
    return Text.assemble(
        (f"{words('planner.exam_date')}: ", "bold"),
        f"{plan.exam_date.isoformat()} ({days_left_text(plan.exam_date, today, words)})\n",
        (f"{words('planner.pass_mark')}: ", "bold"),
        f"{_mark(plan.pass_mark)}%\n",
        (f"{words('planner.daily')}: ", "bold"),
        words("planner.minutes", n=plan.daily_minutes),
    )


def plan_view(plan: Plan | None, today: date, words: Catalog) -> RenderableType:
    """``topa plan`` with no options."""
    if plan is None:
        return Group(Text(words("planner.none")), Text(f"→ {words('planner.set_hint')}", style="dim"))
    return Group(
        Text(words("planner.title"), style="bold"), plan_lines(plan, today, words), _next_step(words)
    )


def _next_step(words: Catalog) -> Text:
    return Text(f"→ {words('planner.today_hint')}", style="dim")


def plan_saved_view(saved: PlanSaved, today: date, words: Catalog) -> RenderableType:
    head = words("planner.replaced" if saved.replaced else "planner.saved")
    parts: list[RenderableType] = [Text(head, style="bold green"), plan_lines(saved.plan, today, words)]
    if saved.replanned:
        parts.append(Text(words("planner.replanned", n=saved.replanned)))
    parts.append(_next_step(words))
    return Group(*parts)


def plan_cleared_view(cleared: PlanCleared, words: Catalog) -> RenderableType:
    if not cleared.removed:
        return Text(words("planner.nothing_to_clear"))
    parts: list[RenderableType] = [Text(words("planner.cleared"), style="bold")]
    if cleared.restored:
        parts.append(Text(words("planner.restored", n=cleared.restored)))
    return Group(*parts)


# ------------------------------------------------------------------ the forecast
def readiness_line(r: Readiness, words: Catalog) -> Text:
    """``Forecast for 2027-03-14: 62.5 (57.5-70.0) · 71% chance to pass (pass mark 60%)``."""
    when = r.exam_date.isoformat() if r.exam_date else words("ready.today")
    line = Text.assemble((f"{words('ready.title', when=when)}: ", "bold"))
    style = "green" if r.predicted_score >= r.pass_mark else "red"
    line.append(words("ready.score", score=f"{r.predicted_score:.1f}"), style=f"bold {style}")
    line.append(f" ({r.low:.1f}–{r.high:.1f}) · ")
    line.append(
        words("ready.chance", p=f"{100 * r.pass_probability:.0f}", mark=_mark(r.pass_mark)),
        style="bold",
    )
    return line


def readiness_table(r: Readiness, bank: Bank | None, words: Catalog) -> Table:
    """The predicted score per topic, in the exam's topic order."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, title=words("ready.by_topic"), title_justify="left")
    table.add_column(words("topic"), overflow="fold")
    table.add_column(words("ready.predicted"), justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    for tid, score in r.topics.items():
        table.add_row(
            plain(topic_name(bank, tid, words.lang)), f"{score:.1f}", mastery_bar(score / 100.0, 10)
        )
    return table


def readiness_view(r: Readiness, bank: Bank | None, words: Catalog) -> RenderableType:
    parts: list[RenderableType] = [readiness_line(r, words)]
    if r.topics:
        parts.append(readiness_table(r, bank, words))
    parts.append(Text(words("ready.how"), style="dim"))
    return Group(*parts)


# ------------------------------------------------------------------ today
def _label(text: str) -> Text:
    return Text(f"{text}: ", style="bold")


def _header(t: Today, words: Catalog) -> Text:
    head = Text(words("today.title", day=t.today.isoformat()), style="bold")
    if t.exam_date is None:
        head.append("\n" + words("today.no_plan"), style="yellow")
    else:
        head.append("\n" + words("today.exam", date=t.exam_date.isoformat()))
        head.append(f" · {days_left_text(t.exam_date, t.today, words)}", style="bold")
    return head


def _reviews(t: Today, words: Catalog) -> Text:
    line = _label(words("today.reviews"))
    if not t.reviews:
        return line.append(words("today.no_reviews"))
    line.append(words("today.cards", n=t.reviews))
    return line.append(f"\n  → topa review -n {t.reviews}", style="cyan")


def _concepts(t: Today, bank: Bank, words: Catalog) -> RenderableType:
    line = _label(words("today.new"))
    if not t.new_concepts:
        key = "today.all_met" if not t.concepts_left else "today.no_new"
        return line.append(words(key, n=t.concepts_left))
    line.append(words("today.new_count", n=len(t.new_concepts), left=t.concepts_left))
    rows = [line]
    for cid in t.new_concepts:
        row = Text("  • ")
        row.append_text(plain(concept_name(bank, cid, words.lang)))
        row.append(f"\n    → topa learn {cid}", style="cyan")
        rows.append(row)
    return Group(*rows)


def _exam(t: Today, words: Catalog) -> Text:
    from ..session.today import EXAM_WINDOW_DAYS

    line = _label(words("today.mock"))
    day = t.last_exam.isoformat() if t.last_exam else ""
    if t.exam_due:
        line.append(words("today.mock_due" if t.last_exam is None else "today.mock_again", day=day))
        return line.append("\n  → topa exam", style="cyan")
    if t.last_exam is not None and t.stage not in ("exam_day", "past"):
        return line.append(words("today.mock_recent", day=day))
    if t.stage in ("learn", "review"):
        return line.append(words("today.mock_not_yet", window=EXAM_WINDOW_DAYS))
    if t.stage == "no_plan":
        return line.append(words("today.mock_half"))
    return line.append(words("today.mock_none"))


def _minutes(t: Today, words: Catalog) -> Text:
    from ..session.today import MINUTES_PER_CONCEPT, MINUTES_PER_EXAM, MINUTES_PER_REVIEW

    line = _label(words("today.time"))
    line.append(words("today.minutes", n=f"{t.minutes:.0f}", daily=t.daily_minutes))
    if t.over:
        line.append(" " + words("today.over", n=f"{t.over:.0f}"), style="yellow")
    assumption = words(
        "today.assumed",
        review=f"{MINUTES_PER_REVIEW:g}",
        concept=f"{MINUTES_PER_CONCEPT:g}",
        exam=f"{MINUTES_PER_EXAM:g}",
    )
    return line.append(f"\n  ({assumption})", style="dim")


def today_view(t: Today, bank: Bank, words: Catalog) -> RenderableType:
    """The day's page: the days left, today's work, the minutes, the forecast and the advice."""
    parts: list[RenderableType] = [
        _header(t, words),
        Text(""),
        _reviews(t, words),
        _concepts(t, bank, words),
        _exam(t, words),
        _minutes(t, words),
        Text(""),
        readiness_line(t.readiness, words),
        Text(""),
        Text(words(f"today.advice.{t.stage}")),
    ]
    if t.exam_date is None:
        parts.append(Text(f"→ {words('planner.set_hint')}", style="cyan"))
    return Group(*parts)
