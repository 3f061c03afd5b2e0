"""``topa exam``: a timed mock exam, questions spread over the topics, graded at the end."""

from __future__ import annotations

import math
import sys
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Optional

import typer

from ..errors import ExitStatus, RecordError, UsageError
from .common import BANK_OPTION, LANG_OPTION, load_questions
from .console import language, out_console

MAX_MINUTES = 24 * 60


class TimeUp(Exception):
    """Raised by the SIGALRM handler (or the after-answer check) when the exam time is over."""


def allocate(counts: Mapping[str, int], count: int) -> dict[str, int]:
    """Questions per topic, proportional to the bank's question counts per topic.

    Largest-remainder rounding: each topic first gets floor(count × n / N); the questions
    left go one each to the largest remainders (ties: more questions in the bank, then bank
    order). Then, when ``count`` is at least the number of topics that have questions, every
    such topic gets at least one, taken one at a time from the largest allocation (ties: the
    later topic). Topics without questions get none.

    >>> allocate({"a": 25, "b": 24, "c": 54, "d": 38, "e": 0, "f": 32}, 6)
    {'a': 1, 'b': 1, 'c': 2, 'd': 1, 'e': 0, 'f': 1}
    >>> allocate({"a": 100, "b": 1, "c": 1}, 3)
    {'a': 1, 'b': 1, 'c': 1}
    """
    topics = list(counts)
    total = sum(max(0, n) for n in counts.values())
    if total == 0 or count <= 0:
        return dict.fromkeys(topics, 0)
    share = {k: count * max(0, counts[k]) // total for k in topics}
    remainder = {k: count * max(0, counts[k]) % total for k in topics}
    left = count - sum(share.values())
    for k in sorted(topics, key=lambda k: (-remainder[k], -counts[k], topics.index(k)))[:left]:
        share[k] += 1
    present = [k for k in topics if counts[k] > 0]
    if count >= len(present):
        for k in present:
            if share[k] == 0:
                donor = max(present, key=lambda d: (share[d], topics.index(d)))
                share[donor] -= 1
                share[k] += 1
    return share


def plan_exam(bank, count: int, seed: int | None, lang: str):  # noqa: ANN001, ANN201
    """The exam's items, reproducible for a seed: drawn per topic, then shuffled."""
    import numpy as np

    from ..session.select import draw
    from .quiz import build_items

    pools: dict[str, list] = {tid: [] for tid in bank.topics}
    for q in bank.questions:
        pools.setdefault(bank.topic_of(q), []).append(q)
    rng = np.random.default_rng(seed)
    chosen = []
    for tid, n in allocate({k: len(v) for k, v in pools.items()}, count).items():
        if n:
            chosen += draw(pools[tid], n, rng)
    chosen = [chosen[i] for i in rng.permutation(len(chosen))]
    return build_items(chosen, bank, rng, lang)


def _positive_minutes(value: float) -> float:
    if not (math.isfinite(value) and 0 < value <= MAX_MINUTES):
        raise typer.BadParameter(f"expected minutes > 0 and at most {MAX_MINUTES}, got {value:g}")
    return value


def _percent(value: float) -> float:
    if not (math.isfinite(value) and 0 <= value <= 100):
        raise typer.BadParameter(f"expected a percentage from 0 to 100, got {value:g}")
    return value


class _Clock:
    """The exam deadline: SIGALRM where available, else a check around every answer."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.armed = False
        self._old = None
        self._signal = None

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def check(self) -> None:
        if self.remaining() <= 0:
            raise TimeUp

    def _fire(self, signum, frame) -> None:  # noqa: ANN001
        if self.armed:
            raise TimeUp

    def start(self) -> None:
        import signal

        self.deadline = time.monotonic() + self.seconds
        if not hasattr(signal, "SIGALRM") or not hasattr(signal, "setitimer"):
            return
        try:
            self._old = signal.signal(signal.SIGALRM, self._fire)
        except ValueError:  # not the main thread: fall back to the after-answer check
            return
        self._signal = signal
        self.armed = True
        signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def stop(self) -> None:
        self.armed = False
        if self._signal is not None:
            signal, self._signal = self._signal, None
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._old if self._old is not None else signal.SIG_DFL)

    def shielded(self):  # noqa: ANN201
        """Hold SIGALRM and SIGINT while an answer is being stored, so it is stored whole."""
        import signal
        from contextlib import contextmanager, nullcontext

        if not hasattr(signal, "pthread_sigmask"):
            return nullcontext()

        @contextmanager
        def held():  # noqa: ANN202
            mask = {s for s in (getattr(signal, "SIGALRM", None), signal.SIGINT) if s is not None}
            old = signal.pthread_sigmask(signal.SIG_BLOCK, mask)
            try:
                yield
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, old)

        return held()


class _LiveLine:
    """In a terminal, rewrite the countdown line just above the prompt once a second.

    The line is drawn with save-cursor / up-one-line / restore-cursor escapes, so what the
    learner is typing on the prompt line is left where it is. Used only when both stdin and
    stdout are terminals; piped sessions get the line once per question instead.
    """

    def __init__(self, render) -> None:  # noqa: ANN001 - () -> rich Text
        self._render = render
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="topa-exam-countdown", daemon=True)

    def _ansi(self) -> str:
        from rich.console import Console

        console = out_console()
        sink = Console(
            force_terminal=True,
            color_system=console.color_system,
            width=console.width,
            no_color=console.no_color,
            highlight=False,
        )
        with sink.capture() as captured:
            sink.print(self._render(), end="")
        return captured.get()

    def _run(self) -> None:
        while not self._stop.wait(1.0):
            try:
                sys.stdout.write("\x1b7\x1b[1A\r" + self._ansi() + "\x1b[K\x1b8")
                sys.stdout.flush()
            except (OSError, ValueError):  # the terminal went away: nothing to update
                return

    def __enter__(self) -> _LiveLine:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=2.0)


def exam(
    count: int = typer.Option(40, "--count", "-n", min=1, max=200, help="Number of questions (1-200)."),
    minutes: float = typer.Option(
        60.0,
        "--minutes",
        "-m",
        callback=_positive_minutes,
        help="Time limit in minutes; fractions work (0.5 = 30 s).",
    ),
    pass_mark: float = typer.Option(
        60.0, "--pass-mark", callback=_percent, help="Percent of all exam questions needed to pass (0-100)."
    ),
    seed: Optional[int] = typer.Option(
        None, "--seed", help="Make the exam reproducible: same questions and order."
    ),
    lang: Optional[str] = LANG_OPTION,
    bank_paths: Optional[list[Path]] = BANK_OPTION,
) -> None:
    """모의고사 — a timed mock exam, graded only at the end.

    Questions are spread over the topics in proportion to the bank's questions per topic
    (largest-remainder rounding; every topic that has questions gets at least one when
    --count is at least the number of such topics), then shuffled. Each question shows
    the time left and the progress. When the time is up the exam ends, even in the middle
    of a question. Unanswered questions (time up, q, end of input, Ctrl-C) count wrong;
    the pass mark is a percentage of all exam questions. The end shows PASS/FAIL, the
    score per topic and every question with your answer, the answer and the explanation.
    Answer as in quiz; s skips, q ends the exam. No hints.
    """
    from ..render import exam as view
    from ..render.common import duration, t
    from ..render.quiz import question_panel
    from ..session.quiz import SessionIO, run_session
    from ..store.recorder import open_recorder
    from .quiz import ask_line

    lang = language(lang)
    bank = load_questions(bank_paths)
    items = plan_exam(bank, count, seed, lang)
    if not items:
        raise UsageError("none of the exam questions could be built; run 'topa bank validate'")
    console = out_console()
    clock = _Clock(minutes * 60.0)
    attempts: list = []

    def topic_name(item) -> str:  # noqa: ANN001
        tid = bank.topic_of(item.question)
        return bank.topics[tid].get(lang) if tid in bank.topics else tid

    live = sys.stdin.isatty() and sys.stdout.isatty()
    position = {"number": 0, "total": len(items)}

    def progress():  # noqa: ANN202
        return view.progress_line(clock.remaining(), position["number"], position["total"], lang)

    def render_question(item, number: int, total: int):  # noqa: ANN001, ANN202
        from rich.console import Group

        position["number"] = number
        panel = question_panel(item, number, total, topic_name(item), lang)
        panel.subtitle = t("exam_commands", lang)
        return panel if live else Group(progress(), panel)

    def ask(prompt: str) -> str:
        clock.check()
        if not live:
            return ask_line(prompt)
        console.print(progress())  # the line the ticker keeps current, just above the prompt
        with _LiveLine(progress):
            return ask_line(prompt)

    recorder = open_recorder("exam", seed, planned=count, lang=lang)

    def record(attempt) -> None:  # noqa: ANN001
        clock.check()  # an answer given after the deadline does not count
        with clock.shielded():
            attempts.append(attempt)
            recorder.record(attempt)

    console.print(
        t("exam_title", lang, n=len(items), minutes=duration(minutes * 60), mark=f"{pass_mark:g}"),
        style="bold",
    )
    console.print(t("exam_rules", lang), style="dim")
    timed_out = interrupted = ended_early = False
    not_recorded = None
    started = time.monotonic()
    try:
        try:
            try:
                clock.start()
                summary = run_session(
                    items,
                    bank,
                    SessionIO(ask=ask, show=console.print, record=record),
                    lang,
                    render_question=render_question,
                    render_feedback=None,
                    render_hint=lambda item: f"[yellow]{t('no_hints', lang)}[/]",
                    render_invalid=lambda message: f"[yellow]↺ {message}[/]",
                )
                interrupted, ended_early = summary.interrupted, summary.ended_early
                not_recorded = summary.not_recorded
            except TimeUp:
                timed_out = True
            finally:
                clock.stop()  # cancels the timer and restores the previous SIGALRM handler
        except TimeUp:  # the alarm rang between the end of the session and stopping the clock
            timed_out = True
        seconds = time.monotonic() - started
        try:
            recorder.record_exam(
                len(items),
                sum(a.correct for a in attempts),
                pass_mark,
                minutes,
                seconds,
                timed_out,
                abandoned=interrupted,  # Ctrl-C: abandoned, neither passed nor failed
                answered=sum(a.given is not None for a in attempts),
            )
        except RecordError as exc:
            not_recorded = not_recorded or exc
    finally:
        recorder.close()
    console.print()
    console.print(
        view.exam_report(
            items,
            attempts,
            bank,
            lang,
            pass_mark=pass_mark,
            seconds=seconds,
            timed_out=timed_out,
            ended_early=ended_early or len(attempts) < len(items),
        )
    )
    if not_recorded is not None:
        raise not_recorded
    if interrupted:
        raise typer.Exit(ExitStatus.INTERRUPTED)


def register(root: typer.Typer) -> None:
    root.command("exam", epilog="Example: topa exam --count 20 --minutes 30 --seed 1")(exam)
