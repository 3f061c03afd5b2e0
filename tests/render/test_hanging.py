"""Options drawn with Hanging look exactly as Rich's two-column grid drew them."""

from __future__ import annotations

import pytest
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table

from topa_quiz.render.text import Hanging, plain

OPTIONS = [
    "짧은 보기",
    "아주 긴 보기 " * 12,
    "averyveryveryveryveryveryveryveryveryveryveryveryveryverylongword and more",
    "[bold]not markup[/] \x1b[31m",
    "",
]


def drawn(renderable: object, width: int) -> str:
    console = Console(width=width, record=True, color_system=None)
    console.print(Panel(renderable))
    return console.export_text()


@pytest.mark.parametrize("width", [20, 36, 60, 100])
def test_hanging_options_match_the_grid_they_replace(width):
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for i, text in enumerate(OPTIONS):
        grid.add_row("①②③④⑤"[i], plain(text))
    hanging = Group(*(Hanging("①②③④⑤"[i], plain(text)) for i, text in enumerate(OPTIONS)))
    assert drawn(hanging, width) == drawn(grid, width)
    assert "␛[31m" in drawn(hanging, 100)  # still shown as text, never sent to the terminal
