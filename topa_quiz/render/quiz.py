"""Rich renderables for a quiz: the question panel, the feedback, the summary."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..bank.model import Bank
from ..session.grading import Answer, closeness
from ..session.items import Item, circled
from ..session.quiz import Summary
from .common import duration, mastery_bar, t
from .steps import steps_table


def question_panel(item: Item, number: int, total: int, topic: str, lang: str) -> Panel:
    body: list[RenderableType] = [Text(item.prompt)]
    if item.kind == "choice":
        options = Table.grid(padding=(0, 1))
        options.add_column(no_wrap=True)
        options.add_column(overflow="fold")
        for i, c in enumerate(item.choices):
            options.add_row(circled(i), c.text)
        body += [Text(""), options]
    elif item.kind == "ox":
        body += [Text(""), Text(f"O / X  ({t('ox_help', lang)})", style="bold")]
    else:
        extra = f" — {t('decimals', lang, n=item.decimals)}" if item.decimals is not None else ""
        body += [Text(""), Text(t("numeric_help", lang) + extra, style="dim")]
    title = f"[bold]{number}/{total}[/] · {topic}"
    if item.question.difficulty:
        title += " · " + "★" * item.question.difficulty
    return Panel(
        Group(*body),
        title=title,
        title_align="left",
        subtitle=t("commands", lang),
        subtitle_align="right",
        box=box.ROUNDED,
        padding=(0, 1),
    )


def hint_text(item: Item, lang: str) -> Text:
    return Text.assemble((f"💡 {t('hint', lang)}: ", "bold yellow"), item.hint or "—")


def feedback(item: Item, answer: Answer, lang: str) -> Group:
    parts: list[RenderableType] = []
    if answer.correct:
        parts.append(Text(f"✔ {t('correct', lang)}", style="bold green"))
    else:
        parts.append(Text(f"✘ {t('wrong', lang)}", style="bold red"))
    parts.append(Text.assemble((f"{t('answer', lang)}: ", "bold"), item.answer_text()))
    if item.kind == "numeric" and answer.value is not None:
        parts.append(
            Text(f"{t('your_value', lang)}: {answer.given} → {closeness(answer.value, item)}", style="dim")
        )
    if item.kind == "choice" and not answer.correct and answer.choice is not None:
        chosen = item.choices[answer.choice]
        parts.append(
            Text.assemble(
                (f"{t('your_choice', lang)} {circled(answer.choice)} {chosen.text}: ", "bold red"),
                chosen.why or "",
            )
        )
    parts.append(Text.assemble((f"{t('explanation', lang)}: ", "bold"), item.explanation))
    if item.calculation is not None:
        parts.append(steps_table(item.calculation, title=f"{t('steps', lang)} ({item.calculation.name})"))
    return Group(*parts)


def skipped_text(item: Item, lang: str) -> Text:
    return Text.assemble(
        (f"↷ {t('skipped', lang)}. ", "yellow"), (f"{t('answer', lang)}: ", "bold"), item.answer_text()
    )


def summary_view(s: Summary, bank: Bank, lang: str) -> RenderableType:
    answered = [a for a in s.attempts if not a.skipped]
    if not s.attempts:
        return Panel(Text(t("no_answers", lang)), title=t("summary", lang), box=box.ROUNDED)
    right = sum(a.correct for a in answered)
    pct = right / len(s.attempts) if s.attempts else 0.0
    head = Text.assemble(
        (f"{t('score', lang)}: ", "bold"),
        (f"{right}/{len(s.attempts)}", "bold green" if pct >= 0.6 else "bold red"),
        f" ({pct:.0%})   ",
        (f"{t('time', lang)}: ", "bold"),
        duration(s.seconds),
    )
    if s.ended_early:
        head.append(f"   ({t('ended_early', lang)}: {len(s.attempts)}/{s.planned})", style="dim")
    topics = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    topics.add_column(t("topic", lang))
    topics.add_column(t("right", lang), justify="right")
    topics.add_column("", no_wrap=True)
    for tid, (ok, n) in s.by_topic(bank).items():
        name = bank.topics[tid].get(lang) if tid in bank.topics else tid
        topics.add_row(name, f"{ok}/{n}", mastery_bar(ok / n if n else 0, 10))
    concepts = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    concepts.add_column(t("concept", lang))
    concepts.add_column(t("right", lang), justify="right")
    concepts.add_column("", no_wrap=True)
    for cid, (ok, n) in s.by_concept().items():
        c = bank.concepts.get(cid)
        concepts.add_row(c.name(lang) if c else cid, f"{ok}/{n}", mastery_bar(ok / n if n else 0, 10))
    weak = s.weakest(bank)
    if weak:
        study = Text(f"{t('study_next', lang)}: ", style="bold")
        study.append(", ".join(f"{bank.concepts[c].name(lang)} ({c})" for c in weak if c in bank.concepts))
        study.append("\n→ topa quiz --concept " + weak[0], style="dim")
    else:
        study = Text(t("all_good", lang), style="green")
    return Panel(
        Group(head, topics, concepts, study), title=t("summary", lang), title_align="left", box=box.ROUNDED
    )
