"""``topa plan`` (the exam day, pass mark and daily minutes) and ``topa today`` (the day's work).

Thin over :mod:`topa_quiz.session.planning` and :mod:`topa_quiz.session.today`: days are the
learner's local calendar days.
"""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from .options import bank_option, example, lang_option, load_questions, words

if TYPE_CHECKING:
    from ..session.planning import PlanRequest
    from .env import Environment


def local_zone(env: Environment) -> tzinfo:
    """The learner's time zone: the system's, at this moment."""
    zone = env.now().astimezone().tzinfo
    assert zone is not None
    return zone


def run_plan(env: Environment, request: PlanRequest, clear: bool, tz: tzinfo | None = None) -> None:
    """Show, store or remove the plan (re-planning the cards' due dates with it)."""
    from ..errors import UsageError
    from ..render.plan import plan_cleared_view, plan_saved_view, plan_view
    from ..session.planning import PlanRequest, clear_plan, current_plan, local_day, save_plan

    tz = tz or local_zone(env)
    now = env.now()
    asked = request != PlanRequest()
    if clear and asked:
        raise UsageError.said("planner.clear_alone")
    if clear:
        env.show(plan_cleared_view(clear_plan(now), env.words))
    elif asked:
        env.show(plan_saved_view(save_plan(request, now, tz), local_day(now, tz), env.words))
    else:
        env.show(plan_view(current_plan(), local_day(now, tz), env.words))


def run_today(env: Environment, bank_paths: list[Path] | None, tz: tzinfo | None = None) -> None:
    """The day's page: reviews, new concepts, a mock exam when one is due, minutes, forecast."""
    from ..render.plan import today_view
    from ..session.readiness_figures import bank_facts, read_history
    from ..session.today import plan_today

    tz = tz or local_zone(env)
    bank = load_questions(bank_paths)
    today = plan_today(bank_facts(bank), read_history(), env.now(), tz)
    env.show(today_view(today, bank, env.words))


def register(app: typer.Typer) -> None:
    w = words()

    @app.command(
        "plan",
        help=f"{w('cmd.plan')}\n\n{w('cmd.plan.help')}",
        epilog=example("topa plan --exam-date 2027-03-14 --pass-mark 70 --daily-minutes 30"),
    )
    def plan(
        exam_date: str | None = typer.Option(
            None, "--exam-date", help=w("opt.exam_date"), metavar="YYYY-MM-DD"
        ),
        pass_mark: float | None = typer.Option(
            None, "--pass-mark", help=w("opt.plan_pass_mark"), metavar="%"
        ),
        daily_minutes: int | None = typer.Option(
            None, "--daily-minutes", help=w("opt.daily_minutes"), metavar="MIN"
        ),
        clear: bool = typer.Option(False, "--clear", help=w("opt.clear")),
        lang: str | None = lang_option(),
    ) -> None:
        from ..session.planning import PlanRequest
        from .env import current

        run_plan(current(lang), PlanRequest(exam_date, pass_mark, daily_minutes), clear)

    @app.command("today", help=f"{w('cmd.today')}\n\n{w('cmd.today.help')}", epilog=example("topa today"))
    def today(lang: str | None = lang_option(), bank_paths: list[Path] | None = bank_option()) -> None:
        from .env import current

        run_today(current(lang), bank_paths)
