"""`topa plot`, `topa calc ... --plot` and the shell-completion callbacks (issue 6), through
the command line. What the pictures hold is tested with the renderers, in tests/render/.

Golden values are worked out by hand in the comments, never computed by the code under test.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

FRAME = "└"  # plotext's lower-left frame corner: the plot is there


def test_plot_sigmoid_with_derivative(run):
    r = run("plot", "sigmoid", "--derivative")
    assert r.exit_code == 0, r.output
    assert FRAME in r.output and "┤" in r.output
    assert "시그모이드의 도함수" in r.output  # the derivative's legend entry, in the session's language
    assert "\x1b[" not in r.output  # NO_COLOR / not a terminal: plain text
    lines = r.output.splitlines()
    assert max(len(line) for line in lines) <= 100  # COLUMNS=100


def test_plot_without_no_color_is_still_plain_when_not_a_terminal(run):
    r = run("plot", "tanh", env={"NO_COLOR": None})
    assert r.exit_code == 0, r.output
    assert "\x1b[" not in r.output and FRAME in r.output


def test_negative_range(run):
    r = run("plot", "relu", "leaky-relu", "--range", "-3", "-1", "--alpha", "0.2")
    assert r.exit_code == 0, r.output
    assert FRAME in r.output
    lines = r.output.splitlines()
    axis = next(lines[i + 1] for i, line in enumerate(lines) if FRAME in line)  # the x tick labels
    assert "-3" in axis and "-1" in axis
    assert "-6" not in axis


def test_range_must_be_increasing(run):
    r = run("plot", "relu", "--range", "2", "1", env={"TOPA_LANG": "en"})
    assert r.exit_code == 2
    assert "error: --range" in r.output


def test_unknown_name_suggests(run):
    r = run("plot", "sigmod", "--lang", "en")
    assert r.exit_code == 2
    assert r.output == "error: cannot plot 'sigmod'; did you mean 'sigmoid'?\n"
    r = run("plot", "sigmod")  # Korean by default
    assert r.exit_code == 2
    assert r.output == "오류: 그릴 수 없는 이름입니다: 'sigmod'. 혹시 'sigmoid'입니까?\n"


def test_narrow_terminal_gives_one_line(run):
    r = run("plot", "sigmoid", "--lang", "en", env={"COLUMNS": "30"})
    assert r.exit_code == 0
    assert FRAME not in r.output
    assert len(r.output.strip().splitlines()) == 1
    assert "no room for a plot" in r.output and "40 columns" in r.output


def test_short_terminal_gives_one_line(run):
    r = run("plot", "sigmoid", "--lang", "en", env={"LINES": "6"})
    assert r.exit_code == 0
    assert "no room for a plot" in r.output and FRAME not in r.output


def test_calc_sigmoid_plot_marks_the_point(run):
    r = run("calc", "sigmoid", "0", "--plot", "--lang", "en")
    assert r.exit_code == 0, r.output
    assert "result 0.5" in r.output
    assert FRAME in r.output
    assert "sigmoid(0) = 0.5" in r.output  # σ(0) = 1/(1+1) = 0.5


def test_calc_adam_plot(run):
    r = run(
        "calc",
        "adam",
        "--param",
        "1.0",
        "--grad",
        "0.5",
        "--grad",
        "0.5",
        "--lr",
        "0.1",
        "--plot",
        env={"TOPA_LANG": "en"},
    )
    assert r.exit_code == 0, r.output
    assert FRAME in r.output and "Adam: θ over the steps" in r.output


def test_calc_one_optimizer_step_shows_the_step(run):
    # gd: θ₁ = 1 − 0.1·0.5 = 0.95
    r = run("calc", "gd", "--param", "1", "--grad", "0.5", "--lr", "0.1", "--plot")
    assert r.exit_code == 0, r.output
    assert FRAME not in r.output
    assert "θ: 1 → 0.95" in r.output and "θ 값이 0.05만큼 작아졌습니다" in r.output


def test_calc_vector_optimizer_plot_has_one_line_per_component(run):
    r = run("calc", "gd", "--param", "1,2", "--grad", "0.5,1", "--grad", "0.5,1", "--lr", "0.1", "--plot")
    assert r.exit_code == 0, r.output
    assert "θ[0]" in r.output and "θ[1]" in r.output


def test_calc_without_a_picture_says_so(run):
    r = run("calc", "mse", "--y-true", "1,2", "--y-pred", "1,1", "--plot", env={"TOPA_LANG": "en"})
    assert r.exit_code == 0
    assert "no plot fits 'mse'" in r.output
    assert FRAME not in r.output


def test_plot_lr_command(run):
    r = run("plot", "lr", "--lr", "0.01", "0.1", "1.1", "--lang", "en")
    assert r.exit_code == 0, r.output
    assert FRAME in r.output
    for label in ("η = 0.01 too slow", "η = 0.1 good", "η = 1.1 diverges"):
        assert label in r.output
    # θ₂₀ by hand: 0.98^20 = 0.6676, 0.8^20 = 0.01153, 1.2^20 = 38.34
    assert "θ₂₀ = 0.6676" in r.output
    assert "θ₂₀ = 0.01153" in r.output
    assert "θ₂₀ = 38.34" in r.output


def test_plot_lr_repeated_option_and_errors(run):
    r = run("plot", "lr", "--lr", "0.1", "--lr", "0.6", "--steps", "5", "--lang", "en")
    assert r.exit_code == 0, r.output
    assert "η = 0.6 zigzags" in r.output and "θ₅" in r.output
    r = run("plot", "lr", "--lr", "-0.1", "--lang", "en")
    assert r.exit_code == 2 and r.output == "error: --lr: each learning rate must be a number > 0, got -0.1\n"
    r = run("plot", "sigmoid", "--lr", "0.1", "--lang", "en")
    assert r.exit_code == 2 and r.output == "error: --lr is for 'topa plot lr'\n"
    r = run("plot", "lr", "--lr", "x")
    assert r.exit_code == 2 and r.output == "오류: --lr: 숫자가 필요합니다. 입력: 'x'\n"


@pytest.mark.parametrize(
    "args",
    [
        ("plot", "lr", "--lr", "2"),
        ("plot", "lr", "--lr", "1.1", "--steps", "200"),
        ("plot", "lr", "--lr", "10"),
        ("calc", "sigmoid", "1e308", "--plot"),
    ],
)
def test_huge_values_do_not_abort_the_interpreter(args):
    """These aborted Python inside plotext (exit 134, issue 13 items 8 and 10): a separate
    process, so a regression cannot take the test run down with it."""
    import os

    env = {**os.environ, "TOPA_LANG": "en", "COLUMNS": "60", "LINES": "20"}
    done = subprocess.run(
        [sys.executable, "-m", "topa_quiz", *args], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert FRAME in done.stdout
    text = " ".join(done.stdout.split())
    assert "diverges" in text or "outside the drawn range" in text


def test_plot_range_too_wide_names_range(run):
    r = run("plot", "sigmoid", "--range", "-1e308", "1e308", "--lang", "en")
    assert r.exit_code == 2
    assert r.output == "error: --range: LOW and HIGH must lie within ±1e6, got -1e308 1e308\n"


@pytest.mark.parametrize(
    "args", [("plot",), ("export",), ("export", "anki"), ("export", "gift"), ("export", "json")]
)
def test_every_new_command_has_an_example(run, args):
    r = run(*args, "--help")
    assert r.exit_code == 0
    assert "예: topa" in r.output  # the help speaks the session's language: Korean by default


def test_help_does_not_import_heavy_modules():
    """topa --help stays at the typer+rich floor: no NumPy, YAML, SQLite, fsrs, plotext, genanki."""
    heavy = ("numpy", "yaml", "sqlite3", "fsrs", "plotext", "genanki")
    code = (
        "import sys\n"
        "from topa_quiz.cli import app\n"
        "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        f"sys.stderr.write('LOADED ' + ' '.join(m for m in {heavy!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stderr.strip().endswith("LOADED"), done.stderr[-300:]


def test_completion_callbacks():
    from topa_quiz.cli.completion import complete_concept, complete_plot_name, complete_topic

    assert [t for t, _ in complete_topic("opt")] == ["optimizer"]
    concepts = [c for c, _ in complete_concept("optimizer.ad")]
    assert "optimizer.adam" in concepts and "optimizer.adamw" in concepts
    assert all(c.startswith("optimizer.ad") for c in concepts)
    assert "activation" in [c for c, _ in complete_concept("act")]  # a topic prefix works for --concept
    assert [n for n, _ in complete_plot_name("sig")] == ["sigmoid", "sigmoid-derivative"]
    assert complete_topic("zzz") == []


def test_completion_never_crashes(monkeypatch):
    from topa_quiz.cli import completion

    def broken():
        raise OSError("unreadable")

    monkeypatch.setattr(completion, "_bundled_concepts", broken)
    assert completion.complete_topic("") == []
    assert completion.complete_concept("") == []


def test_shell_completion_of_quiz_options():
    from typer.testing import CliRunner

    from topa_quiz.cli import app

    env = {"_TOPA_COMPLETE": "complete_bash", "COMP_WORDS": "topa quiz --topic opt", "COMP_CWORD": "3"}
    r = CliRunner().invoke(app, [], env=env, prog_name="topa")
    assert r.output.split() == ["optimizer"]
    env = {"_TOPA_COMPLETE": "complete_bash", "COMP_WORDS": "topa plot leaky", "COMP_CWORD": "2"}
    r = CliRunner().invoke(app, [], env=env, prog_name="topa")
    assert r.output.split() == ["leaky-relu"]


def test_cli_imports_no_drawing_storage_or_anki_library():
    """Issue 9: plot drawing lives with the renderers, exports with the exporters, storage under
    the session; cli/ imports none of plotext, sqlite3, fsrs, genanki (not even inside functions)."""
    import ast
    from pathlib import Path

    import topa_quiz.cli

    banned = {"plotext", "sqlite3", "fsrs", "genanki"}
    found = []
    for path in Path(topa_quiz.cli.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            found += [f"{path.name}: {n}" for n in names if n.split(".")[0] in banned]
    assert found == []
