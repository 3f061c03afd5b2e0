"""The installed `topa`, run from another directory, finds everything it ships with."""

import json
import subprocess
import sys
from pathlib import Path

from topa_quiz.bank.loader import load_bank

TOPA = Path(sys.executable).with_name("topa")


def test_installed_topa_loads_the_bundled_bank_from_anywhere(tmp_path):
    """In CI the package is installed from a wheel (not editable): the bank must be inside it."""
    done = subprocess.run(
        [str(TOPA), "bank", "stats", "--json"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    counts = json.loads(done.stdout)
    bank, problems = load_bank()
    assert not problems
    assert counts["questions"] == len(bank.questions) >= 4 * 38
    assert set(counts["concepts"]) == set(bank.concepts)


def test_installed_package_ships_its_schema(tmp_path):
    code = "from topa_quiz.bank.loader import bundled_bank_dir as d; print((d() / 'schema.json').is_file())"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "True"


def test_every_package_is_in_the_wheel():
    """A package missing from pyproject's list works in an editable install and breaks a real one."""
    import tomllib

    root = Path(__file__).resolve().parents[2]
    listed = set(
        tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(p.parent.relative_to(root).parts)
        for p in (root / "topa_quiz").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    assert found <= listed, found - listed
