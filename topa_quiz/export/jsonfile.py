"""The resolved bank as plain JSON: topics, concepts and every question with all its fields."""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..bank.model import Bank


def bank_dict(bank: Bank) -> dict[str, object]:
    return {
        "topics": {tid: dataclasses.asdict(name) for tid, name in bank.topics.items()},
        "concepts": [dataclasses.asdict(c) for c in bank.concepts.values()],
        "questions": [{"topic": bank.topic_of(q), **dataclasses.asdict(q)} for q in bank.questions],
        "sources": list(bank.sources),
    }


def export_json(bank: Bank) -> str:
    return json.dumps(bank_dict(bank), ensure_ascii=False, indent=2, default=str) + "\n"
