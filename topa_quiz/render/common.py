"""What every renderer shares: catalog look-ups and mastery colours."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

if TYPE_CHECKING:
    from ..bank.model import Bank


def t(key: str, lang: str, **kw: object) -> str:
    """A message in Korean (default) or English, with {placeholders} filled."""
    from ..i18n import catalog

    return catalog(lang)(key, **kw)


def mastery_style(ratio: float) -> str:
    """red below 50 %, yellow below 80 %, green otherwise."""
    return "red" if ratio < 0.5 else "yellow" if ratio < 0.8 else "green"


def mastery_bar(ratio: float, width: int = 20) -> Text:
    filled = round(ratio * width)
    return Text("█" * filled + "░" * (width - filled), style=mastery_style(ratio))


def duration(seconds: float, lang: str = "ko") -> str:
    """``1분 08초`` / ``1m 08s``; seconds alone under a minute."""
    from ..i18n import catalog

    m, s = divmod(int(round(seconds)), 60)
    words = catalog(lang)
    if not m:
        return words("duration.sec", s=s)
    return words("duration.min_sec", m=m, s=f"{s:02d}") if s else words("duration.min", m=m)


def topic_name(bank: Bank | None, tid: str, lang: str) -> str:
    """A topic's name in ``lang``; its id when the bank does not know it."""
    return bank.topics[tid].get(lang) if bank is not None and tid in bank.topics else tid


def concept_name(bank: Bank | None, cid: str, lang: str) -> str:
    concept = bank.concepts.get(cid) if bank is not None else None
    return concept.name(lang) if concept else cid
