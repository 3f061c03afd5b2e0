"""Every module imports on its own, whatever was imported before (no import cycle bites).

Start-up imports little (the bank format, PyYAML and the field tables only when a file is
parsed), so the modules import each other lazily in places; a cycle then shows only for
one import order. This imports each module first, in a process of its own making.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "topa_quiz"

SCRIPT = """
import importlib, sys
failed = []
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m == "topa_quiz" or m.startswith("topa_quiz.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed.append(f"{name}: {type(exc).__name__}: {exc}")
print("\\n".join(failed))
"""


def module_names() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__main__":
            continue
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_every_module_imports_first():
    names = module_names()
    assert len(names) > 50
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, *names], capture_output=True, text=True, timeout=120, check=True
    )
    assert proc.stdout.strip() == ""
