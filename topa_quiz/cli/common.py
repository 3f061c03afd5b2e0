"""Options and helpers shared by the commands that use questions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..errors import DataError

if TYPE_CHECKING:
    from ..bank.model import Bank

BANK_OPTION = typer.Option(
    None,
    "--bank",
    "-b",
    help="Add a question bank (file or directory); repeatable. Also TOPA_BANK.",
    metavar="PATH",
)
LANG_OPTION = typer.Option(None, "--lang", "-l", help="ko (default) or en; also TOPA_LANG.", metavar="ko|en")


def load_questions(bank_options: list[Path] | None) -> Bank:
    """The bundled bank plus --bank/TOPA_BANK; a bank with problems stops here with one line."""
    from ..bank.loader import bank_paths_from, load_bank

    bank, problems = load_bank(bank_paths_from(bank_options))
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise DataError(f"{first}{more}; run 'topa bank validate' to see every problem")
    return bank
