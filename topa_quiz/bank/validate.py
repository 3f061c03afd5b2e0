"""Deep checks that need the engine: every computed question, drawn several times."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .loader import Problem, load_bank
from .model import Bank

DRAWS = 12


def check_draws(bank: Bank, draws: int = DRAWS) -> list[Problem]:
    """Draw each computed question ``draws`` times; report draws the engine rejects."""
    from ..session.items import ItemError, make_item

    problems: list[Problem] = []
    for q in bank.questions:
        if not q.computed:
            continue
        for k in range(draws):
            rng = np.random.default_rng([k, len(q.id)])
            try:
                for lang in ("ko", "en"):
                    make_item(q, bank, rng, lang)
            except ItemError as exc:
                problems.append(Problem(q.source, q.line, 1, f"question {exc} (draw {k + 1} of {draws})"))
                break
    return problems


def validate(paths: list[Path] | None, include_bundled: bool = True) -> tuple[Bank, list[Problem]]:
    """Load (with the bundled bank, for its concepts and ids) and check; with ``paths``,
    only the problems found in those paths are reported."""
    bank, problems = load_bank(paths, include_bundled)
    problems += check_draws(bank)
    if paths:
        from .loader import _display, bank_files

        wanted = {_display(f) for p in paths for f in (bank_files(p) if p.exists() else [p])}
        problems = [p for p in problems if p.file in wanted]
    return bank, problems
