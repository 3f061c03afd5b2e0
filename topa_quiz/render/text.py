"""Text from banks, users and files, made safe to show: never markup, never control sequences.

>>> visible("a\\x1b]52;c;aGk=\\x07b")
'a␛]52;c;aGk=␇b'
>>> plain("[bold]x[/]").plain
'[bold]x[/]'
"""

from __future__ import annotations

from rich.text import Text

from .visible import visible


def plain(text: object, style: str = "") -> Text:
    """A Rich Text that shows ``text`` exactly as written (markup is not interpreted)."""
    return Text(visible(str(text)), style=style)
