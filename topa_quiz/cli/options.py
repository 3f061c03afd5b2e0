"""The options several commands share, their help in the session's language, and the bank."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..errors import DataError
from ..i18n import catalog

if TYPE_CHECKING:
    from ..bank.model import Bank


def words():  # noqa: ANN201 - the catalog for help texts, chosen before the command runs
    from . import session_lang

    return catalog(session_lang())


def bank_option() -> object:
    return typer.Option(None, "--bank", "-b", help=words()("opt.bank"), metavar="PATH")


def lang_option() -> object:
    return typer.Option(None, "--lang", "-l", help=words()("opt.lang"), metavar="ko|en")


def seed_option() -> object:
    return typer.Option(None, "--seed", help=words()("opt.seed"), metavar="N")


def count_option(default: int, key: str = "opt.count") -> object:
    return typer.Option(default, "--count", "-n", help=words()(key), metavar="N")


def load_questions(bank_options: list[Path] | None) -> Bank:
    """The bundled bank plus --bank/TOPA_BANK; a bank with problems stops here with one line."""
    from ..bank.loader import bank_paths_from, load_bank

    bank, problems = load_bank(bank_paths_from(bank_options))
    if problems:
        more = len(problems) - 1
        raise DataError(
            f"{problems[0]} (+{more}); run 'topa bank validate'",
            key="cli.bank_problems" if more else "cli.bank_problem",
            first=problems[0].said(words()),
            more=more,
        )
    return bank


def example(command: str) -> str:
    return f"{words()('cli.example')}: {command}"
