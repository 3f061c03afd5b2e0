"""Worked steps in textbook form (issue 10 points 1 and 2): what a student writes on paper,
the numbers substituted; words only in notes, from the catalog in both languages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rich.console import Console

from topa_quiz.engine import compute
from topa_quiz.i18n import catalog
from topa_quiz.render.steps import steps_table

GOLDEN = json.loads((Path(__file__).parents[1] / "golden" / "golden.json").read_text("utf-8"))["cases"]


def steps_of(name: str, **inputs: object) -> list[tuple[str, str, object]]:
    return [(s.label, s.formula, s.value) for s in compute(name, **inputs).steps]


def rendered(calc, lang: str = "en", width: int = 200) -> str:  # noqa: ANN001
    console = Console(record=True, width=width, color_system=None)
    console.print(steps_table(calc, lang=lang))
    return console.export_text()


# ------------------------------------------------------------ paper form
def test_sigmoid_as_on_paper():
    """σ(−2) = 1/(1 + e^(−x)) = 1/(1 + e²) = 1/(1 + 7.389056) = 0.119203."""
    [(label, formula, value)] = steps_of("sigmoid", x=-2.0)
    assert label == "σ(−2)"
    assert formula == "1/(1 + e^(−x)) = 1/(1 + e²) = 1/(1 + 7.389056)"
    assert value == pytest.approx(0.119203, abs=5e-7)


def test_softmax_exponentiates_sums_and_divides():
    steps = steps_of("softmax", x=[1.0, 2.0, 3.0])
    assert [s[1] for s in steps] == [
        "[e¹, e², e³]",
        "2.718282 + 7.389056 + 20.085537",
        "[2.718282/30.192875, 7.389056/30.192875, 20.085537/30.192875]",
    ]
    assert steps[1][2] == pytest.approx(30.192875, abs=1e-6)


def test_shifted_softmax_says_why_and_has_the_same_value():
    calc = compute("softmax", x=[1000.0, 1001.0, 1002.0])
    first = calc.steps[0]
    assert first.label == "e^(xᵢ − 1002)" and first.formula == "[e⁻², e⁻¹, e⁰]"
    assert first.note == "calc.note.softmax_shift" and "1002" in first.note_text("en")
    assert "1002" in first.note_text("ko")
    assert calc.result == pytest.approx(compute("softmax", x=[0.0, 1.0, 2.0]).result, rel=1e-15)


def test_sigmoid_of_minus_1000_says_why_it_is_rewritten():
    [step] = compute("sigmoid", x=-1000.0).steps
    assert step.formula.startswith("eˣ/(1 + eˣ) = ") and step.value == 0.0
    assert step.note == "calc.note.sigmoid_stable"


def test_adam_writes_g_m_v_corrections_update_and_theta():
    calc = compute("adam", param=1.0, grad=[0.5], lr=0.1)
    assert [s.label for s in calc.steps] == ["θ₀", "g₁", "m₁", "v₁", "m̂₁", "v̂₁", "η·m̂₁/(√v̂₁ + ε)", "θ₁"]
    formulas = {s.label: s.formula for s in calc.steps}
    assert formulas["m₁"] == "β₁·m₀ + (1 − β₁)·g₁ = 0.9·0 + 0.1·0.5"
    assert formulas["m̂₁"] == "m₁/(1 − β₁¹) = 0.05/(1 − 0.9¹) = 0.05/0.1"
    assert formulas["θ₁"] == "θ₀ − η·m̂₁/(√v̂₁ + ε) = 1 − 0.1"
    # m̂ and v̂ are reachable as values, whatever the labels say
    assert calc.values("m_hat") == [pytest.approx(0.5)]
    assert calc.values("v_hat") == [pytest.approx(0.25)]


# ----------------------------------------------------- the four defects
def test_adagrad_update_shows_eta_once_with_its_value():
    """Was: θ₀ − η·(η/(√G+ε))·g = 1 − 1·(-0.01): η twice, filled in as 1."""
    theta = compute("adagrad", param=1.0, grad=[-0.5]).steps[-1]
    assert theta.formula == "θ₀ − η·g₁/(√G₁ + ε) = 1 − 0.01·(−0.5)/(√0.25 + 1e−10)"
    assert theta.formula.count("η") == 1
    assert theta.value == pytest.approx(1.01, abs=1e-9)


def test_tanh_derivative_squares_a_negative_in_parentheses():
    """Was: 1 − -0.964028², which reads as 1 + 0.929."""
    last = compute("tanh-derivative", x=-2.0).steps[-1]
    assert last.formula == "1 − tanh²(x) = 1 − (−0.964028)²"
    assert last.value == pytest.approx(1 - 0.964027580075817**2, rel=1e-12)


def test_linear_composition_writes_each_layer():
    """Was step 2: f(x)  a·x with a = 2  → 2."""
    steps = steps_of("linear-composition", a=2.0, layers=3, x=5.0)
    assert steps == [
        ("h₁", "a·x = 2·5", 10.0),
        ("h₂", "a·h₁ = 2·10", 20.0),
        ("h₃", "a·h₂ = 2·20", 40.0),
        ("c", "a³ = 2³", 8.0),
        ("c·x", "8·5", 40.0),
    ]


def test_bracketed_formulas_survive_the_renderer():
    """Was: ℓᵢ  −  [0.287682, 0.287682], Rich markup ate the bracketed part."""
    calc = compute("bce", y_true=[1.0, 0.0], y_pred=[0.75, 0.25])
    text = rendered(calc)
    assert "−[yᵢ·ln pᵢ + (1 − yᵢ)·ln(1 − pᵢ)] = [−ln 0.75, −ln(1 − 0.25)]" in text
    markup = compute("softmax", x=[1.0, 2.0])  # [e¹, e²] would be markup-looking too
    assert "[e¹, e²]" in rendered(markup)


def test_bracketed_summaries_survive_the_calc_listing_and_help(run):
    summary = "BCE = −(1/n)·Σ[y·ln p + (1 − y)·ln(1 − p)]"
    assert summary in run("calc").output
    assert summary in " ".join(run("calc", "bce", "--help").output.split()).replace("│", "")


# ---------------------------------------------------- words and numbers
WORDS = re.compile(r"[A-Za-z]{2,}")
#: function and quantity names a formula may use (the rest are symbols and numbers)
MATH_NAMES = {
    "ln",
    "max",
    "softmax",
    "tanh",
    "ReLU",
    "LeakyReLU",
    "step",
    "MSE",
    "MAE",
    "BCE",
    "CCE",
    "SS_res",
    "SS_tot",
    "SS",
    "res",
    "tot",
}


@pytest.mark.parametrize("case", GOLDEN, ids=[c["id"] for c in GOLDEN])
def test_labels_and_formulas_are_mathematics_only(case):
    for s in compute(case["name"], **case["inputs"]).steps:
        for text in (s.label, s.formula):
            assert set(WORDS.findall(text)) <= MATH_NAMES, (s.label, s.formula)
            assert "-" not in text, f"ASCII minus in {text!r}: write −"
        if s.note:
            assert s.note_text("en") and s.note_text("ko")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_notes_show_in_the_session_language(lang):
    calc = compute("softmax", x=[1000.0, 1001.0])
    out = rendered(calc, lang, width=400)
    head = catalog(lang)("steps.formula")
    assert head in out
    assert catalog(lang)("calc.note.softmax_shift", m="1001").split()[0] in out


def test_json_carries_note_text_only_when_asked():
    calc = compute("softmax", x=[1000.0, 1001.0])
    assert all(set(s) == {"label", "formula", "value"} for s in calc.to_dict()["steps"])
    first = calc.to_dict("ko")["steps"][0]
    assert first["note"] == calc.steps[0].note_text("ko")


def test_adam_without_bias_correction_says_how_far_off_the_step_is():
    """At t = 1, m/√v is (1 − β₁)/√(1 − β₂) = 3.16 times m̂/√v̂: the uncorrected step is too large."""
    off = compute("adam", param=1.0, grad=[0.5], lr=0.1, bias_correction=False)
    on = compute("adam", param=1.0, grad=[0.5], lr=0.1)
    ratio = off.values("update")[-1] / on.values("update")[-1]
    note = next(s for s in off.steps if s.key == "m_hat")
    assert note.note == "calc.note.adam_no_bc"
    assert float(note.args["factor"]) == pytest.approx(ratio, rel=1e-6)
    assert ratio == pytest.approx(0.1 / 0.001**0.5, rel=1e-6)
