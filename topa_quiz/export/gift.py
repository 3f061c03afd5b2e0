"""Moodle GIFT: multiple choice with per-option feedback, numeric with tolerance, O/X as T/F.

Question text is written in GIFT's ``[html]`` format: HTML-escaped, line breaks as ``<br>``,
then GIFT's special characters ``~ = # { } :`` and the backslash are escaped with a
backslash. A computed question gives a few sampled variants, named ``id (2)``, ``id (3)``...
The explanation is the general feedback (``####``).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from ..i18n import catalog
from . import Exported, ExportOptions, figure_text, question_items

if TYPE_CHECKING:
    from ..bank.model import Bank
    from ..session.items import Item

SPECIAL = "~=#{}:"


def escape(text: str) -> str:
    """Text safe anywhere in GIFT (HTML first, then GIFT's own escapes)."""
    text = html.escape(text, quote=False).replace("\r\n", "\n").replace("\n", "<br>")
    text = text.replace("\\", "\\\\")
    for ch in SPECIAL:
        text = text.replace(ch, "\\" + ch)
    return text


def plain_number(v: float) -> str:
    """A number without exponent notation: 5e-05 -> 0.00005."""
    text = f"{v:.12f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def numeric_tolerance(item: Item) -> float:
    """GIFT's ± margin: the declared max(abs, rel·|t|), else half a unit of the asked decimal."""
    declared = item.question.tolerance()
    value = abs(float(item.answer))  # type: ignore[arg-type]
    if declared is not None:
        tol_abs, tol_rel = declared
        return max(tol_abs, tol_rel * value)
    decimals = item.decimals if item.decimals is not None else 2
    return 0.5 * 10.0**-decimals


def answer_block(item: Item, lang: str) -> str:
    """The ``{...}`` block: each kind writes its own (choice feedback, T/F, #value:margin)."""
    general = f"####{escape(item.explanation)}" if item.explanation.strip() else ""
    return item.behaviour.gift_answer(item, general, escape, catalog(lang))


def question_text(item: Item, title: str) -> str:
    figure = figure_text(item.question, item.lang)
    body = escape(item.prompt) + (f"<pre>{escape(figure)}</pre>" if figure else "")
    return f"::{escape(title)}::[html]{body}{answer_block(item, item.lang)}"


def export_gift(bank: Bank, options: ExportOptions) -> Exported:
    """The GIFT text of the whole bank, with the number of GIFT questions in it."""
    lang = options.lang
    chunks = ["// " + catalog(lang)("export.gift.header", questions=len(bank.questions))]
    count = 0
    by_topic: dict[str, list] = {}
    for q in bank.questions:
        by_topic.setdefault(bank.topic_of(q), []).append(q)
    for tid, questions in by_topic.items():
        name = bank.topics[tid].get(lang) if tid in bank.topics else tid
        chunks.append(f"// {name}\n$CATEGORY: topa/{tid}")
        for q in questions:
            items = question_items(q, bank, options)
            for k, item in enumerate(items):
                title = q.id if len(items) == 1 and not q.computed else f"{q.id} ({k + 1})"
                chunks.append(f"// {q.id}\n{question_text(item, title)}")
                count += 1
    return Exported("\n\n".join(chunks) + "\n", count, len(bank.questions))
