"""Rich renderables for the mock exam (progress line, final report) and for ``topa stats``."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..bank.model import Bank
from ..session.items import Item, circled
from ..session.quiz import Attempt

MESSAGES = {
    "left": ("남음", "left"),
    "pass": ("합격 PASS", "PASS"),
    "fail": ("불합격 FAIL", "FAIL"),
    "pass_mark": ("합격 기준", "pass mark"),
    "time": ("시간", "time"),
    "time_up": ("시간 종료", "time is up"),
    "ended_early": ("중간에 끝냄", "ended early"),
    "unanswered": ("미응답", "unanswered"),
    "skipped": ("건너뜀", "skipped"),
    "given": ("입력", "Given"),
    "answer": ("정답", "Answer"),
    "explanation": ("해설", "Explanation"),
    "topic": ("주제", "Topic"),
    "concept": ("개념", "Concept"),
    "right": ("정답", "Right"),
    "accuracy": ("정답률", "Accuracy"),
    "by_topic": ("주제별 점수", "Score by topic"),
    "review": ("문항별 풀이", "Every question"),
    "no_hints": ("모의고사에서는 힌트를 볼 수 없습니다.", "No hints during an exam."),
    "exam_commands": ("s=건너뛰기  q=끝내기", "s=skip  q=end the exam"),
    "exam_title": ("모의고사: {n}문항 · {minutes} · 합격 기준 {mark}%",
                   "Mock exam: {n} questions · {minutes} · pass mark {mark}%"),
    "exam_rules": ("정답과 해설은 시험이 끝난 뒤에 보여 줍니다. 답하지 못한 문항은 오답입니다.",
                   "Answers and explanations come at the end; unanswered questions count wrong."),
    "nothing_yet": ("아직 기록된 학습이 없습니다. 기록은 여기에 저장됩니다: {path}",
                    "Nothing is recorded yet; progress will be kept in {path}"),
    "answers": ("응답", "Answers"),
    "since": ("최근 {days}일", "last {days} days"),
    "all_time": ("전체 기간", "all time"),
    "weakest": ("약한 개념", "Weakest concepts"),
    "no_weak": ("2번 이상 답한 개념 중 틀린 개념이 없습니다.", "No missed concept with at least 2 answers."),
    "streak": ("연속 학습", "Study streak"),
    "days": ("{n}일", "{n} day(s)"),
    "exams": ("모의고사 기록", "Exam history"),
    "date": ("날짜", "Date"),
    "score": ("점수", "Score"),
    "result": ("결과", "Result"),
    "no_exams": ("아직 본 모의고사가 없습니다 (topa exam).", "No exams taken yet (topa exam)."),
    "due": ("지금 복습할 카드", "Cards due for review now"),
    "of_cards": ("전체 {n}장 중", "of {n}"),
    "database": ("데이터베이스", "Database"),
}


def t(key: str, lang: str, **kw: object) -> str:
    ko, en = MESSAGES[key]
    return (en if lang == "en" else ko).format(**kw)


def mastery_style(ratio: float) -> str:
    """red below 50 %, yellow below 80 %, green otherwise."""
    return "red" if ratio < 0.5 else "yellow" if ratio < 0.8 else "green"


def mastery_bar(ratio: float, width: int = 20) -> Text:
    filled = round(ratio * width)
    return Text("█" * filled + "░" * (width - filled), style=mastery_style(ratio))


def clock(seconds: float) -> str:
    """Remaining time as M:SS (minutes are not wrapped into hours)."""
    m, s = divmod(max(0, int(seconds + 0.999)), 60)
    return f"{m}:{s:02d}"


def duration(seconds: float) -> str:
    m, s = divmod(int(round(seconds)), 60)
    return f"{m}m {s:02d}s" if m else f"{s}s"


def progress_line(remaining: float, number: int, total: int, lang: str, width: int = 10) -> Text:
    """``⏱ 52:10 left  ███████░░░ 12/40``: the bar shows the questions already behind."""
    done = round((number - 1) / total * width) if total else 0
    style = "bold red" if remaining < 60 else "bold cyan"
    return Text.assemble((f"⏱ {clock(remaining)} {t('left', lang)}", style), "  ",
                         ("█" * done, "cyan"), ("░" * (width - done), "dim"), f" {number}/{total}")


def _topic_name(bank: Bank, tid: str, lang: str) -> str:
    return bank.topics[tid].get(lang) if tid in bank.topics else tid


def _given_text(item: Item, attempt: Attempt | None, lang: str) -> Text:
    if attempt is None:
        return Text(t("unanswered", lang), style="dim")
    if attempt.given is None:
        return Text(t("skipped", lang), style="yellow")
    if item.kind == "choice" and attempt.given.isdigit():
        k = int(attempt.given) - 1
        if 0 <= k < len(item.choices):
            return Text(f"{circled(k)} {item.choices[k].text}")
    return Text(attempt.given)


def exam_report(items: Sequence[Item], attempts: Sequence[Attempt], bank: Bank, lang: str, *, pass_mark: float,
                seconds: float, timed_out: bool, ended_early: bool) -> RenderableType:
    """PASS/FAIL over every exam question, the score per topic, then each question explained.

    ``attempts[i]`` belongs to ``items[i]``; questions past the end of ``attempts`` were not reached.
    """
    total = len(items)
    right = sum(a.correct for a in attempts)
    pct = 100.0 * right / total if total else 0.0
    passed = total > 0 and pct >= pass_mark
    head = Text.assemble(
        (t("pass" if passed else "fail", lang), "bold green" if passed else "bold red"),
        "  ", (f"{right}/{total}", "bold"), f" ({pct:.1f}%)",
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
        review.append(Text.assemble(
            ("✔ " if ok else "✘ ", "bold green" if ok else "bold red"), (f"{i + 1}. ", "bold"),
            (f"{_topic_name(bank, bank.topic_of(item.question), lang)} · {item.question.id}", "dim"),
        ))
        review.append(Padding(Group(
            Text(prompt if len(prompt) <= 90 else prompt[:89] + "…"),
            Text.assemble((f"{t('given', lang)}: ", "bold"), _given_text(item, attempt, lang),
                          "   ", (f"{t('answer', lang)}: ", "bold"), item.answer_text()),
            Text.assemble((f"{t('explanation', lang)}: ", "bold"), item.explanation),
        ), (0, 0, 0, 3)))
    return Group(head, Text(""), topics, *review)


def stats_view(data: dict, bank: Bank | None, lang: str) -> RenderableType:
    """``topa stats`` as tables; ``data`` is :func:`topa_quiz.store.stats.as_json`'s dictionary."""

    def concept_name(cid: str) -> str:
        c = bank.concepts.get(cid) if bank else None
        return c.name(lang) if c else cid

    def topic_name(tid: str) -> str:
        return _topic_name(bank, tid, lang) if bank else tid

    def pct(figure: dict) -> str:
        return "—" if figure["accuracy"] is None else f"{100 * figure['accuracy']:.1f}%"

    window = t("since", lang, days=data["since_days"]) if data["since_days"] else t("all_time", lang)
    parts: list[RenderableType] = [Text.assemble(
        (f"{t('answers', lang)}: ", "bold"), f"{data['answers']}  ", (f"{t('accuracy', lang)}: ", "bold"),
        pct(data), f"  ({window})")]

    topic_order = list(bank.topics) if bank else []
    concept_order = list(bank.concepts) if bank else []

    def ordered(keys: Sequence[str], order: list[str]) -> list[str]:
        return sorted(keys, key=lambda k: (order.index(k) if k in order else len(order), k))

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(f"{t('topic', lang)} / {t('concept', lang)}")
    table.add_column(t("right", lang), justify="right")
    table.add_column("%", justify="right")
    table.add_column("", no_wrap=True)
    for tid in ordered(list(data["topics"]), topic_order):
        f = data["topics"][tid]
        table.add_row(Text(topic_name(tid), style="bold"), f"{f['correct']}/{f['answers']}", pct(f),
                      mastery_bar(f["accuracy"] or 0.0))
        for cid in ordered([c for c in data["concepts"] if c.split(".")[0] == tid], concept_order):
            g = data["concepts"][cid]
            table.add_row(Text(f"  {concept_name(cid)}"), f"{g['correct']}/{g['answers']}", pct(g),
                          mastery_bar(g["accuracy"] or 0.0, 12))
    others = [c for c in data["concepts"] if c.split(".")[0] not in data["topics"]]
    for cid in sorted(others):
        g = data["concepts"][cid]
        table.add_row(Text(f"  {concept_name(cid)}"), f"{g['correct']}/{g['answers']}", pct(g),
                      mastery_bar(g["accuracy"] or 0.0, 12))
    if data["topics"]:
        parts.append(table)

    weak = Text(f"{t('weakest', lang)}: ", style="bold")
    if data["weakest"]:
        weak.append(", ".join(f"{concept_name(w['concept'])} {pct(w)} ({w['correct']}/{w['answers']})"
                              for w in data["weakest"]), style="")
        weak.append(f"\n→ topa quiz --concept {data['weakest'][0]['concept']}", style="dim")
    else:
        weak.append(t("no_weak", lang), style="green")
    parts.append(weak)
    parts.append(Text.assemble((f"{t('streak', lang)}: ", "bold"),
                               (f"🔥 {t('days', lang, n=data['streak_days'])}", "bold yellow"
                                if data["streak_days"] else "dim")))

    if data["exams"]:
        exams = Table(box=box.SIMPLE_HEAD, pad_edge=False, title=t("exams", lang), title_justify="left")
        exams.add_column(t("date", lang))
        exams.add_column(t("score", lang), justify="right")
        exams.add_column(t("result", lang))
        for e in data["exams"][:10]:
            from datetime import datetime

            when = datetime.fromisoformat(e["started_at"]).astimezone().strftime("%Y-%m-%d %H:%M")
            result = Text(t("pass" if e["passed"] else "fail", lang), style="green" if e["passed"] else "red")
            if e["timed_out"]:
                result.append(" ⏱", style="dim")
            exams.add_row(when, f"{e['correct']}/{e['total']} ({e['score']:.1f}%)", result)
        parts.append(exams)
    else:
        parts.append(Text(t("no_exams", lang), style="dim"))
    parts.append(Text.assemble((f"{t('due', lang)}: ", "bold"), f"{data['cards']['due']} ",
                               (f"({t('of_cards', lang, n=data['cards']['total'])})", "dim")))
    parts.append(Text.assemble((f"{t('database', lang)}: ", "bold"), (data["database"], "dim")))
    return Group(*parts)
