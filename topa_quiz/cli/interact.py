"""Drive a drill or an exam at the terminal: show, ask, submit, show what happened.

The session layer decides everything (:class:`~topa_quiz.session.drill.Drill`); this module
only moves lines between it and the :class:`~topa_quiz.cli.env.Environment`, and for the
exam keeps the wall-clock deadline: an alarm that interrupts a pending input, and a live
countdown line in a terminal.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from typing import TYPE_CHECKING

from ..render.quiz import event_view, question_view

if TYPE_CHECKING:
    from ..session.drill import Drill, Event, Summary
    from ..session.exam import Exam
    from ..session.items import Item
    from .env import Environment

PROMPT = "› "
AfterGraded = Callable[["Event"], None]


def run_drill(
    drill: Drill,
    env: Environment,
    *,
    feedback: bool = True,
    after: AfterGraded | None = None,
    before: Callable[[Item], object] | None = None,
) -> Summary:
    """Serve every item; q, end of input and Ctrl-C end early with the summary kept.

    ``before(item)`` is shown above each question panel (None: nothing).
    """
    for warning in drill.warnings:
        env.warn(env.words("cli.skipped_question", problem=warning.said(env.words)))
    drill.start()
    try:
        while (item := drill.current) is not None:
            env.show(before(item) if before is not None else None)
            env.show(question_view(item, drill.number, len(drill.items), drill.bank, env.words, env.size))
            _serve(drill, env, feedback, after)
    except EOFError:
        drill.end("eof")
    except KeyboardInterrupt:
        drill.end("interrupt")
    return drill.summary


def _serve(drill: Drill, env: Environment, feedback: bool, after: AfterGraded | None) -> None:
    from ..session.drill import Ended, Graded, Skipped

    while True:
        event = drill.submit(env.ask(PROMPT))
        env.show(event_view(event, env.words, feedback))
        if isinstance(event, Graded) and after is not None:
            after(event)
        if isinstance(event, (Graded, Skipped, Ended)):
            return


# ------------------------------------------------------------------------ exam
class TimeUp(Exception):
    """Raised by the alarm while the learner is typing."""


class Alarm:
    """SIGALRM at the deadline, where the platform has it; otherwise the exam's own checks."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.armed = False
        self._old: object = None

    def _fire(self, signum: int, frame: object) -> None:
        if self.armed:
            raise TimeUp

    def start(self) -> None:
        if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
            return
        self._old = signal.signal(signal.SIGALRM, self._fire)
        self.armed = True
        signal.setitimer(signal.ITIMER_REAL, max(self.seconds, 0.001))

    def stop(self) -> None:
        if self.armed:
            self.armed = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._old if self._old is not None else signal.SIG_DFL)  # type: ignore[arg-type]


@contextmanager
def shielded() -> Iterator[None]:
    """Hold SIGALRM and SIGINT while an answer is being stored, so it is stored whole."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    mask = {s for s in (getattr(signal, "SIGALRM", None), signal.SIGINT) if s is not None}
    old = signal.pthread_sigmask(signal.SIG_BLOCK, mask)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


class LiveLine:
    """In a terminal, rewrite the countdown line just above the prompt once a second.

    Drawn with save-cursor / up-one-line / restore-cursor escapes, so what the learner is
    typing stays where it is.
    """

    def __init__(self, env: Environment, render: Callable[[], object]) -> None:
        self._env = env
        self._render = render
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="topa-exam-countdown", daemon=True)

    def _ansi(self) -> str:
        out = self._env.out
        with out.capture() as captured:
            out.print(self._render(), end="")
        return captured.get()

    def _run(self) -> None:
        while not self._stop.wait(1.0):
            try:
                self._env.stdout.write("\x1b7\x1b[1A\r" + self._ansi() + "\x1b[K\x1b8")
                self._env.stdout.flush()
            except (OSError, ValueError):  # the terminal went away
                return

    def __enter__(self) -> LiveLine:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=2.0)


def run_exam(exam: Exam, env: Environment) -> None:
    """Serve the exam until the last answer, q, end of input, Ctrl-C or the deadline."""
    alarm = Alarm(exam.deadline.seconds)
    exam.start()
    try:
        try:
            alarm.start()
            _exam_loop(exam, env)
        except TimeUp:
            exam.time_up()
        finally:
            alarm.stop()
    except TimeUp:  # the alarm rang between the end of the loop and stopping it
        exam.time_up()
    except EOFError:
        exam.end("eof")
    except KeyboardInterrupt:
        exam.end("interrupt")


def _exam_loop(exam: Exam, env: Environment) -> None:
    from ..render.exam import progress_line
    from ..session.drill import Ended, Graded, Skipped

    def progress() -> object:
        return progress_line(exam.deadline.remaining(), exam.number, len(exam.items), env.words)

    while (item := exam.current) is not None:
        panel = question_view(
            item, exam.number, len(exam.items), exam.bank, env.words, env.size, "exam_commands"
        )
        env.show(panel if env.interactive else progress())
        if not env.interactive:
            env.show(panel)
        while True:
            env.show(progress() if env.interactive else None)
            with LiveLine(env, progress) if env.interactive else nullcontext():
                line = env.ask(PROMPT)
            with shielded():
                event = exam.submit(line)
            env.show(event_view(event, env.words, feedback_on=False))
            if isinstance(event, (Graded, Skipped, Ended)):
                break
