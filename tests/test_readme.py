"""The README is the user's manual: keep it true."""

import re
from pathlib import Path

from topa_quiz.engine.registry import CALCS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_opens_with_the_two_setup_commands():
    first_block = re.search(r"```bash\n(.*?)```", README, re.S).group(1).strip().splitlines()
    assert first_block == [
        "python3 -m pip install . && topa quiz",
        "python3 -m pip install '.[test]' && python3 -m pytest",
    ]
    assert README.index("```bash") < README.index("\n## ")


def test_ci_runs_the_readme_test_command_in_a_fresh_venv():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 -m pip install '.[test]' && python3 -m pytest" in ci
    assert "python3 -m venv" in ci and "--system-site-packages" not in ci


def test_every_command_is_documented():
    from typer.main import get_command

    from topa_quiz.cli import app

    root = get_command(app)
    for name, command in root.commands.items():
        assert f"topa {name}" in README, name
        for sub in getattr(command, "commands", {}) or {}:
            if name != "calc":
                assert f"topa {name} {sub}" in README, f"{name} {sub}"


def test_every_calculation_is_documented():
    for calc in CALCS:
        assert f"`{calc.name}" in README, calc.name
