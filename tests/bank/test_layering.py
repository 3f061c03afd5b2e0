"""The bank sits below the session (DESIGN.md: engine <- bank <- session): it imports none of
the layers above it, and its deep validation runs without them (issue 9 point 8)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

BANK = Path(__file__).resolve().parents[2] / "topa_quiz" / "bank"
ABOVE = ("session", "render", "export", "cli")


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            names.add("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


def test_no_bank_module_imports_a_layer_above_it():
    bad = [
        f"{path.name}: {name}"
        for path in sorted(BANK.glob("*.py"))
        for name in imported_modules(path)
        if any(name.lstrip(".").split(".")[0] == layer or f"topa_quiz.{layer}" in name for layer in ABOVE)
    ]
    assert bad == []


def test_deep_validation_loads_no_session_code():
    code = (
        "import sys\n"
        "from topa_quiz.bank.validate import validate\n"
        "bank, problems = validate(None)\n"
        "assert bank.questions and not problems, problems\n"
        "print(sorted(m for m in sys.modules if m.startswith(('topa_quiz.session', 'topa_quiz.render', 'topa_quiz.cli'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_session_items_draws_through_the_bank():
    from topa_quiz.bank import draw
    from topa_quiz.session import items

    assert items.ItemError is draw.DrawError
    assert items.format_value is draw.format_value
