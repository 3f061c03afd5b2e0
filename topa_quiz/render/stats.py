"""Rich renderables for the mock exam (progress line, final report) and for ``topa stats``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..bank.model import Bank
from .labels import mastery_bar, t

if TYPE_CHECKING:  # the stats view must not pay for NumPy and the engine
    pass


def _topic_name(bank: Bank, tid: str, lang: str) -> str:
    return bank.topics[tid].get(lang) if tid in bank.topics else tid


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
    parts: list[RenderableType] = [
        Text.assemble(
            (f"{t('answers', lang)}: ", "bold"),
            f"{data['answers']}  ",
            (f"{t('accuracy', lang)}: ", "bold"),
            pct(data),
            f"  ({window})",
        )
    ]

    topic_order = list(bank.topics) if bank else []
    concept_order = list(bank.concepts) if bank else []

    def ordered(keys: Sequence[str], order: list[str]) -> list[str]:
        return sorted(keys, key=lambda k: (order.index(k) if k in order else len(order), k))

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(f"{t('topic', lang)} / {t('concept', lang)}")
    table.add_column(t("right", lang), justify="right")
    table.add_column("%", justify="right")
    table.add_column("", no_wrap=True)

    def concept_row(cid: str) -> None:
        g = data["concepts"][cid]
        table.add_row(
            Text(f"  {concept_name(cid)}"),
            f"{g['correct']}/{g['answers']}",
            pct(g),
            mastery_bar(g["accuracy"] or 0.0, 12),
        )

    for tid in ordered(list(data["topics"]), topic_order):
        f = data["topics"][tid]
        table.add_row(
            Text(topic_name(tid), style="bold"),
            f"{f['correct']}/{f['answers']}",
            pct(f),
            mastery_bar(f["accuracy"] or 0.0),
        )
        for cid in ordered([c for c in data["concepts"] if c.split(".")[0] == tid], concept_order):
            concept_row(cid)
    # concepts met only through questions of another topic: under their own topic's name
    others = [c for c in data["concepts"] if c.split(".")[0] not in data["topics"]]
    for tid in ordered(sorted({c.split(".")[0] for c in others}), topic_order):
        heading = Text(topic_name(tid), style="bold dim")
        heading.append(f"  ({t('stats.via_other_topics', lang)})", style="dim")
        table.add_row(heading, "", "", "")
        for cid in ordered([c for c in others if c.split(".")[0] == tid], concept_order):
            concept_row(cid)
    if data["topics"]:
        parts.append(table)

    weak = Text(f"{t('weakest', lang)}: ", style="bold")
    if data["weakest"]:
        weak.append(
            ", ".join(
                f"{concept_name(w['concept'])} {pct(w)} ({w['correct']}/{w['answers']})"
                for w in data["weakest"]
            ),
            style="",
        )
        weak.append(f"\n→ topa quiz --concept {data['weakest'][0]['concept']}", style="dim")
    else:
        weak.append(t("no_weak", lang), style="green")
    parts.append(weak)
    parts.append(
        Text.assemble(
            (f"{t('streak', lang)}: ", "bold"),
            (f"🔥 {t('days', lang, n=data['streak_days'])}", "bold yellow" if data["streak_days"] else "dim"),
        )
    )

    if data["exams"]:
        exams = Table(box=box.SIMPLE_HEAD, pad_edge=False, title=t("exams", lang), title_justify="left")
        exams.add_column(t("date", lang))
        exams.add_column(t("score", lang), justify="right")
        exams.add_column(t("result", lang))
        for e in data["exams"][:10]:
            from datetime import datetime

            when = datetime.fromisoformat(e["started_at"]).astimezone().strftime("%Y-%m-%d %H:%M")
            if e.get("abandoned"):
                answered = e.get("answered", 0)
                result = Text(t("stats.abandoned", lang, n=answered, total=e["total"]), style="yellow")
            else:
                result = Text(
                    t("pass" if e["passed"] else "fail", lang), style="green" if e["passed"] else "red"
                )
            if e["timed_out"]:
                result.append(" ⏱", style="dim")
            exams.add_row(when, f"{e['correct']}/{e['total']} ({e['score']:.1f}%)", result)
        parts.append(exams)
    else:
        parts.append(Text(t("no_exams", lang), style="dim"))
    if data.get("readiness"):
        parts.append(_readiness(data["readiness"], bank, lang))
    parts.append(
        Text.assemble(
            (f"{t('due', lang)}: ", "bold"),
            f"{data['cards']['due']} ",
            (f"({t('of_cards', lang, n=data['cards']['total'])})", "dim"),
        )
    )
    parts.append(Text.assemble((f"{t('database', lang)}: ", "bold"), (data["database"], "dim")))
    return Group(*parts)


def _readiness(figure: dict, bank: Bank | None, lang: str) -> RenderableType:
    """The forecast of ``"readiness"`` (its JSON form): the line, the topics, how it is made."""
    from datetime import date

    from ..i18n import catalog
    from ..session.readiness import Readiness
    from .plan import readiness_view

    r = Readiness(
        exam_date=date.fromisoformat(figure["exam_date"]) if figure["exam_date"] else None,
        pass_mark=figure["pass_mark"],
        predicted_score=figure["predicted_score"],
        low=figure["low"],
        high=figure["high"],
        pass_probability=figure["pass_probability"],
        topics=figure["topics"],
    )
    return readiness_view(r, bank, catalog(lang))
