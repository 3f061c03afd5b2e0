"""Issue 13's engine defects, each pinned by a test that failed before its fix.

Items: 10 (overflow is a bug report), 11 (a huge exponent hangs the number grammar),
14 (no size caps), 15 (a decimal zero fires the perceptron), 16 (CCE on logits clamps),
19 (inputs with a finite answer refused), 25 (errors blame the wrong parameter).
"""

from __future__ import annotations

import math
import subprocess
import sys
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from topa_quiz.engine import EngineError, compute
from topa_quiz.engine.registry import CALCS


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    """These tests read the English words; the Korean ones are tested with the catalog."""
    monkeypatch.setenv("TOPA_LANG", "en")


# ------------------------------------------------------------------ item 10
EXTREMES = [
    0.0,
    5e-324,
    -5e-324,
    1e-170,
    -1e-170,
    1.0,
    -1.0,
    0.5,
    1e154,
    -1e154,
    1e200,
    -1e200,
    1e308,
    -1e308,
]


def _value(kind: str, draw, name: str):  # noqa: ANN001
    number = st.sampled_from(EXTREMES)
    if kind == "number":
        return draw(number)
    if kind == "int":
        return draw(st.integers(1, 50))
    if kind in ("vector", "batch"):
        return draw(st.lists(number, min_size=1, max_size=3))
    if kind == "steps":
        return draw(st.lists(number, min_size=1, max_size=3))
    if kind == "flag":
        return draw(st.booleans())
    raise AssertionError(kind)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(CALCS), st.data())
def test_extreme_inputs_give_a_result_or_an_engine_error_and_never_a_warning(calc, data):
    """Any mix of huge, tiny and subnormal inputs: a finite result or an EngineError naming a
    parameter of the calculation; never another exception (OverflowError, ZeroDivisionError)
    and never a NumPy RuntimeWarning on stderr."""
    params = {}
    for p in calc.params:
        if p.kind == "choice":
            params[p.name] = data.draw(st.sampled_from(p.choices))
        elif p.required or data.draw(st.booleans()):
            params[p.name] = _value(p.kind, data.draw, p.name)
    if calc.name == "cce" and "y_true" in params:  # targets must sum to 1: one-hot of the right size
        n = len(params["y_pred"]) if isinstance(params.get("y_pred"), list) else 1
        params["y_true"] = [1.0] + [0.0] * (n - 1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            result = compute(calc.name, **params)
        except EngineError as exc:
            assert exc.param in {p.name for p in calc.params}, (calc.name, params, exc)
            return
    flat = result.result if isinstance(result.result, list) else [result.result]
    while flat and isinstance(flat[0], list):
        flat = [v for row in flat for v in row]
    assert all(math.isfinite(v) for v in flat)


def test_linear_composition_overflow_blames_a():
    with pytest.raises(EngineError) as err:
        compute("linear-composition", a=1e200, layers=2, x=1.0)
    assert err.value.param == "a"


# ------------------------------------------------------------------ item 11
def test_a_huge_exponent_is_refused_at_once():
    """1e99999999/1 used to build a 100-million-digit integer (more than 90 s)."""
    code = (
        "from topa_quiz.session.numbers import parse_number\n"
        "for t in ('1e99999999/1', '1/1e-99999999', '1e99999999', '1' * 100000):\n"
        "    assert parse_number(t) is None, t\n"
    )
    done = subprocess.run([sys.executable, "-c", code], timeout=20, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


# ------------------------------------------------------------------ item 14
def test_vectors_are_capped_with_a_clear_message():
    with pytest.raises(EngineError) as err:
        compute("sigmoid", x=[0.0] * 1001)
    assert err.value.param == "x" and "1000" in err.value.message


def test_optimizer_steps_and_values_are_capped():
    with pytest.raises(EngineError) as err:
        compute("adam", param=[0.0] * 100, grad=[[0.1] * 100] * 1000)
    assert err.value.param == "grad"
    with pytest.raises(EngineError) as err:
        compute("gd", param=0.0, grad=[0.1] * 201, lr=0.1)
    assert err.value.param == "grad" and "200" in err.value.message


def test_the_caps_are_named_in_the_help():
    x = next(c for c in CALCS if c.name == "sigmoid").param("x")
    grad = next(c for c in CALCS if c.name == "adam").param("grad")
    assert "1000" in x.bounds_text("en")
    assert "200" in grad.bounds_text("en")


# ------------------------------------------------------------------ item 15
@pytest.mark.parametrize(
    ("x", "w", "b"),
    [([0.5, -2.0, 1.5], [0.6, 0.3, 0.2], 0.0), ([0.1, 0.2], [1.0, 1.0], -0.3)],
)
def test_a_sum_that_is_zero_in_decimals_does_not_fire(x, w, b):
    calc = compute("perceptron", x=x, w=w, b=b)
    assert calc.result == 0.0
    assert compute("weighted-sum", x=x, w=w, b=b).result == 0.0
    z_step = next(s for s in calc.steps if s.label.startswith("z"))
    assert z_step.value == 0.0


# ------------------------------------------------------------------ item 16
def test_cce_on_logits_is_log_softmax_without_a_clamp():
    # −log_softmax([1000, 0, −1000])₃ = −(−1000 − (1000 + ln(1 + e^−1000 + e^−2000))) = 2000
    got = compute("cce", y_true=[0.0, 0.0, 1.0], y_pred=[1000.0, 0.0, -1000.0], logits=True).result
    assert got == pytest.approx(2000.0, rel=1e-12)


# ------------------------------------------------------------------ item 19
def test_inputs_with_a_finite_answer_are_accepted():
    assert compute("tanh", x=1e308).result == 1.0
    assert compute("tanh", x=-1e308).result == -1.0
    assert compute("softmax", x=[-1e308, 1e308]).result == [0.0, 1.0]
    # the target is the large logit: log_softmax = 0 there, so the loss is 0
    assert compute("cce", y_true=[1.0, 0.0], y_pred=[1e308, -1e308], logits=True).result == 0.0
    # R² is scale-free: targets [1e-170, 0] predicted as [0, 0] give 1 − 1/(1/2) = −1
    assert compute("r2", y_true=[1e-170, 0.0], y_pred=[0.0, 0.0]).result == pytest.approx(-1.0)


# ------------------------------------------------------------------ item 25
@pytest.mark.parametrize(
    ("name", "params", "blamed"),
    [
        ("adam", {"param": 1.0, "grad": [0.0], "eps": 0.0}, "eps"),
        ("adamw", {"param": 1.0, "grad": [0.0], "eps": 0.0}, "eps"),
        ("rmsprop", {"param": 1.0, "grad": [0.0], "eps": 0.0}, "eps"),
        ("adagrad", {"param": 1.0, "grad": [0.0], "eps": 0.0}, "eps"),
        ("leaky-relu", {"x": -5.0, "alpha": 1e308}, "alpha"),
        ("dropout", {"p": 0.5, "x": 1e308}, "x"),
    ],
)
def test_errors_name_the_parameter_at_fault(name, params, blamed):
    with pytest.raises(EngineError) as err:
        compute(name, **params)
    assert err.value.param == blamed


def test_the_calc_command_says_which_limit_a_number_breaks(run):
    r = run("calc", "sigmoid", "1e99999999/1")
    assert r.exit_code == 2 and "X: the exponent is too large for a number (at most 1000)" in r.stderr
    r = run("calc", "relu", "1" * 101)
    assert r.exit_code == 2 and "too long for a number (at most 100 characters)" in r.stderr


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["adam", "--param", "1", "--grad", "0", "--eps", "0"], "--eps"),
        (["leaky-relu", "-5", "--alpha", "1e308"], "--alpha"),
        (["dropout", "--p", ".5", "--x", "1e308"], "--x"),
        (["linear-composition", "--a", "1e200", "--layers", "2", "--x", "1"], "--a"),
    ],
)
def test_the_calc_command_names_the_option_at_fault(run, args, option):
    r = run("calc", *args)
    assert r.exit_code == 2, r.output
    first = r.stderr.splitlines()[0]
    assert first.split(": ", 1)[1].startswith(f"{option}: "), first  # "error: --eps: …" in any language
    assert "unexpected" not in r.stderr
