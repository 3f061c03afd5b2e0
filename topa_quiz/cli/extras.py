"""``topa plot`` and ``topa export``: pictures and other formats (issue 6)."""

from __future__ import annotations

import typer


def register(root: typer.Typer) -> None:
    """Add the plot and export commands to the root app."""
