"""Rich renderables for ``topa learn``: a study page, the mastery map, the formula sheet.

Every word comes from the catalog in the session's language; every text of a page or of
the bank is shown with :func:`~topa_quiz.render.text.plain`. Nothing here prints, and
nothing needs colour or a terminal: a page reads the same in a pipe and with NO_COLOR.
The formula sheet also comes as Markdown (:func:`sheet_markdown`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from .labels import concept_name, mastery_bar, topic_name
from .text import plain, visible

if TYPE_CHECKING:
    from ..bank.model import Bank
    from ..bank.study import Formula
    from ..engine.core import Calculation
    from ..i18n import Catalog
    from ..session.learn import LearnPage, Mastery, MasteryMap, Syllabus, WorkedExample


def _section(title: str) -> Text:
    return Text(f"\n{title}", style="bold cyan")


def _indented(renderable: RenderableType, left: int = 2) -> Padding:
    return Padding(renderable, (0, 0, 0, left), expand=False)


def _bullets(rows: list[Text]) -> Table:
    """Bullet points whose wrapped lines stay indented under their text."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    for row in rows:
        table.add_row("•", row)
    return table


# --------------------------------------------------------------------- page
def page_view(
    page: LearnPage,
    bank: Bank,
    words: Catalog,
    *,
    picture: RenderableType | None = None,
    position: tuple[int, int] | None = None,
) -> RenderableType:
    """One study page; ``picture`` goes after the formulas; ``position`` is (n, total) in a topic."""
    lang = words.lang
    parts: list[RenderableType] = [heading(page, bank, words, position)]
    parts += [_section(words("learn.idea")), plain(page.page.idea.get(lang))]
    if page.page.formulas:
        parts += [_section(words("learn.formulas")), formulas_view(page.page.formulas, lang)]
    if picture is not None:
        parts += [_section(words("learn.picture")), picture]
    for i, example in enumerate(page.examples, 1):
        title = words("learn.example_n", n=i) if len(page.examples) > 1 else words("learn.example")
        parts += [_section(title), example_view(example, lang)]
    if page.misconceptions:
        parts += [
            _section(words("learn.misconceptions")),
            _bullets([plain(m.get(lang)) for m in page.misconceptions]),
        ]
    if page.related:
        rows = [related_line(bank, cid, lang) for cid in page.related]
        parts += [_section(words("learn.related")), _bullets(rows)]
    return Group(*parts)


def heading(page: LearnPage, bank: Bank, words: Catalog, position: tuple[int, int] | None) -> Text:
    """The concept's name; under it its topic, its id and where it is in the topic."""
    lang = words.lang
    text = plain(concept_name(bank, page.concept, lang), "bold")
    where = [topic_name(bank, page.topic, lang), page.concept]
    if position is not None:
        where.append(words("learn.page_of", n=position[0], total=position[1]))
    text.append_text(plain("\n" + " · ".join(where), "dim"))
    return text


def formulas_view(formulas: tuple[Formula, ...], lang: str) -> Group:
    """Each formula as written, its gloss under it."""
    rows: list[RenderableType] = []
    for f in formulas:
        rows.append(_indented(plain(f.text, "bold")))
        rows.append(_indented(plain(f.gloss.get(lang), "dim"), 4))
    return Group(*rows)


def example_view(example: WorkedExample, lang: str) -> Group:
    """What the example computes, its inputs, the engine's steps and the result."""
    from ..engine.registry import lookup
    from .steps import inputs_text, result_text

    calc = example.calculation
    spec = lookup(calc.name)
    parts: list[RenderableType] = []
    if example.note is not None:
        parts.append(plain(example.note.get(lang)))
    if spec is not None:
        parts.append(plain(spec.summary(lang), "dim"))
    parts += [inputs_text(calc.inputs), steps_view(calc, lang), Text(""), result_text(calc.result, lang)]
    return Group(*parts)


def steps_view(calc: Calculation, lang: str) -> Table:
    """The engine's steps one under another, as on paper: what is computed, the formula with
    the numbers in (and the step's note), then its value. Unlike the steps table of
    ``topa calc``, a long formula gets the whole width of a narrow terminal."""
    from .steps import step_formula, value_text

    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", style="dim", no_wrap=True)
    table.add_column(overflow="fold")
    for i, step in enumerate(calc.steps, 1):
        lines: list[RenderableType] = [plain(step.label, "cyan")]
        if step.formula or step.note:
            lines.append(step_formula(step, lang))
        lines.append(plain("→ " + value_text(step.value), "bold"))
        table.add_row(f"{i}.", Group(*lines))
    return table


def related_line(bank: Bank, cid: str, lang: str) -> Text:
    text = plain(concept_name(bank, cid, lang))
    text.append_text(plain("  " + cid, "dim"))
    return text


def page_picture(page: LearnPage, lang: str, width: int, height: int, color: bool) -> RenderableType | None:
    """The page's picture: a curve with its derivative, an optimizer's path (from the worked
    example), or the learning-rate comparison; None when the page has none."""
    from ..engine.registry import lookup
    from .plots import LR_PLOT, PlotRequest, calculation_view, plot_view

    name = page.plot
    if name is None:
        return None
    if name == LR_PLOT:
        return plot_view(PlotRequest((LR_PLOT,)), lang, width, height, color)
    calc = lookup(name)
    if calc is None:
        return None
    if calc.plot == "curve":
        return plot_view(PlotRequest((name,), derivative=bool(calc.derivative)), lang, width, height, color)
    worked = next((x.calculation for x in page.examples if x.calculation.name == calc.name), None)
    return None if worked is None else calculation_view(calc, worked, lang, width, height, color)


# ---------------------------------------------------------------------- map
def map_view(mastery: MasteryMap, bank: Bank, words: Catalog) -> RenderableType:
    """Every concept by topic with its accuracy, then what to learn next and the command.

    A concept takes two lines: its name with its accuracy (or "never answered") at the
    right, then its id, which ``topa learn`` takes.
    """
    lang = words.lang
    table = Table.grid(expand=True)
    table.add_column(overflow="fold", ratio=1)
    table.add_column(justify="right", no_wrap=True, width=STATUS_WIDTH)
    for topic, concepts in mastery.topics:
        table.add_row(Text(""), Text(""))
        table.add_row(_named(topic_name(bank, topic, lang), topic, "bold"), Text(""))
        for m in concepts:
            name = concept_name(bank, m.concept, lang)
            table.add_row(plain("  " + name), status(m, words))
            if name != m.concept:
                table.add_row(plain("  " + m.concept, "dim"), Text(""))
    title = Text(words("learn.map_title"), style="bold")
    return Group(title, table, Text(""), next_view(mastery, bank, words))


def _named(name: str, tid: str, style: str) -> Text:
    """A name, then its id when that says something more."""
    text = plain(name, style)
    if name != tid:
        text.append_text(plain(f"  {tid}", "dim"))
    return text


#: cells of the accuracy column of the map: "12/15  80% ████████"
STATUS_WIDTH = 20


def status(m: Mastery, words: Catalog) -> Text:
    """right/answered, the percentage and a bar; or why there is none."""
    if m.accuracy is None:
        return Text(words("learn.never") if m.drilled else words("learn.no_questions"), style="dim")
    text = Text(f"{m.right}/{m.answered} {100 * m.accuracy:>4.0f}% ")
    text.append_text(mastery_bar(m.accuracy, 8))
    return text


def next_view(mastery: MasteryMap, bank: Bank, words: Catalog) -> Text:
    """What to learn next and why, and the command that opens it."""
    m = mastery.next
    if m is None:
        return Text(words("learn.next_none"))
    name = concept_name(bank, m.concept, words.lang)
    if mastery.reason == "new":
        line = words("learn.next_new", name=name)
    else:
        line = words("learn.next_weak", name=name, right=m.right, answered=m.answered)
    text = plain(line, "bold")
    text.append_text(plain("\n→ " + words("learn.run", command=f"topa learn {m.concept}")))
    text.append_text(plain("\n" + words("learn.map_hint"), "dim"))
    return text


# -------------------------------------------------------------------- sheet
def sheet_view(syllabus: Syllabus, words: Catalog) -> RenderableType:
    """The formulas of every topic, grouped by topic and concept, each with its gloss."""
    lang, bank = words.lang, syllabus.bank
    parts: list[RenderableType] = [Text(words("learn.sheet_title"), style="bold")]
    for topic in syllabus.topics:
        pages = syllabus.study.sheet(topic)
        if not pages:
            continue
        parts.append(_section(topic_name(bank, topic, lang)))
        for page in pages:
            parts.append(plain(concept_name(bank, page.concept, lang), "bold"))
            parts.append(formulas_view(page.formulas, lang))
    return Group(*parts)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")


def markdown_text(text: str) -> str:
    """Text as Markdown shows it literally: one line, special characters escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(visible(text).split()))


def markdown_code(text: str) -> str:
    """An inline code span that holds ``text`` exactly (backticks inside included)."""
    text = visible(text).replace("\n", " ").replace("\t", " ")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def sheet_markdown(syllabus: Syllabus, words: Catalog) -> str:
    """The formula sheet as Markdown: a heading per topic and per concept, a line per formula."""
    lang, bank = words.lang, syllabus.bank
    lines = [f"# {markdown_text(words('learn.sheet_title'))}"]
    for topic in syllabus.topics:
        pages = syllabus.study.sheet(topic)
        if not pages:
            continue
        lines += ["", f"## {markdown_text(topic_name(bank, topic, lang))}"]
        for page in pages:
            lines += ["", f"### {markdown_text(concept_name(bank, page.concept, lang))}", ""]
            lines += [f"- {markdown_code(f.text)}: {markdown_text(f.gloss.get(lang))}" for f in page.formulas]
    return "\n".join(lines) + "\n"
