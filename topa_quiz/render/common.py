"""What every renderer shares: catalog look-ups and mastery colours."""

from __future__ import annotations

from rich.text import Text

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


def duration(seconds: float) -> str:
    m, s = divmod(int(round(seconds)), 60)
    return f"{m}m {s:02d}s" if m else f"{s}s"
