"""Deep checks that need the engine: every computed question, drawn several times."""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path

from .draw import DrawError, draw
from .loader import _display, bank_files, load_bank
from .model import Bank
from .problem import Problem

DRAWS = 24


def check_draws(bank: Bank, draws: int = DRAWS, files: Collection[str] | None = None) -> list[Problem]:
    """Draw each computed question ``draws`` times (only those from ``files``, when given);
    report the first draw the engine rejects."""
    from ..rng import Rng

    problems: list[Problem] = []
    for q in bank.questions:
        if not q.computed or (files is not None and q.source not in files):
            continue
        for k in range(draws):
            try:
                draw(q, Rng([k, len(q.id)]))
            except DrawError as exc:
                problems.append(
                    Problem.of(q.source, (q.line, 1), "problem.draw.failed", why=exc.msg, k=k + 1, n=draws)
                )
                break
    return problems


def validate(paths: list[Path] | None, include_bundled: bool = True) -> tuple[Bank, list[Problem]]:
    """Load (with the bundled bank, for its concepts and ids) and check, reading the files
    checked afresh (never the cache); with ``paths``, only the problems found in those paths
    are reported, and only their questions are drawn."""
    if not paths:
        bank, problems = load_bank(paths, include_bundled, use_cache=False)
        return bank, problems + check_draws(bank)
    files = [f for p in paths for f in [p, *bank_files(p)]]
    bank, problems = load_bank(paths, include_bundled, fresh={os.path.realpath(f) for f in files})
    wanted = {_display(f) for f in files}
    problems = [p for p in problems + check_draws(bank, files=wanted) if p.file in wanted]
    return bank, problems
