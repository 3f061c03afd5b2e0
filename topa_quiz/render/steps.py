"""Rich renderables for an engine calculation: inputs, worked steps, result.

Labels, formulas and values are shown as :class:`rich.text.Text`, never parsed as markup:
a formula such as ``−[yᵢ·ln pᵢ + …]`` shows exactly as written. A step's note (a catalog
message) is shown under its formula in the session's language.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..engine.core import Calculation, Value, fmt, fmt_array
from ..i18n import catalog


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


def _formula_cell(formula: str, note: str) -> Text:
    cell = Text(formula)
    if note:
        if formula:
            cell.append("\n")
        cell.append(note, style="dim")
    return cell


def steps_table(calc: Calculation, title: str | None = None, lang: str = "en") -> Table:
    say = catalog(lang)
    table = Table(
        box=box.SIMPLE_HEAD,
        title=Text(title) if title else None,
        title_justify="left",
        expand=False,
        pad_edge=False,
    )
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column(say("calc.header.step"), style="cyan", no_wrap=True)
    table.add_column(say("calc.header.formula"), overflow="fold")
    table.add_column(say("calc.header.value"), justify="right", style="bold", overflow="fold")
    for i, s in enumerate(calc.steps, 1):
        table.add_row(
            Text(str(i)),
            Text(s.label),
            _formula_cell(s.formula, s.note_text(lang)),
            Text(value_text(s.value)),
        )
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
    return Text.assemble((catalog(lang)("calc.result") + " ", "bold"), (value_text(result, 10), "bold green"))


def calculation_view(calc: Calculation, summary: str, lang: str = "en") -> RenderableType:
    return Group(
        Text.assemble((calc.name, "bold magenta"), "  ", (summary, "dim")),
        inputs_text(calc.inputs),
        steps_table(calc, lang=lang),
        result_text(calc.result, lang),
    )
