"""Numeric questions: the answer is computed by the engine and graded with a tolerance."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, ClassVar

from .base import Kind

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import RenderableType

    from ..bank.fields import KindFields
    from ..bank.model import Question
    from ..i18n import Catalog
    from ..rng import Rng
    from ..session.grading import Answer
    from ..session.items import Computed, Item


# ------------------------------------------------------------------ the bank format
@cache
def bank_fields() -> KindFields:
    """How the bank writes a numeric question (built when a bank file is read, not at start-up)."""
    from ..bank.computed import COMPUTED, read_computed
    from ..bank.fields import Form, KindFields

    return KindFields(
        "numeric",
        "A number computed by the engine from drawn parameters; the learner types it.",
        (Form("numeric", "a numeric question", COMPUTED, read_computed),),
    )


class NumericKind(Kind):
    name: ClassVar[str] = "numeric"
    bank_fields = staticmethod(bank_fields)
    fast: ClassVar[float] = 30.0
    slow: ClassVar[float] = 120.0
    always_computed: ClassVar[bool] = True

    def build(self, q: Question, base: Item, computed: Computed | None, rng: Rng) -> Item:
        from dataclasses import replace

        assert computed is not None, "the loader makes every numeric question computed"
        return replace(base, answer=computed.value)

    def answer_text(self, item: Item) -> str:
        from ..session.items import format_value

        return format_value(float(item.answer), item.decimals)

    def read(self, raw: str, item: Item) -> Answer | None:
        from ..session.grading import Answer, grade_numeric
        from ..session.numbers import parse_number

        if not raw.isascii():
            return None
        value = parse_number(raw)
        return None if value is None else Answer(raw, grade_numeric(value, item), value=value)

    def expected(self, item: Item, words: Catalog) -> str:
        return words("prompt.numeric")

    def panel_body(self, item: Item, words: Catalog) -> list[RenderableType]:
        from rich.text import Text

        text = words("numeric_help")
        if item.decimals:  # an integer answer asks for no decimals
            text += " — " + words("decimals", n=item.decimals)
        return [Text(""), Text(text, style="dim")]

    def feedback(self, item: Item, answer: Answer, words: Catalog) -> list[RenderableType]:
        from rich.text import Text

        from ..render.text import plain
        from ..session.grading import closeness, rounding_only

        if answer.value is None:
            return []
        line = Text(f"{words('your_value')}: ", style="dim")
        line.append_text(plain(answer.given))
        line.append(f" → {closeness(answer.value, item, words)}")
        lines: list[RenderableType] = [line]
        if rounding_only(answer.value, item):
            lines.append(Text(words("grade.rounding", n=item.decimals), style="yellow"))
        return lines

    def gift_answer(self, item: Item, general: str, escape: Callable[[str], str], words: Catalog) -> str:
        from ..export.gift import numeric_tolerance, plain_number
        from ..session.items import format_value

        value = format_value(float(item.answer), item.decimals)
        return "{#" + value + ":" + plain_number(numeric_tolerance(item)) + general + "}"
