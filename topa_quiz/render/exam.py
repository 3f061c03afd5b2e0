"""Rich renderables for the mock exam: the countdown line and the final report."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..bank.model import Bank
from .common import duration, mastery_bar, t
from .stats import _topic_name

if TYPE_CHECKING:  # the stats view must not pay for NumPy and the engine
    from ..session.items import Item
    from ..session.quiz import Attempt


def clock(seconds: float) -> str:
    """Remaining time as M:SS (minutes are not wrapped into hours)."""
    m, s = divmod(max(0, int(seconds + 0.999)), 60)
    return f"{m}:{s:02d}"


def progress_line(remaining: float, number: int, total: int, lang: str, width: int = 10) -> Text:
    """``⏱ 52:10 left  ███████░░░ 12/40``: the bar shows the questions already behind."""
    done = round((number - 1) / total * width) if total else 0
    style = "bold red" if remaining < 60 else "bold cyan"
    return Text.assemble(
        (f"⏱ {clock(remaining)} {t('left', lang)}", style),
        "  ",
        ("█" * done, "cyan"),
        ("░" * (width - done), "dim"),
        f" {number}/{total}",
    )


def _given_text(item: Item, attempt: Attempt | None, lang: str) -> Text:
    if attempt is None:
        return Text(t("unanswered", lang), style="dim")
    if attempt.given is None:
        return Text(t("skipped", lang), style="yellow")
    if item.kind == "choice" and attempt.given.isdigit():
        from ..session.items import circled

        k = int(attempt.given) - 1
        if 0 <= k < len(item.choices):
            return Text(f"{circled(k)} {item.choices[k].text}")
    return Text(attempt.given)


def exam_report(
    items: Sequence[Item],
    attempts: Sequence[Attempt],
    bank: Bank,
    lang: str,
    *,
    pass_mark: float,
    seconds: float,
    timed_out: bool,
    ended_early: bool,
) -> RenderableType:
    """PASS/FAIL over every exam question, the score per topic, then each question explained.

    ``attempts[i]`` belongs to ``items[i]``; questions past the end of ``attempts`` were not reached.
    """
    total = len(items)
    right = sum(a.correct for a in attempts)
    pct = 100.0 * right / total if total else 0.0
    passed = total > 0 and pct >= pass_mark
    head = Text.assemble(
        (t("pass" if passed else "fail", lang), "bold green" if passed else "bold red"),
        "  ",
        (f"{right}/{total}", "bold"),
        f" ({pct:.1f}%)",
        f" · {t('pass_mark', lang)} {pass_mark:g}% · {t('time', lang)} {duration(seconds)}",
    )
    if timed_out:
        head.append(f"  ⏱ {t('time_up', lang)}", style="bold red")
    elif ended_early:
        head.append(f"  ({t('ended_early', lang)})", style="dim")
    if len(attempts) < total:
        head.append(f"  [{t('unanswered', lang)} {total - len(attempts)}]", style="dim")

    per_topic: dict[str, list[int]] = {tid: [0, 0] for tid in bank.topics}
    for i, item in enumerate(items):
        tally = per_topic.setdefault(bank.topic_of(item.question), [0, 0])
        tally[1] += 1
        tally[0] += bool(i < len(attempts) and attempts[i].correct)
    topics = Table(box=box.SIMPLE_HEAD, pad_edge=False, title=t("by_topic", lang), title_justify="left")
    topics.add_column(t("topic", lang))
    topics.add_column(t("right", lang), justify="right")
    topics.add_column("", no_wrap=True)
    for tid, (ok, n) in per_topic.items():
        if n:
            topics.add_row(_topic_name(bank, tid, lang), f"{ok}/{n}", mastery_bar(ok / n, 10))

    review: list[RenderableType] = [Text(t("review", lang), style="bold")]
    for i, item in enumerate(items):
        attempt = attempts[i] if i < len(attempts) else None
        ok = bool(attempt and attempt.correct)
        prompt = " ".join(item.prompt.split())
        review.append(
            Text.assemble(
                ("✔ " if ok else "✘ ", "bold green" if ok else "bold red"),
                (f"{i + 1}. ", "bold"),
                (f"{_topic_name(bank, bank.topic_of(item.question), lang)} · {item.question.id}", "dim"),
            )
        )
        review.append(
            Padding(
                Group(
                    Text(prompt if len(prompt) <= 90 else prompt[:89] + "…"),
                    Text.assemble(
                        (f"{t('given', lang)}: ", "bold"),
                        _given_text(item, attempt, lang),
                        "   ",
                        (f"{t('answer', lang)}: ", "bold"),
                        item.answer_text(),
                    ),
                    Text.assemble((f"{t('explanation', lang)}: ", "bold"), item.explanation),
                ),
                (0, 0, 0, 3),
            )
        )
    return Group(head, Text(""), topics, *review)
