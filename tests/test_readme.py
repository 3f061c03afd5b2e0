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

    from topa_quiz.cli import COMMANDS, app, load_command

    root = get_command(app)
    assert len(COMMANDS) >= 10
    for name in COMMANDS:
        assert f"topa {name}" in README, name
        command = load_command(root, name)
        for sub in getattr(command, "commands", {}) or {}:
            if name != "calc":
                assert f"topa {name} {sub}" in README, f"{name} {sub}"


def test_the_python_example_runs():
    """The README's Python block is a doctest: run it as one."""
    import doctest

    block = re.search(r"```python\n(.*?)```", README, re.S).group(1)
    test = doctest.DocTestParser().get_doctest(block, {}, "README", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0 and runner.tries >= 10


def test_every_calculation_is_documented():
    for calc in CALCS:
        assert f"`{calc.name}" in README, calc.name
