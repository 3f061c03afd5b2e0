"""The chart renderer: clipping, word wrapping, the legend below the plot, question figures.

Expected values are worked out by hand in the comments, never computed by the code under test.
"""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from topa_quiz.render.figure import (
    Chart,
    FigureData,
    Series,
    chart_view,
    clip,
    figure_data,
    figure_table,
    question_chart,
    question_figure_view,
    wrap,
)

from .layout import SIZES, frame, plot_rows, render, widest


# ----------------------------------------------------------------- clipping
def test_a_line_leaving_the_window_ends_at_its_edge():
    # (1, 2) -> (2, 10) meets y = 3 at t = (3 - 2) / (10 - 2) = 0.125, so x = 1.125
    assert clip([0, 1, 2], [0, 2, 10], -3, 3) == [(0, 0, False), (1, 2, True), (1.125, 3, True)]


def test_a_line_crossing_the_whole_window_is_drawn_between_its_edges():
    # (0, 5) -> (1, -5): y = 3 at t = 0.2, y = -3 at t = 0.8
    assert clip([0, 1], [5, -5], -3, 3) == [(0.2, 3, False), (0.8, -3, True)]


def test_a_line_coming_back_starts_again_at_the_edge():
    # (0, 0) -> (1, 4) leaves at y = 3, t = 3/4: x = 0.75; (1, 4) -> (2, 2) comes back at
    # t = (3 − 4)/(2 − 4) = 0.5: x = 1.5, not joined to what came before
    assert clip([0, 1, 2], [0, 4, 2], -3, 3) == [
        (0, 0, False),
        (0.75, 3, True),
        (1.5, 3, False),
        (2, 2, True),
    ]


def test_points_outside_and_non_finite_values_are_dropped():
    assert clip([0, 1, 2], [1, 9, 2], -3, 3, lines=False) == [(0, 1, False), (2, 2, False)]
    assert clip([0, 1, 2], [1, float("inf"), 2], -3, 3) == [(0, 1, False), (2, 2, False)]


def test_huge_values_never_reach_plotext():
    """θ = 1e300 in a ±3 window: only the crossing at the edge is drawn (plotext aborted the
    interpreter on such values before, issue 13 item 8)."""
    chart = Chart("t", (Series("a", (0.0, 1.0, 2.0), (1.0, -1e300, 1e300)),), ylim=(-3.0, 3.0))
    lines = render(chart_view(chart, 60, 20), 60)
    assert "•" in "".join(plot_rows(lines))


# -------------------------------------------------------------------- words
def test_wrap_breaks_only_at_spaces():
    text = "η = 1.1: θ₂₀ = 38.34, diverges. every step overshoots the minimum"
    lines = wrap(text, 20)
    assert " ".join(lines) == text  # nothing lost, no word cut
    assert all(cell_len(line) <= 20 for line in lines)
    assert lines[0] == "η = 1.1: θ₂₀ ="  # with " 38.34," it would be 21 cells


def test_wrap_measures_korean_in_cells():
    # each Hangul syllable takes two cells: "너무 느림" is 9 cells
    assert wrap("η = 0.01 너무 느림 방향은", 14) == ["η = 0.01 너무", "느림 방향은"]


def test_a_word_longer_than_the_line_is_folded():
    assert wrap("abcdefgh", 3) == ["abc", "def", "gh"]


# ------------------------------------------------------------------- layout
def chart_of(labels: list[str]) -> Chart:
    xs = tuple(float(k) for k in range(10))
    series = tuple(
        Series(label, xs, tuple(float(k * (i + 1)) for k in range(10))) for i, label in enumerate(labels)
    )
    return Chart("a title that is long enough to wrap on a narrow terminal", series, "x", "y")


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_legend_sits_below_the_plot_and_everything_fits(width, height):
    labels = ["훈련 손실", "검증 손실", "training loss", "validation loss"]
    lines = render(chart_view(chart_of(labels), width, height), width)
    top, bottom = frame(lines)
    inside = "\n".join(lines[top : bottom + 1])
    below = "\n".join(lines[bottom + 1 :])
    for label in labels:
        assert label not in inside
        assert label in below
    assert len(lines) <= height - 1  # title, plot, axis labels and legend fit the terminal
    assert widest(lines) <= width - 1
    drawn = "".join(plot_rows(lines))
    for marker in "•*+x":  # every series is on screen with its own marker
        assert marker in drawn


def test_too_small_gives_nothing():
    assert chart_view(chart_of(["a"]), 39, 30) is None
    assert chart_view(chart_of(["a"]), 80, 9) is None


# --------------------------------------------------------- question figures
CURVES = {
    "kind": "curves",
    "title": {"ko": "학습 곡선", "en": "learning curves"},
    "x": {"ko": "에포크", "en": "epoch"},
    "y": {"ko": "손실", "en": "loss"},
    "series": [
        {"label": {"ko": "훈련 손실", "en": "training loss"}, "values": [2.1, 1.4, 1.0, 0.8]},
        {"label": {"ko": "검증 손실", "en": "validation loss"}, "values": [2.2, 1.6, 1.5, 1.7]},
    ],
}


def test_figure_data_reads_the_bank_format_in_each_language():
    ko = figure_data(CURVES, "ko")
    assert ko == FigureData(
        "학습 곡선",
        "에포크",
        "손실",
        (("훈련 손실", (2.1, 1.4, 1.0, 0.8)), ("검증 손실", (2.2, 1.6, 1.5, 1.7))),
    )
    assert figure_data(CURVES, "en").series[1][0] == "validation loss"


def test_figure_data_reads_model_objects_too():
    class Text:
        def __init__(self, ko, en):
            self.ko, self.en = ko, en

        def get(self, lang):
            return self.en if lang == "en" else self.ko

    class S:
        label = Text("훈련", "train")
        values = (1.0, 0.5)

    class F:
        title = None
        x = Text("에포크", "epoch")
        y = Text("손실", "loss")
        series = (S(),)

    assert figure_data(F(), "en") == FigureData("", "epoch", "loss", (("train", (1.0, 0.5)),))


def test_figure_table_is_a_table_of_values_per_epoch():
    assert figure_table(figure_data(CURVES, "en")) == (
        "learning curves (loss)\n"
        "epoch  training loss  validation loss\n"
        "1                2.1              2.2\n"
        "2                1.4              1.6\n"
        "3                  1              1.5\n"
        "4                0.8              1.7"
    )


def test_figure_table_aligns_korean_by_cells():
    lines = figure_table(figure_data(CURVES, "ko")).splitlines()
    # "에포크" is 6 cells wide, "훈련 손실" 9: the numbers end under the last cell of each header
    assert lines[1] == "에포크  훈련 손실  검증 손실"
    assert lines[2] == "1             2.1        2.2"


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_question_figure_is_drawn_with_its_words(width, height, lang):
    data = figure_data(CURVES, lang)
    lines = render(chart_view(question_chart(data), width, height), width)
    top, bottom = frame(lines)
    assert data.title in lines[0]
    below = "\n".join(lines[bottom + 1 :])
    assert data.x in below and data.y in below
    for label, _ in data.series:
        assert label in below and label not in "\n".join(lines[: bottom + 1])
    drawn = "".join(plot_rows(lines))
    assert "•" in drawn and "*" in drawn
    assert widest(lines) <= width - 1
    ticks = lines[bottom + 1].split()
    assert ticks == ["1", "2", "3", "4"]  # x = epochs 1..4


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_quiz_view_of_a_figure_leaves_room_for_the_options(lang):
    lines = render(question_figure_view(CURVES, lang, 100, 60), 100)
    assert len(lines) <= 20 - 1
    assert "┌" in lines[1]


def test_a_terminal_too_small_for_the_chart_gets_the_table():
    lines = render(question_figure_view(CURVES, "en", 60, 9), 60)
    assert lines == figure_table(figure_data(CURVES, "en")).splitlines()
