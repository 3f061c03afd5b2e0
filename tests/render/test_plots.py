"""What the calculations look like (render.plots), checked at 50x15 and 100x30 in both languages.

Golden values are worked out by hand in the comments, never computed by the code under test.
"""

from __future__ import annotations

import pytest

from topa_quiz.engine import compute, lookup
from topa_quiz.engine.registry import CALCS
from topa_quiz.i18n import catalog
from topa_quiz.render.plots import (
    PlotError,
    PlotRequest,
    calculation_view,
    can_plot,
    curve_names,
    curves_chart,
    lr_chart,
    lr_path,
    lr_verdict,
    path_names,
    plot_names,
    plot_view,
    trajectory,
)

from .layout import LANGS, SIZES, frame, plot_rows, render, widest


def joined(lines: list[str]) -> str:
    """The text with line breaks as spaces: a sentence wrapped at spaces reads whole again."""
    return " ".join(line.strip() for line in lines)


# ------------------------------------------------------------ from the registry
def test_what_can_be_drawn_comes_from_the_registry():
    assert set(curve_names()) == {c.name for c in CALCS if c.plot == "curve"}
    assert set(path_names()) == {c.name for c in CALCS if c.plot == "path"}
    assert {"sigmoid", "tanh", "relu"} <= set(curve_names())
    assert {"gd", "adam"} <= set(path_names())
    assert list(plot_names("en")) == [*curve_names(), "lr"]


def test_derivatives_are_the_registrys():
    # σ′(0) = σ(0)(1 − σ(0)) = 0.25; tanh′(0) = 1 − 0² = 1; grid −1, 0, 1
    chart = curves_chart(["sigmoid", "tanh"], -1.0, 1.0, True, {}, "en", samples=3)
    by_label = {s.label: s for s in chart.series}
    assert by_label["sigmoid′"].y[1] == pytest.approx(0.25)
    assert by_label["tanh′"].y[1] == pytest.approx(1.0)
    assert chart.title == "sigmoid, tanh and their derivatives"


def test_a_curve_without_a_registered_derivative_says_so():
    without = [c.name for c in CALCS if c.plot == "curve" and not c.derivative]
    derivatives = {c.derivative for c in CALCS if c.derivative}
    plain = [n for n in without if n not in derivatives]
    if not plain:
        pytest.skip("every curve has its derivative in the registry")
    chart = curves_chart([plain[0]], -1.0, 1.0, True, {}, "ko", samples=3)
    title = lookup(plain[0]).title("ko")  # the name a picture shows: Leaky ReLU, not leaky-relu
    assert [s.label for s in chart.series] == [title]
    assert chart.notes == (catalog("ko")("plot.no_derivative", name=title),)


def test_a_derivative_is_not_derived_again():
    chart = curves_chart(["sigmoid-derivative"], -1.0, 1.0, True, {}, "en", samples=3)
    assert [s.label for s in chart.series] == ["sigmoid′"] and not chart.notes


# ------------------------------------------------------------- requests
@pytest.mark.parametrize(
    ("request_", "field"),
    [
        (PlotRequest(()), "names"),
        (PlotRequest(("sigmod",)), "names"),
        (PlotRequest(("lr", "tanh")), "names"),
        (PlotRequest(("lr",), lrs=(-0.1,)), "lr"),
        (PlotRequest(("relu",), lo=2, hi=1), "range"),
        (PlotRequest(("relu",), lo=-1e308, hi=1e308), "range"),
        (PlotRequest(("leaky-relu",), alpha=1e308), "alpha"),
        (PlotRequest(("lr",), lrs=tuple(0.01 * k for k in range(1, 12))), "lr"),
        (PlotRequest(("sigmoid", "tanh", "relu", "step", "tanh", "relu"), derivative=True), "names"),
    ],
)
@pytest.mark.parametrize("lang", LANGS)
def test_bad_requests_name_what_is_wrong(request_, field, lang):
    with pytest.raises(PlotError) as caught:
        plot_view(request_, lang, 100, 30, False)
    assert caught.value.field == field


def test_a_misspelt_name_gets_a_suggestion():
    with pytest.raises(PlotError, match="did you mean 'sigmoid'"):
        plot_view(PlotRequest(("sigmod",)), "en", 100, 30, False)


# --------------------------------------------------------------- curves
@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("lang", LANGS)
def test_sigmoid_tanh_with_derivatives_fit(width, height, lang):
    request = PlotRequest(("sigmoid", "tanh"), derivative=True)
    lines = render(plot_view(request, lang, width, height, False), width)
    top, bottom = frame(lines)
    assert len(lines) <= height - 1
    assert widest(lines) <= width - 1
    legend = "\n".join(lines[bottom + 2 :])
    names = [lookup(n).title(lang) for n in ("sigmoid", "sigmoid-derivative", "tanh", "tanh-derivative")]
    for marker, name in zip("•*+x", names, strict=True):
        assert f"{marker} {name}" in legend
    inside = "\n".join(lines[top : bottom + 1])
    assert not any(name in inside for name in names)  # no legend over the curves
    drawn = plot_rows(lines)
    for marker in "•*+x":
        assert marker in "".join(drawn)
    # the curves left of −2 are on screen: tanh(−6) ≈ −1 is drawn in the leftmost columns
    assert any(row[:3].strip("+ ") == "" and "+" in row[:3] for row in drawn)


# ---------------------------------------------------------- learning rate
def test_lr_paths_match_the_closed_forms():
    # θ ← θ − η·2θ = (1 − 2η)·θ, so θ_k = (1 − 2η)^k from θ₀ = 1
    diverging = lr_path(1.1, steps=20)
    assert diverging == pytest.approx([(-1.2) ** k for k in range(21)], rel=1e-12)
    good = lr_path(0.1, steps=20)
    assert good == pytest.approx([0.8**k for k in range(21)], rel=1e-12)
    slow = lr_path(0.01, steps=20)
    assert slow == pytest.approx([0.98**k for k in range(21)], rel=1e-12)
    assert lr_verdict(1.1, diverging) == "diverging"
    assert lr_verdict(0.1, good) == "good"
    assert lr_verdict(0.01, slow) == "slow"
    assert lr_verdict(1.0, lr_path(1.0)) == "bouncing"  # (1 − 2)^k = ±1
    assert lr_verdict(0.6, lr_path(0.6)) == "zigzag"  # (−0.2)^20 ≈ 1e-14


def test_an_overflowing_path_ends_where_floats_end():
    # η = 1e200: θ₁ = 1 − 2e200 ≈ −2e200, θ₂ = θ₁(1 − 2e200) ≈ 4e400 overflows
    path = lr_path(1e200, steps=5)
    assert len(path) == 2 and path[1] == pytest.approx(-2e200)
    chart = lr_chart([1e200], 5, "en")
    assert "ends at step 1" in chart.notes[0]


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("lang", LANGS)
def test_lr_plot_shows_every_line_and_whole_verdicts(width, height, lang):
    t = catalog(lang)
    request = PlotRequest(("lr",), lrs=(0.01, 0.1, 1.1))
    lines = render(plot_view(request, lang, width, height, False), width)
    top, bottom = frame(lines)
    assert widest(lines) <= width - 1
    drawn = "".join(plot_rows(lines))
    for marker in "•*+":  # η = 0.01 (•) is not hidden by a legend
        assert marker in drawn
    after = lines[bottom + 2 :]
    legend_rows = [line for line in after if line.startswith(("• η", "* η", "+ η")) or "   * η" in line]
    assert legend_rows and all(len(lines[: lines.index(r) + 1]) <= height - 1 for r in legend_rows)
    words = [t(f"plot.lr.word.{key}") for key in ("slow", "good", "diverging")]
    for word in words:  # each verdict is on one line, never broken mid-word
        assert any(word in line for line in after), word
    verdict_words = {w for verdict in words for w in verdict.split()}
    verdict_words |= {w for note in lr_chart([0.01, 0.1, 1.1], 20, lang).notes for w in note.split()}
    for a, b in zip(lines, lines[1:], strict=False):  # no verdict word split over two lines
        if a.split() and b.split():
            assert a.split()[-1] + b.split()[0] not in verdict_words, (a, b)
    text = joined(after)
    # θ₂₀ by hand: 0.98^20 = 0.6676, 0.8^20 = 0.01153, 1.2^20 = 38.34
    for value in ("θ₂₀ = 0.6676", "θ₂₀ = 0.01153", "θ₂₀ = 38.34"):
        assert value in text
    # |θ| = 1.2^k passes 3 first at k = 7 (1.2^6 = 2.99, 1.2^7 = 3.58)
    assert t("plot.lr.clipped", limit="3", k=7) in text


@pytest.mark.parametrize(("lr", "steps", "k"), [(2.0, 20, 2), (1.1, 200, 7), (10.0, 20, 1)])
@pytest.mark.parametrize("lang", LANGS)
def test_divergence_is_clipped_and_said(lr, steps, k, lang):
    """|1 − 2η|^k passes 3 at: η = 2: 3² = 9 > 3 at k = 2 (3¹ = 3 is not > 3); η = 1.1: k = 7;
    η = 10: 19 at k = 1. These values aborted the interpreter inside plotext (issue 13 item 8)."""
    t = catalog(lang)
    chart = lr_chart([lr], steps, lang)
    assert chart.ylim == (-3.0, 3.0)
    assert max(abs(v) for v in chart.series[0].y) > 3  # the point beyond, clipped when drawn
    assert len(chart.series[0].y) == k + 1
    lines = render(plot_view(PlotRequest(("lr",), lrs=(lr,), steps=steps), lang, 50, 15, False), 50)
    text = joined(lines)
    assert t("plot.lr.word.diverging") in text
    assert t("plot.lr.clipped", limit="3", k=k) in text


# ------------------------------------------------------------ calc --plot
def test_trajectory_of_an_optimizer():
    # a constant gradient g gives m̂ = g and v̂ = g², so each Adam step is η·g/|g| = 0.1 (ε aside)
    path = trajectory(compute("adam", param=1.0, grad=[0.5, 0.5, 0.5], lr=0.1))
    assert [p[0] for p in path] == pytest.approx([1.0, 0.9, 0.8, 0.7], abs=1e-6)
    # a vector parameter: gd with η = 0.1, g = [1, −2]: [1, 1] -> [0.9, 1.2]
    path = trajectory(compute("gd", param=[1.0, 1.0], grad=[[1.0, -2.0]], lr=0.1))
    assert path == [pytest.approx([1.0, 1.0]), pytest.approx([0.9, 1.2])]


def test_can_plot():
    assert can_plot(lookup("sigmoid"), compute("sigmoid", x=0.0))
    assert can_plot(lookup("gd"), compute("gd", param=1.0, grad=[0.5], lr=0.1))
    assert not can_plot(lookup("mse"), compute("mse", y_true=[1.0], y_pred=[0.0]))
    assert not can_plot(None, None)


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("lang", LANGS)
def test_one_optimizer_step_shows_before_after_and_direction(width, height, lang):
    t = catalog(lang)
    # Adam's first step with g = 0.5: m̂ = 0.5, v̂ = 0.25, θ₁ = 1 − 0.1·0.5/0.5 = 0.9
    result = compute("adam", param=1.0, grad=[0.5], lr=0.1)
    lines = render(calculation_view(lookup("adam"), result, lang, width, height, False), width)
    assert "┌" not in "".join(lines)  # not a plot of a straight line
    assert "θ: 1 → 0.9" in lines
    line = next(x for x in lines if "●" in x)
    assert line.index("◀") < line.index("●")  # the arrow points left: θ went down
    values = lines[lines.index(line) + 1]
    assert values.index("0.9") < values.index("1")
    words = lines[lines.index(line) + 2]
    assert words.index(t("plot.step.after")) < words.index(t("plot.step.before"))
    text = joined(lines)
    assert t("plot.step.down", theta="θ", amount="0.1") in text
    assert t("plot.step.against", g="0.5") in text
    assert widest(lines) <= width - 1


def test_a_step_against_the_gradient_sign_is_said():
    # gd with weight decay λ = 1: g + λθ = −0.1 + 1 = 0.9, θ₁ = 1 − 0.1·0.9 = 0.91: down while g < 0
    result = compute("gd", param=1.0, grad=[-0.1], lr=0.1, weight_decay=1.0)
    text = joined(render(calculation_view(lookup("gd"), result, "en", 60, 20, False), 60))
    assert "went down by 0.09" in text
    assert catalog("en")("plot.step.along", g="-0.1") in text


def test_a_vector_step_has_one_line_per_component():
    # gd, η = 0.1, g = [0.5, −1]: [1, 2] -> [0.95, 2.1]
    result = compute("gd", param=[1.0, 2.0], grad=[[0.5, -1.0]], lr=0.1)
    lines = render(calculation_view(lookup("gd"), result, "en", 50, 15, False), 50)
    assert "θ[0]: 1 → 0.95" in lines and "θ[1]: 2 → 2.1" in lines
    arrows = [x for x in lines if "●" in x]
    assert arrows[0].index("◀") < arrows[0].index("●") and arrows[1].index("●") < arrows[1].index("▶")


@pytest.mark.parametrize("lang", LANGS)
def test_a_point_far_outside_is_said_not_drawn(lang):
    """``calc sigmoid 1e308 --plot`` crashed (issue 13 item 10): the curve is drawn over −6..6
    and a line says the point is outside it."""
    result = compute("sigmoid", x=1e308)
    lines = render(calculation_view(lookup("sigmoid"), result, lang, 100, 30, False), 100)
    top, bottom = frame(lines)
    assert "-6" in lines[bottom + 1] and "6" in lines[bottom + 1].split()[-1]
    name = lookup("sigmoid").title(lang)
    assert catalog(lang)("plot.outside", name=name, x="1e308", y="1") in joined(lines)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_asked_points_are_marked_on_the_curve(width, height):
    # σ(0) = 1/(1 + 1) = 0.5
    lines = render(
        calculation_view(lookup("sigmoid"), compute("sigmoid", x=0.0), "en", width, height, False), width
    )
    top, bottom = frame(lines)
    assert "O" in "".join(plot_rows(lines))
    assert "O sigmoid(0) = 0.5" in "\n".join(lines[bottom + 1 :])
    assert lines[0].strip() == "sigmoid with the asked point"


def test_no_room_is_one_line():
    result = compute("sigmoid", x=0.0)
    lines = render(calculation_view(lookup("sigmoid"), result, "en", 30, 20, False), 30)
    assert "no room for a plot" in joined(lines) and "┌" not in "".join(lines)


def test_trajectory_prefers_the_engines_data_to_the_step_labels():
    from topa_quiz.engine.core import Calculation, Step

    # the labels say nothing a regex could read: only the trajectory field holds the path
    result = Calculation("gd", {"param": 1.0}, 0.5, (Step("θ ← θ − η·g", "1 − 0.5", 0.5),), (1.0, 0.75, 0.5))
    assert trajectory(result) == [[1.0], [0.75], [0.5]]
    assert can_plot(lookup("gd"), result)
