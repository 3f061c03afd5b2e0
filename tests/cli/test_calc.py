"""topa calc through the real root command: output, --json, every bad input."""

import json

import pytest


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    """These tests read the English words; the Korean ones are tested with the catalog."""
    monkeypatch.setenv("TOPA_LANG", "en")


def test_sigmoid_negative_positional(run):
    r = run("calc", "sigmoid", "-2")
    assert r.exit_code == 0, r.output
    assert "result 0.119202922" in r.output  # 1/(1+e^2)


def test_relu_several_negative_positionals_json(run):
    r = run("calc", "relu", "-3", "4", "--json")
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    assert data["function"] == "relu"
    assert data["inputs"] == {"x": [-3.0, 4.0]}
    assert data["result"] == [0.0, 4.0]
    assert all(set(s) == {"label", "formula", "value"} for s in data["steps"])


def test_adam_json_two_steps_and_equals_form(run):
    r = run("calc", "adam", "--param=1.0", "--grad", "0.5", "--grad=-0.3", "--lr", "0.1", "--json")
    data = json.loads(r.stdout)
    assert data["inputs"]["grad"] == [0.5, -0.3]
    # step 1 gives 0.9 (m̂=g, v̂=g²); the steps table shows both steps' moments
    assert [s["label"] for s in data["steps"]].count("θ₂") == 1
    assert data["result"] == pytest.approx(0.88085019, abs=1e-8)


def test_vector_param_and_batch(run):
    r = run("calc", "mse", "--y-true", "1,2;3,4", "--y-pred", "1,2;3,6", "--json")
    assert json.loads(r.stdout)["result"] == pytest.approx(1.0)  # 4/4 elements
    r = run("calc", "adamw", "--param", "-2,1", "--grad", "0.5,-0.5", "--json")
    assert len(json.loads(r.stdout)["result"]) == 2


def test_listing_without_name(run):
    r = run("calc")
    assert r.exit_code == 0
    for name in ("sigmoid", "leaky-relu", "cce", "adamw", "dropout", "linear-composition"):
        assert name in r.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sigmoid"], "error: X: missing"),
        (["sigmoid", "abc"], "error: X: expected a number, got 'abc'"),
        (["sigmoid", "nan"], "error: X: expected a finite number, got 'nan'"),
        (["sigmoid", "inf"], "error: X: expected a finite number, got 'inf'"),
        (["sigmoid", "--bogus"], "error: no such option: --bogus"),
        (["mse", "--y-true", "1,2,3", "--y-pred", "1,2"], "error: --y-pred: has 2 values but --y-true has 3"),
        (["dropout", "--p", "1"], "error: --p: must be >= 0 and < 1, got 1"),
        (["gd", "--param", "1", "--grad", "1", "--lr", "-0.1"], "error: --lr: must be >= 0, got -0.1"),
        (["bce", "--y-true", "1", "--y-pred", "1.2"], "error: --y-pred: probabilities must lie in [0, 1]"),
        (["gd", "--param", "1", "--grad", "1"], "error: --lr: missing"),
        (["adam", "--param", "1,x", "--grad", "1"], "error: --param: expected a number, got 'x'"),
        (["sigmoyd", "1"], "Did you mean 'sigmoid'"),
    ],
)
def test_bad_input_is_one_line_exit_2(run, args, message):
    r = run("calc", *args, env={"TOPA_LANG": "en"})
    assert r.exit_code == 2
    assert r.stdout == ""
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, r.stderr
    assert message in lines[0]
    assert "Traceback" not in r.stderr


def test_help_lists_keras_difference_and_example(run):
    r = run("calc", "rmsprop", "--help")
    assert "Keras" in r.output and "Example: topa calc rmsprop" in r.output


def test_group_without_command_shows_help_and_no_empty_error(run):
    r = run("bank")
    assert r.exit_code == 2
    assert "validate" in r.output
    assert "error:" not in r.output + r.stderr


def test_calc_reads_numbers_as_the_quiz_does(run):
    """One grammar for typed numbers: fractions work, 1e999 is not finite, 1_000 is not a number."""
    data = json.loads(run("calc", "relu", "1/2", "-1/4", "--json").stdout)
    assert data["inputs"] == {"x": [0.5, -0.25]} and data["result"] == [0.5, 0.0]
    r = run("calc", "sigmoid", "1e999")
    assert r.exit_code == 2 and "X: expected a finite number, got '1e999'" in r.stderr
    r = run("calc", "sigmoid", "1_000")
    assert r.exit_code == 2 and "X: expected a number, got '1_000'" in r.stderr


def test_help_marks_required_options_and_shows_defaults(run):
    r = run("calc", "adam", "--help", "--lang", "en")
    text = " ".join(r.stdout.split())
    assert "1000 values) [required]" in text  # --param
    assert "2000 values in all) [required]" in text  # --grad
    assert "[default: 0.001]" in text and "[default: 0.9]" in text
    r = run("calc", "adam", "--help", "--lang", "ko")
    assert "[필수]" in r.stdout and "[기본값: 0.001]" in " ".join(r.stdout.split())
