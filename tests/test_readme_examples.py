"""Every `$ topa ...` example in the README runs: exit status 0, one of its documented
outcomes, never a traceback (as sqlite-utils tests its documentation)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def examples() -> list[tuple[str, str]]:
    """(input, command line) of each `$ topa` or `$ printf ... | topa` line in a console block."""
    out = []
    for block in re.findall(r"```console\n(.*?)```", README, re.S):
        for line in block.splitlines():
            if not line.startswith("$ ") or "topa" not in line.split("#")[0]:
                continue
            command = line[2:].split("  #")[0].split(" # ")[0].strip()
            if any(mark in command for mark in ("my_bank/", "[--json]", "| jq", ".venv/", "python")):
                continue  # placeholders and developer commands
            feed = ""
            if command.startswith("printf "):
                printf, command = (part.strip() for part in command.split("|", 1))
                feed = shlex.split(printf)[1].encode().decode("unicode_escape")
            out.append((feed, command))
    return out


EXAMPLES = examples()


def test_the_readme_has_examples_of_every_command():
    from topa_quiz.cli import COMMANDS

    shown = {shlex.split(c)[1] for _, c in EXAMPLES}
    assert set(COMMANDS) - shown <= {"review", "wrong", "reset", "plan", "today"}, set(COMMANDS) - shown


@pytest.mark.parametrize(("feed", "command"), EXAMPLES, ids=[c for _, c in EXAMPLES])
def test_a_readme_example_runs(run, tmp_path, monkeypatch, feed, command):
    monkeypatch.chdir(tmp_path)  # --out files land here
    args = shlex.split(command)[1:]
    r = run(*args, input=feed)
    assert r.exit_code == 0, f"{command}\n{r.output}"
    assert "Traceback" not in r.output and "TOPA_TRACEBACK" not in r.output


def test_the_scripted_quiz_example_goes_to_its_summary(run):
    feed, command = next((f, c) for f, c in EXAMPLES if f)
    r = run(*shlex.split(command)[1:], "--lang", "en", input=feed)
    assert r.exit_code == 0
    assert "↺" not in r.stdout  # every scripted line was an answer or a command
    assert "Hint:" in r.stdout and "Summary" in r.stdout and "ended early" not in r.stdout
