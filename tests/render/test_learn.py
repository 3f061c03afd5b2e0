"""Study pages, the mastery map and the formula sheet, rendered at a fixed width in both languages."""

from __future__ import annotations

import io
import math
import re

import pytest
from rich.cells import cell_len
from rich.console import Console

from topa_quiz.bank.loader import load_bank
from topa_quiz.bank.model import Text
from topa_quiz.bank.study import Formula, Study, StudyPage
from topa_quiz.i18n import catalog
from topa_quiz.render.learn import (
    map_view,
    markdown_code,
    markdown_text,
    page_picture,
    page_view,
    sheet_markdown,
    sheet_view,
)
from topa_quiz.session.learn import build_page, load_syllabus, mastery_map, rng_for

from .layout import LANGS, render

WIDTH = 60
SIGMOID = "σ(x) = 1/(1 + e^(−x))"


@pytest.fixture(scope="module")
def bank():
    bank, problems = load_bank()
    assert not problems
    return bank


@pytest.fixture(scope="module")
def syllabus(bank):
    return load_syllabus(bank)


def lines_of(view, width: int = WIDTH) -> list[str]:
    return render(view, width)


def text_of(view, width: int = WIDTH) -> str:
    return "\n".join(lines_of(view, width))


def flat(text: str) -> str:
    """The text with line breaks and runs of spaces as one space (a wrapped sentence joined)."""
    return " ".join(text.split())


@pytest.mark.parametrize("lang", LANGS)
def test_the_sigmoid_page_has_its_formula_and_a_worked_example(syllabus, bank, lang):
    words = catalog(lang)
    page = build_page(syllabus, "activation.sigmoid", rng_for(21))
    text = text_of(page_view(page, bank, words))
    calc = page.examples[0].calculation
    for heading in ("learn.idea", "learn.formulas", "learn.example", "learn.misconceptions", "learn.related"):
        assert words(heading) in text, heading
    assert SIGMOID in text
    assert bank.concepts["activation.sigmoid"].name(lang) in text.splitlines()[0]
    x = float(calc.inputs["x"])
    assert f"x={x:g}" in text
    shown = next(line for line in text.splitlines() if line.startswith(words("calc.result") + " "))
    assert float(shown.split()[-1]) == pytest.approx(1 / (1 + math.exp(-x)), rel=1e-9)
    assert flat(page.misconceptions[0].get(lang)) in flat(text)
    assert "activation.tanh" in text  # a related concept, by the id that topa learn takes


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_the_map_and_the_sheet_fit_60_columns(syllabus, bank, lang):
    words = catalog(lang)
    rng = rng_for(2)
    views = []
    for cid in syllabus.concepts:
        page = build_page(syllabus, cid, rng)
        picture = page_picture(page, lang, WIDTH, 20, False)
        views.append((cid, page_view(page, bank, words, picture=picture, position=(9, 9))))
    views += [("map", map_view(mastery_map(syllabus, {"loss.mse": (12, 15)}), bank, words))]
    views += [("sheet", sheet_view(syllabus, words))]
    for name, view in views:
        too_wide = [line for line in lines_of(view) if cell_len(line) > WIDTH]
        assert too_wide == [], (name, too_wide)


def test_worked_steps_are_stacked_so_a_formula_keeps_the_width(syllabus, bank):
    from topa_quiz.render.steps import value_text

    page = build_page(syllabus, "optimizer.adam", rng_for(3))
    calc = page.examples[0].calculation
    lines = lines_of(page_view(page, bank, catalog("en")))
    for i, step in enumerate(calc.steps, 1):
        at = lines.index(f"{i}. {step.label}".rstrip())
        if step.formula and len(step.formula) <= WIDTH - 3:
            assert lines[at + 1].strip().startswith(step.formula), step.label  # whole, on one line
        assert f"→ {value_text(step.value)}" in "\n".join(lines[at : at + 4])


def test_page_text_is_shown_as_written_never_as_markup(bank):
    from topa_quiz.session.learn import LearnPage

    tricky = Text("[bold]굵게[/bold] \x1b[31m", "[bold]not bold[/bold] [link=x]y[/link] \x1b[31m")
    study_page = StudyPage(
        "activation.tanh",
        "activation",
        idea=tricky,
        pitfalls=(tricky,),
        formulas=(Formula("[x] = [1, 2]", tricky),),
    )
    page = LearnPage("activation.tanh", "activation", study_page, (), (tricky,), ())
    text = text_of(page_view(page, bank, catalog("en")))
    assert "[bold]not bold[/bold]" in text and "[link=x]y[/link]" in text and "[x] = [1, 2]" in text
    assert "\x1b" not in text and "␛[31m" in text


def test_a_topic_page_says_where_it_is(syllabus, bank):
    page = build_page(syllabus, "loss.mse", rng_for(0))
    head = text_of(page_view(page, bank, catalog("en"), position=(2, 6))).splitlines()[:2]
    assert head[1] == "Loss functions · loss.mse · page 2 of 6"


# ------------------------------------------------------------------ picture
def test_an_activation_is_drawn_with_its_derivative(syllabus):
    page = build_page(syllabus, "activation.tanh", rng_for(0))
    text = text_of(page_picture(page, "en", WIDTH, 20, False))
    assert "┌" in text and "• tanh" in text and "tanh′" in text


def test_an_optimizer_page_draws_its_worked_example(syllabus):
    page = build_page(syllabus, "optimizer.momentum", rng_for(0))
    calc = page.examples[0].calculation
    text = text_of(page_picture(page, "en", WIDTH, 20, False))
    assert "momentum" in text and "┌" in text
    assert len(calc.trajectory) >= 3  # two gradients: a path, not a single step


def test_the_learning_rate_page_draws_the_comparison(syllabus):
    page = build_page(syllabus, "optimizer.learning_rate", rng_for(0))
    text = text_of(page_picture(page, "ko", WIDTH, 20, False))
    assert "η = 0.01" in text and "η = 1.1" in text


def test_a_page_without_a_picture_draws_nothing(syllabus):
    assert page_picture(build_page(syllabus, "loss.mse", rng_for(0)), "en", WIDTH, 20, False) is None


# ---------------------------------------------------------------------- map
@pytest.mark.parametrize("lang", LANGS)
def test_the_map_shows_accuracy_and_what_was_never_answered(syllabus, bank, lang):
    words = catalog(lang)
    mastery = mastery_map(syllabus, {"neuron.dendrite": (2, 3)})
    lines = lines_of(map_view(mastery, bank, words))
    dendrite = next(line for line in lines if bank.concepts["neuron.dendrite"].name(lang) in line)
    assert "2/3" in dendrite and "67%" in dendrite
    axon = next(line for line in lines if bank.concepts["neuron.axon"].name(lang) in line)
    assert words("learn.never") in axon
    text = "\n".join(lines)
    assert "topa learn neuron.cell_body" in text  # the first concept never answered
    for tid in bank.topics:
        assert bank.topics[tid].get(lang) in text


def test_the_map_names_the_weakest_once_everything_is_answered(syllabus, bank):
    answered = {cid: (4, 4) for cid in bank.concepts} | {"loss.r2": (1, 5)}
    text = flat(text_of(map_view(mastery_map(syllabus, answered), bank, catalog("en"))))
    assert "your weakest concept (1/5 right)" in text and "topa learn loss.r2" in text


# -------------------------------------------------------------------- sheet
@pytest.mark.parametrize("lang", LANGS)
def test_the_markdown_sheet_has_a_heading_per_topic_and_every_formula(syllabus, bank, lang):
    words = catalog(lang)
    markdown = sheet_markdown(syllabus, words)
    headings = re.findall(r"^## (.+)$", markdown, re.M)
    with_formulas = [t for t in syllabus.topics if syllabus.study.sheet(t)]
    assert len(headings) == len(with_formulas) >= len(bank.topics)
    for tid in bank.topics:
        assert markdown_text(bank.topics[tid].get(lang)) in headings
    for tid in with_formulas:
        for page in syllabus.study.sheet(tid):
            for formula in page.formulas:
                assert f"`{formula.text}`" in markdown, formula.text
    assert markdown.startswith(f"# {words('learn.sheet_title')}\n")


def test_the_terminal_sheet_has_every_formula(syllabus):
    text = text_of(sheet_view(syllabus, catalog("ko")), 200)
    for tid in syllabus.topics:
        for page in syllabus.study.sheet(tid):
            for formula in page.formulas:
                assert formula.text in text


def test_markdown_shows_text_and_code_literally():
    assert markdown_text("a*b_c [x](y) <b>") == r"a\*b\_c \[x\](y) \<b\>"
    assert markdown_code("a`b") == "``a`b``"
    assert markdown_code("`x`") == "`` `x` ``"
    assert markdown_text("two\nlines\x07") == "two lines␇"


def test_no_sheet_for_a_study_without_formulas(bank):
    syllabus = load_syllabus(bank, Study({}))
    assert sheet_markdown(syllabus, catalog("en")).strip() == "# Formula sheet"


def test_rendering_in_colour_adds_no_words(syllabus, bank):
    """NO_COLOR or not, the page says the same (colour is style only)."""
    page = build_page(syllabus, "activation.relu", rng_for(1))
    view = page_view(page, bank, catalog("ko"))
    plain_lines = lines_of(view)
    console = Console(
        width=WIDTH, record=True, color_system="truecolor", file=io.StringIO(), force_terminal=True
    )
    console.print(view)
    assert [line.rstrip() for line in console.export_text().splitlines()] == plain_lines
