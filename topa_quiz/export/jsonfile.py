"""The resolved bank as plain JSON: topics, concepts and every question with all its fields."""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING

from ..i18n import LANGS
from . import Exported, ExportOptions, figure_text

if TYPE_CHECKING:
    from ..bank.model import Bank, Question


def bank_dict(bank: Bank) -> dict[str, object]:
    return {
        "topics": {tid: dataclasses.asdict(name) for tid, name in bank.topics.items()},
        "concepts": [dataclasses.asdict(c) for c in bank.concepts.values()],
        "questions": [question_dict(bank, q) for q in bank.questions],
        "sources": list(bank.sources),
    }


def question_dict(bank: Bank, q: Question) -> dict[str, object]:
    """Every field of ``q`` and its topic; a figure also as text, in each language."""
    out: dict[str, object] = {"topic": bank.topic_of(q), **dataclasses.asdict(q)}
    if getattr(q, "figure", None) is not None:
        out["figure_text"] = {lang: figure_text(q, lang) for lang in LANGS}
    return out


def export_json(bank: Bank, options: ExportOptions) -> Exported:
    """The bank as JSON (both languages: ``options.lang`` does not change it)."""
    text = json.dumps(bank_dict(bank), ensure_ascii=False, indent=2, default=str) + "\n"
    return Exported(text, len(bank.questions), len(bank.questions))
