"""Rich renderables for the mock exam: the countdown line and the final report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from .common import duration, mastery_bar, topic_name
from .text import plain

if TYPE_CHECKING:  # the stats view must not pay for NumPy and the engine
    from ..bank.model import Bank
    from ..i18n import Catalog
    from ..session.drill import Attempt
    from ..session.exam import Exam, ExamResult
    from ..session.items import Item


def clock(seconds: float) -> str:
    """Remaining time as M:SS (minutes are not wrapped into hours)."""
    m, s = divmod(max(0, int(seconds + 0.999)), 60)
    return f"{m}:{s:02d}"


def progress_line(remaining: float, number: int, total: int, words: Catalog, width: int = 10) -> Text:
    """``⏱ 52:10 left  ███████░░░ 12/40``: the bar shows the questions already behind."""
    done = round((number - 1) / total * width) if total else 0
    style = "bold red" if remaining < 60 else "bold cyan"
    return Text.assemble(
        (f"⏱ {clock(remaining)} {words('left')}", style),
        "  ",
        ("█" * done, "cyan"),
        ("░" * (width - done), "dim"),
        f" {number}/{total}",
    )


def _given_text(item: Item, attempt: Attempt | None, words: Catalog) -> Text:
    if attempt is None:
        return Text(words("unanswered"), style="dim")
    if attempt.given is None:
        return Text(words("skipped"), style="yellow")
    return plain(item.behaviour.given_text(item, attempt.given))


def result_line(result: ExamResult, words: Catalog) -> Text:
    """PASS/FAIL, the score, the pass mark, the time and how the exam ended."""
    passed = result.passed
    head = Text.assemble(
        (words("pass" if passed else "fail"), "bold green" if passed else "bold red"),
        "  ",
        (f"{result.right}/{result.total}", "bold"),
        f" ({result.percent:.1f}%)",
        f" · {words('pass_mark')} {result.pass_mark:g}% · {words('time')} {duration(result.seconds, words.lang)}",
    )
    if result.timed_out:
        head.append(f"  ⏱ {words('time_up')}", style="bold red")
    elif result.ended_early:
        head.append(f"  ({words('ended_early')})", style="dim")
    if result.answered < result.total:
        head.append(f"  [{words('unanswered')} {result.total - result.answered}]", style="dim")
    return head


def exam_report(exam: Exam, words: Catalog) -> RenderableType:
    """PASS/FAIL over every exam question, the score per topic, then each question explained."""
    result, bank, lang = exam.result, exam.bank, words.lang
    topics = Table(box=box.SIMPLE_HEAD, pad_edge=False, title=words("by_topic"), title_justify="left")
    topics.add_column(words("topic"))
    topics.add_column(words("right"), justify="right")
    topics.add_column("", no_wrap=True)
    for tid, (ok, n) in result.by_topic.items():
        topics.add_row(plain(topic_name(bank, tid, lang)), f"{ok}/{n}", mastery_bar(ok / n, 10))
    attempts = exam.summary.attempts
    review: list[RenderableType] = [Text(words("review"), style="bold")]
    for i, item in enumerate(exam.items):
        attempt = attempts[i] if i < len(attempts) else None
        review += _reviewed(i, item, attempt, bank, words)
    return Group(result_line(result, words), Text(""), topics, *review)


def _reviewed(
    i: int, item: Item, attempt: Attempt | None, bank: Bank, words: Catalog
) -> list[RenderableType]:
    ok = bool(attempt and attempt.correct)
    prompt = " ".join(item.prompt.split())
    where = f"{topic_name(bank, bank.topic_of(item.question), words.lang)} · {item.question.id}"
    head = Text.assemble(("✔ " if ok else "✘ ", "bold green" if ok else "bold red"), (f"{i + 1}. ", "bold"))
    head.append_text(plain(where, "dim"))
    given = Text(f"{words('given')}: ", style="bold")
    given.append_text(_given_text(item, attempt, words))
    given.append(f"   {words('answer')}: ", style="bold")
    given.append_text(plain(item.answer_text()))
    body = Group(
        plain(prompt if len(prompt) <= 90 else prompt[:89] + "…"),
        given,
        Text.assemble((f"{words('explanation')}: ", "bold"), plain(item.explanation)),
    )
    return [head, Padding(body, (0, 0, 0, 3))]
