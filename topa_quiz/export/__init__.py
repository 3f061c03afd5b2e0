"""Export the question bank to other tools: Anki decks, Moodle GIFT, plain JSON (issue 6).

Shared here: one reproducible set of concrete items per question (a fixed seed per question
id, so exporting twice gives the same variants) and safe output paths. NumPy, genanki and the
engine are imported by the functions that use them, never at import time.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError

if TYPE_CHECKING:
    from ..bank.model import Bank, Question
    from ..session.items import Item

FORMATS = ("anki", "gift", "json")


def stable_int(text: str, bits: int = 64) -> int:
    """A number derived from ``text`` only (never from Python's salted ``hash``)."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[: bits // 8], "big")


def question_seed(qid: str) -> int:
    """The rng seed of one question's variants: the same on every run and machine."""
    return stable_int(f"topa-quiz/export/{qid}")


def question_items(
    q: Question, bank: Bank, lang: str, variants: int, warn: Callable[[str], None] | None = None
) -> list[Item]:
    """The items exported for ``q``: one for a fixed question; up to ``variants`` distinct
    parameter draws for a computed one (fewer when its parameters allow fewer)."""
    import numpy as np

    from ..session.items import ItemError, make_item

    rng = np.random.default_rng(question_seed(q.id))
    if not q.computed:
        return [make_item(q, bank, rng, lang)]
    items: list[Item] = []
    seen: set[str] = set()
    problem = ""
    for _ in range(max(variants, 1) * 10):
        if len(items) >= variants:
            break
        try:
            item = make_item(q, bank, rng, lang)
        except ItemError as exc:
            problem = str(exc)
            continue
        key = json.dumps(item.params, sort_keys=True, default=str)
        if key not in seen:
            seen.add(key)
            items.append(item)
    if not items and warn:
        warn(f"skipped question {problem or q.id} (run 'topa bank validate')")
    return items


def check_out_path(out: Path) -> Path:
    """``out`` if a file can be written there, else a one-line :class:`UsageError`."""
    if out.is_dir():
        raise UsageError(f"--out: {out} is a directory; give a file name")
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(f"--out: cannot write {out}: directory {parent} does not exist")
    return out


def write_text(out: Path, text: str) -> None:
    check_out_path(out)
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"--out: cannot write {out}: {exc.strerror or exc}") from None
