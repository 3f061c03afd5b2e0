"""``topa stats``: answers, accuracy, weak concepts, streak, exams and due cards from the database."""

from __future__ import annotations

import json
from typing import Optional

import typer

from .common import LANG_OPTION
from .console import language, out_console


def _bank_or_none():  # noqa: ANN202
    """The bundled bank plus TOPA_BANK for display names; stats never fail because of a bank."""
    try:
        from ..bank.loader import bank_paths_from, load_bank

        bank, _problems = load_bank(bank_paths_from(None))
        return bank
    except Exception:  # noqa: BLE001 - names are a nicety; ids are shown instead
        return None


def stats(
    as_json: bool = typer.Option(
        False, "--json", help="Print the figures as one JSON object (ids, no names)."
    ),
    since: Optional[int] = typer.Option(
        None,
        "--since",
        min=1,
        max=36500,
        metavar="DAYS",
        help="Only answers and exams of the last DAYS days (the streak and due cards are always current).",
    ),
    lang: Optional[str] = LANG_OPTION,
) -> None:
    """학습 통계 — answers and accuracy per topic and concept, weakest concepts, streak, exams, due cards.

    Bars are coloured by mastery: red below 50 %, yellow below 80 %, green from 80 %.
    The weakest concepts are the missed ones with the lowest accuracy among those
    answered at least twice. The streak counts consecutive local calendar days with at
    least one answer, ending today (or yesterday when nothing is answered yet today).
    """
    from ..store.paths import database_path
    from ..store.stats import as_json as figures
    from ..store.stats import collect

    lang = language(lang)
    path = database_path()
    if not path.exists():
        if as_json:
            typer.echo(json.dumps({"database": str(path), "recorded": False}, ensure_ascii=False))
        else:
            from ..render.common import t

            out_console().print(t("nothing_yet", lang, path=path), markup=False, soft_wrap=True)
        return
    from ..store.db import connect

    conn = connect(path, create=False, write=False)  # a read-only file is still read
    try:
        data = {"recorded": True, **figures(collect(conn, since), str(path))}
    finally:
        conn.close()
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    from ..render.stats import stats_view

    out_console().print(stats_view(data, _bank_or_none(), lang))


def register(root: typer.Typer) -> None:
    root.command("stats", epilog="Example: topa stats --since 7")(stats)
