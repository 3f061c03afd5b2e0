"""Text from banks, users and files, made safe to show: never markup, never control sequences.

>>> visible("a\\x1b]52;c;aGk=\\x07b")
'a␛]52;c;aGk=␇b'
>>> plain("[bold]x[/]").plain
'[bold]x[/]'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from .visible import visible

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult


def plain(text: object, style: str = "") -> Text:
    """A Rich Text that shows ``text`` exactly as written (markup is not interpreted)."""
    return Text(visible(str(text)), style=style)


class Hanging:
    """``label`` and ``text`` beside it, the text's further lines indented under its first.

    What a two-column ``Table.grid`` drew for an option (``① text``), without importing
    Rich's table machinery (and ``fractions`` with it) at start-up.
    """

    def __init__(self, label: str, text: Text) -> None:
        self.label = label
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.cells import cell_len
        from rich.segment import Segment

        indent = cell_len(self.label) + 1
        text = self.text.copy()
        text.overflow = "fold"
        width = max(options.max_width - indent, 1)
        lines = console.render_lines(text, options.update(width=width), pad=False, new_lines=False)
        for i, line in enumerate(lines):
            yield Segment(self.label + " " if i == 0 else " " * indent)
            yield from line
            yield Segment.line()
