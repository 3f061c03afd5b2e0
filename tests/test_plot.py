"""`topa plot`, `topa calc ... --plot` and the shell-completion callbacks (issue 6).

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
    assert "sigmoid′" in r.output  # the derivative's legend entry
    assert "\x1b[" not in r.output  # NO_COLOR / not a terminal: plain text
    lines = r.output.splitlines()
    assert max(len(line) for line in lines) <= 100  # COLUMNS=100


def test_plot_without_no_color_is_still_plain_when_not_a_terminal(run):
    r = run("plot", "tanh", env={"NO_COLOR": None})
    assert r.exit_code == 0, r.output
    assert "\x1b[" not in r.output and FRAME in r.output


def test_sigmoid_derivative_peaks_at_a_quarter():
    from topa_quiz.cli.plots import derivative_values

    # σ'(0) = σ(0)(1 − σ(0)) = 0.5 · 0.5 = 0.25; tanh'(0) = 1 − 0² = 1
    assert derivative_values("sigmoid", [0.0], {}) == pytest.approx([0.25])
    assert derivative_values("tanh", [0.0], {}) == pytest.approx([1.0])
    # Leaky ReLU': 1 for x > 0, α elsewhere (PyTorch takes α at 0)
    assert derivative_values("leaky-relu", [-2.0, 0.0, 3.0], {"alpha": 0.1}) == pytest.approx([0.1, 0.1, 1.0])


def test_negative_range(run):
    r = run("plot", "relu", "leaky-relu", "--range", "-3", "-1", "--alpha", "0.2")
    assert r.exit_code == 0, r.output
    assert FRAME in r.output
    axis = r.output.splitlines()[-2]  # the x tick labels
    assert "-3" in axis and "-1" in axis
    assert "-6" not in axis


def test_range_must_be_increasing(run):
    r = run("plot", "relu", "--range", "2", "1", env={"TOPA_LANG": "en"})
    assert r.exit_code == 2
    assert "error: --range" in r.output


def test_unknown_name_suggests(run):
    r = run("plot", "sigmod")
    assert r.exit_code == 2
    assert "did you mean 'sigmoid'" in r.output


def test_narrow_terminal_gives_one_line(run):
    r = run("plot", "sigmoid", env={"COLUMNS": "30"})
    assert r.exit_code == 0
    assert FRAME not in r.output
    assert len(r.output.strip().splitlines()) == 1
    assert "no room for a plot" in r.output and "40 columns" in r.output


def test_short_terminal_gives_one_line(run):
    r = run("plot", "sigmoid", env={"LINES": "6"})
    assert r.exit_code == 0
    assert "no room for a plot" in r.output and FRAME not in r.output


def test_calc_sigmoid_plot_marks_the_point(run):
    r = run("calc", "sigmoid", "0", "--plot")
    assert r.exit_code == 0, r.output
    assert "result 0.5" in r.output
    assert FRAME in r.output
    assert "sigmoid(0) = 0.5" in r.output  # σ(0) = 1/(1+1) = 0.5


def test_calc_adam_plot(run):
    r = run("calc", "adam", "--param", "1.0", "--grad", "0.5", "--grad", "0.5", "--lr", "0.1", "--plot")
    assert r.exit_code == 0, r.output
    assert FRAME in r.output and "adam: parameter θ over the steps" in r.output


def test_adam_path_from_the_steps():
    from topa_quiz.cli.plots import optimizer_path
    from topa_quiz.engine import compute

    # a constant gradient g gives m̂ = g and v̂ = g², so each Adam step is η·g/|g| = 0.1 (ε aside)
    path = optimizer_path(compute("adam", param=1.0, grad=[0.5, 0.5, 0.5], lr=0.1))
    assert [p[0] for p in path] == pytest.approx([1.0, 0.9, 0.8, 0.7], abs=1e-6)
    # a vector parameter: one list per step; gd with η = 0.1, g = [1, -2]: [1, 1] -> [0.9, 1.2]
    path = optimizer_path(compute("gd", param=[1.0, 1.0], grad=[[1.0, -2.0]], lr=0.1))
    assert path == [pytest.approx([1.0, 1.0]), pytest.approx([0.9, 1.2])]


def test_calc_vector_optimizer_plot_has_one_line_per_component(run):
    r = run("calc", "gd", "--param", "1,2", "--grad", "0.5,1", "--grad", "0.5,1", "--lr", "0.1", "--plot")
    assert r.exit_code == 0, r.output
    assert "θ[0]" in r.output and "θ[1]" in r.output


def test_calc_without_a_picture_says_so(run):
    r = run("calc", "mse", "--y-true", "1,2", "--y-pred", "1,1", "--plot")
    assert r.exit_code == 0
    assert "no plot fits 'mse'" in r.output
    assert FRAME not in r.output


def test_lr_paths_match_the_closed_forms():
    from topa_quiz.cli.plots import lr_path, lr_verdict

    # θ ← θ − η·2θ = (1 − 2η)·θ, so θ_k = (1 − 2η)^k from θ₀ = 1
    diverging = lr_path(1.1, steps=20)
    assert diverging == pytest.approx([(-1.2) ** k for k in range(21)], rel=1e-12)
    assert all(abs(b) > abs(a) for a, b in zip(diverging, diverging[1:], strict=False))  # |θ| grows
    good = lr_path(0.1, steps=20)
    assert good == pytest.approx([0.8**k for k in range(21)], rel=1e-12)
    slow = lr_path(0.01, steps=20)
    assert slow == pytest.approx([0.98**k for k in range(21)], rel=1e-12)
    assert lr_verdict(1.1, diverging)[0] == "diverging"
    assert lr_verdict(0.1, good)[0] == "good"
    assert lr_verdict(0.01, slow)[0] == "slow"
    assert lr_verdict(1.0, lr_path(1.0))[0] == "bouncing"  # (1 − 2)^k = ±1


def test_plot_lr_command(run):
    r = run("plot", "lr", "--lr", "0.01", "0.1", "1.1")
    assert r.exit_code == 0, r.output
    assert FRAME in r.output
    for label in ("η=0.01 slow", "η=0.1 good", "η=1.1 diverging"):
        assert label in r.output
    # θ₂₀ by hand: 0.98^20 = 0.6676, 0.8^20 = 0.01153, 1.2^20 = 38.34
    assert "θ₂₀ = 0.6676" in r.output
    assert "θ₂₀ = 0.01153" in r.output
    assert "θ₂₀ = 38.34" in r.output


def test_plot_lr_repeated_option_and_errors(run):
    r = run("plot", "lr", "--lr", "0.1", "--lr", "0.6", "--steps", "5")
    assert r.exit_code == 0, r.output
    assert "η=0.6 zigzag" in r.output and "θ₅" in r.output
    assert run("plot", "lr", "--lr", "-0.1").exit_code == 2
    assert run("plot", "sigmoid", "--lr", "0.1").exit_code == 2


@pytest.mark.parametrize(
    "args", [("plot",), ("export",), ("export", "anki"), ("export", "gift"), ("export", "json")]
)
def test_every_new_command_has_an_example(run, args):
    r = run(*args, "--help")
    assert r.exit_code == 0
    assert "Example: topa" in r.output


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
    from topa_quiz.cli.extras import complete_concept, complete_plot_name, complete_topic

    assert [t for t, _ in complete_topic("opt")] == ["optimizer"]
    concepts = [c for c, _ in complete_concept("optimizer.ad")]
    assert "optimizer.adam" in concepts and "optimizer.adamw" in concepts
    assert all(c.startswith("optimizer.ad") for c in concepts)
    assert "activation" in [c for c, _ in complete_concept("act")]  # a topic prefix works for --concept
    assert [n for n, _ in complete_plot_name("sig")] == ["sigmoid", "sigmoid-derivative"]
    assert complete_topic("zzz") == []


def test_completion_never_crashes(monkeypatch):
    from topa_quiz.cli import extras

    def broken():
        raise OSError("unreadable")

    monkeypatch.setattr(extras, "_bundled_concepts", broken)
    assert extras.complete_topic("") == []
    assert extras.complete_concept("") == []


def test_shell_completion_of_quiz_options():
    from typer.testing import CliRunner

    from topa_quiz.cli import app

    env = {"_TOPA_COMPLETE": "complete_bash", "COMP_WORDS": "topa quiz --topic opt", "COMP_CWORD": "3"}
    r = CliRunner().invoke(app, [], env=env, prog_name="topa")
    assert r.output.split() == ["optimizer"]
    env = {"_TOPA_COMPLETE": "complete_bash", "COMP_WORDS": "topa plot leaky", "COMP_CWORD": "2"}
    r = CliRunner().invoke(app, [], env=env, prog_name="topa")
    assert r.output.split() == ["leaky-relu"]
