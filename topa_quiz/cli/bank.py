"""``topa bank validate | stats | list``: check and browse question banks."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import typer
from rich import box
from rich.table import Table

from ..errors import ExitStatus
from .common import BANK_OPTION, LANG_OPTION, load_questions
from .console import err_console, language, out_console

app = typer.Typer(help="문제 은행 — validate, count and list question banks.", no_args_is_help=True)


@app.command(epilog="Example: topa bank validate my_bank/")
def validate(
    paths: list[Path] | None = typer.Argument(
        None, help="Bank files or directories; none: every bank in use."
    ),
) -> None:
    """Check banks and report every problem as FILE:LINE:COL: message.

    With no PATH: the bundled bank plus TOPA_BANK. With PATHs: those banks, checked
    against the bundled concepts. Exit status 1 if anything is wrong.
    """
    from ..bank.loader import bank_paths_from
    from ..bank.validate import validate as run_validation

    targets = list(paths) if paths else bank_paths_from(None)
    bank, problems = run_validation(targets)
    if problems:
        console = err_console()
        for p in problems:
            console.print(str(p), highlight=False, markup=False, soft_wrap=True)
        console.print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found", style="bold red")
        raise typer.Exit(ExitStatus.ERROR)
    files = len(bank.sources)
    out_console().print(
        f"ok: {len(bank.questions)} questions, {len(bank.concepts)} concepts, {files} files, no problems"
    )


def _counts(bank) -> dict[str, object]:  # noqa: ANN001
    by_topic: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    by_concept: Counter[str] = Counter()
    for q in bank.questions:
        by_topic[bank.topic_of(q)] += 1
        by_type[q.type + ("-computed" if q.computed and q.type == "choice" else "")] += 1
        for c in q.concepts:
            by_concept[c] += 1
    return {
        "questions": len(bank.questions),
        "topics": {t: by_topic.get(t, 0) for t in bank.topics},
        "types": dict(sorted(by_type.items())),
        "concepts": {c: by_concept.get(c, 0) for c in bank.concepts},
    }


@app.command(epilog="Example: topa bank stats --json")
def stats(
    as_json: bool = typer.Option(False, "--json", help="Print the counts as JSON."),
    bank_paths: list[Path] | None = BANK_OPTION,
    lang: str | None = LANG_OPTION,
) -> None:
    """Count questions per topic, concept and type."""
    bank = load_questions(bank_paths)
    counts = _counts(bank)
    if as_json:
        typer.echo(json.dumps(counts, ensure_ascii=False, indent=2))
        return
    lang = language(lang)
    console = out_console()
    table = Table(box=box.SIMPLE_HEAD, title=f"{counts['questions']} questions", title_justify="left")
    table.add_column("topic / concept")
    table.add_column("questions", justify="right")
    for tid, tname in bank.topics.items():
        table.add_row(f"[bold]{tname.get(lang)}[/] ({tid})", f"[bold]{counts['topics'][tid]}[/]")
        for c in bank.concepts.values():
            if c.topic == tid:
                table.add_row(f"  {c.name(lang)} [dim]{c.id}[/]", str(counts["concepts"][c.id]))
    console.print(table)
    console.print("types: " + ", ".join(f"{k} {v}" for k, v in counts["types"].items()))


@app.command("list", epilog="Example: topa bank list --concept optimizer.adam")
def list_(
    topic: list[str] | None = typer.Option(None, "--topic", "-t", help="Only this topic (repeatable)."),
    concept: list[str] | None = typer.Option(
        None, "--concept", "-c", help="Only this concept or prefix (repeatable)."
    ),
    bank_paths: list[Path] | None = BANK_OPTION,
    lang: str | None = LANG_OPTION,
) -> None:
    """List questions: id, type, concepts and the start of the prompt."""
    from ..session.select import Filters, select_questions

    bank = load_questions(bank_paths)
    lang = language(lang)
    questions = select_questions(bank, Filters(topics=tuple(topic or ()), concepts=tuple(concept or ())))
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("id", style="cyan", overflow="fold")
    table.add_column("type", no_wrap=True)
    table.add_column("prompt", overflow="ellipsis", no_wrap=True, max_width=60)
    for q in questions:
        kind = q.type + ("*" if q.computed else "")
        table.add_row(q.id, kind, " ".join(q.prompt.get(lang).split()))
    console = out_console()
    console.print(table)
    console.print(f"{len(questions)} questions  [dim](* computed by the engine at quiz time)[/]")


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="bank")
