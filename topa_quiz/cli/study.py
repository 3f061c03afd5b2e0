"""``topa review``, ``topa wrong`` (오답노트) and ``topa reset``."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import typer
from rich import box
from rich.table import Table

from ..errors import UsageError
from .common import BANK_OPTION, LANG_OPTION, load_questions
from .console import language, out_console
from .quiz import build_items, finish, interactive_session


def _when(dt: datetime, lang: str) -> str:
    """A due time as a person reads it: 'in 10 minutes' / '10분 후', with the local date."""
    delta = (dt - datetime.now(UTC)).total_seconds()
    local = dt.astimezone().strftime("%Y-%m-%d %H:%M")
    if delta <= 60:
        return "지금" if lang == "ko" else "now"
    minutes = delta / 60
    if minutes < 90:
        amount = (f"{minutes:.0f}분 후", f"in {minutes:.0f} minutes")
    elif minutes < 60 * 36:
        amount = (f"{minutes / 60:.0f}시간 후", f"in {minutes / 60:.0f} hours")
    else:
        amount = (f"{minutes / 1440:.0f}일 후", f"in {minutes / 1440:.0f} days")
    return f"{amount[0] if lang == 'ko' else amount[1]} ({local})"


def _run_drill(mode: str, questions, bank, lang: str, seed: int | None) -> None:  # noqa: ANN001
    import numpy as np

    from ..store.recorder import open_recorder

    rng = np.random.default_rng(seed)
    items = build_items(questions, bank, rng, lang)
    recorder = open_recorder(mode, seed, planned=len(items), lang=lang)
    try:
        summary = interactive_session(items, bank, lang, record=recorder.record)
        if mode == "review":
            from ..store.queries import next_due

            due = next_due(recorder.conn)
            if due is not None:
                label = "다음 복습" if lang == "ko" else "Next review"
                out_console().print(f"\n[bold]{label}:[/] {_when(due, lang)}")
    finally:
        recorder.close()
    finish(summary, bank, lang)


def review(
    count: int = typer.Option(10, "--count", "-n", min=1, max=500, help="Number of cards."),
    seed: int | None = typer.Option(None, "--seed", help="Reproducible choice of new questions."),
    lang: str | None = LANG_OPTION,
    bank_paths: list[Path] | None = BANK_OPTION,
) -> None:
    """복습 — spaced repetition (FSRS): due questions first, then new ones from the weakest concepts.

    A right answer is rated Good (Easy when fast, Hard when slow), a wrong one Again.
    """
    import numpy as np

    from ..store.db import connect
    from ..store.queries import carded_questions, concept_accuracy, due_questions

    lang = language(lang)
    bank = load_questions(bank_paths)
    by_id = {q.id: q for q in bank.questions}
    conn = connect()
    try:
        due = [by_id[i] for i in due_questions(conn) if i in by_id][:count]
        seen = carded_questions(conn)
        accuracy = concept_accuracy(conn)
    finally:
        conn.close()
    rng = np.random.default_rng(seed)
    if len(due) < count:
        # new questions: weakest concept first (accuracy; unseen concepts count as 0), random within
        def weakness(q) -> tuple[float, float]:  # noqa: ANN001
            right, n = accuracy.get(q.concepts[0], (0, 0))
            return (right / n if n else 0.0, float(rng.random()))

        fresh = sorted((q for q in bank.questions if q.id not in seen), key=weakness)
        due += fresh[: count - len(due)]
    if not due:
        out_console().print("복습할 문제가 없습니다." if lang == "ko" else "Nothing to review.")
        return
    _run_drill("review", due, bank, lang, seed)


def wrong(
    count: int = typer.Option(10, "--count", "-n", min=1, max=500, help="Number of questions."),
    list_only: bool = typer.Option(False, "--list", help="Show the notebook instead of drilling it."),
    lang: str | None = LANG_OPTION,
    bank_paths: list[Path] | None = BANK_OPTION,
) -> None:
    """오답노트 — drill the questions whose latest answer was wrong, oldest mistake first.

    A question leaves the notebook when it is answered right.
    """
    from ..store.db import connect
    from ..store.queries import wrong_notebook

    lang = language(lang)
    bank = load_questions(bank_paths)
    by_id = {q.id: q for q in bank.questions}
    conn = connect(write=False)  # --list reads a read-only file too; a drill's recorder checks writing
    try:
        notebook = [row for row in wrong_notebook(conn) if row[0] in by_id]
    finally:
        conn.close()
    console = out_console()
    if not notebook:
        console.print(
            "오답노트가 비어 있습니다. 잘하고 있어요!"
            if lang == "ko"
            else "The notebook is empty. Well done!"
        )
        return
    if list_only:
        table = Table(
            box=box.SIMPLE_HEAD,
            title="오답노트" if lang == "ko" else "Wrong-answer notebook",
            title_justify="left",
        )
        table.add_column("#", justify="right")
        table.add_column("id", style="cyan", overflow="fold")
        table.add_column("concept" if lang == "en" else "개념")
        table.add_column("missed" if lang == "en" else "틀린 횟수", justify="right")
        table.add_column("last" if lang == "en" else "마지막", no_wrap=True)
        for i, (qid, when, times) in enumerate(notebook, 1):
            c = bank.concepts.get(by_id[qid].concepts[0])
            local = datetime.fromisoformat(when).astimezone().strftime("%Y-%m-%d %H:%M")
            table.add_row(str(i), qid, c.name(lang) if c else "", str(times), local)
        console.print(table)
        return
    _run_drill("wrong", [by_id[row[0]] for row in notebook[:count]], bank, lang, None)


def reset(
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
) -> None:
    """Start afresh: the progress database is renamed (kept), never deleted."""
    from ..store.paths import database_path

    path = database_path()
    if not path.exists():
        out_console().print(f"nothing to reset: no progress database at {path}")
        return
    if not yes:
        try:
            ok = typer.confirm(f"Move {path} aside and start a new progress database?", default=False)
        except (EOFError, typer.Abort):
            raise UsageError(
                "no confirmation given; run 'topa reset --yes' to reset without asking"
            ) from None
        if not ok:
            out_console().print("kept as it is")
            return
    from ..store.backup import move_aside

    backup = move_aside(path)  # with its -wal/-shm, never over another backup
    out_console().print(f"moved to {backup}; a new database starts with the next answer")


def register(root: typer.Typer) -> None:
    root.command("review", epilog="Example: topa review -n 20")(review)
    root.command("wrong", epilog="Example: topa wrong --list")(wrong)
    root.command("reset", epilog="Example: topa reset --yes")(reset)
