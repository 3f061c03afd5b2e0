"""Where a drill meets the progress store, and how it ends on screen."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer

from ..errors import ExitStatus, RecordError

if TYPE_CHECKING:
    from ..session.drill import Drill
    from .env import Environment


@contextmanager
def recording(env: Environment, drill: Drill) -> Iterator[None]:
    """Record every attempt of ``drill`` as it happens; the session row is closed at the end.

    While a plan is stored, the store brings each review forward for the exam day (``cap``).
    """
    from ..session.deadline import due_cap
    from ..store.recorder import open_recorder
    from .plan import local_zone

    cap = due_cap(local_zone(env))
    recorder = open_recorder(drill.mode, drill.seed, planned=len(drill.items), lang=env.lang, cap=cap)
    drill.record = recorder.record
    try:
        yield
        if drill.mode == "exam":
            r = drill.result  # type: ignore[attr-defined]
            try:
                recorder.record_exam(
                    r.total, r.right, r.pass_mark, r.minutes, r.seconds, r.timed_out,
                    abandoned=r.abandoned, answered=r.answered,
                )  # fmt: skip
            except RecordError as exc:
                drill.summary.not_recorded = drill.summary.not_recorded or exc
    finally:
        recorder.close()


def show_summary(env: Environment, drill: Drill) -> None:
    """The drill's summary; Ctrl-C ends the command with status 130 after it."""
    from ..render.quiz import summary_view

    env.show("")
    env.show(summary_view(drill.summary, drill.bank, env.words))
    raise_not_recorded(drill)
    if drill.summary.interrupted:
        raise typer.Exit(ExitStatus.INTERRUPTED)


def raise_not_recorded(drill: Drill) -> None:
    """After what was done is shown: one line when the store could not keep an answer (status 1)."""
    if drill.summary.not_recorded is not None:
        raise drill.summary.not_recorded
