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
from .steps import steps_table

MESSAGES = {
    "correct": ("정답입니다!", "Correct!"),
    "wrong": ("오답입니다.", "Not quite."),
    "answer": ("정답", "Answer"),
    "your_choice": ("선택한 답", "Your choice"),
    "why_wrong": ("왜 틀렸나", "Why it is wrong"),
    "explanation": ("해설", "Explanation"),
    "steps": ("계산 과정", "Worked steps"),
    "your_value": ("입력한 값", "Your value"),
    "hint": ("힌트", "Hint"),
    "skipped": ("건너뜀", "Skipped"),
    "commands": ("?=힌트  s=건너뛰기  q=끝내기", "?=hint  s=skip  q=quit"),
    "ox_help": ("O 또는 X", "O or X"),
    "numeric_help": ("숫자로 답하세요", "answer with a number"),
    "decimals": ("소수점 {n}자리", "{n} decimals"),
    "score": ("점수", "Score"),
    "time": ("시간", "Time"),
    "topic": ("주제", "Topic"),
    "concept": ("개념", "Concept"),
    "right": ("정답", "Right"),
    "answered": ("응답", "Answered"),
    "study_next": ("다음에 공부할 개념", "Study next"),
    "all_good": ("틀린 개념이 없습니다. 잘했어요!", "No weak concepts this time. Well done!"),
    "summary": ("결과", "Summary"),
    "ended_early": ("중간에 끝냈습니다", "ended early"),
    "no_answers": ("답한 문제가 없습니다.", "No questions were answered."),
}


def t(key: str, lang: str, **kw: object) -> str:
    ko, en = MESSAGES[key]
    return (en if lang == "en" else ko).format(**kw)


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


def _bar(ratio: float, width: int = 10) -> Text:
    filled = round(ratio * width)
    style = "green" if ratio >= 0.8 else "yellow" if ratio >= 0.5 else "red"
    return Text("█" * filled + "░" * (width - filled), style=style)


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
        _duration(s.seconds),
    )
    if s.ended_early:
        head.append(f"   ({t('ended_early', lang)}: {len(s.attempts)}/{s.planned})", style="dim")
    topics = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    topics.add_column(t("topic", lang))
    topics.add_column(t("right", lang), justify="right")
    topics.add_column("", no_wrap=True)
    for tid, (ok, n) in s.by_topic(bank).items():
        name = bank.topics[tid].get(lang) if tid in bank.topics else tid
        topics.add_row(name, f"{ok}/{n}", _bar(ok / n if n else 0))
    concepts = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    concepts.add_column(t("concept", lang))
    concepts.add_column(t("right", lang), justify="right")
    concepts.add_column("", no_wrap=True)
    for cid, (ok, n) in s.by_concept().items():
        c = bank.concepts.get(cid)
        concepts.add_row(c.name(lang) if c else cid, f"{ok}/{n}", _bar(ok / n if n else 0))
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


def _duration(seconds: float) -> str:
    m, s = divmod(int(round(seconds)), 60)
    return f"{m}m {s:02d}s" if m else f"{s}s"
