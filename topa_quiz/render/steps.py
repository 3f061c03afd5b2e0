"""Rich renderables for an engine calculation: inputs, worked steps, result."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..engine.core import Calculation, Step, Value, fmt, fmt_array
from .text import plain

if TYPE_CHECKING:
    from ..i18n import Catalog


def value_text(v: object, digits: int = 6) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return fmt(v, digits)
    if isinstance(v, list):
        if v and isinstance(v[0], list):  # rows of a batch
            return "; ".join(fmt_array(r, digits) for r in v)
        return fmt_array(v, digits)
    return str(v)


def step_formula(step: Step, lang: str) -> Text:
    """The formula as written (never markup), then the step's note in ``lang`` when it has one."""
    text = plain(step.formula)
    if step.note:
        from ..i18n import catalog

        words = catalog(lang)
        note = words(step.note, **step.args) if words.has(step.note) else step.note
        text.append_text(plain(("  " if step.formula else "") + note, "dim"))
    return text


def steps_table(calc: Calculation, title: str | None = None, lang: str = "ko") -> Table:
    from ..i18n import catalog

    words = catalog(lang)
    table = Table(box=box.SIMPLE_HEAD, title=title, title_justify="left", expand=False, pad_edge=False)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column(words("steps.step"), style="cyan", no_wrap=True)
    table.add_column(words("steps.formula"), overflow="fold")
    table.add_column(words("steps.value"), justify="right", style="bold", overflow="fold")
    for i, s in enumerate(calc.steps, 1):
        table.add_row(str(i), plain(s.label), step_formula(s, lang), plain(value_text(s.value)))
    return table


def inputs_text(inputs: Mapping[str, object]) -> Text:
    parts = Text()
    for k, v in inputs.items():
        if v is None:
            continue
        if parts:
            parts.append("  ")
        parts.append(f"{k}", style="cyan")
        parts.append(f"={value_text(v)}")
    return parts


def result_text(result: Value, lang: str = "en") -> Text:
    from ..i18n import catalog

    return Text.assemble((catalog(lang)("calc.result") + " ", "bold"), (value_text(result, 10), "bold green"))


def calculation_view(calc: Calculation, summary: str, lang: str = "en") -> RenderableType:
    return Group(
        Text.assemble((calc.name, "bold magenta"), "  ", (summary, "dim")),
        inputs_text(calc.inputs),
        steps_table(calc, lang=lang),
        result_text(calc.result, lang),
    )


def calc_list(words: Catalog) -> RenderableType:
    """Every calculation of the registry by topic, with what it computes."""
    from ..engine.registry import CALCS, topics

    table = Table(box=box.SIMPLE_HEAD, title=words("calc.title"), title_justify="left")
    table.add_column(words("calc.name"), style="bold cyan", no_wrap=True)
    table.add_column(words("calc.what"), overflow="fold")
    for topic in topics():
        for c in (c for c in CALCS if c.topic == topic):
            table.add_row(c.name, plain(c.summary(words.lang)))
    return Group(table, Text(words("calc.details")))
