"""Reading a rendered plot back: which rows are the plot area, which the legend."""

from __future__ import annotations

import io

from rich.cells import cell_len
from rich.console import Console, RenderableType

SIZES = [(50, 15), (100, 30)]
LANGS = ["ko", "en"]


def render(view: RenderableType, width: int) -> list[str]:
    """The renderable as plain lines, printed by a recording console ``width`` cells wide."""
    console = Console(width=width, record=True, color_system=None, file=io.StringIO(), legacy_windows=False)
    console.print(view)
    return [line.rstrip() for line in console.export_text().splitlines()]


def frame(lines: list[str]) -> tuple[int, int]:
    """(first, last) row of the plot area: plotext's ┌ top and └ bottom frame rows."""
    top = next(i for i, line in enumerate(lines) if "┌" in line)
    bottom = next(i for i, line in enumerate(lines) if "└" in line)
    return top, bottom


def plot_rows(lines: list[str]) -> list[str]:
    """The rows inside the frame, without the y tick labels at their left."""
    top, bottom = frame(lines)
    rows = []
    for line in lines[top + 1 : bottom]:
        left = min(i for i in (line.find("┤"), line.find("│")) if i >= 0)
        rows.append(line[left + 1 :])
    return rows


def widest(lines: list[str]) -> int:
    return max(cell_len(line) for line in lines)
