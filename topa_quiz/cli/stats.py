"""``topa stats``: answers, accuracy, weak concepts, streak, exams, due cards and the readiness forecast."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Optional

import typer

from .options import example, lang_option, words

if TYPE_CHECKING:
    from ..bank.model import Bank
    from ..session.readiness_figures import History
    from .env import Environment


def run_stats(env: Environment, as_json: bool, since: int | None) -> None:
    """Read the figures (without creating a database) and print them as tables or JSON."""
    from ..session.figures import progress_figures

    banks: list[Bank | None] = []

    def readiness(history: History) -> dict[str, object] | None:
        from ..session.figures import bank_for_names

        banks.append(bank_for_names())
        return forecast_or_none(banks[0], history, env)

    data = progress_figures(since, readiness)
    bank = banks[0] if banks else None
    if as_json:
        env.stdout.write(json.dumps(data, ensure_ascii=False, indent=2 if data["recorded"] else None) + "\n")
        return
    if not data["recorded"]:
        from ..render.text import plain

        env.out.print(plain(env.words("nothing_yet", path=data["database"])), soft_wrap=True)
        return
    from ..render.stats import stats_view

    env.show(stats_view(data, bank, env.lang))


def forecast_or_none(bank: Bank | None, history: History, env: Environment) -> dict[str, object] | None:
    """``"readiness"``: None when the bank cannot give one (the figures never fail for the bank)."""
    from ..session.readiness_figures import stats_readiness
    from .plan import local_zone

    try:
        return stats_readiness(bank, history, env.now(), local_zone(env))
    except Exception:  # noqa: BLE001 - a bank the forecast cannot use: no forecast, the rest is shown
        return None


def register(app: typer.Typer) -> None:
    w = words()

    @app.command(
        "stats", help=f"{w('cmd.stats')}\n\n{w('cmd.stats.help')}", epilog=example("topa stats --since 7")
    )
    def stats(
        as_json: bool = typer.Option(False, "--json", help=w("opt.stats_json")),
        since: Optional[int] = typer.Option(
            None, "--since", min=1, max=36500, metavar="DAYS", help=w("opt.since")
        ),
        lang: Optional[str] = lang_option(),
    ) -> None:
        from .env import current

        run_stats(current(lang), as_json, since)
