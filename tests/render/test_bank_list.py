"""`topa bank list` in a terminal keeps every id whole at 60 and 80 columns (issue 13 item 29)."""

from __future__ import annotations

import pytest
from rich.console import Console

from topa_quiz.bank.loader import load_bank
from topa_quiz.i18n import catalog
from topa_quiz.render.bank import question_lines


@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_ids_stay_whole(width, lang):
    bank, _ = load_bank()
    questions = [q for q in bank.questions if q.concepts[0].startswith("optimizer.")]
    console = Console(width=width, record=True, color_system=None)
    console.print(question_lines(questions, catalog(lang)))
    lines = console.export_text().splitlines()
    from rich.cells import cell_len

    assert max(cell_len(line) for line in lines) <= width
    starts = {line.split()[0] for line in lines if line and not line.startswith(" ")}
    assert {q.id for q in questions} <= starts  # each id printed whole at the start of its line
